// A KeePass database as plain data: what the reader fills and the writer takes (docs/kdbx.md).
// Times are seconds since 1970-01-01 UTC (KDBX 4 counts from year 1; the XML layer converts).
//
// WARNING: field values (passwords included) are plain std::strings here, as in the vault model:
// the caller drops the Database as soon as it has been shown or written.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::kdbx {

using Uuid = std::array<std::uint8_t, 16>;

struct Times {
    std::int64_t creation = 0;
    std::int64_t lastModification = 0;
    std::int64_t lastAccess = 0;
    std::int64_t expiry = 0; // meaningful only when `expires`
    std::int64_t locationChanged = 0;
    bool expires = false;
    std::uint32_t usageCount = 0;
    bool operator==(const Times&) const = default;
};

// One <String>: KeePass's own Title, UserName, Password, URL, Notes, and any custom field.
// `protect`: stored through the inner stream cipher (KeePass's "protect in memory" flag).
struct Field {
    std::string key;
    std::string value;
    bool protect = false;
    bool operator==(const Field&) const = default;
};

struct Attachment {
    std::string name;
    std::vector<std::uint8_t> data;
    bool operator==(const Attachment&) const = default;
};

struct Entry {
    Uuid uuid{};
    int iconId = 0;
    std::string tags;
    Times times;
    std::vector<Field> fields; // in file order
    std::vector<Attachment> attachments;
    std::vector<Entry> history; // earlier versions, oldest first; their own history is always empty

    const Field* field(std::string_view key) const;
    std::string value(std::string_view key) const; // "" when absent
    void set(std::string_view key, std::string value, bool protect = false);
    bool operator==(const Entry&) const = default;
};

struct Group {
    Uuid uuid{};
    std::string name;
    std::string notes;
    int iconId = 0;
    Times times;
    std::vector<Entry> entries;
    std::vector<Group> groups;
    bool operator==(const Group&) const = default;
};

struct Database {
    std::string name;      // Meta/DatabaseName
    std::string generator; // Meta/Generator: the program that wrote the file
    Group root;
    bool operator==(const Database&) const = default;
};

// Groups nest at most this deep (the root is depth 1): deeper XML is refused as damaged, so a crafted
// file cannot exhaust the stack of the recursive reader.
inline constexpr int kMaxGroupDepth = 64;

} // namespace ts::kdbx
