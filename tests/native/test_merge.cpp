#include "core/crypto/crypto.h"
#include "core/vault/change.h"
#include "core/vault/merge.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::vault;
using nlohmann::json;

namespace {

change::UpsertEntry upsert(const std::string& id, json fields, const std::string& kind = "generic") {
    return {id, kind, std::move(fields), {}, {}};
}

change::UpsertOrganisation organisation(const std::string& id, const std::string& name,
                                        const std::string& taxId) {
    return {id, name, "RU", taxId};
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
        REQUIRE(apply(m.a, importChange(m.b, previewMerge(m.a, m.b), {{"both", d}}), 1000));
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
    const change::Import c = importChange(m.b, previewMerge(m.a, m.b), {{"both", Decision::TakeTheirs}});
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
    REQUIRE(apply(m.a, importChange(other, previewMerge(m.a, other), {}), 1000));
    CHECK(m.a.entries.size() == n + 1);
}

TEST_CASE("an organisation changed on both sides keeps ours unless theirs is chosen") {
    TwoMachines m;
    REQUIRE(apply(m.b, organisation("o1", "ООО «Ромашка-2»", "7707083893"), 500));
    MergePreview p = previewMerge(m.a, m.b);
    REQUIRE(item(p, "o1").status == MergeStatus::Conflict);
    CHECK(item(p, "o1").diffs.at(0).theirs == "ООО «Ромашка-2»");
    Data keep = m.a;
    REQUIRE(apply(keep, importChange(m.b, previewMerge(m.a, m.b), {}), 1000));
    CHECK(keep.organisation("o1")->name == "ООО «Ромашка»");
    REQUIRE(apply(m.a, importChange(m.b, previewMerge(m.a, m.b), {{"o1", Decision::TakeTheirs}}), 1000));
    CHECK(m.a.organisation("o1")->name == "ООО «Ромашка-2»");
}

TEST_CASE("a later version is shown field by field like a conflict, with the versions it brings") {
    TwoMachines m;
    const MergePreview p = previewMerge(m.a, m.b);
    const MergeItem& later = item(p, "later");
    REQUIRE(later.status == MergeStatus::Newer);
    REQUIRE(later.diffs.size() == 1);
    CHECK(later.diffs[0].field == "secret");
    CHECK(later.diffs[0].mine == "1");
    CHECK(later.diffs[0].theirs == "2");
    CHECK(later.versions == 0); // its one earlier version is ours already
    CHECK(item(p, "same").diffs.empty());
    CHECK(item(p, "earlier").diffs.empty()); // ours stays: nothing to show

    // A version of theirs we never had goes into the history: counted, and the organisation it
    // files ours under is a row of its own.
    Entry& theirs = *m.b.find("later");
    theirs.history.push_back(EntryVersion{150, {{"title", "B"}, {"secret", "1.5"}}, json::object()});
    theirs.org = "o1";
    const MergePreview p2 = previewMerge(m.a, m.b);
    const MergeItem& again = item(p2, "later");
    CHECK(again.versions == 1);
    REQUIRE(again.diffs.size() == 2);
    CHECK(again.diffs[0].field == "#org");
    CHECK(again.diffs[0].theirs == "o1");
    REQUIRE(apply(m.a, importChange(m.b, previewMerge(m.a, m.b), {}), 1000));
    CHECK(m.a.find("later")->org == "o1");
    CHECK(m.a.find("later")->history.size() == 2);
}

namespace {

Run run(const std::string& id, const std::string& org, std::int64_t finishedAt) {
    Run r;
    r.id = id;
    r.procedure = "eis-export-token";
    r.system = "eis";
    r.org = org;
    r.startedAt = 50;
    r.finishedAt = finishedAt;
    return r;
}

Attachment picture(const std::string& step, const std::string& jpeg) {
    Attachment a;
    a.procedure = "eis-export-token";
    a.step = step;
    a.jpeg = jpeg;
    a.width = a.height = 10;
    return a;
}

// A bundle that brings everything a bundle can: entries in every state, runs and pictures new, ours
// already, and ones that cannot go next to ours, and items it repeats.
struct RichBundle : TwoMachines {
    RichBundle() {
        a.runs = {run("r-ours", "o1", 0), run("r-shared", "o1", 70)};
        b.runs = {run("r-shared", "o1", 70), run("r-done", "o1", 80), run("r-open", "o1", 0),
                  run("r-done", "o1", 90)};
        a.attachments = {picture("s1", "AAAA"), picture("s2", "BBBB")};
        b.attachments = {picture("s1", "AAAA"), picture("s2", "EVIL"), picture("s3", "CCCC"),
                         picture("s3", "DDDD")};
        Entry twin = *b.find("fresh"); // the same id again, other content
        twin.fields["secret"] = "second";
        b.entries.push_back(twin);
    }
};

const Run* runAt(const Data& d, std::size_t i) {
    return i < d.runs.size() ? &d.runs[i] : nullptr;
}

} // namespace

TEST_CASE("checklist runs and step pictures a bundle carries are listed with what happens to them") {
    RichBundle m;
    const MergePreview p = previewMerge(m.a, m.b);
    using W = MergeItem::What;
    std::vector<std::pair<std::size_t, MergeStatus>> runs, pictures;
    for (const MergeItem& i : p.items) {
        if (i.what == W::Run) runs.emplace_back(i.index, i.status);
        if (i.what == W::Attachment) pictures.emplace_back(i.index, i.status);
    }
    CHECK(runs == std::vector<std::pair<std::size_t, MergeStatus>>{{0, MergeStatus::Identical},
                                                                   {1, MergeStatus::New},
                                                                   {2, MergeStatus::Skipped}, // ours is open
                                                                   {3, MergeStatus::Skipped}}); // repeated
    CHECK(pictures ==
          std::vector<std::pair<std::size_t, MergeStatus>>{{0, MergeStatus::Identical},
                                                           {1, MergeStatus::Skipped}, // ours stays
                                                           {2, MergeStatus::New},
                                                           {3, MergeStatus::Skipped}}); // repeated
    CHECK(item(p, "eis-export-token\ns3").what == W::Attachment);
    CHECK(p.count(W::Run, MergeStatus::New) == 1);
    CHECK(p.count(MergeStatus::Skipped) == 1); // counts only entries and organisations: the twin
    // The entry repeated under the same id: the first is listed as new, the second skipped.
    std::vector<MergeStatus> fresh;
    for (const MergeItem& i : p.items)
        if (i.id == "fresh") fresh.push_back(i.status);
    CHECK(fresh == std::vector<MergeStatus>{MergeStatus::New, MergeStatus::Skipped});
    // A new entry brings its whole history: counted, since those versions can be restored later.
    CHECK(item(p, "fresh").versions == 0);
    Entry planted = m.b.entries.back();
    planted.id = "planted";
    planted.fields["title"] = "P";
    planted.history.push_back(EntryVersion{10, {{"title", "P0"}}, json::object()});
    m.b.entries.push_back(planted);
    const MergePreview p2 = previewMerge(m.a, m.b);
    CHECK(item(p2, "planted").status == MergeStatus::New);
    CHECK(item(p2, "planted").versions == 1);
}

TEST_CASE("an import changes the vault exactly as its preview listed, item by item") {
    for (Decision d : {Decision::KeepMine, Decision::TakeTheirs, Decision::KeepBoth}) {
        CAPTURE(static_cast<int>(d));
        RichBundle m;
        const Data before = m.a;
        const MergePreview p = previewMerge(m.a, m.b);
        REQUIRE(apply(m.a, importChange(m.b, p, {{"both", d}}), 1000));
        std::size_t added = 0;
        for (const MergeItem& i : p.items) {
            CAPTURE(i.id);
            CAPTURE(static_cast<int>(i.status));
            switch (i.what) {
            case MergeItem::What::Entry: {
                const Entry& theirs = m.b.entries[i.index];
                const bool taken = i.status == MergeStatus::Newer ||
                                   (i.status == MergeStatus::Conflict && d == Decision::TakeTheirs);
                if (i.status == MergeStatus::New ||
                    (i.status == MergeStatus::Conflict && d == Decision::KeepBoth)) {
                    ++added;
                    CHECK(std::count_if(m.a.entries.begin(), m.a.entries.end(),
                                        [&](const Entry& e) { return e.fields == theirs.fields; }) == 1);
                } else if (taken) {
                    CHECK(m.a.find(theirs.id)->fields == theirs.fields);
                } else if (i.status == MergeStatus::Skipped) {
                    CHECK(std::none_of(m.a.entries.begin(), m.a.entries.end(),
                                       [&](const Entry& e) { return e.fields == theirs.fields; }));
                } else { // identical, older, ours kept
                    CHECK(m.a.find(theirs.id)->fields == before.find(theirs.id)->fields);
                }
                break;
            }
            case MergeItem::What::Organisation:
                CHECK(m.a.organisation(i.id) != nullptr);
                break;
            case MergeItem::What::Run: {
                const Run& theirs = m.b.runs[i.index];
                const Run* now = m.a.run(theirs.id);
                if (i.status == MergeStatus::New) {
                    REQUIRE(now);
                    CHECK(now->finishedAt == theirs.finishedAt);
                } else if (i.status == MergeStatus::Skipped && theirs.id == "r-open") {
                    CHECK_FALSE(now);
                }
                break;
            }
            case MergeItem::What::Attachment: {
                const Attachment& theirs = m.b.attachments[i.index];
                const Attachment* now = m.a.attachment(theirs.procedure, theirs.step);
                REQUIRE(now);
                if (i.status == MergeStatus::New) CHECK(now->jpeg == theirs.jpeg);
                if (i.status == MergeStatus::Skipped) CHECK(now->jpeg != theirs.jpeg);
                break;
            }
            }
        }
        // Nothing beyond what was listed: every entry, run and picture is ours or a listed one.
        CHECK(m.a.entries.size() == before.entries.size() + added);
        CHECK(m.a.runs.size() == before.runs.size() + 1);
        CHECK(runAt(m.a, 2)->id == "r-done");
        CHECK(m.a.attachments.size() == before.attachments.size() + 1);
        CHECK(m.a.attachment("eis-export-token", "s2")->jpeg == "BBBB");
        CHECK(m.a.attachment("eis-export-token", "s3")->jpeg == "CCCC");
    }
}

TEST_CASE("what a bundle carries beyond its preview is not applied") {
    RichBundle m;
    // The preview the user saw was of a bundle without the runs, the pictures and one entry; the
    // change is then made with the full data (a second bundle swapped in, a bug in between).
    Data shown = m.b;
    shown.runs.clear();
    shown.attachments.clear();
    shown.entries.pop_back(); // the twin
    shown.entries.erase(std::find_if(shown.entries.begin(), shown.entries.end(),
                                     [](const Entry& e) { return e.id == "fresh"; }));
    const Data before = m.a;
    REQUIRE(apply(m.a, importChange(m.b, previewMerge(m.a, shown), {}), 1000));
    CHECK(m.a.runs.size() == before.runs.size());
    CHECK(m.a.attachments.size() == before.attachments.size());
    CHECK(m.a.attachment("eis-export-token", "s3") == nullptr);
    CHECK(m.a.find("fresh") == nullptr);
    CHECK(m.a.find("later")->field("secret") == "2"); // what was listed, at its place, is taken

    // A change that says nothing of what was shown is refused whole.
    change::Import bare = importChange(m.b, previewMerge(before, m.b), {});
    bare.shown.clear();
    Data untouched = before;
    CHECK_FALSE(apply(untouched, bare, 1000));
}

TEST_CASE("an item whose situation changed after the preview is left out, not applied unseen") {
    TwoMachines m;
    const MergePreview p = previewMerge(m.a, m.b);
    REQUIRE(item(p, "later").status == MergeStatus::Newer);
    REQUIRE(item(p, "fresh").status == MergeStatus::New);
    // Another tab saves in between: "later" is now changed here too (a conflict nobody decided),
    // and an entry with the id of "fresh" appeared.
    REQUIRE(apply(m.a, upsert("later", {{"title", "B"}, {"secret", "other tab"}}), 500));
    const change::UpsertEntry own = upsert("fresh", {{"title", "E"}, {"secret", "other tab"}});
    REQUIRE(apply(m.a, own, 500));
    const std::size_t n = m.a.entries.size();
    apply(m.a, importChange(m.b, p, {}), 1000);
    CHECK(m.a.find("later")->field("secret") == "other tab");
    CHECK(m.a.find("fresh")->field("secret") == "other tab");
    CHECK(m.a.entries.size() == n + 1); // only the conflict, still one, both kept as shown
}
