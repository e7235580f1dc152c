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

    static KdfParams standard() { return {}; }
    // WARNING: tests only. Makes a passphrase cheap to guess.
    static KdfParams fastForTests() { return {1, 8192}; }
    // Limits accepted from a file: below them a vault is too weak, above them opening it could
    // exhaust the browser's memory (a crafted file must not take the tab down).
    bool acceptable() const;
    bool operator==(const KdfParams&) const = default;
};

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
