// The vault screen's list: search folding, filters and orders, worked out once per vault change.
#include "core/kinds/entry_list.h"
#include "core/vault/change.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::kinds;

namespace {

vault::Data sample() {
    vault::Data d;
    d.organisations.push_back({"o1", "ООО «Ромашка»", "RU", "7707083893", {}});
    d.organisations.push_back({"o2", "ОАО «Минский завод»", "BY", "100000001", {}});
    auto add = [&](const char* id, const char* kind, nlohmann::json fields, std::string org = "") {
        vault::change::UpsertEntry c;
        c.id = id;
        c.kind = kind;
        c.fields = std::move(fields);
        c.org = std::move(org);
        REQUIRE(vault::apply(d, c, 1));
    };
    add("tps", "oais-tpsclient-token",
        {{"systemName", "TPSClient"}, {"token", "SECRET-TOKEN-1"}, {"issuedOn", "2026-09-01"}}, "o2");
    add("exp", "eis-export-token",
        {{"guid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}, {"validUntil", "2026-11-20"}}, "o1");
    add("far", "eis-export-token",
        {{"guid", "3f2504e0-4f89-11d3-9a0c-0305e82c3302"}, {"validUntil", "2027-06-01"}});
    add("gen", "generic", {{"title", "ёлка Почта"}, {"login", "Ivanov"}, {"secret", "пароль-Тайна"}});
    add("odd", "no-such-kind", {{"title", "Неизвестный вид"}});
    return d;
}

std::vector<std::string> ids(const vault::Data& d, const std::vector<int>& rows) {
    std::vector<std::string> out;
    for (int i : rows) out.push_back(d.entries[static_cast<std::size_t>(i)].id);
    return out;
}

} // namespace

TEST_CASE("search folds Latin and Cyrillic case, and ё to е") {
    CHECK(foldForSearch("TPSClient") == "tpsclient");
    CHECK(foldForSearch("ООО «РОМАШКА» Ёлка") == "ооо «ромашка» елка");
    CHECK(foldForSearch("ЎІЄЇ") == "ўієї"); // Belarusian and Ukrainian capitals
    CHECK(foldForSearch("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") == "абвгдеежзийклмнопрстуфхцчшщъыьэюя");
    CHECK(foldForSearch("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "абвгдеежзийклмнопрстуфхцчшщъыьэюя");
    CHECK(foldForSearch("3f25-№5 €") == "3f25-№5 €"); // other characters unchanged
    CHECK(foldForSearch("\xD0") == "\xD0");           // a cut-off sequence is kept as it is
    CHECK(foldForSearch("\xD0\x41") == "\xD0"
                                       "a"); // a lead byte without its continuation
}

TEST_CASE("the list searches names, organisations and fields, never secret fields") {
    const vault::Data d = sample();
    EntryList list;
    list.build(d, Registry::builtIn(), Lang::Ru, Date{2026, 11, 27});
    auto find = [&](std::string_view text) {
        ListQuery q;
        q.search = text;
        q.order = ListOrder::Added;
        return ids(d, list.select(d, q));
    };
    CHECK(find("") == std::vector<std::string>{"tps", "exp", "far", "gen", "odd"});
    CHECK(find("tpsclient") == std::vector<std::string>{"tps"});
    CHECK(find("РОМАШ") == std::vector<std::string>{"exp"});   // its organisation
    CHECK(find("минский") == std::vector<std::string>{"tps"}); // typed in lower case
    CHECK(find("Елка") == std::vector<std::string>{"gen"});    // ё found by е
    CHECK(find("ivanov") == std::vector<std::string>{"gen"});  // a login is not secret
    CHECK(find("2027-06") == std::vector<std::string>{"far"}); // its expiry date
    CHECK(find("0305e82c3302").empty());                       // the export token's GUID is the secret itself
    CHECK(find("тайна").empty());                              // the generic kind's secret field
    CHECK(find("secret-token").empty());                       // the TPSClient token
    CHECK(find("неизвестный") == std::vector<std::string>{"odd"}); // an unknown kind's fields
    CHECK(find("почта ivanov").empty());                           // never across two fields
}

TEST_CASE("the list filters by organisation, kind and due, and sorts by name or expiry") {
    const vault::Data d = sample();
    EntryList list;
    list.build(d, Registry::builtIn(), Lang::Ru, Date{2026, 11, 27});
    ListQuery q;
    q.org = "o1";
    CHECK(ids(d, list.select(d, q)) == std::vector<std::string>{"exp"});
    q = ListQuery{};
    q.kind = "eis-export-token";
    q.order = ListOrder::Expiry;
    CHECK(ids(d, list.select(d, q)) == std::vector<std::string>{"exp", "far"});
    q = ListQuery{};
    q.onlyDue = true;
    q.order = ListOrder::Expiry;
    CHECK(ids(d, list.select(d, q)) == std::vector<std::string>{"exp", "tps"}); // expired, then 4 days left
    REQUIRE(list.due(1).has_value());
    CHECK(list.due(1)->level == Due::Level::Expired);
    CHECK_FALSE(list.due(3).has_value()); // no expiry rule

    // By name, case-insensitively: «ёлка» sorts as «елка», before the Latin-free names that follow.
    q = ListQuery{};
    const std::vector<int> byName = list.select(d, q);
    std::vector<std::string> names;
    for (int i : byName) names.push_back(foldForSearch(list.name(i)));
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(list.name(3) == "ёлка Почта");
    CHECK(list.name(0) == "ОАО «Минский завод» · Токен TPSClient"); // organisation · kind

    // Entries with no expiry go last in the expiry order, in the order they were added.
    q.order = ListOrder::Expiry;
    CHECK(ids(d, list.select(d, q)) == std::vector<std::string>{"exp", "tps", "far", "gen", "odd"});
}

TEST_CASE("the list answers nothing for data it was not built from, and is empty once cleared") {
    vault::Data d = sample();
    EntryList list;
    list.build(d, Registry::builtIn(), Lang::Ru, Date{2026, 11, 27});
    d.entries.pop_back();
    CHECK(list.select(d, ListQuery{}).empty());
    list.build(d, Registry::builtIn(), Lang::Ru, Date{2026, 11, 27});
    CHECK(list.select(d, ListQuery{}).size() == 4);
    list.clear();
    CHECK(list.select(vault::Data{}, ListQuery{}).empty());
}
