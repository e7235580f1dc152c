// The vault file: round trips, then every way a file can be wrong, each with its own error.
// All vaults here use KdfParams::fastForTests(), so Argon2 costs microseconds, not a second.
#include "core/vault/vault_file.h"
#include "kdf_floor.h"
#include "test_bytes.h"

#include <doctest/doctest.h>
#include <set>
#include <string>
#include <string_view>

using namespace ts;
using namespace ts::vault;
using crypto::Bytes;

using ts::testing::bytesOf;

namespace {

const crypto::KdfParams kFast = crypto::KdfParams::fastForTests();
const std::string_view kPass = "верный конь батарейка скрепка";
const std::string_view kBody = R"({"items":[{"kind":"eis-export","token":"тест"}]})";

std::string textOf(const crypto::SecretBytes& s) {
    return std::string(s.begin(), s.end());
}

Keys newVault(std::string_view pass = kPass) {
    REQUIRE(crypto::init());
    auto keys = create(bytesOf(pass), kFast);
    REQUIRE(keys.has_value());
    return *keys;
}

std::uint64_t readLe(const Bytes& f, std::size_t at, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | f[at + i];
    return v;
}

void writeLe(Bytes& f, std::size_t at, std::uint64_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) f[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// After a deliberate header edit: a forger can recompute an unkeyed checksum, so this is fair game.
void resum(Bytes& f) {
    const auto sum = crypto::checksum(std::span(f).first(148));
    std::copy(sum.begin(), sum.end(), f.begin() + 148);
}

VaultError inspected(const Bytes& f) {
    Header h;
    return inspect(f, h);
}

VaultError opened(const Bytes& f, std::string_view pass = kPass) {
    Opened out;
    return open(f, bytesOf(pass), out);
}

// What a single flipped bit at (byte, bit) of a vault file must be reported as.
VaultError expectedForFlip(std::size_t byte, int bit) {
    if (byte < 8) return VaultError::NotAVault;
    if (byte == 8 && bit == 0) return VaultError::UnsupportedVersion; // 1 -> 0
    if (byte < 10) return VaultError::NewerVersion;
    if (byte < 164) return VaultError::HeaderDamaged; // incl. the checksum itself
    if (byte < 180) return VaultError::ForeignBody;
    if (byte < 188) return VaultError::MixedRevision;
    return VaultError::BodyDamaged; // body nonce, ciphertext, tag
}

} // namespace

TEST_CASE("the file has the documented layout") {
    Keys keys = newVault();
    const Bytes f = write(keys, 7, bytesOf(kBody));
    const std::size_t L = kBody.size() + crypto::kTagBytes;
    REQUIRE(f.size() == 212 + L);
    CHECK(Bytes(f.begin(), f.begin() + 8) == Bytes{0x54, 0x53, 0x56, 0x41, 0x55, 0x4C, 0x54, 0x00});
    CHECK(readLe(f, 8, 2) == 1);
    CHECK(f[10] == 2);
    CHECK(f[11] == 0);
    CHECK(readLe(f, 12, 8) == kFast.opslimit);
    CHECK(readLe(f, 20, 8) == kFast.memlimit);
    CHECK(std::equal(keys.header.salt.begin(), keys.header.salt.end(), f.begin() + 28));
    CHECK(std::equal(keys.header.id.begin(), keys.header.id.end(), f.begin() + 44));
    CHECK(std::equal(keys.header.wrapNonce.begin(), keys.header.wrapNonce.end(), f.begin() + 60));
    CHECK(std::equal(keys.header.wrappedKey.begin(), keys.header.wrappedKey.end(), f.begin() + 84));
    CHECK(readLe(f, 132, 8) == 7);
    CHECK(readLe(f, 140, 8) == L);
    const auto sum = crypto::checksum(std::span(f).first(148));
    CHECK(std::equal(sum.begin(), sum.end(), f.begin() + 148));
    CHECK(std::equal(keys.header.id.begin(), keys.header.id.end(), f.begin() + 164));
    CHECK(readLe(f, 180, 8) == 7);
    CHECK(f.size() == kMinFileBytes + kBody.size());
}

TEST_CASE("bodies of every size round-trip, Cyrillic included") {
    Keys keys = newVault();
    // Exactly 1 MiB of valid JSON.
    const std::string chunk = "Уникальный токен-ключ участника ЕИС; ";
    std::string big = R"({"note":")";
    while (big.size() + chunk.size() + 2 <= (1u << 20)) big += chunk;
    big.append((1u << 20) - 2 - big.size(), '.');
    big += R"("})";
    REQUIRE(big.size() == (1u << 20));
    for (const std::string_view body : {std::string_view{}, std::string_view{"{"}, std::string_view{"{}"},
                                        std::string_view{"0123456789abcde"},
                                        std::string_view{"0123456789abcdef"}, kBody, std::string_view{big}}) {
        CAPTURE(body.size());
        const Bytes f = write(keys, 3, bytesOf(body));
        CHECK(f.size() == kMinFileBytes + body.size());
        Opened out;
        REQUIRE(open(f, bytesOf(kPass), out) == VaultError::None);
        CHECK(textOf(out.body) == body);
        CHECK(out.keys.vaultKey.equals(keys.vaultKey));
        CHECK(out.keys.header.id == keys.header.id);
        CHECK(out.keys.header.revision == 3);
    }
}

