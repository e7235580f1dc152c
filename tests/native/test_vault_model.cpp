#include "core/crypto/crypto.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;
using namespace ts::vault;
using nlohmann::json;

namespace {
change::UpsertEntry upsert(const std::string& id, json fields) {
    change::UpsertEntry c;
    c.id = id;
    c.fields = std::move(fields);
    return c;
}
Data roundTrip(const Data& d) {
    const crypto::SecretBytes bytes = serialize(d);
    Data back;
    REQUIRE(parse(bytes, back) == ParseError::None);
    return back;
}
std::span<const std::uint8_t> bytesOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
} // namespace

TEST_CASE("an entry is created, changed with history, and restored") {
    REQUIRE(crypto::init());
    Data d;
    CHECK(apply(d, upsert("e1", {{"title", "ЕИС"}, {"secret", "v1"}}), 1000));
    REQUIRE(d.entries.size() == 1);
    CHECK(d.entries[0].createdAt == 1000);
    CHECK_FALSE(apply(d, upsert("e1", {{"title", "ЕИС"}, {"secret", "v1"}}), 1500)); // nothing changed
    CHECK(apply(d, upsert("e1", {{"title", "ЕИС"}, {"secret", "v2"}}), 2000));
    CHECK(apply(d, upsert("e1", {{"title", "ЕИС"}, {"secret", "v3"}}), 3000));
    const Entry& e = d.entries[0];
    REQUIRE(e.history.size() == 2);
    CHECK(e.history[0].savedAt == 1000);
    CHECK(e.history[0].fields["secret"] == "v1");
    CHECK(e.history[1].savedAt == 2000);
    CHECK(e.field("secret") == "v3");
    CHECK(e.updatedAt == 3000);

    change::RestoreVersion restore{"e1", 1000};
    CHECK(apply(d, restore, 4000));
    CHECK(d.entries[0].field("secret") == "v1");
    CHECK(d.entries[0].history.size() == 3); // v3 was kept too: restoring loses nothing
    restore.savedAt = 99;
    CHECK_FALSE(apply(d, restore, 5000));
}

TEST_CASE("history is capped, dropping the oldest versions") {
    Data d;
    for (int i = 0; i < static_cast<int>(kMaxHistory) + 10; ++i)
        apply(d, upsert("e", {{"secret", std::to_string(i)}}), i);
    CHECK(d.entries[0].history.size() == kMaxHistory);
    CHECK(d.entries[0].history.front().fields["secret"] == "9");
}

TEST_CASE("removing an entry; unknown ids are refused") {
    Data d;
    apply(d, upsert("a", {{"title", "A"}}), 1);
    const change::RemoveEntry rm{"a"};
    CHECK(apply(d, rm, 2));
    CHECK(d.entries.empty());
    CHECK_FALSE(apply(d, rm, 3));
}

TEST_CASE("non-string field values are refused") {
    Data d;
    CHECK_FALSE(apply(d, upsert("a", {{"title", 5}}), 1));
    CHECK_FALSE(apply(d, upsert("a", json::array()), 1));
    CHECK(d.entries.empty());
}

TEST_CASE("the body round-trips, keeping fields a newer version wrote") {
    const std::string newer = R"({"schema":3,"minReader":1,"procedureRuns":[{"name":"ООО Ромашка"}],
        "entries":[{"id":"x","kind":"eis-token","fields":{"guid":"abc"},"createdAt":1,"updatedAt":2,
        "expiresAt":99,"history":[{"savedAt":1,"fields":{"guid":"old"},"author":"tab2"}]}]})";
    Data d;
    REQUIRE(parse(bytesOf(newer), d) == ParseError::None);
    apply(d, upsert("x", {{"guid", "def"}}), 5);
    const json back =
        json::parse(std::string(reinterpret_cast<const char*>(serialize(d).data()), serialize(d).size()));
    CHECK(back["procedureRuns"][0]["name"] == "ООО Ромашка");
    CHECK(back["entries"][0]["expiresAt"] == 99);
    CHECK(back["entries"][0]["history"][0]["author"] == "tab2");
    CHECK(back["entries"][0]["fields"]["guid"] == "def");
    CHECK(back["entries"][0]["history"].size() == 2);
}

TEST_CASE("bodies this version cannot read are refused without a guess") {
    Data d;
    CHECK(parse(bytesOf("{"), d) == ParseError::NotJson);
    CHECK(parse(bytesOf("[]"), d) == ParseError::WrongShape);
    CHECK(parse(bytesOf(R"({"schema":1})"), d) == ParseError::WrongShape);
    CHECK(parse(bytesOf(R"({"schema":1,"entries":[{"id":1}]})"), d) == ParseError::WrongShape);
    CHECK(parse(bytesOf(R"({"schema":9,"minReader":2,"entries":[]})"), d) == ParseError::NewerSchema);
    CHECK(parse(bytesOf(R"({"schema":1,"entries":[]})"), d) == ParseError::None);
}

