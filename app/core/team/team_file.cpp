#include "core/team/team_file.h"

#include "core/crypto/byte_fields.h"
#include "core/images/base64.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sodium.h>

namespace ts::team {

using crypto::Bytes;
using nlohmann::json;

namespace {

constexpr std::array<std::uint8_t, 8> kMagic{'T', 'S', 'T', 'E', 'A', 'M', 'F', 'L'};
constexpr std::uint8_t kKindManifest = 1, kKindShard = 2;
// Offsets of docs/team-format.md, "Byte layout".
constexpr std::size_t kVersionAt = 8, kKindAt = 10, kShardAt = 11, kTeamAt = 12, kEpochAt = 28,
                      kSequenceAt = 36, kSignerAt = 44, kClearLenAt = 76, kCipherLenAt = 80, kNonceAt = 88,
                      kHeaderBytes = 112, kSignatureBytes = 64;
constexpr std::size_t kMaxClearBytes = 1u << 20;

struct Envelope {
    std::uint8_t kind = 0, shard = 0;
    TeamId team{};
    std::uint64_t epoch = 0, sequence = 0;
    SignPublicKey signer{};
    std::span<const std::uint8_t> clear, cipher, ad;
    crypto::Nonce nonce{};
};

std::string b64(std::span<const std::uint8_t> b) {
    return images::toBase64(b);
}

template <std::size_t N>
std::optional<std::array<std::uint8_t, N>> fixedFrom(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return std::nullopt;
    const auto bytes = images::fromBase64(j[key].get_ref<const std::string&>());
    if (!bytes || bytes->size() != N) return std::nullopt;
    std::array<std::uint8_t, N> a{};
    std::copy(bytes->begin(), bytes->end(), a.begin());
    return a;
}

void signWith(const SignKeyPair& signer, std::span<const std::uint8_t> message, std::uint8_t* out) {
    crypto::FixedSecret<64> sk;
    SignPublicKey pk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), signer.seed.data());
    crypto_sign_detached(out, nullptr, message.data(), message.size(), sk.data());
}