TEST_CASE("saves reuse the wrap and draw a fresh body nonce") {
    Keys keys = newVault();
    const Bytes a = write(keys, 1, bytesOf(kBody));
    const Bytes b = write(keys, 1, bytesOf(kBody));
    CHECK(Bytes(a.begin(), a.begin() + 132) == Bytes(b.begin(), b.begin() + 132)); // no passphrase needed
    CHECK(Bytes(a.begin() + 188, a.begin() + 212) != Bytes(b.begin() + 188, b.begin() + 212));
    const Bytes c = write(keys, 2, bytesOf(kBody));
    CHECK(keys.header.revision == 2);
    Opened out;
    REQUIRE(open(c, bytesOf(kPass), out) == VaultError::None);
    CHECK(out.keys.header.revision == 2);
}

TEST_CASE("every single-bit flip is rejected with the error of the region it hits") {
    Keys keys = newVault();
    const Bytes f = write(keys, 5, bytesOf(R"({"a":"б"})"));
    for (std::size_t byte = 0; byte < f.size(); ++byte)
        for (int bit = 0; bit < 8; ++bit) {
            CAPTURE(byte);
            CAPTURE(bit);
            Bytes g = f;
            g[byte] ^= static_cast<std::uint8_t>(1u << bit);
            const VaultError want = expectedForFlip(byte, bit);
            // The passphrase-free checks catch everything before the body nonce, and open stops
            // there too; only body bits cost an Argon2 run (microseconds with the fast setting).
            CHECK(inspected(g) == (byte < 188 ? want : VaultError::None));
            CHECK(opened(g) == want);
            Opened out;
            CHECK(reopen(g, keys, out) == want);
        }
}

TEST_CASE("every truncation is NotAVault or Truncated; appended bytes are TrailingData") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
    for (std::size_t n = 0; n < f.size(); ++n) {
        CAPTURE(n);
        const Bytes g(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(n));
        const VaultError want = n < 8 ? VaultError::NotAVault : VaultError::Truncated;
        CHECK(inspected(g) == want);
        CHECK(opened(g) == want);
    }
    for (const Bytes& extra : {Bytes{0}, Bytes{0x7b, 0x7d}, Bytes(4096, 0xff)}) {
        Bytes g = f;
        g.insert(g.end(), extra.begin(), extra.end());
        CHECK(inspected(g) == VaultError::TrailingData);
        CHECK(opened(g) == VaultError::TrailingData);
    }
    CHECK(inspected(Bytes{'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}) == VaultError::NotAVault);
}

TEST_CASE("a wrong passphrase is told apart from damage") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
    CHECK(opened(f, "верный конь батарейка скрепкА") == VaultError::WrongPassphrase);
    CHECK(opened(f, "") == VaultError::WrongPassphrase);
    CHECK(opened(f) == VaultError::None);
}

TEST_CASE("version 0 is unsupported and version 2 is newer, checksum or not") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
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
        CHECK(opened(v0) == VaultError::UnsupportedVersion);
        CHECK(opened(v2) == VaultError::NewerVersion);
        CHECK(opened(vMax) == VaultError::NewerVersion);
    }
}

