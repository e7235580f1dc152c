// KeePass's VariantDictionary (KDBX 4 KDF parameters): a version, then typed key/value items, then a
// zero type byte. Items keep their order so a dictionary written back is byte-identical.
#pragma once

#include "core/kdbx/bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::kdbx {

enum class VariantType : std::uint8_t {
    UInt32 = 0x04,
    UInt64 = 0x05,
    Bool = 0x08,
    Int32 = 0x0C,
    Int64 = 0x0D,
    String = 0x18,
    ByteArray = 0x42,
};

struct VariantItem {
    VariantType type;
    std::string key;
    Bytes value; // as stored: little-endian numbers, UTF-8 strings, raw bytes
};

struct VariantDict {
    std::vector<VariantItem> items;

    const VariantItem* find(std::string_view key) const;
    // Empty when absent or of another type.
    std::optional<std::uint64_t> number(std::string_view key, VariantType type) const;
    std::optional<Bytes> bytes(std::string_view key) const;

    void setNumber(std::string key, VariantType type, std::uint64_t value);
    void setBytes(std::string key, Bytes value);

    // False for a bad version, an unknown type, a size that does not fit its type, or truncation.
    [[nodiscard]] static bool parse(ByteView data, VariantDict& out);
    Bytes serialize() const;
};

} // namespace ts::kdbx
