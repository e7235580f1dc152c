// The bundle file: round trips in both modes and through the text form, then every way a bundle can
// be wrong, each with its own error; receiving codes against an answer computed by the Python reader.
// Passphrase bundles here use KdfParams::fastForTests(), so Argon2 costs microseconds, not a second.
#include "core/bundle/bundle_file.h"
#include "kdf_floor.h"
#include "test_bytes.h"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace ts;
using namespace ts::bundle;
using crypto::Bytes;

using ts::testing::bytesOf;
using ts::testing::hex;

namespace {

const crypto::KdfParams kFast = crypto::KdfParams::fastForTests();
const std::string_view kPass = "верный конь батарейка скрепка";
const std::string_view kPayload =
    R"({"schema":1,"organisations":[],"entries":[{"kind":"eis-export-token","token":"тест"}],"runs":[],"attachments":[]})";
constexpr std::int64_t kWhen = 1709294400123; // 2024-03-01 12:00:00.123 UTC

// RFC 7748 §6.1: Alice's X25519 key pair.
constexpr std::string_view kAliceSecret = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr std::string_view kAlicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
// Built from docs/bundle-format.md by tests/python/decrypt_bundle.py --receiving-code-of <Alice's secret>.
constexpr std::string_view kAliceCode =
    "TSR1-GMGF0-2C962-KN8X4-BFQEB-8FQQB-86VYE-GD4RW-1NX7B-MJMRX-AMV9S-N1BDM-968D0";
// Built from docs/bundle-format.md by tests/python/decrypt_bundle.py --check-digits-of <Alice's secret>.
constexpr std::string_view kAliceCheck = "74658 23897 82204 17482";

std::string textOf(const crypto::SecretBytes& s) {
    return std::string(s.begin(), s.end());
}

std::uint64_t readLe(const Bytes& f, std::size_t at, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | f[at + i];
    return v;
}

void writeLe(Bytes& f, std::size_t at, std::uint64_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) f[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::size_t headerOf(const Bytes& f) {
    return f[10] == 1 ? 140 : 124;
}

// After a deliberate header edit: a forger can recompute an unkeyed checksum, so this is fair game.
void resum(Bytes& f) {
    const std::size_t h = headerOf(f);
    const auto sum = crypto::checksum(std::span(f).first(h - 16));
    std::copy(sum.begin(), sum.end(), f.begin() + static_cast<std::ptrdiff_t>(h - 16));
}

Bytes withPassphrase(std::string_view payload = kPayload, std::string_view pass = kPass) {
    REQUIRE(crypto::init());
    BundleError e = BundleError::TooLarge;
    auto f = writeWithPassphrase(bytesOf(payload), bytesOf(pass), kFast, kWhen, e);
    REQUIRE(f.has_value());
    CHECK(e == BundleError::None);
    return *f;
}

Bytes forRecipient(const PublicKey& to, std::string_view payload = kPayload) {
    REQUIRE(crypto::init());
    BundleError e = BundleError::TooLarge;
    auto f = writeForRecipient(bytesOf(payload), to, kWhen, e);
    REQUIRE(f.has_value());
    CHECK(e == BundleError::None);
    return *f;
}

KeyPair keys() {
    REQUIRE(crypto::init());
    return newKeyPair();
}

BundleError inspected(std::span<const std::uint8_t> f) {
    BundleError e = BundleError::None;
    const auto info = inspect(f, e);
    CHECK(info.has_value() == (e == BundleError::None));
    return e;
}

BundleError opened(std::span<const std::uint8_t> f, std::string_view pass = kPass) {
    BundleError e = BundleError::None;
    const auto out = openWithPassphrase(f, bytesOf(pass), e);
    CHECK(out.has_value() == (e == BundleError::None));
    return e;
}

BundleError opened(std::span<const std::uint8_t> f, const KeyPair& k) {
    BundleError e = BundleError::None;
    const auto out = openWithKeyPair(f, k, e);
    CHECK(out.has_value() == (e == BundleError::None));
    return e;
}

// What a single flipped bit at (byte, bit) of a bundle with a header of h bytes must be reported as.
BundleError expectedForFlip(std::size_t byte, int bit, std::size_t h) {
    if (byte < 8) return BundleError::NotBundle;
    if (byte == 8 && bit == 0) return BundleError::UnsupportedVersion; // 1 -> 0
    if (byte < 10) return BundleError::NewerVersion;
    if (byte < h) return BundleError::HeaderDamaged; // the mode and the checksum included
    return BundleError::Damaged;                     // payload nonce, ciphertext, tag
}

} // namespace

TEST_CASE("a passphrase bundle has the documented layout") {
    const Bytes f = withPassphrase();
    const std::size_t L = 8 + kPayload.size() + 16;
    REQUIRE(f.size() == 164 + L);
    CHECK(Bytes(f.begin(), f.begin() + 8) == Bytes{0x54, 0x53, 0x42, 0x55, 0x4E, 0x44, 0x4C, 0x45});
    CHECK(readLe(f, 8, 2) == 1);
    CHECK(f[10] == 1);
    CHECK(f[11] == 2);
    CHECK(readLe(f, 12, 8) == kFast.opslimit);
    CHECK(readLe(f, 20, 8) == kFast.memlimit);
    CHECK(readLe(f, 116, 8) == L);
    const auto sum = crypto::checksum(std::span(f).first(124));
    CHECK(std::equal(sum.begin(), sum.end(), f.begin() + 124));

    // Decrypted by hand, as the document says: the wrap with AD = bytes 0..43, then the payload.
    crypto::Salt salt{};
    std::copy_n(f.begin() + 28, salt.size(), salt.begin());
    const auto passKey = crypto::deriveKey(bytesOf(kPass), salt, kFast);
    REQUIRE(passKey.has_value());
    crypto::Nonce wrapNonce{}, payloadNonce{};
    std::copy_n(f.begin() + 44, 24, wrapNonce.begin());
    std::copy_n(f.begin() + 140, 24, payloadNonce.begin());
    crypto::SecretBytes contentKey, plain;
    REQUIRE(
        crypto::open(*passKey, wrapNonce, std::span(f).subspan(68, 48), std::span(f).first(44), contentKey));
    REQUIRE(contentKey.size() == 32);
    crypto::Key key;
    std::copy(contentKey.begin(), contentKey.end(), key.data());
    REQUIRE(crypto::open(key, payloadNonce, std::span(f).subspan(164), std::span(f).first(140), plain));
    REQUIRE(plain.size() == 8 + kPayload.size());
    CHECK(readLe(Bytes(plain.begin(), plain.begin() + 8), 0, 8) == static_cast<std::uint64_t>(kWhen));
    CHECK(std::string(plain.begin() + 8, plain.end()) == kPayload);

    BundleError e = BundleError::TooLarge;
    const auto info = inspect(f, e);
    REQUIRE(info.has_value());
    CHECK(info->mode == Mode::Passphrase);
    CHECK(info->needsPassphrase());
    CHECK(info->kdf == kFast);
    CHECK(info->payloadBytes == kPayload.size());
}

TEST_CASE("a recipient bundle has the documented layout") {
    const KeyPair k = keys();
    const Bytes f = forRecipient(k.publicKey);
    const std::size_t L = 8 + kPayload.size() + 16;
    REQUIRE(f.size() == 148 + L);
    CHECK(Bytes(f.begin(), f.begin() + 8) == Bytes{0x54, 0x53, 0x42, 0x55, 0x4E, 0x44, 0x4C, 0x45});
    CHECK(readLe(f, 8, 2) == 1);
    CHECK(f[10] == 2);
    CHECK(f[11] == 0);
    const auto pkSum = crypto::checksum(k.publicKey);
    CHECK(std::equal(pkSum.begin(), pkSum.begin() + 8, f.begin() + 12));
    CHECK(readLe(f, 100, 8) == L);
    const auto sum = crypto::checksum(std::span(f).first(108));
    CHECK(std::equal(sum.begin(), sum.end(), f.begin() + 108));

    crypto::Key key;
    REQUIRE(crypto_box_seal_open(key.data(), f.data() + 20, 80, k.publicKey.data(), k.secretKey.data()) == 0);
    crypto::Nonce payloadNonce{};
    std::copy_n(f.begin() + 124, 24, payloadNonce.begin());
    crypto::SecretBytes plain;
    REQUIRE(crypto::open(key, payloadNonce, std::span(f).subspan(148), std::span(f).first(124), plain));
    CHECK(std::string(plain.begin() + 8, plain.end()) == kPayload);

    BundleError e = BundleError::TooLarge;
    const auto info = inspect(f, e);
    REQUIRE(info.has_value());
    CHECK(info->mode == Mode::Recipient);
    CHECK_FALSE(info->needsPassphrase());
    CHECK(info->isFor(k.publicKey));
    CHECK_FALSE(info->isFor(keys().publicKey));
    CHECK(info->recipient == fingerprintOf(k.publicKey));
}

TEST_CASE("bundle payloads of every size round-trip in both modes and through the text form") {
    const KeyPair k = keys();
    const std::string big(100'000, 'z');
    for (const std::string_view payload :
         {std::string_view{}, std::string_view{"{}"}, kPayload, std::string_view{big}}) {
        CAPTURE(payload.size());
        for (const bool text : {false, true}) {
            CAPTURE(text);
            for (Bytes f : {withPassphrase(payload), forRecipient(k.publicKey, payload)}) {
                if (text) {
                    BundleError te = BundleError::None;
                    const std::string t = toText(f);
                    CHECK(t.starts_with("TSB1:\n"));
                    const auto back = fromText(t, te);
                    REQUIRE(back.has_value());
                    CHECK(te == BundleError::None);
                    f = *back;
                }
                BundleError e = BundleError::TooLarge;
                const auto out =
                    f[10] == 1 ? openWithPassphrase(f, bytesOf(kPass), e) : openWithKeyPair(f, k, e);
                REQUIRE(out.has_value());
                CHECK(e == BundleError::None);
                CHECK(out->mode == (f[10] == 1 ? Mode::Passphrase : Mode::Recipient));
                CHECK(out->createdAtMillis == kWhen);
                CHECK(textOf(out->payload) == payload);
            }
        }
    }
}

TEST_CASE("a bundle's created-at travels as a signed number of milliseconds") {
    const KeyPair k = keys();
    for (const std::int64_t when : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{-86'400'000},
                                    std::numeric_limits<std::int64_t>::max()}) {
        BundleError e = BundleError::None;
        const auto f = writeForRecipient(bytesOf(kPayload), k.publicKey, when, e);
        REQUIRE(f.has_value());
        const auto out = openWithKeyPair(*f, k, e);
        REQUIRE(out.has_value());
        CHECK(out->createdAtMillis == when);
    }
}

TEST_CASE("every bundle is fresh: new content key, nonces and salt each time") {
    const KeyPair k = keys();
    CHECK(withPassphrase() != withPassphrase());
    const Bytes a = forRecipient(k.publicKey), b = forRecipient(k.publicKey);
    CHECK(Bytes(a.begin() + 20, a.begin() + 100) != Bytes(b.begin() + 20, b.begin() + 100));
    CHECK(Bytes(a.begin() + 124, a.begin() + 148) != Bytes(b.begin() + 124, b.begin() + 148));
}

TEST_CASE("every single-bit flip of a passphrase bundle is refused with the error of the region it hits") {
    const Bytes f = withPassphrase(R"({"a":"б"})");
    const KeyPair k = keys();
    for (std::size_t byte = 0; byte < f.size(); ++byte)
        for (int bit = 0; bit < 8; ++bit) {
            CAPTURE(byte);
            CAPTURE(bit);
            Bytes g = f;
            g[byte] ^= static_cast<std::uint8_t>(1u << bit);
            const BundleError want = expectedForFlip(byte, bit, 140);
            // The secret-free checks catch everything in the header; only payload bits cost an
            // Argon2 run (microseconds with the fast setting).
            CHECK(inspected(g) == (byte < 140 ? want : BundleError::None));
            CHECK(opened(g) == want);
            CHECK(opened(g, k) == (byte < 140 ? want : BundleError::NeedsPassphrase));
            CHECK(messageFor(want) != messageFor(BundleError::None));
        }
}

TEST_CASE("every single-bit flip of a recipient bundle is refused with the error of the region it hits") {
    const KeyPair k = keys();
    const Bytes f = forRecipient(k.publicKey, R"({"a":"б"})");
    for (std::size_t byte = 0; byte < f.size(); ++byte)
        for (int bit = 0; bit < 8; ++bit) {
            CAPTURE(byte);
            CAPTURE(bit);
            Bytes g = f;
            g[byte] ^= static_cast<std::uint8_t>(1u << bit);
            const BundleError want = expectedForFlip(byte, bit, 124);
            CHECK(inspected(g) == (byte < 124 ? want : BundleError::None));
            CHECK(opened(g, k) == want);
            CHECK(opened(g) == (byte < 124 ? want : BundleError::NeedsRecipientKey));
        }
}

TEST_CASE("every truncation of a bundle is NotBundle or Truncated and appended bytes are TrailingData") {
    const KeyPair k = keys();
    for (const Bytes& f : {withPassphrase(), forRecipient(k.publicKey)}) {
        CAPTURE(f[10]);
        for (std::size_t n = 0; n < f.size(); ++n) {
            CAPTURE(n);
            const std::span<const std::uint8_t> g = std::span(f).first(n);
            const BundleError want = n < 8 ? BundleError::NotBundle : BundleError::Truncated;
            CHECK(inspected(g) == want);
            CHECK(opened(g) == want);
            CHECK(opened(g, k) == want);
        }
        for (const Bytes& extra : {Bytes{0}, Bytes{0x7b, 0x7d}, Bytes(4096, 0xff)}) {
            Bytes g = f;
            g.insert(g.end(), extra.begin(), extra.end());
            CHECK(inspected(g) == BundleError::TrailingData);
            CHECK(opened(g) == BundleError::TrailingData);
            CHECK(opened(g, k) == BundleError::TrailingData);
        }
    }
    CHECK(inspected(Bytes{}) == BundleError::NotBundle);
    CHECK(inspected(Bytes{'T', 'S', 'V', 'A', 'U', 'L', 'T', 0, 1, 0, 2, 0}) == BundleError::NotBundle);
}

TEST_CASE("a wrong bundle passphrase is told apart from damage") {
    const Bytes f = withPassphrase();
    CHECK(opened(f, "верный конь батарейка скрепкА") == BundleError::WrongPassphrase);
    CHECK(opened(f, "") == BundleError::WrongPassphrase);
    CHECK(opened(f) == BundleError::None);
}

TEST_CASE("a bundle for another recipient is ForOtherRecipient, a forged sealed key is Damaged") {
    const KeyPair me = keys(), other = keys();
    const Bytes f = forRecipient(other.publicKey);
    CHECK(opened(f, me) == BundleError::ForOtherRecipient);
    CHECK(opened(f, other) == BundleError::None);

    // My fingerprint written over theirs (checksum recomputed): the sealed key still is not mine.
    Bytes forged = f;
    const Fingerprint fp = fingerprintOf(me.publicKey);
    std::copy(fp.begin(), fp.end(), forged.begin() + 12);
    resum(forged);
    CHECK(opened(forged, me) == BundleError::Damaged);
    CHECK(opened(forged, other) == BundleError::ForOtherRecipient);

    Bytes sealed = f; // the sealed key altered, checksum recomputed
    sealed[60] ^= 0x01;
    resum(sealed);
    CHECK(opened(sealed, other) == BundleError::Damaged);

    Bytes reserved = f;
    reserved[11] = 1;
    resum(reserved);
    CHECK(opened(reserved, other) == BundleError::HeaderDamaged);
}

TEST_CASE("a bundle opened the wrong way says how it opens") {
    const KeyPair k = keys();
    CHECK(opened(withPassphrase(), k) == BundleError::NeedsPassphrase);
    CHECK(opened(forRecipient(k.publicKey)) == BundleError::NeedsRecipientKey);
}

TEST_CASE("bundle version 0 is unsupported and version 2 is newer, checksum or not") {
    const KeyPair k = keys();
    for (const Bytes& f : {withPassphrase(), forRecipient(k.publicKey)})
        for (const bool fixSum : {false, true}) {
            Bytes v0 = f, v2 = f, vMax = f;
            writeLe(v0, 8, 0, 2);
            writeLe(v2, 8, 2, 2);
            writeLe(vMax, 8, 0xffff, 2);
            if (fixSum) {
                resum(v0);
                resum(v2);
                resum(vMax);
            }
            CHECK(inspected(v0) == BundleError::UnsupportedVersion);
            CHECK(inspected(v2) == BundleError::NewerVersion);
            CHECK(opened(vMax) == BundleError::NewerVersion);
            CHECK(opened(vMax, k) == BundleError::NewerVersion);
            // A newer version's header need not look like ours at all: its size is not checked.
            CHECK(inspected(std::span(v2).first(10)) == BundleError::NewerVersion);
        }
}

TEST_CASE("unknown bundle modes are damage in version 1") {
    Bytes f = withPassphrase();
    for (const int mode : {0, 3, 255}) {
        f[10] = static_cast<std::uint8_t>(mode);
        CHECK(inspected(f) == BundleError::HeaderDamaged);
        CHECK(inspected(std::span(f).first(11)) == BundleError::HeaderDamaged);
    }
}

TEST_CASE("crafted KDF parameters in a bundle are refused before Argon2 runs") {
    const Bytes f = withPassphrase();
    auto crafted = [&](std::size_t at, std::uint64_t v, std::size_t n) {
        Bytes g = f;
        writeLe(g, at, v, n);
        resum(g);
        return g;
    };
    // 64 GiB would take the test down (or hours) if Argon2 ran: passing at all proves it did not.
    CHECK(opened(crafted(20, 64ull << 30, 8)) == BundleError::KdfTooCostly);
    CHECK(opened(crafted(20, ~0ull, 8)) == BundleError::KdfTooCostly);
    CHECK(opened(crafted(12, 1'000'000, 8)) == BundleError::KdfTooCostly);
    CHECK(opened(crafted(20, 4096, 8)) == BundleError::BadKdfParams); // below libsodium's minimum
    CHECK(opened(crafted(12, 0, 8)) == BundleError::BadKdfParams);
    CHECK(opened(crafted(11, 1, 1)) == BundleError::BadKdfParams); // Argon2i
    CHECK(inspected(crafted(11, 0, 1)) == BundleError::BadKdfParams);
    // Acceptable but not what the key was wrapped with: the wrap's AD covers the parameters and salt.
    CHECK(opened(crafted(12, 2, 8)) == BundleError::WrongPassphrase);
    CHECK(opened(crafted(28, f[28] ^ 1u, 1)) == BundleError::WrongPassphrase);
    CHECK(opened(crafted(44, f[44] ^ 1u, 1)) == BundleError::WrongPassphrase);   // wrap nonce
    CHECK(opened(crafted(100, f[100] ^ 1u, 1)) == BundleError::WrongPassphrase); // wrapped key

    // Nor does the writer run Argon2 on them.
    BundleError e = BundleError::None;
    CHECK_FALSE(
        writeWithPassphrase(bytesOf(kPayload), bytesOf(kPass), {1, 64ull << 30}, kWhen, e).has_value());
    CHECK(e == BundleError::KdfTooCostly);
    CHECK_FALSE(writeWithPassphrase(bytesOf(kPayload), bytesOf(kPass), {0, 8192}, kWhen, e).has_value());
    CHECK(e == BundleError::BadKdfParams);
}

TEST_CASE("a bundle asking for more than 4 × the standard KDF cost is refused untried, with its own error") {
    const Bytes f = withPassphrase();
    auto withKdf = [&](std::uint64_t ops, std::uint64_t mem) {
        Bytes g = f;
        writeLe(g, 12, ops, 8);
        writeLe(g, 20, mem, 8);
        resum(g); // a valid checksum: only the KDF check can refuse it
        return g;
    };
    // 20 passes over 1 GiB was accepted before: Argon2 froze the tab for minutes before the
    // passphrase was even checked, and the heap kept the gigabyte. Each cap is crossed on its own too.
    for (const auto& [ops, mem] : {std::pair<std::uint64_t, std::uint64_t>{20, 1ull << 30},
                                   {13, 64ull << 20},
                                   {3, (256ull << 20) + 1024},
                                   {4, 256ull << 20},
                                   {12, (64ull << 20) + 1024}}) {
        CAPTURE(ops);
        CAPTURE(mem);
        CHECK(inspected(withKdf(ops, mem)) == BundleError::KdfTooCostly);
        CHECK(opened(withKdf(ops, mem)) == BundleError::KdfTooCostly);
        CHECK(opened(withKdf(ops, mem), "не та фраза") == BundleError::KdfTooCostly);
    }
    // The caps themselves are accepted (inspect only: opening would run Argon2 at 256 MiB).
    CHECK(inspected(withKdf(12, 64ull << 20)) == BundleError::None);
    CHECK(inspected(withKdf(3, 256ull << 20)) == BundleError::None);
    CHECK(messageFor(BundleError::KdfTooCostly) != messageFor(BundleError::BadKdfParams));
}

TEST_CASE("outside the tests a bundle below the standard KDF cost is refused before Argon2 runs") {
    const Bytes fast = withPassphrase();
    REQUIRE(opened(fast) == BundleError::None); // the suite's floor (tests/native/main.cpp) takes it
    const ts::testing::AppKdfFloor appFloor;
    CHECK(inspected(fast) == BundleError::BadKdfParams); // before the passphrase is even asked for
    CHECK(opened(fast) == BundleError::BadKdfParams);
    BundleError e = BundleError::None;
    CHECK_FALSE(writeWithPassphrase(bytesOf(kPayload), bytesOf(kPass), kFast, kWhen, e).has_value());
    CHECK(e == BundleError::BadKdfParams);
    // The one cost the app writes opens.
    const auto standard =
        writeWithPassphrase(bytesOf(kPayload), bytesOf(kPass), crypto::KdfParams::standard(), kWhen, e);
    REQUIRE(standard.has_value());
    CHECK(opened(*standard) == BundleError::None);
}

TEST_CASE("crafted bundle payload lengths are refused without overflow") {
    const KeyPair k = keys();
    for (const Bytes& f : {withPassphrase(), forRecipient(k.publicKey)}) {
        const std::size_t h = headerOf(f);
        auto withLength = [&](const Bytes& base, std::uint64_t L) {
            Bytes g = base;
            writeLe(g, h - 24, L, 8);
            resum(g);
            return g;
        };
        CHECK(inspected(withLength(f, ~0ull)) == BundleError::Truncated);
        CHECK(inspected(withLength(f, ~0ull - h - 23)) == BundleError::Truncated); // h + 24 + L wraps to 0
        CHECK(inspected(withLength(f, f.size() - h - 24 + 1)) == BundleError::Truncated);
        CHECK(inspected(withLength(f, f.size() - h - 24 - 1)) == BundleError::TrailingData);
        // Less than the tag and created-at: a header no writer produces.
        for (std::uint64_t L = 0; L < 24; ++L) {
            Bytes g(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(h + 24 + L));
            CHECK(inspected(withLength(g, L)) == BundleError::HeaderDamaged);
        }
    }
}

TEST_CASE("the payload of one bundle under the header of another is Damaged") {
    const Bytes a = withPassphrase(), b = withPassphrase(); // same passphrase and payload size
    Bytes swapped(a.begin(), a.begin() + 140);
    swapped.insert(swapped.end(), b.begin() + 140, b.end());
    CHECK(inspected(swapped) == BundleError::None);
    CHECK(opened(swapped) == BundleError::Damaged);
}

TEST_CASE("bundle files over 64 MiB are TooLarge before anything else, and writers stay under the limit") {
    REQUIRE(crypto::init());
    const KeyPair k = keys();
    // One buffer for every size here (touching this much memory is what costs time under ASan).
    Bytes huge(kMaxFileBytes + 1);
    const std::span<const std::uint8_t> all(huge), atLimit = all.first(kMaxFileBytes);

    // Zeros, so not even the magic: TooLarge still comes first.
    CHECK(inspected(all) == BundleError::TooLarge);
    CHECK(opened(all) == BundleError::TooLarge);
    CHECK(opened(all, k) == BundleError::TooLarge);

    // Writers refuse a payload one byte past what fits (before touching it)...
    const std::size_t maxPayload = kMaxFileBytes - 124 - 24 - 8 - 16; // header, nonce, created-at, tag
    BundleError e = BundleError::None;
    CHECK_FALSE(writeForRecipient(all.first(maxPayload + 1), k.publicKey, kWhen, e).has_value());
    CHECK(e == BundleError::TooLarge);
    CHECK_FALSE(
        writeWithPassphrase(all.first(maxPayload + 1 - 16), bytesOf(kPass), kFast, kWhen, e).has_value());
    CHECK(e == BundleError::TooLarge);

    // ...and what does fit makes a file of exactly the limit, which readers take. (Crafted rather than
    // encrypted: 64 MiB through the AEAD would slow the ASan run by seconds.)
    const Bytes small = forRecipient(k.publicKey);
    std::copy_n(small.begin(), 148, huge.begin());
    auto setLength = [&](std::uint64_t L) {
        for (std::size_t i = 0; i < 8; ++i) huge[100 + i] = static_cast<std::uint8_t>(L >> (8 * i));
        const auto sum = crypto::checksum(all.first(108));
        std::copy(sum.begin(), sum.end(), huge.begin() + 108);
    };
    setLength(kMaxFileBytes - 148);
    const auto info = inspect(atLimit, e);
    REQUIRE(info.has_value());
    CHECK(info->payloadBytes == maxPayload);
    setLength(kMaxFileBytes + 1 - 148);
    CHECK(inspected(all) == BundleError::TooLarge);

    // The text form: a text past its limit is refused before it is read. (One that decodes to more
    // than 64 MiB is refused too, by fromText and by inspect: not tested, it takes a second.)
    huge.clear();
    huge.shrink_to_fit();
    std::string text(2 * kMaxFileBytes + 1, ' ');
    text.replace(0, 5, "TSB1:");
    CHECK_FALSE(fromText(text, e).has_value());
    CHECK(e == BundleError::TooLarge);
}

TEST_CASE("the bundle text form tolerates whitespace and line breaks and refuses anything else") {
    const KeyPair k = keys();
    const Bytes f = forRecipient(k.publicKey);
    const std::string t = toText(f);
    // "TSB1:" on a line of its own, then lines of 76 characters, the last one shorter, no final LF.
    std::vector<std::string> lines{""};
    for (const char c : t) {
        if (c == '\n')
            lines.emplace_back();
        else
            lines.back().push_back(c);
    }
    REQUIRE(lines.size() > 2);
    CHECK(lines.front() == "TSB1:");
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) CHECK(lines[i].size() == 76);
    CHECK((!lines.back().empty() && lines.back().size() <= 76));