TEST_CASE("the header of one vault with the body of another is ForeignBody") {
    Keys a = newVault(), b = newVault(); // same passphrase
    const Bytes fa = write(a, 1, bytesOf(kBody));
    const Bytes fb = write(b, 1, bytesOf(kBody));
    Bytes swapped(fa.begin(), fa.begin() + 164);
    swapped.insert(swapped.end(), fb.begin() + 164, fb.end());
    CHECK(inspected(swapped) == VaultError::ForeignBody);
    CHECK(opened(swapped) == VaultError::ForeignBody);
    Opened out;
    CHECK(reopen(fb, a, out) == VaultError::ForeignBody); // b's file while a is unlocked
}

TEST_CASE("header and body from different saves are MixedRevision") {
    Keys keys = newVault();
    const Bytes r1 = write(keys, 1, bytesOf(kBody));
    const Bytes r2 = write(keys, 2, bytesOf(kBody));
    Bytes mixed(r2.begin(), r2.begin() + 164);
    mixed.insert(mixed.end(), r1.begin() + 164, r1.end());
    CHECK(inspected(mixed) == VaultError::MixedRevision);
    CHECK(opened(mixed) == VaultError::MixedRevision);
    // Even with the revision copy forged to match, the body's AD still ties it to its own header.
    writeLe(mixed, 180, 2, 8);
    CHECK(opened(mixed) == VaultError::BodyDamaged);
}

TEST_CASE("crafted KDF parameters are refused before Argon2 runs") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
    auto crafted = [&](std::size_t at, std::uint64_t v, std::size_t n) {
        Bytes g = f;
        writeLe(g, at, v, n);
        resum(g);
        return g;
    };
    // 64 GiB would take the test down (or hours) if Argon2 ran: passing at all proves it did not.
    CHECK(opened(crafted(20, 64ull << 30, 8)) == VaultError::KdfTooCostly);
    CHECK(opened(crafted(20, ~0ull, 8)) == VaultError::KdfTooCostly);
    CHECK(opened(crafted(12, 1'000'000, 8)) == VaultError::KdfTooCostly);
    CHECK(opened(crafted(20, 4096, 8)) == VaultError::UnsupportedKdf); // below libsodium's minimum
    CHECK(opened(crafted(12, 0, 8)) == VaultError::UnsupportedKdf);
    CHECK(opened(crafted(10, 1, 1)) == VaultError::UnsupportedKdf); // Argon2i
    CHECK(opened(crafted(11, 1, 1)) == VaultError::UnsupportedKdf); // reserved
    // Acceptable but not what the key was wrapped with: the wrap's AD covers the parameters.
    CHECK(opened(crafted(12, 2, 8)) == VaultError::WrongPassphrase);
    CHECK(opened(crafted(28, f[28] ^ 1u, 1)) == VaultError::WrongPassphrase); // salt
}