// Header, clear part, ciphertext (under `key`, AD = everything before it), signature.
std::optional<Bytes> seal(std::uint8_t kind, std::uint8_t shard, const TeamId& team, std::uint64_t epoch,
                          std::uint64_t sequence, const SignKeyPair& signer,
                          std::span<const std::uint8_t> clear, std::span<const std::uint8_t> plain,
                          const crypto::Key& key, TeamError& error) {
    const std::size_t cipherBytes = plain.size() + crypto::kTagBytes;
    if (clear.size() > kMaxClearBytes ||
        kHeaderBytes + clear.size() + cipherBytes + kSignatureBytes > kMaxFileBytes) {
        error = TeamError::TooLarge;
        return std::nullopt;
    }
    Bytes f(kHeaderBytes + clear.size());
    std::copy(kMagic.begin(), kMagic.end(), f.begin());
    crypto::writeLe(f.data() + kVersionAt, kFormatVersion, 2);
    f[kKindAt] = kind;
    f[kShardAt] = shard;
    crypto::writeArray(f.data() + kTeamAt, team);
    crypto::writeLe(f.data() + kEpochAt, epoch, 8);
    crypto::writeLe(f.data() + kSequenceAt, sequence, 8);
    crypto::writeArray(f.data() + kSignerAt, signer.publicKey);
    crypto::writeLe(f.data() + kClearLenAt, clear.size(), 4);
    crypto::writeLe(f.data() + kCipherLenAt, cipherBytes, 8);
    crypto::Nonce nonce = crypto::randomNonce();
    crypto::writeArray(f.data() + kNonceAt, nonce);
    std::copy(clear.begin(), clear.end(), f.begin() + kHeaderBytes);
    // crypto::seal draws its own nonce; the header must carry it before the AD is fixed, so the AEAD
    // is called directly with the nonce already written.
    Bytes cipher(cipherBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(cipher.data(), &written, plain.data(), plain.size(), f.data(),
                                               f.size(), nullptr, nonce.data(), key.data());
    f.insert(f.end(), cipher.begin(), cipher.end());
    const std::size_t signedBytes = f.size();
    f.resize(signedBytes + kSignatureBytes);
    signWith(signer, std::span(f.data(), signedBytes), f.data() + signedBytes);
    return f;
}

// Checks 1-9 of docs/team-format.md: everything but who signed and what the parts hold.
std::optional<Envelope> unwrap(std::span<const std::uint8_t> f, TeamError& error) {
    const auto fail = [&](TeamError e) {
        error = e;
        return std::nullopt;
    };
    if (f.size() > kMaxFileBytes) return fail(TeamError::TooLarge);
    if (f.size() < 8 || !std::equal(kMagic.begin(), kMagic.end(), f.begin()))
        return fail(TeamError::NotTeamFile);
    if (f.size() < 10) return fail(TeamError::Truncated);
    const auto version = crypto::readLe(f, kVersionAt, 2);
    if (version == 0) return fail(TeamError::UnsupportedVersion);
    if (version > kFormatVersion) return fail(TeamError::NewerVersion);
    if (f.size() < kHeaderBytes + kSignatureBytes) return fail(TeamError::Truncated);
    Envelope e;
    e.kind = f[kKindAt];
    e.shard = f[kShardAt];
    if ((e.kind != kKindManifest && e.kind != kKindShard) || (e.kind == kKindManifest && e.shard != 0) ||
        e.shard >= kShards)
        return fail(TeamError::Damaged);
    const std::uint64_t clearBytes = crypto::readLe(f, kClearLenAt, 4);
    const std::uint64_t cipherBytes = crypto::readLe(f, kCipherLenAt, 8);
    // Compared against what is left, never summed: a crafted length near 2^64 would wrap.
    const std::uint64_t room = f.size() - kHeaderBytes - kSignatureBytes;
    if (clearBytes > room || cipherBytes > room - clearBytes) return fail(TeamError::Truncated);
    if (cipherBytes < room - clearBytes) return fail(TeamError::TrailingData);
    if (cipherBytes < crypto::kTagBytes || (e.kind == kKindShard && clearBytes != 0) ||
        clearBytes > kMaxClearBytes)
        return fail(TeamError::Damaged);
    e.signer = crypto::readArray<kSignPublicBytes>(f, kSignerAt);
    const std::size_t signedBytes = f.size() - kSignatureBytes;
    if (crypto_sign_verify_detached(f.data() + signedBytes, f.data(), signedBytes, e.signer.data()) != 0)
        return fail(TeamError::BadSignature);
    e.team = crypto::readArray<kTeamIdBytes>(f, kTeamAt);
    e.epoch = crypto::readLe(f, kEpochAt, 8);
    e.sequence = crypto::readLe(f, kSequenceAt, 8);
    e.nonce = crypto::readArray<crypto::kNonceBytes>(f, kNonceAt);
    e.clear = f.subspan(kHeaderBytes, clearBytes);
    e.ad = f.subspan(0, kHeaderBytes + clearBytes);
    e.cipher = f.subspan(kHeaderBytes + clearBytes, cipherBytes);
    return e;
}

std::optional<json> parseJson(std::span<const std::uint8_t> bytes) {
    if (vault::jsonNestingDepth(bytes) > vault::kMaxJsonDepth) return std::nullopt;
    json j = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

bool decrypt(const Envelope& e, const crypto::Key& key, crypto::SecretBytes& plain) {
    return crypto::open(key, e.nonce, e.cipher, e.ad, plain);
}

struct ClearMember {
    BoxPublicKey box{};
    SignPublicKey sign{};
    std::array<std::uint8_t, kSealedKeyBytes> sealed{};
};

std::optional<std::vector<ClearMember>> clearMembers(std::span<const std::uint8_t> clear) {
    const auto j = parseJson(clear);
    if (!j || !j->contains("members") || !(*j)["members"].is_array()) return std::nullopt;
    const json& list = (*j)["members"];
    if (list.empty() || list.size() > kMaxMembers) return std::nullopt;
    std::vector<ClearMember> out;
    for (const json& m : list) {
        const auto box = fixedFrom<32>(m, "box");
        const auto sealed = fixedFrom<kSealedKeyBytes>(m, "key");
        if (!box || !sealed || !m.contains("sign") || !m["sign"].is_string()) return std::nullopt;
        ClearMember c{*box, {}, *sealed};
        if (!m["sign"].get_ref<const std::string&>().empty()) {
            const auto sign = fixedFrom<kSignPublicBytes>(m, "sign");
            if (!sign) return std::nullopt;
            c.sign = *sign;
        }
        const bool repeated =
            std::any_of(out.begin(), out.end(), [&](const ClearMember& o) { return o.box == c.box; });
        if (repeated) return std::nullopt;
        out.push_back(c);
    }
    return out;
}

bool isZero(const SignPublicKey& k) {
    return std::all_of(k.begin(), k.end(), [](std::uint8_t b) { return b == 0; });
}

enum class Writer { Refused, Member, Joining };

// May `signer` write a manifest whose members are `next`, given the members already accepted?
// A joined member may; so may a member joining: a box key not joined before, whose signing key the
// manifest sets to the key that signs it. That proves nothing by itself (box keys are public), so
// readManifest also requires a joiner's manifest to carry the accepted epoch and team key, which only
// someone a member sealed it to can know. No one may change another member's signing key.
Writer writer(const SignPublicKey& signer, const std::vector<ClearMember>& next, const Manifest* accepted) {
    if (isZero(signer)) return Writer::Refused;
    if (!accepted)
        return std::any_of(next.begin(), next.end(), [&](const ClearMember& c) { return c.sign == signer; })
                   ? Writer::Member
                   : Writer::Refused;
    for (const ClearMember& c : next)
        if (const Member* was = accepted->memberByBox(c.box); was && was->joined() && was->sign != c.sign)
            return Writer::Refused;
    if (accepted->memberBySign(signer)) return Writer::Member;
    // The reader may have missed the manifest that added the joiner: the box key need not be known.
    const bool joining = std::any_of(next.begin(), next.end(), [&](const ClearMember& c) {
        const Member* was = accepted->memberByBox(c.box);
        return c.sign == signer && (!was || !was->joined());
    });
    return joining ? Writer::Joining : Writer::Refused;
}

} // namespace

Str messageFor(TeamError e) {
    switch (e) {
    case TeamError::None:
        return Str::StatusReady;
    case TeamError::NotTeamFile:
        return Str::ErrTeamNotTeamFile;
    case TeamError::UnsupportedVersion:
        return Str::ErrTeamUnsupportedVersion;
    case TeamError::NewerVersion:
        return Str::ErrTeamNewerVersion;
    case TeamError::Truncated:
        return Str::ErrTeamTruncated;
    case TeamError::TrailingData:
        return Str::ErrTeamTrailingData;
    case TeamError::TooLarge:
        return Str::ErrTeamTooLarge;
    case TeamError::Damaged:
        return Str::ErrTeamDamaged;
    case TeamError::BadSignature:
        return Str::ErrTeamBadSignature;
    case TeamError::ForeignTeam:
        return Str::ErrTeamForeignTeam;
    case TeamError::NotAMember:
        return Str::ErrTeamNotAMember;
    case TeamError::WrongEpoch:
        return Str::ErrTeamWrongEpoch;
    case TeamError::RolledBack:
        return Str::ErrTeamRolledBack;
    case TeamError::NotForMe:
        break;
    }
    return Str::ErrTeamNotForMe;
}

bool Member::joined() const {
    return !isZero(sign);
}

const Member* Manifest::memberBySign(const SignPublicKey& k) const {
    if (isZero(k)) return nullptr;
    const auto it =
        std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.sign == k; });
    return it == members.end() ? nullptr : &*it;
}

