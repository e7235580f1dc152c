// Memory that holds secrets (passphrases, keys, decrypted vault bodies). Released memory is wiped
// with sodium_memzero, so a secret does not linger in the heap after it is dropped or the vault locks.
//
// WARNING: a secret copied into a plain std::string or std::vector escapes this protection. Keep
// secrets in these types from the moment they are read until they are encrypted or shown.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <new>
#include <sodium.h>
#include <span>
#include <string>
#include <vector>

namespace ts::crypto {

template <class T> struct WipingAllocator {
    using value_type = T;
    WipingAllocator() = default;
    template <class U> WipingAllocator(const WipingAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept {
        sodium_memzero(p, n * sizeof(T));
        ::operator delete(p);
    }
    template <class U> bool operator==(const WipingAllocator<U>&) const noexcept { return true; }
};

// Variable-length secret bytes (a passphrase as UTF-8, a decrypted body). Growing it wipes the old block.
using SecretBytes = std::vector<std::uint8_t, WipingAllocator<std::uint8_t>>;

inline SecretBytes secretFrom(std::span<const char> text) {
    return SecretBytes(reinterpret_cast<const std::uint8_t*>(text.data()),
                       reinterpret_cast<const std::uint8_t*>(text.data()) + text.size());
}

// Wipes a std::string that held a secret: its whole capacity, then frees it.
inline void wipeString(std::string& s) {
    if (s.capacity()) sodium_memzero(s.data(), s.capacity());
    s.clear();
    s.shrink_to_fit();
}

// Fixed-size secret (a key). Only libsodium fills it: see crypto.h. Wiped when destroyed.
template <std::size_t N> class FixedSecret {
  public:
    static constexpr std::size_t size = N;
    FixedSecret() { sodium_memzero(bytes_.data(), N); }
    FixedSecret(const FixedSecret&) = default;
    FixedSecret& operator=(const FixedSecret&) = default;
    ~FixedSecret() { sodium_memzero(bytes_.data(), N); }
    void wipe() { sodium_memzero(bytes_.data(), N); }

    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::span<const std::uint8_t, N> view() const { return bytes_; }
    // Constant-time comparison, for tests and key checks.
    bool equals(const FixedSecret& o) const { return sodium_memcmp(bytes_.data(), o.bytes_.data(), N) == 0; }

  private:
    std::array<std::uint8_t, N> bytes_;
};

} // namespace ts::crypto