TEST_CASE("a vault asking for more than 4 × the standard KDF cost is refused untried, with its own error") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
    auto withKdf = [&](std::uint64_t ops, std::uint64_t mem) {
        Bytes g = f;
        writeLe(g, 12, ops, 8);
        writeLe(g, 20, mem, 8);
        resum(g); // a valid checksum: only the KDF check can refuse it
        return g;
    };
    // 20 passes over 1 GiB was accepted before and froze the tab for minutes before the passphrase
    // was even checked; each cap is also crossed on its own.
    for (const auto& [ops, mem] : {std::pair<std::uint64_t, std::uint64_t>{20, 1ull << 30},
                                   {13, 64ull << 20},
                                   {3, (256ull << 20) + 1024},
                                   {4, 256ull << 20},
                                   {12, (64ull << 20) + 1024}}) {
        CAPTURE(ops);
        CAPTURE(mem);
        CHECK(inspected(withKdf(ops, mem)) == VaultError::KdfTooCostly);
        CHECK(opened(withKdf(ops, mem)) == VaultError::KdfTooCostly);
    }
    // The caps themselves are accepted (inspect only: opening would run Argon2 at 256 MiB).
    CHECK(inspected(withKdf(12, 64ull << 20)) == VaultError::None);
    CHECK(inspected(withKdf(3, 256ull << 20)) == VaultError::None);
    CHECK(messageFor(VaultError::KdfTooCostly) != messageFor(VaultError::UnsupportedKdf));
}

TEST_CASE("outside the tests a vault below the standard KDF cost is refused before Argon2 runs") {
    const Bytes fast = [] {
        Keys keys = newVault();
        return write(keys, 1, bytesOf(kBody));
    }();
    REQUIRE(opened(fast) == VaultError::None); // the suite's floor (tests/native/main.cpp) takes it
    const ts::testing::AppKdfFloor appFloor;
    CHECK(opened(fast) == VaultError::UnsupportedKdf);
    CHECK(opened(fast, "не та фраза") == VaultError::UnsupportedKdf); // refused before the passphrase
    Bytes weaker = fast;                                              // 2 passes of 64 MiB: still below
    writeLe(weaker, 12, 2, 8);
    writeLe(weaker, 20, 64ull << 20, 8);
    resum(weaker);
    CHECK(opened(weaker) == VaultError::UnsupportedKdf);
    // A vault at the standard cost opens (the one cost the app writes).
    auto standard = create(bytesOf(kPass), crypto::KdfParams::standard());
    REQUIRE(standard.has_value());
    CHECK(opened(write(*standard, 1, bytesOf(kBody))) == VaultError::None);
}

TEST_CASE("crafted body lengths are refused without overflow") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
    auto withLength = [&](const Bytes& base, std::uint64_t L) {
        Bytes g = base;
        writeLe(g, 140, L, 8);
        resum(g);
        return g;
    };
    CHECK(inspected(withLength(f, ~0ull)) == VaultError::Truncated);
    CHECK(inspected(withLength(f, ~0ull - 211)) == VaultError::Truncated); // 212 + L wraps to 0
    CHECK(inspected(withLength(f, f.size() - 212 + 1)) == VaultError::Truncated);
    CHECK(inspected(withLength(f, f.size() - 212 - 1)) == VaultError::TrailingData);
    // A length below the tag's 16 bytes is a header we never write.
    for (std::uint64_t L = 0; L < crypto::kTagBytes; ++L) {
        Bytes g(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(212 + L));
        CHECK(inspected(withLength(g, L)) == VaultError::HeaderDamaged);
    }
}

TEST_CASE("the wrapped key or header fields forged with a valid checksum do not open") {
    Keys keys = newVault();
    const Bytes f = write(keys, 1, bytesOf(kBody));
    Bytes wrapped = f;
    wrapped[100] ^= 0x01;
    resum(wrapped);
    CHECK(opened(wrapped) == VaultError::WrongPassphrase);
    Bytes rev = f; // revision bumped in both places: not in the wrap's AD, but in the body's
    writeLe(rev, 132, 9, 8);
    writeLe(rev, 180, 9, 8);
    resum(rev);
    CHECK(opened(rev) == VaultError::BodyDamaged);
}

