// libsodium behind the fixed-size types of crypto.h. Every size a libsodium call relies on is
// checked here, so callers cannot hand it a short buffer.
#include "core/crypto/crypto.h"

#include <algorithm>

namespace ts::crypto {

static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
// docs/vault-format.md states the lower KDF limits as numbers: keep them what libsodium allows.
static_assert(crypto_pwhash_argon2id_OPSLIMIT_MIN == 1 && crypto_pwhash_argon2id_MEMLIMIT_MIN == 8192);

namespace {
// Highest memlimit a file may ask for: Argon2 allocates all of it at once, and a browser tab
// (32-bit wasm) cannot spare more. Far above standard() (64 MiB) so stronger settings stay possible.
constexpr std::uint64_t kMaxMemlimit = 1ull << 30;
constexpr std::uint64_t kMaxOpslimit = 20; // standard() uses 3: past 20, opening would stall the tab
} // namespace

bool KdfParams::acceptable() const {
    return opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN && opslimit <= kMaxOpslimit &&
           memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN && memlimit <= kMaxMemlimit;
}

bool init() {
    return sodium_init() >= 0;
} // 1 = already initialised, also fine

void randomBytes(std::span<std::uint8_t> out) {
    randombytes_buf(out.data(), out.size());
}

Key randomKey() {
    Key k;
    randombytes_buf(k.data(), k.size);
    return k;
}

Salt randomSalt() {
    Salt s;
    randomBytes(s);
    return s;
}

Nonce randomNonce() {
    Nonce n;
    randomBytes(n);
    return n;
}

std::optional<Key> deriveKey(std::span<const std::uint8_t> passphrase, const Salt& salt,
                             const KdfParams& params) {
    // Checked here as well as by the vault reader: nothing outside the limits ever reaches Argon2,
    // and the cast to size_t below cannot truncate on 32-bit wasm.
    if (!params.acceptable()) return std::nullopt;
    Key k;
    if (crypto_pwhash(k.data(), k.size, reinterpret_cast<const char*>(passphrase.data()), passphrase.size(),
                      salt.data(), params.opslimit, static_cast<std::size_t>(params.memlimit),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    return k;
}

Bytes seal(const Key& key, std::span<const std::uint8_t> plain, std::span<const std::uint8_t> ad,
           Nonce& nonce) {
    nonce = randomNonce();
    Bytes out(plain.size() + kTagBytes);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data(), &len, plain.data(), plain.size(), ad.data(),
                                               ad.size(), nullptr, nonce.data(), key.data());
    return out;
}

bool open(const Key& key, const Nonce& nonce, std::span<const std::uint8_t> cipher,
          std::span<const std::uint8_t> ad, SecretBytes& plain) {
    if (cipher.size() < kTagBytes) return false;
    // Decrypted into a buffer of its own, so `plain` is untouched on failure. At least one byte,
    // so libsodium never gets a null output pointer for an empty message.
    SecretBytes out(std::max<std::size_t>(cipher.size() - kTagBytes, 1));
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), &len, nullptr, cipher.data(), cipher.size(),
                                                   ad.data(), ad.size(), nonce.data(), key.data()) != 0)
        return false;
    out.resize(static_cast<std::size_t>(len)); // shrinking keeps the block: nothing left unwiped
    plain = std::move(out);
    return true;
}

std::array<std::uint8_t, 16> checksum(std::span<const std::uint8_t> data) {
    std::array<std::uint8_t, 16> out{};
    crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
    return out;
}

} // namespace ts::crypto
