#include "core/crypto/byte_fields.h"
#include "core/images/base64.h"
#include "core/team/team_file.h"
#include "team_fixture.h"

#include <doctest/doctest.h>
#include <sodium.h>

using namespace ts;
using namespace ts::team;
using team::testing::Installation;
using team::testing::teamOf;

namespace {

crypto::Bytes manifestBytes(const Manifest& m, const Installation& signer) {
    TeamError error = TeamError::None;
    auto bytes = writeManifest(m, signer.sign, error);
    REQUIRE(bytes);
    return *bytes;
}

crypto::Bytes shardBytes(const Manifest& m, std::size_t n, const std::vector<vault::Entry>& entries,
                         const Installation& signer) {
    TeamError error = TeamError::None;
    auto bytes = writeShard(m, n, 1, entries, signer.sign, error);
    REQUIRE(bytes);
    return *bytes;
}

// Re-signs a file after changing it, as a member (or anyone with a key) could.
void resign(crypto::Bytes& f, const SignKeyPair& k) {
    crypto::writeArray(f.data() + 44, k.publicKey);
    crypto::FixedSecret<64> sk;
    SignPublicKey pk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), k.seed.data());
    crypto_sign_detached(f.data() + f.size() - 64, nullptr, f.data(), f.size() - 64, sk.data());
}

TeamError readError(std::span<const std::uint8_t> f, const Installation& reader, const Manifest* accepted) {
    TeamError error = TeamError::None;
    CHECK_FALSE(readManifest(f, reader.box, accepted, error));
    return error;
}

TeamError shardError(std::span<const std::uint8_t> f, const Manifest& m, std::size_t n) {
    TeamError error = TeamError::None;
    CHECK_FALSE(readShard(f, m, n, error));
    return error;
}

std::string idInShard(std::size_t shard) {
    for (int i = 0;; ++i)
        if (const std::string id = "entry-" + std::to_string(i); shardOf(id) == shard) return id;
}

} // namespace

TEST_CASE("team manifest: every member opens it and reads the same members, organisations and key") {
    Installation a{"Анна"}, b{"Борис"};
    const Manifest m = teamOf({&a, &b});
    const crypto::Bytes f = manifestBytes(m, a);
    for (const Installation* reader : {&a, &b}) {
        TeamError error = TeamError::Damaged;
        const auto read = readManifest(f, reader->box, nullptr, error);
        REQUIRE(read);
        CHECK(error == TeamError::None);
        CHECK(read->id == m.id);
        CHECK(read->epoch == 1);
        CHECK(read->name == "Бухгалтерия");
        CHECK(read->key.equals(m.key));
        REQUIRE(read->members.size() == 2);
        CHECK(read->members[1].name == "Борис");
        CHECK(read->members[1].sign == b.sign.publicKey);
        REQUIRE(read->organisations.size() == 1);
        CHECK(read->organisations[0].taxId == "7707083893");
        CHECK_FALSE(read->previousKey);
    }
}

TEST_CASE("team shard: round trip of entries with their history, in their own shard only") {
    Installation a{"Анна"};
    const Manifest m = teamOf({&a});
    vault::Entry e = team::testing::entry(idInShard(3), "T-1", 5000);
    e.history.push_back(vault::EntryVersion{4000, {{"token", "T-0"}}, nlohmann::json::object()});
    const crypto::Bytes f = shardBytes(m, 3, {e}, a);
    TeamError error = TeamError::None;
    const auto s = readShard(f, m, 3, error);
    REQUIRE(s);
    REQUIRE(s->entries.size() == 1);
    CHECK(s->entries[0].fields["token"] == "T-1");
    CHECK(s->entries[0].history.at(0).fields["token"] == "T-0");
    CHECK(s->signer == a.sign.publicKey);
    CHECK(shardError(f, m, 4) == TeamError::Damaged);         // shard 3 read where shard 4 belongs
    const crypto::Bytes misplaced = shardBytes(m, 4, {e}, a); // an entry of shard 3 filed in shard 4
    CHECK(shardError(misplaced, m, 4) == TeamError::Damaged);
}

