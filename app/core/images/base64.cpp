#include "core/images/base64.h"

#include <sodium.h>

namespace ts::images {

std::string toBase64(std::span<const std::uint8_t> bytes) {
    constexpr int variant = sodium_base64_VARIANT_ORIGINAL;
    // sodium_base64_encoded_len counts the terminating NUL that sodium_bin2base64 writes.
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
    out.resize(out.size() - 1);
    return out;
}

std::optional<std::vector<std::uint8_t>> fromBase64(std::string_view text) {
    std::vector<std::uint8_t> out(text.size() / 4 * 3 + 3);
    std::size_t len = 0;
    // b64_end == nullptr: anything left unparsed is an error rather than silently ignored.
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

} // namespace ts::images