const Member* Manifest::memberByBox(const BoxPublicKey& k) const {
    const auto it = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.box == k; });
    return it == members.end() ? nullptr : &*it;
}

bool Manifest::hasOrganisation(std::string_view orgId) const {
    return std::any_of(organisations.begin(), organisations.end(),
                       [&](const Organisation& o) { return o.id == orgId; });
}

SignKeyPair newSignKeyPair() {
    SignKeyPair p;
    crypto::randomBytes(std::span(p.seed.data(), 32));
    crypto::FixedSecret<64> sk;
    crypto_sign_seed_keypair(p.publicKey.data(), sk.data(), p.seed.data());
    return p;
}

std::optional<SignKeyPair> signKeyPairFromSeed(const crypto::FixedSecret<32>& seed) {
    SignKeyPair p;
    p.seed = seed;
    crypto::FixedSecret<64> sk;
    if (crypto_sign_seed_keypair(p.publicKey.data(), sk.data(), p.seed.data()) != 0) return std::nullopt;
    return p;
}

std::optional<SignKeyPair> signKeyPairOf(const vault::Installation& installation) {
    if (installation.signSeed.empty()) return std::nullopt;
    auto raw = images::fromBase64(installation.signSeed);
    if (!raw || raw->size() != 32) return std::nullopt;
    crypto::FixedSecret<32> seed;
    std::copy(raw->begin(), raw->end(), seed.data());
    sodium_memzero(raw->data(), raw->size());
    return signKeyPairFromSeed(seed);
}

