#include "core/crypto/crypto.h"
#include "core/vault/model.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;
using namespace ts::vault;
using nlohmann::json;

namespace {
Change upsert(const std::string& id, json fields) {
    Change c;
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

    Change restore;
    restore.kind = Change::Kind::Restore;
    restore.id = "e1";
    restore.version = 0;
    CHECK(apply(d, restore, 4000));
    CHECK(d.entries[0].field("secret") == "v1");
    CHECK(d.entries[0].history.size() == 3); // v3 was kept too: restoring loses nothing
    restore.version = 99;
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
    Change rm;
    rm.kind = Change::Kind::Remove;
    rm.id = "a";
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
    const std::string newer = R"({"schema":3,"minReader":1,"organisations":[{"name":"ООО Ромашка"}],
        "entries":[{"id":"x","kind":"eis-token","fields":{"guid":"abc"},"createdAt":1,"updatedAt":2,
        "expiresAt":99,"history":[{"savedAt":1,"fields":{"guid":"old"},"author":"tab2"}]}]})";
    Data d;
    REQUIRE(parse(bytesOf(newer), d) == ParseError::None);
    apply(d, upsert("x", {{"guid", "def"}}), 5);
    const json back =
        json::parse(std::string(reinterpret_cast<const char*>(serialize(d).data()), serialize(d).size()));
    CHECK(back["organisations"][0]["name"] == "ООО Ромашка");
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

TEST_CASE("a generic entry with Cyrillic and typography survives serialisation") {
    Data d;
    apply(d, upsert(newEntryId(), {{"title", "Токен «сервисы отдачи» — РИС №2"}, {"secret", "ёЁ"}}), 7);
    const Data back = roundTrip(d);
    CHECK(back.entries[0].field("title") == "Токен «сервисы отдачи» — РИС №2");
    CHECK(back.entries[0].id.size() == 32);
    CHECK(newEntryId() != newEntryId());
}
