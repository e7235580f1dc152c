// Base64 (RFC 4648, standard alphabet, with '=' padding) over libsodium's sodium_bin2base64 /
// sodium_base642bin: how picture bytes travel inside JSON (vault entries, bundles).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ts::images {

std::string toBase64(std::span<const std::uint8_t> bytes);

// Strict: empty on any character outside the alphabet (whitespace included), wrong padding or
// trailing data. The empty string decodes to no bytes.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> fromBase64(std::string_view text);

} // namespace ts::images
