// The vault file: a header (KDF parameters, salt, the vault key wrapped under the passphrase key,
// the revision) and the body (JSON, encrypted under the vault key with the header as associated
// data). The byte layout is documented in docs/vault-format.md; keep the two in step.
#pragma once

#include "core/crypto/crypto.h"
#include "core/strings.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace ts::vault {

inline constexpr std::uint16_t kFormatVersion = 1;
inline constexpr std::size_t kHeaderBytes = 164;    // magic .. header checksum
inline constexpr std::size_t kBodyPrefixBytes = 48; // vault id copy, revision copy, body nonce
inline constexpr std::size_t kMinFileBytes = kHeaderBytes + kBodyPrefixBytes + crypto::kTagBytes;

using VaultId = std::array<std::uint8_t, 16>;

// Every way opening a vault can fail, each with its own message for the user.
enum class VaultError {
    None,
    NotAVault,          // the magic is wrong: some other file
    UnsupportedVersion, // version 0 or otherwise never written
    NewerVersion,       // written by a newer TokenSafe
    Truncated,          // shorter than its header says
    TrailingData,       // longer than its header says
    HeaderDamaged,      // header checksum mismatch
    UnsupportedKdf,     // unknown algorithm, or parameters below KdfParams::belowFloor()'s floor
    KdfTooCostly,       // asks for more passes or memory than TokenSafe ever uses: refused untried
    KdfFailed,          // Argon2 could not run (memory)
    WrongPassphrase,    // the wrapped key did not open
    ForeignBody,        // the body belongs to another vault (its id differs from the header's)
    MixedRevision,      // header and body come from different saves
    BodyDamaged,        // the body did not authenticate
};

Str messageFor(VaultError e);

struct Header {
    std::uint16_t version = kFormatVersion;
    crypto::KdfParams kdf;
    crypto::Salt salt{};
    VaultId id{};
    crypto::Nonce wrapNonce{};
    std::array<std::uint8_t, crypto::kKeyBytes + crypto::kTagBytes> wrappedKey{};
    std::uint64_t revision = 0;
};

// What an unlocked vault keeps in memory: the vault key and the header it is wrapped in.
// The passphrase and the key derived from it are dropped as soon as the key is unwrapped.
struct Keys {
    crypto::Key vaultKey;
    Header header;
};

// A new vault: random vault key, salt and id; the key wrapped under the passphrase.
[[nodiscard]] std::optional<Keys> create(std::span<const std::uint8_t> passphrase,
                                         const crypto::KdfParams& kdf);

// Encrypts `body` as revision `revision` (also stored in keys.header.revision).
crypto::Bytes write(Keys& keys, std::uint64_t revision, std::span<const std::uint8_t> body);

// Checks everything that can be checked without the passphrase; fills `header` when it returns None.
[[nodiscard]] VaultError inspect(std::span<const std::uint8_t> file, Header& header);

struct Opened {
    Keys keys;
    crypto::SecretBytes body;
};
// Derives the key (Argon2id: the slow part), unwraps the vault key, decrypts the body. Before the KDF
// runs, parameters below the floor (KdfParams::belowFloor) are refused: UnsupportedKdf.
[[nodiscard]] VaultError open(std::span<const std::uint8_t> file, std::span<const std::uint8_t> passphrase,
                              Opened& out);
// Opens a later revision of a vault already unlocked (another tab saved): no KDF needed, and no
// floor either: the KDF parameters must be those of the vault already open.
[[nodiscard]] VaultError reopen(std::span<const std::uint8_t> file, const Keys& current, Opened& out);

// True when `passphrase` unwraps the vault key as it is wrapped in keys.header (Argon2id runs once).
[[nodiscard]] bool checkPassphrase(const Keys& keys, std::span<const std::uint8_t> passphrase);

// New salt and wrap under the new passphrase; the vault key (and so the data) stays the same.
// WARNING: not for a passphrase change. Every file written before stays readable with a key that
// the old passphrase unwraps; a change must use rekey().
[[nodiscard]] bool rewrap(Keys& keys, std::span<const std::uint8_t> newPassphrase,
                          const crypto::KdfParams& kdf);

// A passphrase change: a new random vault key, wrapped under the new passphrase with a new salt;
// the vault id stays. No file written with `keys` opens with the result, nor the reverse, so the
// old passphrase opens nothing written from then on. Empty when the KDF could not run.
[[nodiscard]] std::optional<Keys> rekey(const Keys& keys, std::span<const std::uint8_t> newPassphrase,
                                        const crypto::KdfParams& kdf);

// True when the two headers wrap a vault key under the same passphrase derivation (parameters,
// salt, nonce and wrapped key): files written between two passphrase changes.
bool sameWrap(const Header& a, const Header& b);

} // namespace ts::vault