TEST_CASE("team files refuse other files, cut or padded bytes, versions and tampering, each with its error") {
    Installation a{"Анна"}, b{"Борис"};
    const Manifest m = teamOf({&a, &b});
    const crypto::Bytes f = manifestBytes(m, a);
    CHECK(readError({}, b, nullptr) == TeamError::NotTeamFile);
    crypto::Bytes other = f;
    other[0] = 'X';
    CHECK(readError(other, b, nullptr) == TeamError::NotTeamFile);
    CHECK(readError(std::span(f).first(9), b, nullptr) == TeamError::Truncated);
    for (std::size_t cut : {10ul, 100ul, 175ul, f.size() - 1})
        CHECK(readError(std::span(f).first(cut), b, nullptr) == TeamError::Truncated);
    crypto::Bytes longer = f;
    longer.push_back(0);
    CHECK(readError(longer, b, nullptr) == TeamError::TrailingData);
    crypto::Bytes v0 = f, v2 = f;
    v0[8] = 0;
    v2[8] = 2;
    CHECK(readError(v0, b, nullptr) == TeamError::UnsupportedVersion);
    CHECK(readError(v2, b, nullptr) == TeamError::NewerVersion);
    // Any bit flipped after the version, signature included: the signature no longer verifies.
    for (std::size_t at : {12ul, 30ul, 60ul, 120ul, f.size() / 2, f.size() - 70, f.size() - 1}) {
        crypto::Bytes flipped = f;
        flipped[at] ^= 0x01;
        CAPTURE(at);
        const TeamError e = readError(flipped, b, nullptr);
        CHECK((e == TeamError::BadSignature || e == TeamError::Truncated || e == TeamError::TrailingData ||
               e == TeamError::Damaged));
    }
    crypto::Bytes content = f;
    content[f.size() - 80] ^= 0x40; // inside the ciphertext
    CHECK(readError(content, b, nullptr) == TeamError::BadSignature);
    crypto::Bytes huge(kMaxFileBytes + 1, 0);
    CHECK(readError(huge, b, nullptr) == TeamError::TooLarge);
}

TEST_CASE("team files refuse a write by a non-member, even one that signs correctly") {
    Installation a{"Анна"}, b{"Борис"}, mallory{"Мэллори"};
    const Manifest m = teamOf({&a, &b});
    TeamError error = TeamError::None;
    CHECK_FALSE(writeShard(m, 0, 1, {}, mallory.sign, error));
    CHECK(error == TeamError::NotAMember);
    // Mallory takes a member's shard and signs it with her own key.
    crypto::Bytes f = shardBytes(m, 0, {}, a);
    resign(f, mallory.sign);
    CHECK(shardError(f, m, 0) == TeamError::NotAMember);
    // ... or writes a manifest naming herself, with her own team key: refused against what b accepted.
    Manifest hers = teamOf({&mallory, &b});
    hers.id = m.id;
    hers.epoch = 5;
    hers.sequence = 9;
    const crypto::Bytes mf = manifestBytes(hers, mallory);
    CHECK(readError(mf, b, &m) == TeamError::NotAMember);
    // A member may not swap another member's signing key either.
    Manifest swapped = m;
    swapped.sequence = 2;
    swapped.members[1].sign = mallory.sign.publicKey;
    CHECK(readError(manifestBytes(swapped, a), b, &m) == TeamError::NotAMember);
}

