// Reading and writing the fixed-width fields of the binary file formats (vault, bundle): unsigned
// little-endian integers and byte arrays at known offsets.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace ts::crypto {

// Callers check `at + n <= f.size()` first.
inline std::uint64_t readLe(std::span<const std::uint8_t> f, std::size_t at, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | f[at + i];
    return v;
}

inline void writeLe(std::uint8_t* p, std::uint64_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

template <std::size_t N>
std::array<std::uint8_t, N> readArray(std::span<const std::uint8_t> f, std::size_t at) {
    std::array<std::uint8_t, N> a{};
    std::copy_n(f.begin() + static_cast<std::ptrdiff_t>(at), N, a.begin());
    return a;
}

template <std::size_t N> void writeArray(std::uint8_t* p, const std::array<std::uint8_t, N>& a) {
    std::copy(a.begin(), a.end(), p);
}

} // namespace ts::crypto
