// The credential kinds: every built-in file loads, carries the seeds' facts, and the engine's
// rules (validation, expiry, warnings) hold for each.
#include "core/kinds/expiry.h"
#include "core/kinds/kind.h"
#include "core/kinds/validate.h"
#include "core/utf8.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::kinds;
using nlohmann::json;

namespace {

const Kind& kind(const char* id) {
    const Kind* k = Registry::builtIn().find(id);
    REQUIRE_MESSAGE(k, "kind " << id << " is built in");
    return *k;
}

Field fieldOf(FieldType type) {
    Field f;
    f.id = "f";
    f.type = type;
    return f;
}

bool anyText(const Kind& k, const std::string& needle) {
    auto has = [&](const Text& t) { return t.ru.find(needle) != std::string::npos; };
    if (has(k.title) || has(k.summary) || has(k.whereItGoes)) return true;
    for (const Field& f : k.fields)
        if (has(f.label) || has(f.hint)) return true;
    for (const Note& n : k.notes)
        if (has(n.text)) return true;
    return false;
}

} // namespace

TEST_CASE("every built-in kind file loads, with both languages and a name field") {
    const Registry& r = Registry::builtIn();
    for (const std::string& e : r.errors()) FAIL_CHECK(e);
    CHECK(r.all().size() >= 7);
    for (const Kind& k : r.all()) {
        CAPTURE(k.id);
        CHECK_FALSE(k.title.ru.empty());
        CHECK_FALSE(k.title.en.empty());
        CHECK_FALSE(k.whereItGoes.ru.empty());
        CHECK(std::is_sorted(k.warnDays.rbegin(), k.warnDays.rend()));
        for (const Field& f : k.fields) {
            CAPTURE(f.id);
            CHECK_FALSE(f.label.ru.empty());
            CHECK_FALSE(f.label.en.empty());
            if (f.type == FieldType::Choice && !f.defaultValue.empty())
                CHECK_FALSE(validateValue(f, f.defaultValue));
        }
    }
    CHECK(r.all().back().id == "generic"); // the specific kinds come first in pickers
}

TEST_CASE("the kinds carry the seed documents' facts") {
    const Kind& exportToken = kind("eis-export-token");
    CHECK(exportToken.country == "RU");
    CHECK(anyText(exportToken, "«Идентификатор»"));
    CHECK(anyText(exportToken, "«Срок действия»"));
    CHECK(anyText(exportToken, "«Настройки взаимодействия с сервисами ЕИС»"));
    CHECK(anyText(exportToken, "«Сервисы РИС»"));
    CHECK(exportToken.expiry.rule == Expiry::Rule::DateField);
    CHECK(kind("eis-accounting-token").id == "eis-accounting-token");

    const Kind& https = kind("eis-https-login");
    const Field* conn = nullptr;
    for (const Field& f : https.fields)
        if (f.type == FieldType::Choice && f.options.size() >= 2) {
            bool five = false, six = false;
            for (const Option& o : f.options) five |= o.value == "5", six |= o.value == "6";
            if (five && six) conn = &f;
        }
    CHECK_MESSAGE(conn, "BFT.Закупки connection type codes 5 and 6");
    bool warnsNewPassword = false;
    for (const Note& n : https.notes) warnsNewPassword |= n.warning;
    CHECK(warnsNewPassword);

    const Kind& participant = kind("eis-participant-token-key");
    CHECK(participant.expiry.rule == Expiry::Rule::MonthsAfter);
    CHECK(participant.expiry.months == 12);
    CHECK(
        (anyText(participant, "«Уникальный токен ключ»") || anyText(participant, "«Уникальный токен-ключ»")));

    const Kind& oais = kind("oais-system-token");
    CHECK(oais.country == "BY");
    CHECK(oais.warnDays == std::vector<int>{10, 5, 3});
    for (const char* code :
         {"3.40.01/1", "3.40.01/2", "3.40.08", "3.57.01", "3.57.02", "3.60.02", "3.61.01", "3.61.03"})
        CHECK_MESSAGE(anyText(oais, code), code);
    for (const char* role : {"«Директор»", "«Суперпользователь»", "«Уполномоченное лицо»"})
        CHECK_MESSAGE(anyText(oais, role), role);

    const Kind& tps = kind("oais-tpsclient-token");
    CHECK(tps.expiry.rule == Expiry::Rule::MonthsAfter);
    CHECK(tps.expiry.months == 3);
    CHECK(tps.warnDays == std::vector<int>{10, 5, 3});
    CHECK(anyText(tps, "TPSClient"));
    CHECK(anyText(tps, "Декларант-2011"));
}