vault::change::SetSigningKey newSigningKeyChange() {
    const SignKeyPair k = newSignKeyPair();
    return {b64(k.seed.view())};
}

Manifest newTeam(std::string name, std::vector<Organisation> organisations, const BoxPublicKey& creatorBox,
                 const SignPublicKey& creatorSign, std::string creatorName, std::int64_t now) {
    Manifest m;
    crypto::randomBytes(m.id);
    m.epoch = 1;
    m.sequence = 1;
    m.name = std::move(name);
    m.organisations = std::move(organisations);
    m.members.push_back(Member{creatorBox, creatorSign, std::move(creatorName), now});
    m.key = crypto::randomKey();
    return m;
}

std::optional<Bytes> writeManifest(const Manifest& m, const SignKeyPair& signer, TeamError& error) {
    const Member* me = m.memberBySign(signer.publicKey);
    if (!me) {
        error = TeamError::NotAMember;
        return std::nullopt;
    }
    if (m.members.size() > kMaxMembers) {
        error = TeamError::TooLarge;
        return std::nullopt;
    }
    json clear = {{"members", json::array()}};
    json inner = {{"name", m.name}, {"organisations", json::array()}, {"members", json::array()}};
    for (const Member& mem : m.members) {
        std::array<std::uint8_t, kSealedKeyBytes> sealed{};
        if (crypto_box_seal(sealed.data(), m.key.data(), crypto::Key::size, mem.box.data()) != 0) {
            error = TeamError::Damaged;
            return std::nullopt;
        }
        clear["members"].push_back({{"box", b64(mem.box)},
                                    {"sign", mem.joined() ? b64(mem.sign) : std::string()},
                                    {"key", b64(sealed)}});
        inner["members"].push_back({{"box", b64(mem.box)}, {"name", mem.name}, {"addedAt", mem.addedAt}});
    }
    for (const Organisation& o : m.organisations)
        inner["organisations"].push_back(
            {{"id", o.id}, {"name", o.name}, {"country", o.country}, {"taxId", o.taxId}});
    if (m.previousKey) inner["previousKey"] = b64(m.previousKey->view());
    const std::string c = clear.dump(), p = inner.dump();
    auto out = seal(kKindManifest, 0, m.id, m.epoch, m.sequence, signer,
                    std::span(reinterpret_cast<const std::uint8_t*>(c.data()), c.size()),
                    std::span(reinterpret_cast<const std::uint8_t*>(p.data()), p.size()), m.key, error);
    return out;
}