TEST_CASE("team files refuse another team's, an older epoch, a rolled back manifest, and a removed reader") {
    Installation a{"Анна"}, b{"Борис"}, c{"Вера"};
    Manifest m = teamOf({&a, &b, &c});
    const crypto::Bytes first = manifestBytes(m, a);
    const Manifest other = teamOf({&a, &b});
    CHECK(readError(manifestBytes(other, a), b, &m) == TeamError::ForeignTeam);
    CHECK(shardError(shardBytes(other, 0, {}, a), m, 0) == TeamError::ForeignTeam);

    Manifest later = m;
    later.sequence = 7;
    TeamError error = TeamError::None;
    const auto accepted = readManifest(manifestBytes(later, a), b.box, &m, error);
    REQUIRE(accepted);
    CHECK(readError(first, b, &*accepted) == TeamError::RolledBack);

    // c removed: epoch 2, a new key sealed to a and b only.
    Manifest removed = later;
    removed.members.pop_back();
    removed.previousKey = removed.key;
    removed.key = crypto::randomKey();
    removed.epoch = 2;
    removed.sequence = 8;
    const crypto::Bytes rf = manifestBytes(removed, a);
    CHECK(readError(rf, c, &*accepted) == TeamError::NotForMe);
    const auto now = readManifest(rf, b.box, &*accepted, error);
    REQUIRE(now);
    CHECK(readError(manifestBytes(later, a), b, &*now) == TeamError::WrongEpoch);

    // A shard of epoch 1 still opens (previous key), one of epoch 0 or from the future does not.
    const crypto::Bytes oldShard = shardBytes(later, 2, {}, a);
    CHECK(readShard(oldShard, *now, 2, error));
    Manifest ancient = later;
    ancient.epoch = 3;
    CHECK(shardError(shardBytes(ancient, 2, {}, a), *now, 2) == TeamError::WrongEpoch);
}

TEST_CASE("after a removal, the removed member's key opens nothing written after it") {
    Installation a{"Анна"}, c{"Вера"};
    const Manifest before = teamOf({&a, &c});
    Manifest after = before;
    after.members.pop_back();
    after.previousKey = after.key;
    after.key = crypto::randomKey();
    ++after.epoch;
    ++after.sequence;
    const std::string id = idInShard(0);
    const crypto::Bytes written = shardBytes(after, 0, {team::testing::entry(id, "NEW-SECRET", 9000)}, a);
    // c still holds the old manifest and key: the new shard does not decrypt with them.
    TeamError error = TeamError::None;
    CHECK_FALSE(readShard(written, before, 0, error));
    CHECK(error == TeamError::WrongEpoch);
    Manifest forced = before; // even told the new epoch, the old key does not open it
    forced.epoch = after.epoch;
    CHECK_FALSE(readShard(written, forced, 0, error));
    CHECK(error == TeamError::Damaged);
    // And the manifest is not sealed to c.
    CHECK(readError(manifestBytes(after, a), c, &before) == TeamError::NotForMe);
}

TEST_CASE("a member joins: a manifest that sets their own signing key, signed by it, is accepted") {
    Installation a{"Анна"}, b{"Борис"}, d{"Дмитрий"};
    Manifest m = teamOf({&a, &b});
    m.members.push_back(Member{d.box.publicKey, {}, "Дмитрий", 2000}); // added by code, not joined
    TeamError error = TeamError::None;
    const auto accepted = readManifest(manifestBytes(m, a), b.box, nullptr, error);
    REQUIRE(accepted);
    CHECK_FALSE(accepted->members[2].joined());
    // d cannot write shards before joining
    CHECK_FALSE(writeShard(*accepted, 0, 1, {}, d.sign, error));
    Manifest joined = *accepted;
    joined.members[2].sign = d.sign.publicKey;
    ++joined.sequence;
    const auto read = readManifest(manifestBytes(joined, d), b.box, &*accepted, error);
    REQUIRE(read);
    CHECK(read->members[2].joined());
    // An outsider claiming d's place (box keys are public) has no team key: a key of their own is
    // refused even though every member can open it.
    Installation e{"Ева"};
    Manifest fake = *accepted;
    fake.members[2].sign = e.sign.publicKey;
    fake.key = crypto::randomKey();
    ++fake.sequence;
    CHECK(readError(manifestBytes(fake, e), b, &*accepted) == TeamError::NotAMember);
}

