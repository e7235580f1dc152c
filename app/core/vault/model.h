// What the vault holds once decrypted: entries with their history of saved versions. Stored as
// JSON; fields this version does not know are kept on load and written back, so a newer app's data
// survives an older app's save. Changes are values (Change), so a change refused because another
// tab saved first can be applied again to the newer vault.
#pragma once

#include "core/crypto/secret.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

namespace ts::vault {

inline constexpr int kSchemaVersion = 1;
inline constexpr std::size_t kMaxHistory = 100; // versions kept per entry; the oldest go first

// The fields of the generic kind; credential kinds add their own later.
inline constexpr const char* kGenericFields[] = {"title", "login", "secret", "url", "notes"};

struct EntryVersion {
    std::int64_t savedAt = 0; // when this version was saved (it stayed current until the next one)
    nlohmann::json fields = nlohmann::json::object();
    nlohmann::json unknown = nlohmann::json::object();
};

struct Entry {
    std::string id;
    std::string kind = "generic";
    nlohmann::json fields = nlohmann::json::object(); // name → string value
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;        // when the current fields were saved
    std::vector<EntryVersion> history; // earlier versions, oldest first
    nlohmann::json unknown = nlohmann::json::object();

    std::string field(const char* name) const;
};

struct Data {
    std::vector<Entry> entries;
    nlohmann::json unknown = nlohmann::json::object();

    const Entry* find(std::string_view id) const;
    Entry* find(std::string_view id);
};

enum class ParseError { None, NotJson, WrongShape, NewerSchema };

crypto::SecretBytes serialize(const Data& data);
[[nodiscard]] ParseError parse(std::span<const std::uint8_t> json, Data& out);

// One thing the user did to the vault.
struct Change {
    enum class Kind { Upsert, Remove, Restore };
    Kind kind = Kind::Upsert;
    std::string id;                                   // entry id (new id for a new entry)
    std::string entryKind = "generic";                // Upsert of a new entry
    nlohmann::json fields = nlohmann::json::object(); // Upsert
    std::size_t version = 0;                          // Restore: index into history
};

// Applies a change at time `now`. False when it does not apply (unknown entry, bad version) or
// changes nothing (same fields).
bool apply(Data& data, const Change& change, std::int64_t now);

// A new random entry id (32 hex characters).
std::string newEntryId();

} // namespace ts::vault
