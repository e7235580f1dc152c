// libsodium behind the fixed-size types of crypto.h. Every size a libsodium call relies on is
// checked here, so callers cannot hand it a short buffer.
#include "core/crypto/crypto.h"

#include <algorithm>

namespace ts::crypto {

static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
// docs/vault-format.md states the KDF limits as numbers: the tests' floor is what libsodium allows.
static_assert(crypto_pwhash_argon2id_OPSLIMIT_MIN == 1 && crypto_pwhash_argon2id_MEMLIMIT_MIN == 8192);
static_assert(KdfParams::fastForTests().opslimit == crypto_pwhash_argon2id_OPSLIMIT_MIN &&
              KdfParams::fastForTests().memlimit == crypto_pwhash_argon2id_MEMLIMIT_MIN);
static_assert(KdfParams::standard().opslimit == 3 && KdfParams::standard().memlimit == 64ull << 20);

namespace {
// The caps: what the app itself would ever write, with room for a stronger standard() later. At
// 4 × standard() Argon2 takes about 0.7 s in the browser (docs/vault-format.md).
constexpr std::uint64_t kMaxOpslimit = 12;
constexpr std::uint64_t kMaxMemlimit = 256ull << 20;
constexpr std::uint64_t kMaxCost = 4 * KdfParams::standard().opslimit * KdfParams::standard().memlimit;
static_assert(kMaxCost == 768ull << 20); // the number docs/*-format.md state

bool g_fastKdfForTests = false;
} // namespace

void acceptFastKdfForTests(bool accept) {
    g_fastKdfForTests = accept;
}

bool KdfParams::tooCostly() const {
    // Both factors are bounded before they are multiplied: the product cannot overflow.
    return opslimit > kMaxOpslimit || memlimit > kMaxMemlimit || opslimit * memlimit > kMaxCost;
}

bool KdfParams::belowFloor() const {
    const KdfParams floor = g_fastKdfForTests ? fastForTests() : standard();
    return opslimit < floor.opslimit || memlimit < floor.memlimit;
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
    // The caps are checked here as well as by the readers: nothing costlier ever reaches Argon2, and
    // the cast to size_t below cannot truncate on 32-bit wasm. No floor here but libsodium's own:
    // the warm-up (core/vault/warm_up.cpp) derives a cheap key on purpose, and readers check theirs.
    if (params.tooCostly() || params.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
        params.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN)
        return std::nullopt;
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
