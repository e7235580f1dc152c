// Byte helpers the format tests share: known answers written as hex, text seen as bytes.
#pragma once

#include "core/crypto/crypto.h"

#include <span>
#include <string_view>

namespace ts::testing {

inline crypto::Bytes hex(std::string_view h) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    crypto::Bytes out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(nibble(h[i]) * 16 + nibble(h[i + 1])));
    return out;
}

inline std::span<const std::uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

} // namespace ts::testing