std::optional<Manifest> readManifest(std::span<const std::uint8_t> file, const bundle::KeyPair& mine,
                                     const Manifest* accepted, TeamError& error) {
    const auto fail = [&](TeamError e) {
        error = e;
        return std::nullopt;
    };
    const auto e = unwrap(file, error);
    if (!e) return std::nullopt;
    if (e->kind != kKindManifest) return fail(TeamError::Damaged);
    if (accepted && e->team != accepted->id) return fail(TeamError::ForeignTeam);
    const auto members = clearMembers(e->clear);
    if (!members) return fail(TeamError::Damaged);
    const Writer who = writer(e->signer, *members, accepted);
    if (who == Writer::Refused) return fail(TeamError::NotAMember);
    if (accepted && e->epoch < accepted->epoch) return fail(TeamError::WrongEpoch);
    if (accepted && e->sequence < accepted->sequence) return fail(TeamError::RolledBack);
    if (e->epoch == 0) return fail(TeamError::Damaged);
    const auto me = std::find_if(members->begin(), members->end(),
                                 [&](const ClearMember& c) { return c.box == mine.publicKey; });
    if (me == members->end()) return fail(TeamError::NotForMe);
    Manifest m;
    if (crypto_box_seal_open(m.key.data(), me->sealed.data(), kSealedKeyBytes, mine.publicKey.data(),
                             mine.secretKey.data()) != 0)
        return fail(TeamError::Damaged);
    if (who == Writer::Joining && (e->epoch != accepted->epoch || !m.key.equals(accepted->key)))
        return fail(TeamError::NotAMember);
    crypto::SecretBytes plain;
    if (!decrypt(*e, m.key, plain)) return fail(TeamError::Damaged);
    const auto inner = parseJson(plain);
    if (!inner || !inner->contains("name") || !(*inner)["name"].is_string() ||
        !inner->contains("organisations") || !(*inner)["organisations"].is_array() ||
        !inner->contains("members") || !(*inner)["members"].is_array() ||
        (*inner)["members"].size() != members->size())
        return fail(TeamError::Damaged);
    m.id = e->team;
    m.epoch = e->epoch;
    m.sequence = e->sequence;
    m.name = (*inner)["name"].get<std::string>();
    for (const json& o : (*inner)["organisations"]) {
        Organisation org;
        for (auto [key, out] : {std::pair{"id", &org.id}, std::pair{"name", &org.name},
                                std::pair{"country", &org.country}, std::pair{"taxId", &org.taxId}}) {
            if (!o.is_object() || !o.contains(key) || !o[key].is_string()) return fail(TeamError::Damaged);
            *out = o[key].get<std::string>();
        }
        if (org.id.empty()) return fail(TeamError::Damaged);
        m.organisations.push_back(std::move(org));
    }
    for (std::size_t i = 0; i < members->size(); ++i) {
        const json& info = (*inner)["members"][i];
        const auto box = fixedFrom<32>(info, "box");
        if (!box || *box != (*members)[i].box || !info.contains("name") || !info["name"].is_string() ||
            !info.contains("addedAt") || !info["addedAt"].is_number_integer())
            return fail(TeamError::Damaged);
        m.members.push_back(Member{(*members)[i].box, (*members)[i].sign, info["name"].get<std::string>(),
                                   info["addedAt"].get<std::int64_t>()});
    }
    if (inner->contains("previousKey")) {
        const auto k = fixedFrom<32>(*inner, "previousKey");
        if (!k) return fail(TeamError::Damaged);
        crypto::Key previous;
        std::copy(k->begin(), k->end(), previous.data());
        m.previousKey = previous;
    }
    error = TeamError::None;
    return m;
}

std::size_t shardOf(std::string_view entryId) {
    const auto sum =
        crypto::checksum(std::span(reinterpret_cast<const std::uint8_t*>(entryId.data()), entryId.size()));
    return sum[0] % kShards;
}

std::string manifestName() {
    return "manifest.tst";
}

std::string shardName(std::size_t shard) {
    return std::string("shard-") + "0123456789abcdef"[shard % kShards] + ".tst";
}

std::optional<Bytes> writeShard(const Manifest& m, std::size_t number, std::uint64_t sequence,
                                const std::vector<vault::Entry>& entries, const SignKeyPair& signer,
                                TeamError& error) {
    if (!m.memberBySign(signer.publicKey) || number >= kShards) {
        error = TeamError::NotAMember;
        return std::nullopt;
    }
    vault::Data d;
    d.entries = entries;
    const crypto::SecretBytes plain = vault::serialize(d);
    return seal(kKindShard, static_cast<std::uint8_t>(number), m.id, m.epoch, sequence, signer, {}, plain,
                m.key, error);
}

std::optional<Shard> readShard(std::span<const std::uint8_t> file, const Manifest& m, std::size_t number,
                               TeamError& error) {
    const auto fail = [&](TeamError e) {
        error = e;
        return std::nullopt;
    };
    const auto e = unwrap(file, error);
    if (!e) return std::nullopt;
    if (e->kind != kKindShard || e->shard != number) return fail(TeamError::Damaged);
    if (e->team != m.id) return fail(TeamError::ForeignTeam);
    if (!m.memberBySign(e->signer)) return fail(TeamError::NotAMember);
    const crypto::Key* key = e->epoch == m.epoch                                      ? &m.key
                             : (e->epoch + 1 == m.epoch && m.previousKey.has_value()) ? &*m.previousKey
                                                                                      : nullptr;
    if (!key) return fail(TeamError::WrongEpoch);
    crypto::SecretBytes plain;
    if (!decrypt(*e, *key, plain)) return fail(TeamError::Damaged);
    vault::Data d;
    if (vault::parse(plain, d) != vault::ParseError::None) return fail(TeamError::Damaged);
    Shard s{number, e->epoch, e->sequence, e->signer, std::move(d.entries)};
    for (const vault::Entry& entry : s.entries)
        if (shardOf(entry.id) != number) return fail(TeamError::Damaged);
    error = TeamError::None;
    return s;
}

} // namespace ts::team