TEST_CASE("rewrap changes the passphrase and keeps the vault key") {
    Keys keys = newVault("старая фраза");
    const crypto::Key before = keys.vaultKey;
    const Header oldHeader = keys.header;
    const Bytes old = write(keys, 1, bytesOf(kBody));

    REQUIRE(rewrap(keys, bytesOf("новая фраза"), kFast));
    CHECK(keys.vaultKey.equals(before));
    CHECK(keys.header.id == oldHeader.id);
    CHECK(keys.header.salt != oldHeader.salt);
    CHECK(keys.header.wrapNonce != oldHeader.wrapNonce);
    const Bytes f = write(keys, 2, bytesOf(kBody));
    CHECK(opened(f, "старая фраза") == VaultError::WrongPassphrase);
    Opened out;
    REQUIRE(open(f, bytesOf("новая фраза"), out) == VaultError::None);
    CHECK(out.keys.vaultKey.equals(before));
    CHECK(textOf(out.body) == kBody);
    CHECK(opened(old, "старая фраза") == VaultError::None); // the old file is the old file

    // Out-of-range parameters: refused, and the old wrap stays.
    CHECK_FALSE(rewrap(keys, bytesOf("третья"), {1, 64ull << 30}));
    CHECK(opened(write(keys, 3, bytesOf(kBody)), "новая фраза") == VaultError::None);
}

TEST_CASE("reopen reads a later save without the KDF and stops after a rewrap elsewhere") {
    Keys tabA = newVault();
    const Bytes r1 = write(tabA, 1, bytesOf(kBody));
    Opened tabB;
    REQUIRE(open(r1, bytesOf(kPass), tabB) == VaultError::None);

    const Bytes r2 = write(tabB.keys, 2, bytesOf(R"({"items":[]})"));
    Opened out;
    REQUIRE(reopen(r2, tabA, out) == VaultError::None);
    CHECK(textOf(out.body) == R"({"items":[]})");
    CHECK(out.keys.header.revision == 2);
    CHECK(out.keys.vaultKey.equals(tabA.vaultKey));

    REQUIRE(rewrap(tabB.keys, bytesOf("другая фраза"), kFast));
    const Bytes r3 = write(tabB.keys, 3, bytesOf(kBody));
    CHECK(reopen(r3, tabA, out) == VaultError::WrongPassphrase);
    CHECK(textOf(out.body) == R"({"items":[]})"); // a failure leaves `out` alone
    CHECK(opened(r3, "другая фраза") == VaultError::None);
}

TEST_CASE("every vault error has its own message in both languages") {
    constexpr std::size_t kErrors = static_cast<std::size_t>(VaultError::BodyDamaged) + 1;
    std::set<Str> ids;
    for (std::size_t i = 0; i < kErrors; ++i) ids.insert(messageFor(static_cast<VaultError>(i)));
    CHECK(ids.size() == kErrors);
    CHECK(messageFor(VaultError::None) == Str::StatusReady);
    for (const Lang lang : {Lang::Ru, Lang::En}) {
        std::set<std::string_view> texts;
        for (const Str id : ids) texts.insert(tr(id, lang));
        CHECK(texts.size() == kErrors);
    }
}

TEST_CASE("rekey draws a new vault key: files written before and after open with one passphrase each") {
    Keys keys = newVault("старая фраза");
    const Bytes before = write(keys, 1, bytesOf(kBody));

    const std::optional<Keys> next = rekey(keys, bytesOf("новая фраза"), kFast);
    REQUIRE(next);
    CHECK_FALSE(next->vaultKey.equals(keys.vaultKey));
    CHECK(next->header.id == keys.header.id);
    CHECK_FALSE(sameWrap(next->header, keys.header));
    Keys nextKeys = *next;
    const Bytes after = write(nextKeys, 2, bytesOf(kBody));

    CHECK(opened(after, "старая фраза") == VaultError::WrongPassphrase);
    CHECK(opened(after, "новая фраза") == VaultError::None);
    CHECK(opened(before, "новая фраза") == VaultError::WrongPassphrase);
    // A tab still holding the old keys cannot read the new file, even though the id is the same.
    Opened out;
    CHECK(reopen(after, keys, out) == VaultError::WrongPassphrase);
    CHECK(sameWrap(nextKeys.header, next->header)); // a later save keeps the wrap
    CHECK_FALSE(rekey(keys, bytesOf("третья"), {1, 64ull << 30}));
}
