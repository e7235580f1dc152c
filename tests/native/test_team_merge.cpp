#include "core/team/merge_remote.h"
#include "core/team/sync.h"
#include "team_fixture.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::team;
using team::testing::entry;
using team::testing::Installation;

namespace {

struct Team {
    Installation a{"Анна"}, b{"Борис"};
    Manifest m = team::testing::teamOf({&a, &b});
};

vault::Data withEntries(std::vector<vault::Entry> entries) {
    vault::Data d;
    d.organisations.push_back(vault::Organisation{"org-a", "ООО «Ромашка»", "RU", "7707083893", {}});
    d.organisations.push_back(vault::Organisation{"org-mine", "ИП Личный", "RU", "500100732259", {}});
    d.entries = std::move(entries);
    return d;
}

std::vector<std::string> allTokens(const vault::Entry& e) {
    std::vector<std::string> out{e.fields.value("token", "")};
    for (const auto& v : e.history) out.push_back(v.fields.value("token", ""));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

TEST_CASE("team merge: a colleague's new entry is added; entries of other organisations are not taken") {
    Team t;
    vault::Data mine = withEntries({});
    const MergeOutcome o =
        mergeRemote(mine, {entry("e1", "T1", 100), entry("e2", "T2", 100, "org-mine")}, t.m);
    CHECK(o.added == 1);
    REQUIRE(mine.entries.size() == 1);
    CHECK(mine.entries[0].id == "e1");
}

TEST_CASE("team merge: a later version of ours is taken, ours goes into its history") {
    Team t;
    vault::Data mine = withEntries({entry("e1", "T1", 100)});
    vault::Entry theirs = entry("e1", "T2", 200);
    theirs.history.push_back(vault::EntryVersion{100, {{"token", "T1"}}, nlohmann::json::object()});
    const MergeOutcome o = mergeRemote(mine, {theirs}, t.m);
    CHECK(o.updated == 1);
    CHECK(o.replaced.empty());
    CHECK(mine.entries[0].fields["token"] == "T2");
    CHECK(mine.entries[0].updatedAt == 200);
    CHECK_FALSE(mine.entries[0].unknown.contains(kReplacedMarker));
    // ... and an older one changes nothing
    vault::Data again = mine;
    CHECK_FALSE(mergeRemote(again, {entry("e1", "T1", 100)}, t.m).changed());
    CHECK(again.entries[0].fields["token"] == "T2");
}

TEST_CASE("team merge: two renewals of one token on the same day keep both values, the later current") {
    Team t;
    vault::Entry base = entry("e1", "OLD", 1000);
    vault::Entry anna = entry("e1", "ANNA-NEW", 5000);
    anna.history.push_back(vault::EntryVersion{1000, base.fields, nlohmann::json::object()});
    vault::Entry boris = entry("e1", "BORIS-NEW", 5001);
    boris.history.push_back(vault::EntryVersion{1000, base.fields, nlohmann::json::object()});

    vault::Data atAnna = withEntries({anna}), atBoris = withEntries({boris});
    const MergeOutcome oa = mergeRemote(atAnna, {boris}, t.m);
    const MergeOutcome ob = mergeRemote(atBoris, {anna}, t.m);
    // Both converge on Boris's (saved later) and keep Anna's in the history, marked as replaced.
    for (const vault::Data* d : {&atAnna, &atBoris}) {
        const vault::Entry& e = d->entries[0];
        CHECK(e.fields["token"] == "BORIS-NEW");
        const auto tokens = allTokens(e);
        CHECK(has(tokens, "ANNA-NEW"));
        CHECK(has(tokens, "OLD"));
        REQUIRE(e.unknown.contains(kReplacedMarker));
        CHECK(e.unknown[kReplacedMarker]["savedAt"] == 5000);
    }
    REQUIRE(oa.replaced.size() == 1);
    REQUIRE(oa.replaced[0].diffs.size() == 1); // the bundle preview's diff, field by field
    CHECK(oa.replaced[0].diffs[0].field == "token");
    CHECK(oa.replaced[0].diffs[0].mine == "ANNA-NEW");
    CHECK(oa.replaced[0].diffs[0].theirs == "BORIS-NEW");
    CHECK(ob.replaced.size() == 1);
    // The same instant: still one winner, the same on both sides.
    vault::Entry x = entry("e2", "X", 7000), y = entry("e2", "Y", 7000);
    vault::Data dx = withEntries({x}), dy = withEntries({y});
    mergeRemote(dx, {y}, t.m);
    mergeRemote(dy, {x}, t.m);
    CHECK(dx.entries[0].fields == dy.entries[0].fields);
    CHECK(has(allTokens(dx.entries[0]), "X"));
    CHECK(has(allTokens(dx.entries[0]), "Y"));
}

TEST_CASE("team merge: a local entry moved to a personal organisation is not overwritten by the team's") {
    Team t;
    vault::Data mine = withEntries({entry("e1", "PRIVATE", 100, "org-mine")});
    CHECK_FALSE(mergeRemote(mine, {entry("e1", "TEAM", 900)}, t.m).changed());
    CHECK(mine.entries[0].fields["token"] == "PRIVATE");
}

TEST_CASE("team merge as a vault change: organisations adopted, entries merged, nothing else touched") {
    Team t;
    const vault::change::TeamMerge c{{vault::Organisation{"org-a", "ООО «Ромашка»", "RU", "7707083893", {}}},
                                     {entry("e1", "T1", 100)}};
    vault::Data mine;
    mine.entries.push_back(entry("p1", "MINE", 50, ""));
    CHECK(vault::apply(mine, c, 999));
    CHECK(mine.organisation("org-a"));
    CHECK(mine.find("e1"));
    CHECK(mine.find("p1")->fields["token"] == "MINE");
    CHECK_FALSE(vault::apply(mine, c, 1000)); // applied twice: nothing more to do
}
