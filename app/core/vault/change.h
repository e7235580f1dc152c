// One thing the user (or a colleague's team folder) did to the vault, as a value: a change refused
// because another tab saved first is applied again to the newer vault, so each kind carries exactly
// what it needs and nothing else.
#pragma once

#include "core/vault/merge.h"
#include "core/vault/model.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ts::vault {

namespace change {

// Creates the entry when `id` is new; otherwise a new version of it (the old one goes to history).
struct UpsertEntry {
    std::string id;
    std::string kind = "generic";                     // only for a new entry
    nlohmann::json fields = nlohmann::json::object(); // name → string value
    std::optional<std::string> org;                   // set the organisation; nullopt: keep
    std::optional<std::vector<int>> warnDays;         // set its own lead times; nullopt: keep
};

struct RemoveEntry {
    std::string id;
};

// Makes an earlier version current again; found by when it was saved, not by index, since indices
// shift when the oldest versions are dropped.
struct RestoreVersion {
    std::string id;
    std::int64_t savedAt = 0;
};

struct UpsertOrganisation {
    std::string id, name, country, taxId;
};

// Its entries stay, belonging to no organisation.
struct RemoveOrganisation {
    std::string id;
};

struct StartRun {
    std::string id, procedure, system, org;
    std::string target; // the entry it will update; empty: a new one
};

struct UpdateRun {
    std::string id;
    std::vector<std::string> done;                    // ticked step ids
    nlohmann::json values = nlohmann::json::object(); // field id → value
    std::string target;
};

// Writes the values into the target entry (existing, or created with `entryKind`).
struct FinishRun {
    std::string id;
    std::string target;
    std::string entryKind;
    nlohmann::json values = nlohmann::json::object();
};

// An open run is abandoned; a finished one leaves the history.
struct RemoveRun {
    std::string id;
};

// A new picture replaces the step's old one.
struct SetAttachment {
    std::string procedure, step;
    std::string jpeg; // base64
    int width = 0, height = 0;
};

struct RemoveAttachment {
    std::string procedure, step;
};

// What the import preview showed for each incoming item; an item whose status has changed since is
// not applied, since that is not what the user agreed to (merge.h).
struct Import {
    Data incoming;
    std::map<std::string, Decision> decisions; // by incoming id; none: keep both
    // Per list, per incoming item in its order: the status the preview showed; nullopt: not listed.
    std::map<MergeItem::What, std::vector<std::optional<MergeStatus>>> shown;
};

// This installation's X25519 key for receiving bundles. Set only when there is none (the first tab
// wins); `replace` makes a new receiving code, the old one dropped.
struct SetInstallationKey {
    std::string secretKey; // base64
    bool replace = false;
};

// The whole vault was exported now (for the backup reminder).
struct NoteBackup {};

// The Ed25519 seed signing team writes; only when there is none (the first tab wins).
struct SetSigningKey {
    std::string signSeed; // base64
};

// What a team folder held: its organisations and entries, merged without asking, nothing lost
// (core/team/sync.h).
struct TeamMerge {
    std::vector<Organisation> organisations;
    std::vector<Entry> entries;
};

// Keeps a team folder's link in installation.teams (replacing the one of the same folder), or with
// no link forgets the folder (core/team/team_links.h).
struct SetTeam {
    std::string folder;
    std::optional<nlohmann::json> link; // {"folder", "login", "password", "manifest"}
};

} // namespace change

using Change = std::variant<change::UpsertEntry, change::RemoveEntry, change::RestoreVersion,
                            change::UpsertOrganisation, change::RemoveOrganisation, change::StartRun,
                            change::UpdateRun, change::FinishRun, change::RemoveRun, change::SetAttachment,
                            change::RemoveAttachment, change::Import, change::SetInstallationKey,
                            change::NoteBackup, change::SetSigningKey, change::TeamMerge, change::SetTeam>;

// Applies a change at time `now`. False when it does not apply (unknown entry, bad version, a
// second open run for one organisation and system) or changes nothing (same fields).
bool apply(Data& data, const Change& change, std::int64_t now);

// The same, one kind at a time; each is defined beside the data it changes.
bool apply(Data& data, const change::UpsertEntry& c, std::int64_t now);
bool apply(Data& data, const change::RemoveEntry& c, std::int64_t now);
bool apply(Data& data, const change::RestoreVersion& c, std::int64_t now);
bool apply(Data& data, const change::UpsertOrganisation& c, std::int64_t now);
bool apply(Data& data, const change::RemoveOrganisation& c, std::int64_t now);
bool apply(Data& data, const change::StartRun& c, std::int64_t now);         // runs.cpp
bool apply(Data& data, const change::UpdateRun& c, std::int64_t now);        // runs.cpp
bool apply(Data& data, const change::FinishRun& c, std::int64_t now);        // runs.cpp
bool apply(Data& data, const change::RemoveRun& c, std::int64_t now);        // runs.cpp
bool apply(Data& data, const change::SetAttachment& c, std::int64_t now);    // attachments.cpp
bool apply(Data& data, const change::RemoveAttachment& c, std::int64_t now); // attachments.cpp
bool apply(Data& data, const change::Import& c, std::int64_t now);           // merge.cpp
bool apply(Data& data, const change::SetInstallationKey& c, std::int64_t now);
bool apply(Data& data, const change::NoteBackup& c, std::int64_t now);
bool apply(Data& data, const change::SetSigningKey& c, std::int64_t now);
bool apply(Data& data, const change::TeamMerge& c, std::int64_t now); // core/team/merge_remote.cpp
bool apply(Data& data, const change::SetTeam& c, std::int64_t now);   // core/team/team_links.cpp

} // namespace ts::vault