// Numbers beyond an int used to be wrapped round by get<int>(): 2^32 + 1 read as 1.
TEST_CASE("whole numbers too large for their field are not wrapped into range") {
    Data d;
    CHECK(parse(bytesOf(R"({"schema":1,"minReader":4294967297,"entries":[]})"), d) ==
          ParseError::NewerSchema);
    CHECK(parse(bytesOf(R"({"schema":1,"minReader":18446744073709551615,"entries":[]})"), d) ==
          ParseError::NewerSchema);
    CHECK(parse(bytesOf(R"({"schema":1,"minReader":1.0,"entries":[]})"), d) == ParseError::NewerSchema);
    CHECK(parse(bytesOf(R"({"schema":1,"minReader":1,"entries":[]})"), d) == ParseError::None);
    const std::string entry =
        R"({"schema":1,"entries":[{"id":"a","kind":"generic","fields":{},"createdAt":1,)"
        R"("updatedAt":1,"warnDays":)";
    CHECK(parse(bytesOf(entry + "[4294967303]}]}"), d) == ParseError::WrongShape);
    CHECK(parse(bytesOf(entry + "[7]}]}"), d) == ParseError::None);
    REQUIRE(d.entries.size() == 1);
    CHECK(d.entries[0].warnDays == std::vector<int>{7});
    const std::string picture = R"({"procedure":"p","step":"s","jpeg":"","height":10,"addedAt":1,"width":)";
    CHECK(parse(bytesOf(R"({"schema":1,"entries":[],"attachments":[)" + picture + "4294967306}]}"), d) ==
          ParseError::WrongShape);
    CHECK(parse(bytesOf(R"({"schema":1,"entries":[],"attachments":[)" + picture + "10}]}"), d) ==
          ParseError::None);
    REQUIRE(d.attachments.size() == 1);
    CHECK(d.attachments[0].width == 10);
}

// Regression, found with the vault_model fuzz target: a key nested ~30 000 levels deep overflowed the stack
// while parse copied it into `unknown`. Anyone who can write a bundle to us controls such a body.
TEST_CASE("bodies nested deeper than kMaxJsonDepth are refused before they can exhaust the stack") {
    const auto nested = [](std::size_t levels) { // the root object, then arrays: `levels` in all
        return R"({"schema":1,"entries":[],"x":)" + std::string(levels - 1, '[') +
               std::string(levels - 1, ']') + "}";
    };
    Data d;
    REQUIRE(parse(bytesOf(nested(kMaxJsonDepth)), d) == ParseError::None);
    CHECK(roundTrip(d).unknown == d.unknown);
    CHECK(parse(bytesOf(nested(kMaxJsonDepth + 1)), d) == ParseError::WrongShape);
    CHECK(parse(bytesOf(nested(100000)), d) == ParseError::WrongShape);
    CHECK(d.unknown.contains("x")); // a refused body leaves the data as it was
    // Brackets inside strings, escaped quotes among them, are text, not nesting.
    const std::string inText =
        R"({"schema":1,"entries":[],"x":"\")" + std::string(200, '[') + R"(\\","y":[]})";
    REQUIRE(parse(bytesOf(inText), d) == ParseError::None);
    CHECK(d.unknown["x"].get<std::string>().size() == 202);
}

TEST_CASE("a generic entry with Cyrillic and typography survives serialisation") {
    Data d;
    apply(d, upsert(newEntryId(), {{"title", "Токен «сервисы отдачи» — РИС №2"}, {"secret", "ёЁ"}}), 7);
    const Data back = roundTrip(d);
    CHECK(back.entries[0].field("title") == "Токен «сервисы отдачи» — РИС №2");
    CHECK(back.entries[0].id.size() == 32);
    CHECK(newEntryId() != newEntryId());
}

TEST_CASE("organisations: added, renamed, removed; entries keep their data when theirs goes") {
    Data d;
    change::UpsertOrganisation org{"o1", "ООО «Ромашка»", "RU", "7707083893"};
    CHECK(apply(d, org, 1));
    CHECK_FALSE(apply(d, org, 2)); // same again: nothing to save
    org.name = "ООО «Ромашка плюс»";
    CHECK(apply(d, org, 3));
    REQUIRE(d.organisations.size() == 1);
    CHECK(d.organisation("o1")->name == "ООО «Ромашка плюс»");

    change::UpsertEntry e = upsert("e1", {{"guid", "x"}});
    e.kind = "eis-export-token";
    e.org = "o1";
    e.warnDays = std::vector<int>{45, 7};
    CHECK(apply(d, e, 4));
    CHECK(d.entries[0].org == "o1");
    CHECK(d.entries[0].warnDays == std::vector<int>{45, 7});
    change::UpsertEntry moveOnly = upsert("e1", {{"guid", "x"}});
    moveOnly.org = "";
    CHECK(apply(d, moveOnly, 5)); // a change of organisation alone is a change
    CHECK(d.entries[0].history.empty());

    const Data back = roundTrip(d);
    CHECK(back.organisations[0].taxId == "7707083893");
    CHECK(back.entries[0].kind == "eis-export-token");
    CHECK(back.entries[0].warnDays == std::vector<int>{45, 7});

    d.entries[0].org = "o1";
    const change::RemoveOrganisation rm{"o1"};
    CHECK(apply(d, rm, 6));
    CHECK(d.organisations.empty());
    CHECK(d.entries.size() == 1);
    CHECK(d.entries[0].org.empty());
}
