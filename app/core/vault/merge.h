// Bringing entries from elsewhere (a bundle from another machine, another tool's export) into the
// vault without losing anything: first a preview of what is new, identical, a later or an earlier
// version of what we have, or changed on both sides (shown field by field); then one change that
// applies the user's decisions in a single save.
#pragma once

#include "core/vault/model.h"

#include <map>
#include <string>
#include <vector>

namespace ts::vault {

enum class MergeStatus {
    New,       // not in this vault: added
    Identical, // the same fields: nothing to do
    Newer,     // theirs is a later version of ours (ours is in its history): taken
    Older,     // theirs is an earlier version of ours: kept as ours
    Conflict,  // changed on both sides: the user decides
};

enum class Decision { KeepMine, TakeTheirs, KeepBoth };

struct FieldDiff {
    std::string field;
    std::string mine, theirs;
};

struct MergeItem {
    enum class What { Entry, Organisation };
    What what = What::Entry;
    std::string id; // the incoming item's id
    MergeStatus status = MergeStatus::New;
    std::vector<FieldDiff> diffs; // Conflict: the fields that differ, in field order
};

struct MergePreview {
    std::vector<MergeItem> items;
    int count(MergeStatus s) const;
    bool empty() const { return items.empty(); }
};

MergePreview previewMerge(const Data& mine, const Data& theirs);

// The change that imports `theirs` with the decisions taken (by incoming id; a conflict without a
// decision keeps both, so nothing is lost). Applied with apply() like any other change; it
// classifies again against the vault as it is then, so a save from another tab in between is safe.
Change importChange(const Data& theirs, const std::map<std::string, Decision>& decisions);

// For apply(): merges Change::Kind::Import.
bool applyImport(Data& data, const Change& c, std::int64_t now);

} // namespace ts::vault
