// The vault file, byte for byte as docs/vault-format.md describes it. Every read is bounds-checked
// and integers are assembled byte by byte: a crafted file must get an error, never a crash.
#include "core/vault/vault_file.h"

#include "core/crypto/byte_fields.h"

#include <algorithm>

namespace ts::vault {

using crypto::Bytes;
using crypto::Key;
using Span = std::span<const std::uint8_t>;
using crypto::readArray;
using crypto::readLe;
using crypto::writeArray;
using crypto::writeLe;

namespace {

// Offsets, as in the table of docs/vault-format.md.
constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kAlgorithmAt = 10;
constexpr std::size_t kReservedAt = 11;
constexpr std::size_t kOpsAt = 12;
constexpr std::size_t kMemAt = 20;
constexpr std::size_t kSaltAt = 28;
constexpr std::size_t kIdAt = 44;
constexpr std::size_t kWrapNonceAt = 60;
constexpr std::size_t kWrappedKeyAt = 84;
constexpr std::size_t kRevisionAt = 132;
constexpr std::size_t kBodyLenAt = 140;
constexpr std::size_t kChecksumAt = 148;
constexpr std::size_t kIdCopyAt = 164;
constexpr std::size_t kRevisionCopyAt = 180;
constexpr std::size_t kBodyNonceAt = 188;
constexpr std::size_t kBodyAt = 212;

// The wrap's associated data stops before the revision, so a save needs no passphrase; the body's
// covers the whole header and the body prefix, so no byte of them can change unnoticed.
constexpr std::size_t kWrapAdBytes = kWrapNonceAt; // magic .. vault id
constexpr std::size_t kBodyAdBytes = kBodyNonceAt; // magic .. revision copy

constexpr std::array<std::uint8_t, 8> kMagic{'T', 'S', 'V', 'A', 'U', 'L', 'T', 0};
constexpr std::uint8_t kAlgorithmArgon2id13 = 2;

static_assert(kAlgorithmArgon2id13 == crypto_pwhash_ALG_ARGON2ID13);
static_assert(kChecksumAt + 16 == kHeaderBytes);
static_assert(kBodyAt == kHeaderBytes + kBodyPrefixBytes);
static_assert(kRevisionAt - kWrappedKeyAt == std::tuple_size_v<decltype(Header::wrappedKey)>);

using HeaderBytes = std::array<std::uint8_t, kHeaderBytes>;

// Bytes 0..163 for `h` with a body ciphertext of `bodyLen` bytes, checksum included.
HeaderBytes encodeHeader(const Header& h, std::uint64_t bodyLen) {
    HeaderBytes b{};
    writeArray(b.data(), kMagic);
    writeLe(b.data() + kVersionAt, kFormatVersion, 2);
    b[kAlgorithmAt] = kAlgorithmArgon2id13;
    b[kReservedAt] = 0;
    writeLe(b.data() + kOpsAt, h.kdf.opslimit, 8);
    writeLe(b.data() + kMemAt, h.kdf.memlimit, 8);
    writeArray(b.data() + kSaltAt, h.salt);
    writeArray(b.data() + kIdAt, h.id);
    writeArray(b.data() + kWrapNonceAt, h.wrapNonce);
    writeArray(b.data() + kWrappedKeyAt, h.wrappedKey);
    writeLe(b.data() + kRevisionAt, h.revision, 8);
    writeLe(b.data() + kBodyLenAt, bodyLen, 8);
    writeArray(b.data() + kChecksumAt, crypto::checksum(Span(b).first(kChecksumAt)));
    return b;
}

// Wraps the vault key under the passphrase key; h's KDF parameters, salt and id go into the AD.
void wrap(Header& h, const Key& passKey, const Key& vaultKey) {
    const HeaderBytes head = encodeHeader(h, 0);
    const Bytes wrapped = crypto::seal(passKey, vaultKey.view(), Span(head).first(kWrapAdBytes), h.wrapNonce);
    std::copy_n(wrapped.begin(), h.wrappedKey.size(), h.wrappedKey.begin()); // sizes: static_assert above
}

bool unwrap(const Header& h, Span wrapAd, const Key& passKey, Key& vaultKey) {
    crypto::SecretBytes plain;
    if (!crypto::open(passKey, h.wrapNonce, h.wrappedKey, wrapAd, plain) || plain.size() != Key::size)
        return false;
    std::copy(plain.begin(), plain.end(), vaultKey.data());
    return true;
}

// The last step of open and reopen: the file has passed inspect and `keys` hold its vault key.
VaultError openBody(Span file, const Keys& keys, Opened& out) {
    crypto::SecretBytes body;
    const auto nonce = readArray<crypto::kNonceBytes>(file, kBodyNonceAt);
    if (!crypto::open(keys.vaultKey, nonce, file.subspan(kBodyAt), file.first(kBodyAdBytes), body))
        return VaultError::BodyDamaged;
    out.keys = keys;
    out.body = std::move(body);
    return VaultError::None;
}

} // namespace

Str messageFor(VaultError e) {
    switch (e) {
    case VaultError::None:
        return Str::StatusReady;
    case VaultError::NotAVault:
        return Str::ErrVaultNotAVault;
    case VaultError::UnsupportedVersion:
        return Str::ErrVaultUnsupportedVersion;
    case VaultError::NewerVersion:
        return Str::ErrVaultNewerVersion;
    case VaultError::Truncated:
        return Str::ErrVaultTruncated;
    case VaultError::TrailingData:
        return Str::ErrVaultTrailingData;
    case VaultError::HeaderDamaged:
        return Str::ErrVaultHeaderDamaged;
    case VaultError::UnsupportedKdf:
        return Str::ErrVaultUnsupportedKdf;
    case VaultError::KdfTooCostly:
        return Str::ErrVaultKdfTooCostly;
    case VaultError::KdfFailed:
        return Str::ErrVaultKdfFailed;
    case VaultError::WrongPassphrase:
        return Str::ErrVaultWrongPassphrase;
    case VaultError::ForeignBody:
        return Str::ErrVaultForeignBody;
    case VaultError::MixedRevision:
        return Str::ErrVaultMixedRevision;
    case VaultError::BodyDamaged:
        return Str::ErrVaultBodyDamaged;
    }
    return Str::ErrVaultNotAVault; // not a VaultError at all
}

std::optional<Keys> create(Span passphrase, const crypto::KdfParams& kdf) {
    Keys keys;
    keys.vaultKey = crypto::randomKey();
    crypto::randomBytes(keys.header.id);
    if (!rewrap(keys, passphrase, kdf)) return std::nullopt; // draws the salt and wraps
    return keys;
}

bool rewrap(Keys& keys, Span newPassphrase, const crypto::KdfParams& kdf) {
    Header h = keys.header;
    h.kdf = kdf;
    h.salt = crypto::randomSalt();
    const std::optional<Key> passKey = crypto::deriveKey(newPassphrase, h.salt, kdf);
    if (!passKey) return false;
    wrap(h, *passKey, keys.vaultKey);
    keys.header = h; // only now: a failed rewrap leaves the old passphrase working
    return true;
}

std::optional<Keys> rekey(const Keys& keys, Span newPassphrase, const crypto::KdfParams& kdf) {
    Keys next;
    next.header = keys.header;
    next.vaultKey = crypto::randomKey();
    if (!rewrap(next, newPassphrase, kdf)) return std::nullopt;
    return next;
}

bool sameWrap(const Header& a, const Header& b) {
    return a.id == b.id && a.kdf == b.kdf && a.salt == b.salt && a.wrapNonce == b.wrapNonce &&
           a.wrappedKey == b.wrappedKey;
}

Bytes write(Keys& keys, std::uint64_t revision, Span body) {
    keys.header.version = kFormatVersion;
    keys.header.revision = revision;
    const std::size_t bodyLen = body.size() + crypto::kTagBytes;
    Bytes out(kBodyAt + bodyLen);
    const HeaderBytes head = encodeHeader(keys.header, bodyLen);
    std::copy(head.begin(), head.end(), out.begin());
    writeArray(out.data() + kIdCopyAt, keys.header.id);
    writeLe(out.data() + kRevisionCopyAt, revision, 8);

    crypto::Nonce nonce; // fresh on every save: seal draws it
    const Bytes cipher = crypto::seal(keys.vaultKey, body, Span(out).first(kBodyAdBytes), nonce);
    writeArray(out.data() + kBodyNonceAt, nonce);
    std::copy(cipher.begin(), cipher.end(), out.begin() + kBodyAt);
    return out;
}

VaultError inspect(Span file, Header& header) {
    if (file.size() < kMagic.size() || !std::equal(kMagic.begin(), kMagic.end(), file.begin()))
        return VaultError::NotAVault;
    if (file.size() < kAlgorithmAt) return VaultError::Truncated;
    const std::uint64_t version = readLe(file, kVersionAt, 2);
    if (version == 0) return VaultError::UnsupportedVersion;
    if (version > kFormatVersion) return VaultError::NewerVersion;
    if (file.size() < kHeaderBytes) return VaultError::Truncated;

    const auto sum = crypto::checksum(file.first(kChecksumAt));
    if (!std::equal(sum.begin(), sum.end(), file.begin() + kChecksumAt)) return VaultError::HeaderDamaged;

    Header h;
    h.version = static_cast<std::uint16_t>(version);
    h.kdf = {readLe(file, kOpsAt, 8), readLe(file, kMemAt, 8)};
    // Before anything that could run Argon2: a crafted memlimit must not exhaust the tab.
    if (file[kAlgorithmAt] != kAlgorithmArgon2id13 || file[kReservedAt] != 0)
        return VaultError::UnsupportedKdf;
    if (h.kdf.tooCostly()) return VaultError::KdfTooCostly;
    if (h.kdf.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
        h.kdf.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN)
        return VaultError::UnsupportedKdf; // the floor itself is open's: reopen takes what is unlocked

    // Compared without computing kBodyAt + bodyLen, which a crafted length could overflow.
    const std::uint64_t bodyLen = readLe(file, kBodyLenAt, 8);
    if (file.size() < kBodyAt || bodyLen > file.size() - kBodyAt) return VaultError::Truncated;
    if (bodyLen < file.size() - kBodyAt) return VaultError::TrailingData;
    // A checksummed header that claims a ciphertext shorter than its tag was never written by us.
    if (bodyLen < crypto::kTagBytes) return VaultError::HeaderDamaged;

    h.salt = readArray<crypto::kSaltBytes>(file, kSaltAt);
    h.id = readArray<16>(file, kIdAt);
    h.wrapNonce = readArray<crypto::kNonceBytes>(file, kWrapNonceAt);
    h.wrappedKey = readArray<std::tuple_size_v<decltype(h.wrappedKey)>>(file, kWrappedKeyAt);
    h.revision = readLe(file, kRevisionAt, 8);
    if (readArray<16>(file, kIdCopyAt) != h.id) return VaultError::ForeignBody;
    if (readLe(file, kRevisionCopyAt, 8) != h.revision) return VaultError::MixedRevision;
    header = h;
    return VaultError::None;
}

VaultError open(Span file, Span passphrase, Opened& out) {
    Header h;
    if (const VaultError e = inspect(file, h); e != VaultError::None) return e;
    if (h.kdf.belowFloor()) return VaultError::UnsupportedKdf; // a guessable passphrase: not ours
    Keys keys{{}, h};
    {
        const std::optional<Key> passKey = crypto::deriveKey(passphrase, h.salt, h.kdf);
        if (!passKey) return VaultError::KdfFailed;
        if (!unwrap(h, file.first(kWrapAdBytes), *passKey, keys.vaultKey)) return VaultError::WrongPassphrase;
    } // the passphrase key is wiped here, as soon as the vault key is out
    return openBody(file, keys, out);
}

bool checkPassphrase(const Keys& keys, Span passphrase) {
    const std::optional<Key> passKey = crypto::deriveKey(passphrase, keys.header.salt, keys.header.kdf);
    if (!passKey) return false;
    const HeaderBytes head = encodeHeader(keys.header, 0);
    Key unwrapped;
    return unwrap(keys.header, Span(head).first(kWrapAdBytes), *passKey, unwrapped) &&
           unwrapped.equals(keys.vaultKey);
}

VaultError reopen(Span file, const Keys& current, Opened& out) {
    Header h;
    if (const VaultError e = inspect(file, h); e != VaultError::None) return e;
    if (h.id != current.header.id) return VaultError::ForeignBody; // another vault than the one unlocked
    // A different wrap means the passphrase was changed elsewhere (another tab): the vault key is
    // a new one too, and the user must unlock again with the new passphrase.
    if (!sameWrap(h, current.header)) return VaultError::WrongPassphrase;
    return openBody(file, Keys{current.vaultKey, h}, out);
}

} // namespace ts::vault
