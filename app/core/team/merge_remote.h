// Bringing a colleague's entries (a team shard, core/team/team_file.h) into the local vault. Unlike a
// bundle import nothing is asked: the team's entries are shared by agreement, so the merge decides —
// and loses nothing. An entry changed on both sides keeps both versions: the later one (by its save
// time) becomes current and the other goes into its history, and the entry is marked so the person
// who opens it sees that a version was replaced, field by field (vault::fieldDiffs, the bundle
// preview's diff). Every member merging the same versions ends with the same current version, so
// the team converges without a coordinator.
#pragma once

#include "core/team/team_file.h"
#include "core/vault/merge.h"
#include "core/vault/model.h"

#include <string>
#include <vector>

namespace ts::team {

// The Entry member that marks a replaced version (docs/team-format.md, "The merge"): {"savedAt": the
// replaced version's save time, kept in the entry's history}.
inline constexpr const char* kReplacedMarker = "teamReplaced";

struct Replaced {
    std::string entryId;
    std::int64_t savedAt = 0;            // the replaced version, now in the history
    std::vector<vault::FieldDiff> diffs; // replaced version (mine) → current (theirs)
};

struct MergeOutcome {
    int added = 0, updated = 0;
    std::vector<Replaced> replaced;
    bool changed() const { return added > 0 || updated > 0; }
};

// The team's organisations into `local` (added when missing; a local one with the same id is kept).
bool adoptOrganisations(vault::Data& local, const Manifest& m);

// Merges `remote` (entries read from the team's files) into `local`. Only entries of the team's
// organisations are taken, and only into local entries of the team's organisations: a local entry
// moved to a personal organisation stays personal.
MergeOutcome mergeRemote(vault::Data& local, const std::vector<vault::Entry>& remote, const Manifest& m);

// The local entries that belong in shard `number` of the team, ordered by id.
std::vector<vault::Entry> shardEntries(const vault::Data& local, const Manifest& m, std::size_t number);

} // namespace ts::team
