// Bringing entries from elsewhere (a bundle from another machine, another tool's export) into the
// vault without losing anything, and without changing anything the user was not shown: first a
// preview that lists every item the incoming data carries — entries, organisations, checklist runs,
// step pictures — with what would happen to it (a later version of ours or one changed on both
// sides is shown field by field); then one change that applies the user's decisions in a single
// save, to exactly the items the preview listed, as they were listed.
//
// WARNING: incoming data is untrusted (anyone with a bundle passphrase or this computer's public
// receiving code can write a bundle). Whatever applyImport may do to the vault must appear in the
// preview first; an item whose situation changed since the preview was made is left out.
#pragma once

#include "core/vault/model.h"

#include <map>
#include <string>
#include <vector>

namespace ts::vault {

namespace change {
struct Import; // change.h
}

enum class MergeStatus {
    New,       // not in this vault: added
    Identical, // the same fields (a run or picture: already here): nothing to do
    Newer,     // theirs is a later version of ours (ours is in its history): taken
    Older,     // theirs is an earlier version of ours: kept as ours
    Conflict,  // changed on both sides: the user decides
    Skipped,   // not taken: repeated within the incoming data, or a run or step picture that cannot go
               // next to ours (an open run for the same organisation and system, another picture
               // for the same step): ours stays
};

enum class Decision { KeepMine, TakeTheirs, KeepBoth };

struct FieldDiff {
    std::string field; // a field name; "#kind": the credential kind; "#org": the organisation's id
    std::string mine, theirs;
};

struct MergeItem {
    enum class What { Entry, Organisation, Run, Attachment };
    What what = What::Entry;
    std::string id; // the incoming item's id; an attachment: its procedure, '\n', its step
    MergeStatus status = MergeStatus::New;
    std::vector<FieldDiff> diffs; // Newer and Conflict: what would change, field by field
    int versions = 0;      // entries: earlier versions the bundle adds to the history (a new one: all it has)
    std::size_t index = 0; // where it is in the incoming data's list of its kind
};

struct MergePreview {
    std::vector<MergeItem> items; // organisations, entries, runs, attachments: each in incoming order
    // How many entries and organisations have this status (runs and pictures are counted apart).
    int count(MergeStatus s) const;
    int count(MergeItem::What w, MergeStatus s) const;
    // Whether confirming could change the vault at all.
    bool changesAnything() const;
    bool empty() const { return items.empty(); }
};

MergePreview previewMerge(const Data& mine, const Data& theirs);

// What would change if `theirs` replaced `mine`, field by field (the preview's diffs; a team sync
// shows a colleague's replaced version with the same).
std::vector<FieldDiff> fieldDiffs(const Entry& mine, const Entry& theirs);

// The change that imports what `preview` (made from `theirs`) lists, with the decisions taken (by
// incoming id; a conflict without a decision keeps both, so nothing is lost). Applied with apply()
// like any other change; it classifies each item again against the vault as it is then, and applies
// it only if it is still what the preview showed — a save from another tab in between can leave
// an item out, never bring in one the user did not see. Items of `theirs` the preview does not
// list are not applied.
change::Import importChange(const Data& theirs, const MergePreview& preview,
                            const std::map<std::string, Decision>& decisions);

} // namespace ts::vault