TEST_CASE("a GUID that is not 8-4-4-4-12 hex is refused, naming the rule") {
    Field f;
    f.type = FieldType::Guid;
    f.required = true;
    CHECK_FALSE(validateValue(f, "3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    CHECK_FALSE(validateValue(f, "3F2504E0-4F89-11D3-9A0C-0305E82C3301"));
    CHECK(validateValue(f, "kjsd-34m34-23m4i23-4238un-45-453f") == Str::ErrGuidFormat); // the seeds' example
    CHECK(validateValue(f, "3f2504e04f8911d39a0c0305e82c3301") == Str::ErrGuidFormat);
    CHECK(validateValue(f, "3f2504e0-4f89-11d3-9a0c-0305e82c330") == Str::ErrGuidFormat);
    CHECK(validateValue(f, "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}") == Str::ErrGuidFormat);
    CHECK(validateValue(f, "") == Str::ErrFieldRequired);
    CHECK(normalise(f, " 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ") == "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
}

TEST_CASE("each field type accepts what it should and refuses the rest") {
    Field date = fieldOf(FieldType::Date);
    CHECK_FALSE(validateValue(date, "31.12.2026"));
    CHECK(validateValue(date, "31.02.2026") == Str::ErrDateFormat);
    CHECK(normalise(date, "31.12.2026") == "2026-12-31");
    CHECK(display(date, "2026-12-31") == "31.12.2026");
    CHECK_FALSE(validateValue(date, "")); // optional and empty is fine

    Field email = fieldOf(FieldType::Email);
    CHECK_FALSE(validateValue(email, "it@romashka.by"));
    for (const char* bad :
         {"it@", "@romashka.by", "it romashka.by", "it@romashka", "a@b@c.by", "it@romashka.b"})
        CHECK_MESSAGE(validateValue(email, bad) == Str::ErrEmailFormat, bad);

    Field sys = fieldOf(FieldType::SystemName);
    CHECK_FALSE(validateValue(sys, "TPSClient_01-main"));
    CHECK(validateValue(sys, "Система1") == Str::ErrSystemName);
    CHECK(validateValue(sys, "my system") == Str::ErrSystemName);

    Field login = fieldOf(FieldType::Login);
    CHECK(validateValue(login, " admin") == Str::ErrLoginSpaces);
    CHECK(validateValue(login, "ad\nmin") == Str::ErrOneLine);

    Field url = fieldOf(FieldType::Url);
    CHECK_FALSE(validateValue(url, "https://zakupki.gov.ru/"));
    CHECK(validateValue(url, "zakupki.gov.ru") == Str::ErrUrl);

    Field choice = fieldOf(FieldType::Choice);
    choice.options = {Option{"5", {}}, Option{"6", {}}};
    CHECK_FALSE(validateValue(choice, "6"));
    CHECK(validateValue(choice, "7") == Str::ErrChoice);

    Field notes = fieldOf(FieldType::Multiline);
    CHECK_FALSE(validateValue(notes, "строка 1\nстрока 2"));
}

TEST_CASE("validateFields reports only the failing fields of an entry") {
    const Kind& k = kind("eis-export-token");
    const Field* guid = nullptr;
    for (const Field& f : k.fields)
        if (f.type == FieldType::Guid) guid = &f;
    REQUIRE(guid);
    const auto errors = validateFields(k, json{{guid->id, "kjsd-34m34-23m4i23-4238un-45-453f"}});
    CHECK(errors.at(guid->id) == Str::ErrGuidFormat);
    CHECK(errors.at(k.expiry.field) == Str::ErrFieldRequired);
}

TEST_CASE("expiry: a fixed date, and N months after issue across month ends") {
    const Kind& tps = kind("oais-tpsclient-token");
    const std::string issued = tps.expiry.field;
    CHECK(expiryDate(tps, json{{issued, "2026-01-31"}}) == Date{2026, 4, 30});
    CHECK(expiryDate(tps, json{{issued, "2026-11-30"}}) == Date{2027, 2, 28});
    CHECK(expiryDate(tps, json{{issued, "2027-11-30"}}) == Date{2028, 2, 29});
    CHECK_FALSE(expiryDate(tps, json{{issued, "not a date"}}));
    CHECK_FALSE(expiryDate(tps, json::object()));

    const Kind& key = kind("eis-participant-token-key");
    CHECK(expiryDate(key, json{{key.expiry.field, "2024-02-29"}}) == Date{2025, 2, 28});

    const Kind& exp = kind("eis-export-token");
    CHECK(expiryDate(exp, json{{exp.expiry.field, "2026-12-31"}}) == Date{2026, 12, 31});
}

TEST_CASE("warnings follow the lead times: 10, 5 and 3 days before, then expired") {
    const Kind& tps = kind("oais-tpsclient-token");
    const json fields{{tps.expiry.field, "2026-09-01"}}; // expires 2026-12-01
    const auto at = [&](Date today) { return *dueOn(tps, fields, today, tps.warnDays); };
    CHECK(at({2026, 11, 20}).level == Due::Level::Ok);
    CHECK(at({2026, 11, 20}).daysLeft == 11);
    CHECK(at({2026, 11, 21}).leadReached == 10);
    CHECK(at({2026, 11, 21}).level == Due::Level::Soon);
    CHECK(at({2026, 11, 26}).leadReached == 5);
    CHECK(at({2026, 11, 28}).leadReached == 3);
    CHECK(at({2026, 12, 1}).daysLeft == 0);
    CHECK(at({2026, 12, 1}).level == Due::Level::Soon);
    CHECK(at({2026, 12, 2}).level == Due::Level::Expired);
    CHECK(at({2026, 12, 2}).daysLeft == -1);
    // An entry's own lead times replace the kind's.
    CHECK(dueOn(tps, fields, {2026, 11, 1}, {45})->level == Due::Level::Soon);
}

TEST_CASE("a kind file with mistakes is refused with a reason") {
    std::string error;
    CHECK_FALSE(parseKind(json::parse(R"({"id":"x"})"), error));
    CHECK(error.find("country") != std::string::npos);
    const json bad =
        json::parse(R"({"id":"x","country":"RU","system":{"ru":"а","en":"a"},"title":{"ru":"а","en":"a"},
      "summary":{"ru":"а","en":"a"},"whereItGoes":{"ru":"а","en":"a"},
      "fields":[{"id":"d","type":"text","label":{"ru":"а","en":"a"}}],
      "expiry":{"rule":"date-field","field":"d"}})");
    CHECK_FALSE(parseKind(bad, error));
    CHECK(error.find("date field") != std::string::npos);
}

TEST_CASE("the user's own lead times are typed as a list of days") {
    CHECK(parseLeadDays("30, 7, 1") == std::vector<int>{30, 7, 1});
    CHECK(parseLeadDays("1;30 7") == std::vector<int>{30, 7, 1});
    CHECK(parseLeadDays("") == std::vector<int>{});
    CHECK(parseLeadDays("0") == std::vector<int>{0});
    CHECK(parseLeadDays("10, 10") == std::vector<int>{10});
    CHECK_FALSE(parseLeadDays("367"));
    CHECK_FALSE(parseLeadDays("7 дней"));
    CHECK_FALSE(parseLeadDays("-5"));
    CHECK_FALSE(parseLeadDays("1,2,3,4,5,6,7"));
    CHECK(formatLeadDays({30, 7, 1}) == "30, 7, 1");
}
