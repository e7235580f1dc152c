#include "core/crypto/crypto.h"
#include "core/vault/merge.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::vault;
using nlohmann::json;

namespace {

Change upsert(const std::string& id, json fields, const std::string& kind = "generic") {
    Change c;
    c.id = id;
    c.entryKind = kind;
    c.fields = std::move(fields);
    return c;
}

Change organisation(const std::string& id, const std::string& name, const std::string& taxId) {
    Change c;
    c.kind = Change::Kind::UpsertOrganisation;
    c.id = id;
    c.fields = {{"name", name}, {"country", "RU"}, {"taxId", taxId}};
    return c;
}

const MergeItem& item(const MergePreview& p, const std::string& id) {
    const auto it =
        std::find_if(p.items.begin(), p.items.end(), [&](const MergeItem& i) { return i.id == id; });
    REQUIRE(it != p.items.end());
    return *it;
}

// Two machines that shared one vault, then went their own ways.
struct TwoMachines {
    Data a, b;
    TwoMachines() {
        REQUIRE(crypto::init());
        Data common;
        REQUIRE(apply(common, organisation("o1", "ООО «Ромашка»", "7707083893"), 10));
        REQUIRE(apply(common, upsert("same", {{"title", "A"}, {"secret", "1"}}), 100));
        REQUIRE(apply(common, upsert("later", {{"title", "B"}, {"secret", "1"}}), 100));
        REQUIRE(apply(common, upsert("earlier", {{"title", "C"}, {"secret", "1"}}), 100));
        REQUIRE(apply(common, upsert("both", {{"title", "D"}, {"secret", "1"}}), 100));
        a = common;
        b = common;
        REQUIRE(apply(b, upsert("later", {{"title", "B"}, {"secret", "2"}}), 200));   // only b changed it
        REQUIRE(apply(a, upsert("earlier", {{"title", "C"}, {"secret", "2"}}), 200)); // only a changed it
        REQUIRE(apply(a, upsert("both", {{"title", "D"}, {"secret", "mine"}}), 200));
        REQUIRE(apply(b, upsert("both", {{"title", "D2"}, {"secret", "theirs"}}), 250));
        REQUIRE(apply(b, upsert("fresh", {{"title", "E"}, {"secret", "1"}}), 300));
    }
};

} // namespace

TEST_CASE("the import preview tells new, identical, later, earlier and changed-on-both-sides apart") {
    TwoMachines m;
    const MergePreview p = previewMerge(m.a, m.b);
    CHECK(item(p, "o1").status == MergeStatus::Identical);
    CHECK(item(p, "same").status == MergeStatus::Identical);
    CHECK(item(p, "later").status == MergeStatus::Newer);
    CHECK(item(p, "earlier").status == MergeStatus::Older);
    CHECK(item(p, "fresh").status == MergeStatus::New);
    const MergeItem& conflict = item(p, "both");
    CHECK(conflict.status == MergeStatus::Conflict);
    REQUIRE(conflict.diffs.size() == 2); // shown field by field
    CHECK(conflict.diffs[0].field == "secret");
    CHECK(conflict.diffs[0].mine == "mine");
    CHECK(conflict.diffs[0].theirs == "theirs");
    CHECK(conflict.diffs[1].field == "title");
    CHECK(p.count(MergeStatus::Conflict) == 1);
}

TEST_CASE("importing applies the decisions in one change and loses nothing") {
    for (Decision d : {Decision::KeepMine, Decision::TakeTheirs, Decision::KeepBoth}) {
        CAPTURE(static_cast<int>(d));
        TwoMachines m;
        Data before = m.a;
        REQUIRE(apply(m.a, importChange(m.b, {{"both", d}}), 1000));
        CHECK(m.a.find("later")->field("secret") == "2");   // their later version taken
        CHECK(m.a.find("later")->history.size() == 1);      // ours kept as the version before
        CHECK(m.a.find("earlier")->field("secret") == "2"); // their earlier version ignored
        CHECK(m.a.find("fresh") != nullptr);
        const Entry* both = m.a.find("both");
        REQUIRE(both);
        const auto copies = std::count_if(m.a.entries.begin(), m.a.entries.end(),
                                          [](const Entry& e) { return e.field("title").starts_with("D"); });
        if (d == Decision::KeepMine) {
            CHECK(both->field("secret") == "mine");
            CHECK(copies == 1);
        } else if (d == Decision::TakeTheirs) {
            CHECK(both->field("secret") == "theirs");
            CHECK(copies == 1);
            // Ours is not lost: it is the previous version in the entry's history.
            CHECK(std::any_of(both->history.begin(), both->history.end(),
                              [](const EntryVersion& v) { return v.fields["secret"] == "mine"; }));
        } else {
            CHECK(both->field("secret") == "mine");
            CHECK(copies == 2);
        }
        CHECK(m.a.entries.size() == before.entries.size() + (d == Decision::KeepBoth ? 2 : 1));
    }
}

TEST_CASE("importing the same bundle twice changes nothing the second time") {
    TwoMachines m;
    const Change c = importChange(m.b, {{"both", Decision::TakeTheirs}});
    REQUIRE(apply(m.a, c, 1000));
    CHECK_FALSE(apply(m.a, c, 2000));
    const MergePreview again = previewMerge(m.a, m.b);
    CHECK(again.count(MergeStatus::New) == 0);
    CHECK(again.count(MergeStatus::Conflict) == 0);
}

TEST_CASE("entries from another tool's export with their own ids match ours by content") {
    TwoMachines m;
    Data other;
    REQUIRE(apply(other, upsert("x1", {{"title", "A"}, {"secret", "1"}}), 5)); // = our "same"
    REQUIRE(apply(other, upsert("x2", {{"title", "Z"}, {"secret", "9"}}), 5));
    const MergePreview p = previewMerge(m.a, other);
    CHECK(item(p, "x1").status == MergeStatus::Identical);
    CHECK(item(p, "x2").status == MergeStatus::New);
    const std::size_t n = m.a.entries.size();
    REQUIRE(apply(m.a, importChange(other, {}), 1000));
    CHECK(m.a.entries.size() == n + 1);
}

TEST_CASE("an organisation changed on both sides keeps ours unless theirs is chosen") {
    TwoMachines m;
    REQUIRE(apply(m.b, organisation("o1", "ООО «Ромашка-2»", "7707083893"), 500));
    MergePreview p = previewMerge(m.a, m.b);
    REQUIRE(item(p, "o1").status == MergeStatus::Conflict);
    CHECK(item(p, "o1").diffs.at(0).theirs == "ООО «Ромашка-2»");
    Data keep = m.a;
    REQUIRE(apply(keep, importChange(m.b, {}), 1000));
    CHECK(keep.organisation("o1")->name == "ООО «Ромашка»");
    REQUIRE(apply(m.a, importChange(m.b, {{"o1", Decision::TakeTheirs}}), 1000));
    CHECK(m.a.organisation("o1")->name == "ООО «Ромашка-2»");
}
