// The crypto wrapper against answers computed elsewhere (Python's hashlib and PyNaCl, the XChaCha20
// draft's test vector), then round trips and tampering that must fail.
#include "core/crypto/crypto.h"
#include "kdf_floor.h"
#include "test_bytes.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

using namespace ts;
using namespace ts::crypto;

using ts::testing::bytesOf;
using ts::testing::hex;

namespace {

template <std::size_t N> std::array<std::uint8_t, N> arrayOf(const Bytes& b) {
    REQUIRE(b.size() == N);
    std::array<std::uint8_t, N> a{};
    std::copy(b.begin(), b.end(), a.begin());
    return a;
}

Key keyOf(const Bytes& b) {
    REQUIRE(b.size() == Key::size);
    Key k;
    std::copy(b.begin(), b.end(), k.data());
    return k;
}

Bytes plainOf(const SecretBytes& s) {
    return Bytes(s.begin(), s.end());
}

Salt saltZeroToF() {
    Salt s;
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::uint8_t>(i);
    return s;
}

// draft-irtf-cfrg-xchacha-03, A.3.1 (also what PyNaCl's crypto_aead_xchacha20poly1305_ietf_encrypt gives).
const std::string_view kDraftPlain =
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
    "the future, sunscreen would be it.";
const char* const kDraftKey = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
const char* const kDraftNonce = "404142434445464748494a4b4c4d4e4f5051525354555657";
const char* const kDraftAd = "50515253c0c1c2c3c4c5c6c7";
const char* const kDraftCipher = "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4"
                                 "aa6440bf3a82f4eda7e39ae64c6708c54"
                                 "c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383"
                                 "565d3fff921f9664c97637da9768812f6"
                                 "15c68b13b52ec0875924c1c7987947deafd8780acf49";

} // namespace

TEST_CASE("the checksum is unkeyed BLAKE2b-128 (answers from Python's hashlib)") {
    REQUIRE(init());
    // hashlib.blake2b(data, digest_size=16).hexdigest()
    const auto empty = checksum({});
    CHECK(Bytes(empty.begin(), empty.end()) == hex("cae66941d9efbd404e4d88758ea67670"));
    const auto cyr = checksum(bytesOf("TokenSafe — Сейф токенов"));
    CHECK(Bytes(cyr.begin(), cyr.end()) == hex("c52e25e3f7e4c2b99ca6099c8a15d531"));
    Bytes all(256);
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i);
    const auto sum = checksum(all);
    CHECK(Bytes(sum.begin(), sum.end()) == hex("c2472c0ac37a8dbdb25f05ada0d82643"));
}

TEST_CASE("Argon2id derives the keys PyNaCl derives") {
    REQUIRE(init());
    // nacl.pwhash.argon2id.kdf(32, passphrase, bytes(range(16)), opslimit=..., memlimit=...)
    const auto fast =
        deriveKey(bytesOf("correct horse battery staple"), saltZeroToF(), KdfParams::fastForTests());
    REQUIRE(fast.has_value());
    CHECK(fast->equals(keyOf(hex("d17ea6341ca93da6079ea2f64dc4aa31dd1aaf9caa67fb42ac4afd0714706f26"))));
    const auto cyr = deriveKey(bytesOf("пароль"), saltZeroToF(), {2, 65536});
    REQUIRE(cyr.has_value());
    CHECK(cyr->equals(keyOf(hex("ce1cdd4795e1e180dc11efb674fb26b76c0111f81f2cb0cf5d82a9a74c5df9f5"))));
    // Each input matters.
    Salt other = saltZeroToF();
    other[15] ^= 1;
    const auto salted = deriveKey(bytesOf("пароль"), other, {2, 65536});
    REQUIRE(salted.has_value());
    CHECK_FALSE(salted->equals(*cyr));
}

TEST_CASE("KDF limits: at most 4 × the standard cost, and crafted parameters do not reach Argon2") {
    REQUIRE(init());
    CHECK(KdfParams::fastForTests().acceptable()); // the suite's floor (tests/native/main.cpp)
    CHECK(KdfParams::standard().acceptable());
    // The caps' corners: 12 passes, 256 MiB, and 4 × (3 passes × 64 MiB) in between.
    for (const KdfParams p : {KdfParams{12, 64ull << 20}, KdfParams{3, 256ull << 20},
                              KdfParams{4, 192ull << 20}, KdfParams{12, 8192}}) {
        CAPTURE(p.opslimit);
        CAPTURE(p.memlimit);
        CHECK_FALSE(p.tooCostly());
        CHECK(p.acceptable());
    }
    // What the limits allowed before: 20 passes of 1 GiB froze the tab for minutes.
    for (const KdfParams p :
         {KdfParams{20, 1ull << 30}, KdfParams{13, 8192}, KdfParams{3, (256ull << 20) + 1},
          KdfParams{12, (64ull << 20) + 1024}, KdfParams{4, 256ull << 20}, KdfParams{1, 64ull << 30},
          KdfParams{~0ull, ~0ull}, KdfParams{~0ull, 8192}}) {
        CAPTURE(p.opslimit);
        CAPTURE(p.memlimit);
        CHECK(p.tooCostly());
        CHECK_FALSE(p.acceptable());
        CHECK_FALSE(deriveKey(bytesOf("x"), saltZeroToF(), p).has_value()); // returns at once
    }
    // Below libsodium's minimums: refused even with the tests' floor.
    for (const KdfParams p : {KdfParams{0, 8192}, KdfParams{1, 8191}, KdfParams{1, 0}, KdfParams{0, 0}}) {
        CAPTURE(p.opslimit);
        CAPTURE(p.memlimit);
        CHECK(p.belowFloor());
        CHECK_FALSE(p.acceptable());
        CHECK_FALSE(deriveKey(bytesOf("x"), saltZeroToF(), p).has_value());
    }
}

