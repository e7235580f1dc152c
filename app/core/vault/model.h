// What the vault holds once decrypted: entries with their history of saved versions. Stored as
// JSON; fields this version does not know are kept on load and written back, so a newer app's data
// survives an older app's save. What changes it is in change.h.
#pragma once

#include "core/crypto/secret.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ts::vault {

inline constexpr int kSchemaVersion = 1;
inline constexpr std::size_t kMaxHistory = 100; // versions kept per entry; the oldest go first
// parse() refuses objects and arrays nested deeper than this (the root is level 1); ours go 6 deep.
inline constexpr std::size_t kMaxJsonDepth = 128;
// How deeply objects and arrays nest in JSON text (the root is level 1): checked against
// kMaxJsonDepth before parsing, since destroying a deeper document recurses once per level.
std::size_t jsonNestingDepth(std::span<const std::uint8_t> json);

struct EntryVersion {
    std::int64_t savedAt = 0; // when this version was saved (it stayed current until the next one)
    nlohmann::json fields = nlohmann::json::object();
    nlohmann::json unknown = nlohmann::json::object();
};

struct Entry {
    std::string id;
    std::string kind = "generic";                     // a credential kind's id (core/kinds)
    std::string org;                                  // the organisation's id; empty: none
    std::vector<int> warnDays;                        // the user's own lead times; empty: the kind's
    nlohmann::json fields = nlohmann::json::object(); // name → string value
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;        // when the current fields were saved
    std::vector<EntryVersion> history; // earlier versions, oldest first
    nlohmann::json unknown = nlohmann::json::object();

    std::string field(const char* name) const;
};

// An organisation the entries belong to: an IT specialist often serves several.
struct Organisation {
    std::string id;
    std::string name;
    std::string country; // "RU" (ИНН) or "BY" (УНП)
    std::string taxId;   // ИНН or УНП, validated by core/org/tax_id.h
    nlohmann::json unknown = nlohmann::json::object();
};

// A checklist run of a procedure (core/procedures) for an organisation, saved as the user goes so
// it can be paused and resumed; finished runs stay, without their values, as the history.
struct Run {
    std::string id;
    std::string procedure;
    std::string system; // the procedure's system: one open run per organisation and system
    std::string org;
    std::string target;                               // the entry it will update; empty: a new one
    std::vector<std::string> done;                    // ticked step ids
    nlohmann::json values = nlohmann::json::object(); // field id → value typed at the steps
    std::int64_t startedAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t finishedAt = 0; // 0: still open
    std::string savedEntry;      // the entry written when it finished
    nlohmann::json unknown = nlohmann::json::object();

    bool open() const { return finishedAt == 0; }
};

// A picture the user attached to a procedure step (their own screenshot of the portal), so an
// organisation builds its own illustrated version; kept encrypted with the rest of the vault.
struct Attachment {
    std::string procedure, step;
    std::string jpeg; // the picture, re-encoded as JPEG, in base64
    int width = 0, height = 0;
    std::int64_t addedAt = 0;
    nlohmann::json unknown = nlohmann::json::object();
};

// What belongs to this installation and never travels in a bundle: its X25519 key pair for
// receiving bundles (the secret key; the public key is derived) and when the whole vault was last
// exported, for the backup reminder.
struct Installation {
    std::string secretKey;         // base64 of the 32-byte X25519 secret key; empty: none yet
    std::string signSeed;          // base64 of the 32-byte Ed25519 seed signing team writes; empty: none yet
    std::int64_t lastBackupAt = 0; // 0: never
    // The team folders this installation syncs with, with their logins (core/team/team_links.h)
    nlohmann::json teams = nlohmann::json::array();
    nlohmann::json unknown = nlohmann::json::object();
};

struct Data {
    Installation installation;
    std::vector<Organisation> organisations;
    std::vector<Entry> entries;
    std::vector<Run> runs; // oldest first
    std::vector<Attachment> attachments;
    nlohmann::json unknown = nlohmann::json::object();

    const Entry* find(std::string_view id) const;
    Entry* find(std::string_view id);
    const Organisation* organisation(std::string_view id) const;
    const Run* run(std::string_view id) const;
    // The open run for this organisation and system, if any.
    const Run* openRun(std::string_view org, std::string_view system) const;
    const Attachment* attachment(std::string_view procedure, std::string_view step) const;
};

enum class ParseError { None, NotJson, WrongShape, NewerSchema };

crypto::SecretBytes serialize(const Data& data);
[[nodiscard]] ParseError parse(std::span<const std::uint8_t> json, Data& out);

// A new random entry id (32 hex characters).
std::string newEntryId();

} // namespace ts::vault