    // Re-wrapped by a mail program, indented, CRLF, spaces, tabs.
    std::string mangled = "\r\n  \t";
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') continue;
        mangled += t[i];
        if (i >= 4 && i % 13 == 0) mangled += "\r\n"; // after "TSB1:" only
        if (i >= 4 && i % 29 == 0) mangled += " \t ";
    }
    mangled += "\n\n";
    BundleError e = BundleError::TooLarge;
    const auto back = fromText(mangled, e);
    REQUIRE(back.has_value());
    CHECK(*back == f);
    CHECK(opened(*back, k) == BundleError::None);

    for (const std::string& bad : {std::string{}, std::string{"   "}, std::string{"tsb1:"} + t.substr(5),
                                   std::string{"TSB2:"} + t.substr(5), "Вот пакет: " + t, t + "*", t + "=",
                                   t.substr(0, t.size() - 1) + "-", std::string{"TSB1:QUJD_A=="},
                                   std::string{"TSB1:QUJ"}, std::string{"TSB1:QUJD\0QUJD", 14}}) {
        CAPTURE(bad.substr(0, 20));
        CHECK_FALSE(fromText(bad, e).has_value());
        CHECK(e == BundleError::BadText);
    }
    // A byte-order mark (Notepad saves one) before the text, and whitespace after it, as identify()
    // takes them; a mark anywhere else is not text of ours.
    const std::string bom = "\xEF\xBB\xBF";
    for (const std::string& withBom : {bom + t, bom + "\r\n " + t, bom + mangled}) {
        const auto fromBom = fromText(withBom, e);
        REQUIRE(fromBom.has_value());
        CHECK(*fromBom == f);
    }
    for (const std::string& bad : {" " + bom + t, bom + bom + t, "TSB1:" + bom + t.substr(5), bom}) {
        CHECK_FALSE(fromText(bad, e).has_value());
        CHECK(e == BundleError::BadText);
    }
    // "TSB1:" alone is valid text of no bytes: an empty file, which is not a bundle.
    const auto empty = fromText("TSB1:", e);
    REQUIRE(empty.has_value());
    CHECK(inspected(*empty) == BundleError::NotBundle);
}

