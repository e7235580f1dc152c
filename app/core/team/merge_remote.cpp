#include "core/team/merge_remote.h"
#include "core/vault/change.h"

#include <algorithm>
#include <tuple>

namespace ts::team {

using vault::Entry;
using vault::EntryVersion;

namespace {

bool inHistory(const Entry& e, const nlohmann::json& fields) {
    return std::any_of(e.history.begin(), e.history.end(),
                       [&](const EntryVersion& v) { return v.fields == fields; });
}

// Adds the versions of `from` that `to` lacks (by fields), oldest first, at most kMaxHistory.
bool unionHistory(Entry& to, const Entry& from) {
    bool added = false;
    for (const EntryVersion& v : from.history)
        if (v.fields != to.fields && !inHistory(to, v.fields)) {
            to.history.push_back(v);
            added = true;
        }
    if (!added) return false;
    std::stable_sort(to.history.begin(), to.history.end(),
                     [](const EntryVersion& a, const EntryVersion& b) { return a.savedAt < b.savedAt; });
    while (to.history.size() > vault::kMaxHistory) to.history.erase(to.history.begin());
    return true;
}

// The later save wins; at the same millisecond, the larger fields (as JSON text): any order both
// sides compute alike will do, so that every member picks the same winner.
bool wins(const Entry& a, const Entry& b) {
    return std::tuple(a.updatedAt, a.fields.dump(), a.kind) >
           std::tuple(b.updatedAt, b.fields.dump(), b.kind);
}

void takeCurrent(Entry& mine, const Entry& theirs) {
    mine.history.push_back(EntryVersion{mine.updatedAt, mine.fields, nlohmann::json::object()});
    mine.kind = theirs.kind;
    mine.fields = theirs.fields;
    mine.updatedAt = theirs.updatedAt;
    mine.org = theirs.org;
    mine.warnDays = theirs.warnDays;
}

} // namespace

bool adoptOrganisations(vault::Data& local, const Manifest& m) {
    bool changed = false;
    for (const Organisation& o : m.organisations)
        if (!local.organisation(o.id)) {
            local.organisations.push_back(vault::Organisation{o.id, o.name, o.country, o.taxId, {}});
            changed = true;
        }
    return changed;
}

MergeOutcome mergeRemote(vault::Data& local, const std::vector<Entry>& remote, const Manifest& m) {
    MergeOutcome out;
    for (const Entry& theirs : remote) {
        if (!m.hasOrganisation(theirs.org)) continue; // not the team's: a member cannot push it on us
        Entry* mine = local.find(theirs.id);
        if (!mine) {
            local.entries.push_back(theirs);
            ++out.added;
            continue;
        }
        if (!m.hasOrganisation(mine->org)) continue;
        const bool same = mine->kind == theirs.kind && mine->fields == theirs.fields;
        if (same || inHistory(*mine, theirs.fields)) { // theirs is ours or older: only its history may add
            if (same && mine->updatedAt != theirs.updatedAt && wins(theirs, *mine))
                mine->updatedAt = theirs.updatedAt;
            out.updated += unionHistory(*mine, theirs) ? 1 : 0;
            continue;
        }
        if (!inHistory(theirs, mine->fields)) { // changed on both sides: both kept, the later current
            const bool theirsWin = wins(theirs, *mine);
            const Entry& loser = theirsWin ? *mine : theirs;
            const Entry& winner = theirsWin ? theirs : *mine;
            Replaced r{mine->id, loser.updatedAt, vault::fieldDiffs(loser, winner)};
            if (theirsWin) {
                takeCurrent(*mine, theirs);
            } else {
                mine->history.push_back(
                    EntryVersion{theirs.updatedAt, theirs.fields, nlohmann::json::object()});
            }
            unionHistory(*mine, theirs);
            std::stable_sort(
                mine->history.begin(), mine->history.end(),
                [](const EntryVersion& a, const EntryVersion& b) { return a.savedAt < b.savedAt; });
            while (mine->history.size() > vault::kMaxHistory) mine->history.erase(mine->history.begin());
            mine->unknown[kReplacedMarker] = {{"savedAt", r.savedAt}};
            out.replaced.push_back(std::move(r));
            ++out.updated;
            continue;
        }
        takeCurrent(*mine, theirs); // theirs is a later version of ours
        unionHistory(*mine, theirs);
        if (theirs.unknown.contains(kReplacedMarker))
            mine->unknown[kReplacedMarker] = theirs.unknown[kReplacedMarker];
        ++out.updated;
    }
    return out;
}

std::vector<Entry> shardEntries(const vault::Data& local, const Manifest& m, std::size_t number) {
    std::vector<Entry> out;
    for (const Entry& e : local.entries)
        if (m.hasOrganisation(e.org) && shardOf(e.id) == number) out.push_back(e);
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    return out;
}

} // namespace ts::team

namespace ts::vault {

bool apply(Data& data, const change::TeamMerge& c, std::int64_t) {
    team::Manifest team;
    for (const Organisation& o : c.organisations)
        team.organisations.push_back(team::Organisation{o.id, o.name, o.country, o.taxId});
    const bool orgs = team::adoptOrganisations(data, team);
    return team::mergeRemote(data, c.entries, team).changed() || orgs;
}

} // namespace ts::vault
