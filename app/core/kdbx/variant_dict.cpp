#include "core/kdbx/variant_dict.h"

namespace ts::kdbx {

namespace {
constexpr std::uint16_t kVersion = 0x0100;
constexpr std::uint16_t kCriticalMask = 0xFF00;

std::size_t fixedSize(VariantType t) {
    switch (t) {
    case VariantType::UInt32:
    case VariantType::Int32:
        return 4;
    case VariantType::UInt64:
    case VariantType::Int64:
        return 8;
    case VariantType::Bool:
        return 1;
    default:
        return 0;
    }
}

bool knownType(std::uint8_t t) {
    switch (static_cast<VariantType>(t)) {
    case VariantType::UInt32:
    case VariantType::UInt64:
    case VariantType::Bool:
    case VariantType::Int32:
    case VariantType::Int64:
    case VariantType::String:
    case VariantType::ByteArray:
        return true;
    }
    return false;
}
} // namespace

const VariantItem* VariantDict::find(std::string_view key) const {
    for (const VariantItem& i : items)
        if (i.key == key) return &i;
    return nullptr;
}

std::optional<std::uint64_t> VariantDict::number(std::string_view key, VariantType type) const {
    const VariantItem* i = find(key);
    if (!i || i->type != type) return std::nullopt;
    return readLe(i->value.data(), i->value.size());
}

std::optional<Bytes> VariantDict::bytes(std::string_view key) const {
    const VariantItem* i = find(key);
    if (!i || i->type != VariantType::ByteArray) return std::nullopt;
    return i->value;
}

void VariantDict::setNumber(std::string key, VariantType type, std::uint64_t value) {
    Bytes b;
    appendLe(b, value, fixedSize(type));
    items.push_back({type, std::move(key), std::move(b)});
}

void VariantDict::setBytes(std::string key, Bytes value) {
    items.push_back({VariantType::ByteArray, std::move(key), std::move(value)});
}

bool VariantDict::parse(ByteView data, VariantDict& out) {
    Cursor c(data);
    std::uint64_t version = 0;
    if (!c.le(2, version) || (version & kCriticalMask) > (kVersion & kCriticalMask)) return false;
    out.items.clear();
    for (;;) {
        std::uint64_t type = 0, keyLen = 0, valueLen = 0;
        if (!c.le(1, type)) return false;
        if (type == 0) return true;
        if (!knownType(static_cast<std::uint8_t>(type))) return false;
        ByteView key, value;
        if (!c.le(4, keyLen) || keyLen > 0x7FFFFFFF || !c.take(keyLen, key)) return false;
        if (!c.le(4, valueLen) || valueLen > 0x7FFFFFFF || !c.take(valueLen, value)) return false;
        const auto t = static_cast<VariantType>(type);
        if (fixedSize(t) && value.size() != fixedSize(t)) return false;
        out.items.push_back({t, std::string(key.begin(), key.end()), Bytes(value.begin(), value.end())});
    }
}

Bytes VariantDict::serialize() const {
    Bytes out;
    appendLe(out, kVersion, 2);
    for (const VariantItem& i : items) {
        out.push_back(static_cast<std::uint8_t>(i.type));
        appendLe(out, i.key.size(), 4);
        out.insert(out.end(), i.key.begin(), i.key.end());
        appendLe(out, i.value.size(), 4);
        append(out, i.value);
    }
    out.push_back(0);
    return out;
}

} // namespace ts::kdbx