TEST_CASE("KDF floor: outside the tests nothing below the standard cost is acceptable") {
    const ts::testing::AppKdfFloor appFloor;
    CHECK(KdfParams::standard().acceptable());
    CHECK(KdfParams{12, 64ull << 20}.acceptable());
    CHECK(KdfParams{3, 256ull << 20}.acceptable());
    for (const KdfParams p : {KdfParams::fastForTests(), KdfParams{2, 64ull << 20},
                              KdfParams{12, (64ull << 20) - 1}, KdfParams{3, 32ull << 20}}) {
        CAPTURE(p.opslimit);
        CAPTURE(p.memlimit);
        CHECK(p.belowFloor());
        CHECK_FALSE(p.tooCostly());
        CHECK_FALSE(p.acceptable());
    }
}

TEST_CASE("XChaCha20-Poly1305 opens the draft's test vector and nothing tampered") {
    REQUIRE(init());
    const Key key = keyOf(hex(kDraftKey));
    const auto nonce = arrayOf<kNonceBytes>(hex(kDraftNonce));
    const Bytes ad = hex(kDraftAd);
    const Bytes cipher = hex(kDraftCipher);

    SecretBytes plain;
    REQUIRE(open(key, nonce, cipher, ad, plain));
    CHECK(plainOf(plain) == Bytes(bytesOf(kDraftPlain).begin(), bytesOf(kDraftPlain).end()));

    // Each failure leaves `plain` as it was.
    const Bytes before = plainOf(plain);
    for (std::size_t i = 0; i < cipher.size(); i += 7) {
        Bytes bad = cipher;
        bad[i] ^= 0x01;
        CHECK_FALSE(open(key, nonce, bad, ad, plain));
    }
    Bytes badAd = ad;
    badAd.back() ^= 0x80;
    CHECK_FALSE(open(key, nonce, cipher, badAd, plain));
    CHECK_FALSE(open(key, nonce, cipher, {}, plain));
    auto badNonce = nonce;
    badNonce[23] ^= 0x01;
    CHECK_FALSE(open(key, badNonce, cipher, ad, plain));
    Key badKey = keyOf(hex(kDraftKey));
    badKey.data()[0] ^= 0x01;
    CHECK_FALSE(open(badKey, nonce, cipher, ad, plain));
    CHECK_FALSE(open(key, nonce, std::span(cipher).first(cipher.size() - 1), ad, plain));
    CHECK_FALSE(open(key, nonce, std::span(cipher).first(kTagBytes - 1), ad, plain)); // shorter than a tag
    CHECK_FALSE(open(key, nonce, {}, ad, plain));
    CHECK(plainOf(plain) == before);
}

TEST_CASE("seal draws a fresh nonce every time and round-trips, also an empty message") {
    REQUIRE(init());
    const Key key = randomKey();
    const Bytes ad = {1, 2, 3};
    for (const std::string_view text :
         {std::string_view{}, std::string_view{"x"}, std::string_view{"Сейф"}}) {
        Nonce n1{}, n2{};
        const Bytes c1 = seal(key, bytesOf(text), ad, n1);
        const Bytes c2 = seal(key, bytesOf(text), ad, n2);
        CHECK(c1.size() == text.size() + kTagBytes);
        CHECK(n1 != n2);
        CHECK(c1 != c2);
        SecretBytes plain = {9, 9};
        REQUIRE(open(key, n1, c1, ad, plain));
        CHECK(plainOf(plain) == Bytes(bytesOf(text).begin(), bytesOf(text).end()));
        CHECK_FALSE(open(key, n2, c1, ad, plain)); // a ciphertext opens only with its own nonce
    }
}

TEST_CASE("random keys, salts and nonces come from the library and differ") {
    REQUIRE(init());
    CHECK_FALSE(randomKey().equals(randomKey()));
    CHECK(randomSalt() != randomSalt());
    CHECK(randomNonce() != randomNonce());
    Key k = randomKey();
    k.wipe();
    CHECK(k.equals(Key{}));
}
