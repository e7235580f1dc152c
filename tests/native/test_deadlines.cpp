// Deadlines on a fake calendar: what the dashboard, the unlock banner and the calendar file show.
#include "core/kinds/deadlines.h"
#include "core/vault/change.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace ts;
using namespace ts::kinds;

namespace {

vault::Data sample() {
    vault::Data d;
    d.organisations.push_back({"o1", "ООО «Ромашка»", "RU", "7707083893", {}});
    auto add = [&](const char* id, const char* kind, nlohmann::json fields, std::string org = "") {
        vault::change::UpsertEntry c;
        c.id = id;
        c.kind = kind;
        c.fields = std::move(fields);
        c.org = std::move(org);
        vault::apply(d, c, 1);
    };
    add("tps", "oais-tpsclient-token",
        {{"systemName", "TPSClient"}, {"token", "SECRET-TOKEN-1"}, {"issuedOn", "2026-09-01"}}, "o1");
    add("exp", "eis-export-token",
        {{"guid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}, {"validUntil", "2026-11-20"}});
    add("far", "eis-export-token",
        {{"guid", "3f2504e0-4f89-11d3-9a0c-0305e82c3302"}, {"validUntil", "2027-06-01"}});
    add("none", "eis-https-login", {{"login", "bft"}, {"password", "SECRET-PASS-2"}});
    return d;
}

} // namespace

TEST_CASE("the dashboard lists what expires within 30 days and what has expired, soonest first") {
    const vault::Data d = sample();
    const Date today{2026, 11, 27};
    const auto list = deadlinesWithin(d, Registry::builtIn(), today, 30);
    REQUIRE(list.size() == 2);
    CHECK(list[0].entry->id == "exp"); // expired 7 days ago
    CHECK(list[0].due.level == Due::Level::Expired);
    CHECK(list[0].due.daysLeft == -7);
    CHECK(list[1].entry->id == "tps"); // 01.12.2026: in 4 days, inside the 5-day lead
    CHECK(list[1].due.leadReached == 5);
    CHECK(needingAttention(d, Registry::builtIn(), today).size() == 2);
    CHECK(needingAttention(d, Registry::builtIn(), Date{2026, 10, 1}).empty()); // 50 and 61 days left
}

TEST_CASE("an entry's own lead times replace its kind's") {
    vault::Data d = sample();
    d.find("far")->warnDays = {200};
    const auto list = needingAttention(d, Registry::builtIn(), Date{2026, 11, 27});
    CHECK(std::any_of(list.begin(), list.end(), [](const Deadline& x) { return x.entry->id == "far"; }));
}

TEST_CASE("entries are named by their name field, else an imported title, else their kind") {
    const vault::Data d = sample();
    const Registry& r = Registry::builtIn();
    CHECK(entryName(*r.find("oais-tpsclient-token"), *d.find("tps"), Lang::Ru) == "TPSClient");
    CHECK(entryName(*r.find("eis-export-token"), *d.find("exp"), Lang::Ru) == "Токен сервисов отдачи");
    vault::Entry imported = *d.find("exp"); // brought in from a KeePassXC export, with its title
    imported.fields["title"] = "ЕИС сервисы отдачи, бухгалтерия";
    CHECK(entryName(*r.find("eis-export-token"), imported, Lang::Ru) == "ЕИС сервисы отдачи, бухгалтерия");
}

TEST_CASE("entries of an organisation are named after it, then their kind in a few words") {
    vault::Data d = sample(); // "tps" is of ООО «Ромашка»
    d.find("exp")->org = "o1";
    const Registry& r = Registry::builtIn();
    CHECK(entryName(*r.find("eis-export-token"), *d.find("exp"), Lang::Ru, &d) ==
          "ООО «Ромашка» · Токен сервисов отдачи");
    CHECK(entryName(*r.find("oais-tpsclient-token"), *d.find("tps"), Lang::Ru, &d) ==
          "ООО «Ромашка» · Токен TPSClient"); // the system's name said once
    CHECK(entryName(*r.find("eis-export-token"), *d.find("exp"), Lang::En, &d) ==
          "ООО «Ромашка» · Data-output services token");
    // Without the vault's data (or an organisation) the name is what it was.
    CHECK(entryName(*r.find("oais-tpsclient-token"), *d.find("tps"), Lang::Ru) == "TPSClient");
}

TEST_CASE("the calendar has every dated entry with its lead-time alarms, and no secret") {
    const vault::Data d = sample();
    const auto events = calendarEvents(d, Registry::builtIn(), Lang::Ru);
    REQUIRE(events.size() == 3); // the HTTPS login never expires
    const std::string ics = buildCalendar(events, 1'764'255'900'000);
    CHECK(ics.find("Истекает: TPSClient — ООО «Ромашка»") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20261201") != std::string::npos);
    CHECK(ics.find("TRIGGER:-P10D") != std::string::npos);
    for (const char* secret : {"SECRET-TOKEN-1", "SECRET-PASS-2", "3f2504e0", "7707083893"})
        CHECK_MESSAGE(ics.find(secret) == std::string::npos, secret);
}
