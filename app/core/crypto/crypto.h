// The crypto the vault and the bundles use, in libsodium's shape: fixed-size key types, keys only
// from the library (random or derived), results that must be checked.
//   KDF:  Argon2id (crypto_pwhash, ALG_ARGON2ID13)
//   AEAD: XChaCha20-Poly1305 IETF (crypto_aead_xchacha20poly1305_ietf), random 24-byte nonces
#pragma once

#include "core/crypto/secret.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace ts::crypto {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kSaltBytes = 16;  // crypto_pwhash_SALTBYTES
inline constexpr std::size_t kNonceBytes = 24; // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
inline constexpr std::size_t kTagBytes = 16;   // crypto_aead_xchacha20poly1305_ietf_ABYTES

using Key = FixedSecret<kKeyBytes>;
using Salt = std::array<std::uint8_t, kSaltBytes>;
using Nonce = std::array<std::uint8_t, kNonceBytes>;
using Bytes = std::vector<std::uint8_t>;

struct KdfParams {
    std::uint64_t opslimit = 3;
    std::uint64_t memlimit = 64ull << 20;

    static constexpr KdfParams standard() { return {}; }
    // WARNING: tests only. Makes a passphrase cheap to guess; readers refuse it unless
    // acceptFastKdfForTests(true) was called.
    static constexpr KdfParams fastForTests() { return {1, 8192}; }

    // More work than TokenSafe ever asks for: opslimit > 12, memlimit > 256 MiB, or opslimit ×
    // memlimit > 4 × standard()'s. Argon2 runs on the page's only thread and its memory stays in the
    // wasm heap for good, so a crafted file asking for this is refused before any work.
    bool tooCostly() const;
    // Below standard() in passes or in memory: no file TokenSafe writes, and a passphrase behind it
    // is cheap to guess. Below libsodium's own minimums (1 pass, 8 KiB) always, even in tests.
    bool belowFloor() const;
    // What a file may ask for (docs/vault-format.md, "KDF limits").
    bool acceptable() const { return !tooCostly() && !belowFloor(); }
    bool operator==(const KdfParams&) const = default;
};

// WARNING: tests only; the app never calls it. Lowers the floor of KdfParams::belowFloor() to
// libsodium's minimums so the native tests can write and read files at fastForTests() in
// microseconds (tests/native/main.cpp sets it once). A shipped build with it set would accept
// vaults and bundles whose passphrase costs next to nothing to guess.
void acceptFastKdfForTests(bool accept);

// Must succeed once before anything else here is used.
[[nodiscard]] bool init();

void randomBytes(std::span<std::uint8_t> out);
Key randomKey();
Salt randomSalt();
Nonce randomNonce();

// Argon2id. Empty when the KDF could not run (out of memory, parameters out of range).
[[nodiscard]] std::optional<Key> deriveKey(std::span<const std::uint8_t> passphrase, const Salt& salt,
                                           const KdfParams& params);

// Encrypts under a fresh random nonce (returned through `nonce`); the result is ciphertext + tag.
Bytes seal(const Key& key, std::span<const std::uint8_t> plain, std::span<const std::uint8_t> ad,
           Nonce& nonce);

// False when the ciphertext, its tag, the nonce or the associated data do not match: nothing is
// written to `plain` then.
[[nodiscard]] bool open(const Key& key, const Nonce& nonce, std::span<const std::uint8_t> cipher,
                        std::span<const std::uint8_t> ad, SecretBytes& plain);

// Unkeyed BLAKE2b with a 16-byte output: a checksum to tell damage from a wrong passphrase, not
// an authenticator.
std::array<std::uint8_t, 16> checksum(std::span<const std::uint8_t> data);

} // namespace ts::crypto