TEST_CASE("shards are spread by entry id and named for the folder") {
    CHECK(manifestName() == "manifest.tst");
    CHECK(shardName(0) == "shard-0.tst");
    CHECK(shardName(15) == "shard-f.tst");
    std::array<int, kShards> counts{};
    for (int i = 0; i < 1600; ++i) ++counts[shardOf(vault::newEntryId())];
    for (int n : counts) CHECK(n > 40);
}

TEST_CASE("the signing key lives in the vault: set once, kept through a save, never replaced") {
    vault::Data d;
    CHECK_FALSE(signKeyPairOf(d.installation));
    const vault::change::SetSigningKey first = newSigningKeyChange();
    REQUIRE(vault::apply(d, first, 1));
    CHECK_FALSE(vault::apply(d, newSigningKeyChange(), 2)); // another tab's key does not replace it
    const auto k = signKeyPairOf(d.installation);
    REQUIRE(k);
    vault::Data again;
    REQUIRE(vault::parse(vault::serialize(d), again) == vault::ParseError::None);
    const auto k2 = signKeyPairOf(again.installation);
    REQUIRE(k2);
    CHECK(k2->publicKey == k->publicKey);
    CHECK(again.installation.unknown.empty());
    again.installation.signSeed = "c2hvcnQ="; // not 32 bytes: no key, kept as it is
    CHECK_FALSE(signKeyPairOf(again.installation));
}

namespace {

// A manifest made by hand from docs/team-format.md's layout, with any clear part, signed by `signer`.
crypto::Bytes craftManifest(const Manifest& m, const SignKeyPair& signer, const std::string& clear) {
    crypto::Bytes f(112, 0);
    const std::string magic = "TSTEAMFL";
    std::copy(magic.begin(), magic.end(), f.begin());
    crypto::writeLe(f.data() + 8, 1, 2);
    f[10] = 1;
    crypto::writeArray(f.data() + 12, m.id);
    crypto::writeLe(f.data() + 28, m.epoch, 8);
    crypto::writeLe(f.data() + 36, m.sequence, 8);
    crypto::writeLe(f.data() + 76, clear.size(), 4);
    crypto::writeLe(f.data() + 80, 16, 8);
    f.insert(f.end(), clear.begin(), clear.end());
    f.resize(f.size() + 16 + 64);
    resign(f, signer);
    return f;
}

} // namespace

TEST_CASE("a manifest's clear part: nesting, shape and key sizes are checked before anything is trusted") {
    Installation a{"Анна"};
    const Manifest m = teamOf({&a});
    // 300,000 levels of brackets: refused before parsing (destroying such a document recurses per level).
    const std::string deep = std::string(300000, '[') + std::string(300000, ']');
    CHECK(readError(craftManifest(m, a.sign, deep), a, nullptr) == TeamError::Damaged);
    CHECK(readError(craftManifest(m, a.sign, R"({"members":[]})"), a, nullptr) == TeamError::Damaged);
    const std::string box = images::toBase64(a.box.publicKey), sign = images::toBase64(a.sign.publicKey);
    const std::string sealed = images::toBase64(std::vector<std::uint8_t>(80, 7));
    const std::string shortSign = images::toBase64(std::vector<std::uint8_t>(31, 7));
    const auto clear = [&](const std::string& s) {
        return R"({"members":[{"box":")" + box + R"(","sign":")" + s + R"(","key":")" + sealed + R"("}]})";
    };
    CHECK(readError(craftManifest(m, a.sign, clear(shortSign)), a, nullptr) == TeamError::Damaged);
    // Well formed: the signer is a member, the sealed key (made up here) does not open.
    CHECK(readError(craftManifest(m, a.sign, clear(sign)), a, nullptr) == TeamError::Damaged);
    Installation b{"Борис"};
    CHECK(readError(craftManifest(m, b.sign, clear(sign)), a, nullptr) == TeamError::NotAMember);
}