TEST_CASE("a bundle text form cut short decodes to a truncated bundle or is refused") {
    const KeyPair k = keys();
    const Bytes f = forRecipient(k.publicKey);
    std::string compact = toText(f);
    std::erase(compact, '\n');
    for (std::size_t n = 5; n < compact.size(); ++n) {
        CAPTURE(n);
        BundleError e = BundleError::None;
        const auto back = fromText(std::string_view(compact).substr(0, n), e);
        if ((n - 5) % 4 != 0) {
            CHECK_FALSE(back.has_value()); // a base64 group cut in half
            CHECK(e == BundleError::BadText);
        } else {
            REQUIRE(back.has_value());
            CHECK(opened(*back, k) == (back->size() < 8 ? BundleError::NotBundle : BundleError::Truncated));
        }
    }
}

TEST_CASE("bundle key pairs come from libsodium and a stored secret key gives its public key back") {
    const KeyPair a = keys(), b = keys();
    CHECK(a.publicKey != b.publicKey);
    CHECK_FALSE(a.secretKey.equals(b.secretKey));
    const auto again = keyPairFromSecretKey(a.secretKey);
    REQUIRE(again.has_value());
    CHECK(again->publicKey == a.publicKey);
    CHECK(again->secretKey.equals(a.secretKey));

    SecretKey alice;
    const Bytes s = hex(kAliceSecret);
    std::copy(s.begin(), s.end(), alice.data());
    const auto pair = keyPairFromSecretKey(alice);
    REQUIRE(pair.has_value());
    CHECK(Bytes(pair->publicKey.begin(), pair->publicKey.end()) == hex(kAlicePublic));
}

