// The files of a team folder on a WebDAV server (docs/team-format.md; keep the two in step): one
// manifest (who the members are, the team key sealed to each, the team's organisations) and 16
// shards holding the team's entries, split by entry id. Every file is signed (Ed25519) by the member
// who wrote it and encrypted under the team key of its epoch; removing a member starts a new epoch
// with a new key.
//
// WARNING: a file that verifies proves only that *a member* wrote it. Members are trusted with every
// entry of the team; a reader must still refuse a signer it does not find among the members it
// already accepted (NotAMember), or anyone with write access to the folder could add themselves.
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/crypto/crypto.h"
#include "core/strings.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ts::team {

inline constexpr std::uint16_t kFormatVersion = 1;
inline constexpr std::size_t kMaxFileBytes = 64u << 20;
inline constexpr std::size_t kShards = 16;
inline constexpr std::size_t kMaxMembers = 1000;
inline constexpr std::size_t kTeamIdBytes = 16;
inline constexpr std::size_t kSignPublicBytes = 32; // crypto_sign_PUBLICKEYBYTES
inline constexpr std::size_t kSealedKeyBytes = 80;  // crypto_box_seal of a 32-byte key

using TeamId = std::array<std::uint8_t, kTeamIdBytes>;
using SignPublicKey = std::array<std::uint8_t, kSignPublicBytes>;
using BoxPublicKey = bundle::PublicKey;

// An installation's Ed25519 signing key pair (kept in the vault, like its X25519 receiving key).
struct SignKeyPair {
    SignPublicKey publicKey{};
    crypto::FixedSecret<32> seed; // crypto_sign_seed_keypair's seed; the 64-byte secret key is derived
};
SignKeyPair newSignKeyPair();
[[nodiscard]] std::optional<SignKeyPair> signKeyPairFromSeed(const crypto::FixedSecret<32>& seed);
// The vault's signing key (Installation::signSeed); none when it has none or it is not 32 bytes.
[[nodiscard]] std::optional<SignKeyPair> signKeyPairOf(const vault::Installation& installation);
// The change that gives a vault without one its signing key (a fresh one).
vault::change::SetSigningKey newSigningKeyChange();

enum class TeamError {
    None,
    NotTeamFile,        // the magic is wrong (an empty file included)
    UnsupportedVersion, // version 0
    NewerVersion,       // written by a newer TokenSafe
    Truncated,          // shorter than its header says
    TrailingData,       // longer than its header says
    TooLarge,           // over kMaxFileBytes
    Damaged,            // a field no writer produces, or a part that does not decrypt or parse
    BadSignature,       // the signature does not verify: changed after it was written
    ForeignTeam,        // another team's file
    NotAMember,         // signed by a key that is not a member's
    WrongEpoch,         // written under a team key older than the manifest's (or a manifest going back)
    RolledBack,         // an older manifest than one already accepted: someone put back a copy
    NotForMe,           // this installation is not (or no longer) a member
};
Str messageFor(TeamError e);

struct Organisation {
    std::string id, name, country, taxId;
};

struct Member {
    BoxPublicKey box{};   // the receiving code's key
    SignPublicKey sign{}; // all zero until the member joined (set their signing key)
    std::string name;
    std::int64_t addedAt = 0;
    bool joined() const;
};

// The manifest, as a member sees it after opening it.
struct Manifest {
    TeamId id{};
    std::uint64_t epoch = 0, sequence = 0;
    std::string name;
    std::vector<Organisation> organisations;
    std::vector<Member> members;
    crypto::Key key;                        // the team key of `epoch`
    std::optional<crypto::Key> previousKey; // of epoch - 1: shards not yet rewritten since a removal

    const Member* memberBySign(const SignPublicKey& k) const;
    const Member* memberByBox(const BoxPublicKey& k) const;
    bool hasOrganisation(std::string_view orgId) const;
};

// A new team with one member (its creator, joined). Fresh team id and key, epoch 1, sequence 1.
Manifest newTeam(std::string name, std::vector<Organisation> organisations, const BoxPublicKey& creatorBox,
                 const SignPublicKey& creatorSign, std::string creatorName, std::int64_t now);

// Seals the team key to every member, encrypts, signs. Errors: TooLarge, NotAMember (the signer is
// not a joined member), Damaged (a member's box key X25519 cannot use).
[[nodiscard]] std::optional<crypto::Bytes> writeManifest(const Manifest& m, const SignKeyPair& signer,
                                                         TeamError& error);

// Opens a manifest with this installation's keys. `accepted`: the manifest this installation last
// accepted for the team (its id, members, epoch and sequence are what the new one is checked
// against); none when joining.
[[nodiscard]] std::optional<Manifest> readManifest(std::span<const std::uint8_t> file,
                                                   const bundle::KeyPair& mine, const Manifest* accepted,
                                                   TeamError& error);

// The shard an entry id belongs to: the first byte of BLAKE2b-128(id) mod 16.
std::size_t shardOf(std::string_view entryId);
// "manifest.tst", "shard-0.tst" … "shard-f.tst".
std::string manifestName();
std::string shardName(std::size_t shard);

struct Shard {
    std::size_t number = 0;
    std::uint64_t epoch = 0, sequence = 0;
    SignPublicKey signer{};
    std::vector<vault::Entry> entries;
};

// Errors: TooLarge, NotAMember.
[[nodiscard]] std::optional<crypto::Bytes> writeShard(const Manifest& m, std::size_t number,
                                                      std::uint64_t sequence,
                                                      const std::vector<vault::Entry>& entries,
                                                      const SignKeyPair& signer, TeamError& error);
[[nodiscard]] std::optional<Shard> readShard(std::span<const std::uint8_t> file, const Manifest& m,
                                             std::size_t number, TeamError& error);

} // namespace ts::team