TEST_CASE("the bundle receiving code is the one the document builds and round-trips") {
    REQUIRE(crypto::init());
    PublicKey alice{};
    const Bytes pk = hex(kAlicePublic);
    std::copy(pk.begin(), pk.end(), alice.begin());
    CHECK(receivingCode(alice) == kAliceCode);

    BundleError e = BundleError::None;
    const auto back = parseReceivingCode(kAliceCode, e);
    REQUIRE(back.has_value());
    CHECK(e == BundleError::None);
    CHECK(*back == alice);

    for (int i = 0; i < 20; ++i) {
        const KeyPair k = keys();
        const std::string code = receivingCode(k.publicKey);
        CHECK(code.size() == 5 + 60 + 11);
        CHECK(code.starts_with("TSR1-"));
        const auto parsed = parseReceivingCode(code, e);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == k.publicKey);
    }
}

TEST_CASE("a receiving code's check digits are the ones the document builds, and tell keys apart") {
    REQUIRE(crypto::init());
    PublicKey alice{};
    const Bytes pk = hex(kAlicePublic);
    std::copy(pk.begin(), pk.end(), alice.begin());
    CHECK(receivingCodeCheck(alice) == kAliceCheck);

    // What the sender sees beside the code they typed is what the recipient sees beside their own.
    BundleError e = BundleError::None;
    const auto typed = parseReceivingCode(kAliceCode, e);
    REQUIRE(typed.has_value());
    CHECK(receivingCodeCheck(*typed) == kAliceCheck);

    // One bit of the key changes the digits: a swapped code shows other digits.
    for (std::size_t bit = 0; bit < 8 * alice.size(); bit += 7) {
        PublicKey other = alice;
        other[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        CHECK(receivingCodeCheck(other) != kAliceCheck);
    }
    for (int i = 0; i < 20; ++i) {
        const std::string check = receivingCodeCheck(keys().publicKey);
        REQUIRE(check.size() == 23);
        for (std::size_t c = 0; c < check.size(); ++c)
            CHECK((c % 6 == 5 ? check[c] == ' ' : std::isdigit(static_cast<unsigned char>(check[c])) != 0));
    }
}

TEST_CASE(
    "a bundle receiving code may be pasted with spaces, line breaks, lower case and O or I for 0 or 1") {
    REQUIRE(crypto::init());
    const std::string code(kAliceCode);
    std::string lower, spaced, misread, bare;
    for (const char c : code) {
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        spaced += c == '-' ? std::string(" \n ") : std::string(1, c);
        misread += c == '0' ? 'O' : c == '1' ? 'l' : c;
        if (c != '-') bare += c;
    }
    for (const std::string& variant :
         {lower, spaced, misread, bare, "  " + code + "\r\n", "TSR1" + code.substr(4) + "-"}) {
        CAPTURE(variant);
        BundleError e = BundleError::TooLarge;
        const auto pk = parseReceivingCode(variant, e);
        REQUIRE(pk.has_value());
        CHECK(receivingCode(*pk) == code);
    }
}

TEST_CASE("a typo in a bundle receiving code is caught by its checksum") {
    REQUIRE(crypto::init());
    const std::string code(kAliceCode);
    constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    int typos = 0;
    for (std::size_t i = 5; i < code.size(); ++i) {
        if (code[i] == '-') continue;
        for (const char c : kAlphabet) {
            if (c == code[i]) continue;
            std::string wrong = code;
            wrong[i] = c;
            CAPTURE(wrong);
            BundleError e = BundleError::None;
            CHECK_FALSE(parseReceivingCode(wrong, e).has_value());
            CHECK(e == BundleError::ReceivingCodeTypo);
            ++typos;
        }
        if (i + 1 < code.size() && code[i + 1] != '-' && code[i + 1] != code[i]) { // two characters swapped
            std::string swapped = code;
            std::swap(swapped[i], swapped[i + 1]);
            BundleError e = BundleError::None;
            CHECK_FALSE(parseReceivingCode(swapped, e).has_value());
            CHECK(e == BundleError::ReceivingCodeTypo);
        }
    }
    CHECK(typos == 60 * 31);
}

TEST_CASE("what is not a bundle receiving code is BadReceivingCode") {
    REQUIRE(crypto::init());
    const std::string code(kAliceCode);
    for (const std::string& bad :
         {std::string{}, code.substr(0, code.size() - 1), code + "0", "TSR2" + code.substr(4), code.substr(5),
          code.substr(0, 10) + "U" + code.substr(11), code.substr(0, 10) + "*" + code.substr(11),
          code.substr(0, 10) + "Ж" + code.substr(12), std::string(10'000, 'A'), toText(Bytes{1, 2, 3})}) {
        CAPTURE(bad.substr(0, 40));
        BundleError e = BundleError::None;
        CHECK_FALSE(parseReceivingCode(bad, e).has_value());
        CHECK(e == BundleError::BadReceivingCode);
    }
}

TEST_CASE("public keys X25519 cannot use are refused for bundles when pasted and when writing") {
    REQUIRE(crypto::init());
    PublicKey zero{}; // a low-order point: the shared secret would be all zeros
    PublicKey one{};
    one[0] = 1;
    for (const PublicKey& bad : {zero, one}) {
        BundleError e = BundleError::None;
        CHECK_FALSE(parseReceivingCode(receivingCode(bad), e).has_value());
        CHECK(e == BundleError::BadReceivingCode);
        CHECK_FALSE(writeForRecipient(bytesOf(kPayload), bad, kWhen, e).has_value());
        CHECK(e == BundleError::BadReceivingCode);
    }
}

TEST_CASE("every bundle error has its own message in both languages") {
    constexpr std::size_t kErrors = static_cast<std::size_t>(BundleError::ReceivingCodeTypo) + 1;
    std::set<Str> ids;
    for (std::size_t i = 0; i < kErrors; ++i) ids.insert(messageFor(static_cast<BundleError>(i)));
    CHECK(ids.size() == kErrors);
    CHECK(messageFor(BundleError::None) == Str::StatusReady);
    for (const Lang lang : {Lang::Ru, Lang::En}) {
        std::set<std::string_view> texts;
        for (const Str id : ids) texts.insert(tr(id, lang));
        CHECK(texts.size() == kErrors);
    }
}
