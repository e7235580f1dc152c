// The bundle file, byte for byte as docs/bundle-format.md describes it. Every read is bounds-checked
// and integers are assembled byte by byte: a crafted file must get an error, never a crash.
//
// Sections: [layout] offsets and helpers · [messages] · [keys] key pairs, fingerprints, receiving
// codes · [write] both modes · [read] inspect and the two opens · [text] the TSB1: form
#include "core/bundle/bundle_file.h"

#include "core/crypto/byte_fields.h"
#include "core/images/base64.h"

#include <algorithm>

namespace ts::bundle {

using crypto::Bytes;
using crypto::Key;
using Span = std::span<const std::uint8_t>;
using crypto::readArray;
using crypto::readLe;
using crypto::writeArray;
using crypto::writeLe;

namespace {

// --- [layout] ------------------------------------------------------------------------------------
// Offsets, as in the tables of docs/bundle-format.md. Bytes 0..10 are common to both modes.
constexpr std::array<std::uint8_t, 8> kMagic{'T', 'S', 'B', 'U', 'N', 'D', 'L', 'E'};
constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kModeAt = 10;
constexpr std::size_t kModeEnd = 11;

// Mode 1, passphrase.
constexpr std::size_t kAlgorithmAt = 11;
constexpr std::size_t kOpsAt = 12;
constexpr std::size_t kMemAt = 20;
constexpr std::size_t kSaltAt = 28;
constexpr std::size_t kWrapNonceAt = 44;
constexpr std::size_t kWrappedKeyAt = 68;
constexpr std::size_t kWrappedKeyBytes = crypto::kKeyBytes + crypto::kTagBytes;
constexpr std::size_t kPassphraseHeaderBytes = 140;
// The wrap's AD stops before the wrap nonce: seal draws the nonce, and a changed nonce fails anyway.
constexpr std::size_t kWrapAdBytes = kWrapNonceAt;
constexpr std::uint8_t kAlgorithmArgon2id13 = 2;

// Mode 2, recipient.
constexpr std::size_t kReservedAt = 11;
constexpr std::size_t kFingerprintAt = 12;
constexpr std::size_t kSealedKeyAt = 20;
constexpr std::size_t kSealedKeyBytes = crypto::kKeyBytes + crypto_box_SEALBYTES;
constexpr std::size_t kRecipientHeaderBytes = 124;

// Both modes, relative to the header size H: L at H-24, checksum at H-16, then after the header the
// payload nonce (24) and the ciphertext of created-at (8) + payload, with its tag.
constexpr std::size_t kLengthFromEnd = 24;
constexpr std::size_t kChecksumFromEnd = 16;
constexpr std::size_t kCreatedAtBytes = 8;
constexpr std::size_t kMinCipherBytes = kCreatedAtBytes + crypto::kTagBytes;

static_assert(kAlgorithmArgon2id13 == crypto_pwhash_ALG_ARGON2ID13);
static_assert(kWrappedKeyAt + kWrappedKeyBytes + 8 + 16 == kPassphraseHeaderBytes);
static_assert(kSealedKeyBytes == 80 && kSealedKeyAt + kSealedKeyBytes + 8 + 16 == kRecipientHeaderBytes);
static_assert(kPublicKeyBytes == crypto_box_PUBLICKEYBYTES && SecretKey::size == crypto_box_SECRETKEYBYTES);
static_assert(crypto_scalarmult_BYTES == kPublicKeyBytes && crypto_scalarmult_SCALARBYTES == SecretKey::size);

constexpr std::size_t headerBytes(Mode m) {
    return m == Mode::Passphrase ? kPassphraseHeaderBytes : kRecipientHeaderBytes;
}

// Bytes 0..10 of a header of mode `m`, the rest zero: the mode-specific fields are filled by the caller.
Bytes newHeader(Mode m) {
    Bytes h(headerBytes(m));
    std::copy(kMagic.begin(), kMagic.end(), h.begin());
    writeLe(h.data() + kVersionAt, kFormatVersion, 2);
    h[kModeAt] = static_cast<std::uint8_t>(m);
    return h;
}

// Whether a payload of `n` bytes fits in a file of mode `m` (written without computing the total,
// which could overflow on 32-bit wasm).
bool fits(Mode m, std::size_t n) {
    const std::size_t overhead = headerBytes(m) + crypto::kNonceBytes + kMinCipherBytes;
    return n <= kMaxFileBytes - overhead;
}

// The end of both writers: L and the checksum into `header`, then the payload nonce and the
// ciphertext of created-at + payload under the content key, with the whole header as AD.
Bytes finish(Bytes header, const Key& contentKey, Span payload, std::int64_t createdAtMillis) {
    const std::size_t h = header.size();
    writeLe(header.data() + h - kLengthFromEnd, payload.size() + kMinCipherBytes, 8);
    const auto sum = crypto::checksum(Span(header).first(h - kChecksumFromEnd));
    std::copy(sum.begin(), sum.end(), header.end() - kChecksumFromEnd);

    crypto::SecretBytes plain(kCreatedAtBytes + payload.size());
    writeLe(plain.data(), static_cast<std::uint64_t>(createdAtMillis), kCreatedAtBytes);
    std::copy(payload.begin(), payload.end(), plain.begin() + kCreatedAtBytes);
    crypto::Nonce nonce;
    const Bytes cipher = crypto::seal(contentKey, plain, header, nonce);

    Bytes out = std::move(header);
    out.reserve(h + nonce.size() + cipher.size());
    out.insert(out.end(), nonce.begin(), nonce.end());
    out.insert(out.end(), cipher.begin(), cipher.end());
    return out;
}

// X25519 refuses low-order points (the shared secret would be all zeros): crypto_box_seal fails on
// them. Checked with a throwaway scalar, so a receiving code naming one is refused when pasted.
bool usableKey(const PublicKey& pk) {
    SecretKey scalar;
    crypto::randomBytes(std::span(scalar.data(), SecretKey::size));
    crypto::FixedSecret<crypto_scalarmult_BYTES> shared;
    return crypto_scalarmult(shared.data(), scalar.data(), pk.data()) == 0;
}

// The checks of docs/bundle-format.md that need no secret (1-13), in order.
BundleError check(Span file, Info& info) {
    if (file.size() > kMaxFileBytes) return BundleError::TooLarge;
    if (file.size() < kMagic.size() || !std::equal(kMagic.begin(), kMagic.end(), file.begin()))
        return BundleError::NotBundle;
    if (file.size() < kModeAt) return BundleError::Truncated;
    const std::uint64_t version = readLe(file, kVersionAt, 2);
    if (version == 0) return BundleError::UnsupportedVersion;
    if (version > kFormatVersion) return BundleError::NewerVersion;
    if (file.size() < kModeEnd) return BundleError::Truncated;
    const std::uint8_t modeByte = file[kModeAt];
    if (modeByte != static_cast<std::uint8_t>(Mode::Passphrase) &&
        modeByte != static_cast<std::uint8_t>(Mode::Recipient))
        return BundleError::HeaderDamaged; // a new mode would come with a new version
    const Mode mode = static_cast<Mode>(modeByte);
    const std::size_t h = headerBytes(mode);
    if (file.size() < h) return BundleError::Truncated;

    const auto sum = crypto::checksum(file.first(h - kChecksumFromEnd));
    if (!std::equal(sum.begin(), sum.end(), file.begin() + static_cast<std::ptrdiff_t>(h - kChecksumFromEnd)))
        return BundleError::HeaderDamaged;

    Info out;
    out.mode = mode;
    if (mode == Mode::Passphrase) {
        out.kdf = {readLe(file, kOpsAt, 8), readLe(file, kMemAt, 8)};
        // Before anything that could run Argon2: a crafted memlimit must not exhaust the tab.
        if (file[kAlgorithmAt] != kAlgorithmArgon2id13) return BundleError::BadKdfParams;
        if (out.kdf.tooCostly()) return BundleError::KdfTooCostly;
        if (out.kdf.belowFloor()) return BundleError::BadKdfParams; // a guessable passphrase: not ours
    } else {
        if (file[kReservedAt] != 0) return BundleError::HeaderDamaged;
        out.recipient = readArray<kFingerprintBytes>(file, kFingerprintAt);
    }

    // Compared without computing h + 24 + L, which a crafted length could overflow.
    const std::uint64_t cipherLen = readLe(file, h - kLengthFromEnd, 8);
    const std::size_t cipherAt = h + crypto::kNonceBytes;
    if (file.size() < cipherAt || cipherLen > file.size() - cipherAt) return BundleError::Truncated;
    if (cipherLen < file.size() - cipherAt) return BundleError::TrailingData;
    // A checksummed header that claims less than a tag and created-at was never written by us.
    if (cipherLen < kMinCipherBytes) return BundleError::HeaderDamaged;
    out.payloadBytes = static_cast<std::size_t>(cipherLen - kMinCipherBytes);
    info = out;
    return BundleError::None;
}

// The last step of both opens: the file has passed check() and `contentKey` came out of its header.
std::optional<Opened> openPayload(Span file, Mode mode, const Key& contentKey, BundleError& error) {
    const std::size_t h = headerBytes(mode);
    crypto::SecretBytes plain;
    const auto nonce = readArray<crypto::kNonceBytes>(file, h);
    if (!crypto::open(contentKey, nonce, file.subspan(h + crypto::kNonceBytes), file.first(h), plain) ||
        plain.size() < kCreatedAtBytes) {
        error = BundleError::Damaged;
        return std::nullopt;
    }
    Opened out;
    out.mode = mode;
    out.createdAtMillis = static_cast<std::int64_t>(readLe(plain, 0, kCreatedAtBytes));
    // In place: the bytes freed at the end stay in the block, which is wiped when released.
    plain.erase(plain.begin(), plain.begin() + kCreatedAtBytes);
    out.payload = std::move(plain);
    error = BundleError::None;
    return out;
}

// --- [keys] receiving codes: Crockford base32 ------------------------------------------------------
constexpr std::string_view kCodePrefix = "TSR1";
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeChecksumBytes = 5;
constexpr std::size_t kCodeDataBytes = kPublicKeyBytes + kCodeChecksumBytes; // 37 bytes = 296 bits
constexpr std::size_t kCodeChars = 60;                                       // 300 bits: 4 pad bits
constexpr std::size_t kCodeGroup = 5;
static_assert(kCodeChars * 5 >= kCodeDataBytes * 8 && (kCodeChars - 1) * 5 < kCodeDataBytes * 8);

std::array<std::uint8_t, kCodeChecksumBytes> codeChecksum(const PublicKey& pk) {
    const auto sum = crypto::checksum(pk);
    std::array<std::uint8_t, kCodeChecksumBytes> out{};
    std::copy_n(sum.begin(), out.size(), out.begin());
    return out;
}

// Crockford's reading: either case, O as 0, I and L as 1. -1 for anything else.
int crockfordValue(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const std::size_t at = kCrockford.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// The whitespace the text form and receiving codes may contain anywhere (kTextWhitespace too).
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

} // namespace

// --- [messages] ----------------------------------------------------------------------------------
Str messageFor(BundleError e) {
    switch (e) {
    case BundleError::None:
        return Str::StatusReady;
    case BundleError::NotBundle:
        return Str::ErrBundleNotBundle;
    case BundleError::UnsupportedVersion:
        return Str::ErrBundleUnsupportedVersion;
    case BundleError::NewerVersion:
        return Str::ErrBundleNewerVersion;
    case BundleError::Truncated:
        return Str::ErrBundleTruncated;
    case BundleError::TrailingData:
        return Str::ErrBundleTrailingData;
    case BundleError::HeaderDamaged:
        return Str::ErrBundleHeaderDamaged;
    case BundleError::BadKdfParams:
        return Str::ErrBundleBadKdfParams;
    case BundleError::KdfTooCostly:
        return Str::ErrBundleKdfTooCostly;
    case BundleError::KdfFailed:
        return Str::ErrBundleKdfFailed;
    case BundleError::WrongPassphrase:
        return Str::ErrBundleWrongPassphrase;
    case BundleError::ForOtherRecipient:
        return Str::ErrBundleForOtherRecipient;
    case BundleError::NeedsPassphrase:
        return Str::ErrBundleNeedsPassphrase;
    case BundleError::NeedsRecipientKey:
        return Str::ErrBundleNeedsRecipientKey;
    case BundleError::Damaged:
        return Str::ErrBundleDamaged;
    case BundleError::Empty:
        return Str::ErrBundleEmpty;
    case BundleError::TooLarge:
        return Str::ErrBundleTooLarge;
    case BundleError::BadText:
        return Str::ErrBundleBadText;
    case BundleError::BadReceivingCode:
        return Str::ErrBundleBadReceivingCode;
    case BundleError::ReceivingCodeTypo:
        return Str::ErrBundleReceivingCodeTypo;
    }
    return Str::ErrBundleNotBundle; // not a BundleError at all
}

// --- [keys] --------------------------------------------------------------------------------------
KeyPair newKeyPair() {
    KeyPair k;
    crypto_box_keypair(k.publicKey.data(), k.secretKey.data());
    return k;
}

std::optional<KeyPair> keyPairFromSecretKey(const SecretKey& secretKey) {
    KeyPair k;
    k.secretKey = secretKey;
    if (crypto_scalarmult_base(k.publicKey.data(), k.secretKey.data()) != 0) return std::nullopt;
    return k;
}

Fingerprint fingerprintOf(const PublicKey& publicKey) {
    const auto sum = crypto::checksum(publicKey);
    Fingerprint f{};
    std::copy_n(sum.begin(), f.size(), f.begin());
    return f;
}

std::string receivingCodeCheck(const PublicKey& publicKey) {
    // A hash of its own (a prefix and another length than the fingerprint's), so the digits say
    // nothing about the fingerprint in a bundle's header.
    static constexpr std::string_view kDomain = "TokenSafe receiving code check";
    std::array<std::uint8_t, 20> digest{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, digest.size());
    crypto_generichash_update(&state, reinterpret_cast<const std::uint8_t*>(kDomain.data()), kDomain.size());
    crypto_generichash_update(&state, publicKey.data(), publicKey.size());
    crypto_generichash_final(&state, digest.data(), digest.size());
    std::string out;
    for (std::size_t group = 0; group < 4; ++group) {
        std::uint64_t n = 0; // 5 bytes, big-endian: 40 bits, so n mod 100000 is all but unbiased
        for (std::size_t i = 0; i < 5; ++i) n = (n << 8) | digest[group * 5 + i];
        const std::string digits = std::to_string(n % 100000);
        if (group > 0) out += ' ';
        out.append(5 - digits.size(), '0').append(digits);
    }
    return out;
}

bool Info::isFor(const PublicKey& publicKey) const {
    return mode == Mode::Recipient && recipient == fingerprintOf(publicKey);
}

std::string receivingCode(const PublicKey& publicKey) {
    std::array<std::uint8_t, kCodeDataBytes> data{};
    std::copy(publicKey.begin(), publicKey.end(), data.begin());
    const auto sum = codeChecksum(publicKey);
    std::copy(sum.begin(), sum.end(), data.begin() + kPublicKeyBytes);

    std::string chars;
    std::uint32_t acc = 0; // never more than 12 bits in use
    int bits = 0;
    for (const std::uint8_t b : data) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            chars += kCrockford[(acc >> bits) & 31];
        }
        acc &= (1u << bits) - 1;
    }
    if (bits > 0) chars += kCrockford[(acc << (5 - bits)) & 31]; // padded with 0 bits

    std::string out(kCodePrefix);
    // Appended piecewise: GCC 12 at -O2 flags `"-" + chars.substr(...)` with a false -Wrestrict.
    for (std::size_t i = 0; i < chars.size(); i += kCodeGroup)
        out.append(1, '-').append(chars, i, kCodeGroup);
    return out;
}

std::optional<PublicKey> parseReceivingCode(std::string_view code, BundleError& error) {
    error = BundleError::BadReceivingCode;
    std::string s; // without separators; bounded, so a pasted novel costs nothing
    for (const char c : code) {
        if (isSpace(c) || c == '-') continue;
        if (s.size() > kCodePrefix.size() + kCodeChars) return std::nullopt;
        s += c;
    }
    if (s.size() != kCodePrefix.size() + kCodeChars) return std::nullopt;
    for (std::size_t i = 0; i < kCodePrefix.size(); ++i)
        if (crockfordValue(s[i]) != crockfordValue(kCodePrefix[i])) return std::nullopt;

    std::array<std::uint8_t, kCodeDataBytes> data{};
    std::size_t filled = 0;
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = kCodePrefix.size(); i < s.size(); ++i) {
        const int v = crockfordValue(s[i]);
        if (v < 0) return std::nullopt;
        acc = (acc << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            data[filled++] = static_cast<std::uint8_t>(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    PublicKey pk{};
    std::copy_n(data.begin(), pk.size(), pk.begin());
    const auto sum = codeChecksum(pk);
    if (filled != data.size() || acc != 0 ||
        !std::equal(sum.begin(), sum.end(), data.begin() + kPublicKeyBytes)) {
        error = BundleError::ReceivingCodeTypo;
        return std::nullopt;
    }
    if (!usableKey(pk)) return std::nullopt; // BadReceivingCode: only a crafted code names such a key
    error = BundleError::None;
    return pk;
}

// --- [write] -------------------------------------------------------------------------------------
std::optional<Bytes> writeWithPassphrase(Span payload, Span passphrase, const crypto::KdfParams& kdf,
                                         std::int64_t createdAtMillis, BundleError& error) {
    if (!fits(Mode::Passphrase, payload.size())) {
        error = BundleError::TooLarge;
        return std::nullopt;
    }
    if (!kdf.acceptable()) { // never write what readers refuse
        error = kdf.tooCostly() ? BundleError::KdfTooCostly : BundleError::BadKdfParams;
        return std::nullopt;
    }
    Bytes header = newHeader(Mode::Passphrase);
    header[kAlgorithmAt] = kAlgorithmArgon2id13;
    writeLe(header.data() + kOpsAt, kdf.opslimit, 8);
    writeLe(header.data() + kMemAt, kdf.memlimit, 8);
    const crypto::Salt salt = crypto::randomSalt();
    std::copy(salt.begin(), salt.end(), header.begin() + kSaltAt);

    const Key contentKey = crypto::randomKey();
    {
        const std::optional<Key> passKey = crypto::deriveKey(passphrase, salt, kdf);
        if (!passKey) {
            error = BundleError::KdfFailed;
            return std::nullopt;
        }
        crypto::Nonce wrapNonce;
        const Bytes wrapped =
            crypto::seal(*passKey, contentKey.view(), Span(header).first(kWrapAdBytes), wrapNonce);
        std::copy(wrapNonce.begin(), wrapNonce.end(), header.begin() + kWrapNonceAt);
        std::copy(wrapped.begin(), wrapped.end(), header.begin() + kWrappedKeyAt); // 48: static_assert
    } // the passphrase key is wiped here
    error = BundleError::None;
    return finish(std::move(header), contentKey, payload, createdAtMillis);
}

std::optional<Bytes> writeForRecipient(Span payload, const PublicKey& recipient, std::int64_t createdAtMillis,
                                       BundleError& error) {
    if (!fits(Mode::Recipient, payload.size())) {
        error = BundleError::TooLarge;
        return std::nullopt;
    }
    Bytes header = newHeader(Mode::Recipient);
    header[kReservedAt] = 0;
    const Fingerprint fp = fingerprintOf(recipient);
    std::copy(fp.begin(), fp.end(), header.begin() + kFingerprintAt);
    const Key contentKey = crypto::randomKey();
    if (crypto_box_seal(header.data() + kSealedKeyAt, contentKey.data(), Key::size, recipient.data()) != 0) {
        error = BundleError::BadReceivingCode; // a low-order point: no usable shared secret
        return std::nullopt;
    }
    error = BundleError::None;
    return finish(std::move(header), contentKey, payload, createdAtMillis);
}

// --- [read] --------------------------------------------------------------------------------------
std::optional<Info> inspect(Span file, BundleError& error) {
    Info info;
    error = check(file, info);
    if (error != BundleError::None) return std::nullopt;
    return info;
}

std::optional<Opened> openWithPassphrase(Span file, Span passphrase, BundleError& error) {
    const std::optional<Info> info = inspect(file, error);
    if (!info) return std::nullopt;
    if (info->mode != Mode::Passphrase) {
        error = BundleError::NeedsRecipientKey;
        return std::nullopt;
    }
    Key contentKey;
    {
        const std::optional<Key> passKey =
            crypto::deriveKey(passphrase, readArray<crypto::kSaltBytes>(file, kSaltAt), info->kdf);
        if (!passKey) {
            error = BundleError::KdfFailed;
            return std::nullopt;
        }
        crypto::SecretBytes plain;
        if (!crypto::open(*passKey, readArray<crypto::kNonceBytes>(file, kWrapNonceAt),
                          file.subspan(kWrappedKeyAt, kWrappedKeyBytes), file.first(kWrapAdBytes), plain) ||
            plain.size() != Key::size) {
            error = BundleError::WrongPassphrase;
            return std::nullopt;
        }
        std::copy(plain.begin(), plain.end(), contentKey.data());
    } // the passphrase key is wiped here, as soon as the content key is out
    return openPayload(file, Mode::Passphrase, contentKey, error);
}

std::optional<Opened> openWithKeyPair(Span file, const KeyPair& keys, BundleError& error) {
    const std::optional<Info> info = inspect(file, error);
    if (!info) return std::nullopt;
    if (info->mode != Mode::Recipient) {
        error = BundleError::NeedsPassphrase;
        return std::nullopt;
    }
    if (!info->isFor(keys.publicKey)) {
        error = BundleError::ForOtherRecipient;
        return std::nullopt;
    }
    Key contentKey;
    // The fingerprint matched and the checksum too: a sealed key that does not open was altered.
    if (crypto_box_seal_open(contentKey.data(), file.data() + kSealedKeyAt, kSealedKeyBytes,
                             keys.publicKey.data(), keys.secretKey.data()) != 0) {
        error = BundleError::Damaged;
        return std::nullopt;
    }
    return openPayload(file, Mode::Recipient, contentKey, error);
}

// --- [text] --------------------------------------------------------------------------------------
namespace {
constexpr std::string_view kTextPrefix = "TSB1:";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kTextLine = 76;
constexpr std::size_t kMaxTextBytes = 2 * kMaxFileBytes;
constexpr const char* kTextWhitespace = " \t\r\n\v\f"; // as isSpace()
} // namespace

std::string toText(Span file) {
    const std::string b64 = images::toBase64(file);
    std::string out(kTextPrefix);
    out.reserve(out.size() + b64.size() + b64.size() / kTextLine + 1);
    for (std::size_t i = 0; i < b64.size(); i += kTextLine) {
        out += '\n';
        out.append(b64, i, kTextLine);
    }
    return out;
}

std::optional<Bytes> fromText(std::string_view text, BundleError& error) {
    if (text.size() > kMaxTextBytes) {
        error = BundleError::TooLarge;
        return std::nullopt;
    }
    std::size_t at = 0;
    if (text.starts_with(kUtf8Bom)) at = kUtf8Bom.size(); // as identify() does: it calls this text
    while (at < text.size() && isSpace(text[at])) ++at;
    if (text.substr(at, kTextPrefix.size()) != kTextPrefix) {
        error = BundleError::BadText;
        return std::nullopt;
    }
    const std::string_view rest = text.substr(at + kTextPrefix.size());
    // libsodium skips the whitespace itself (its `ignore` set), in one pass over a text that may be
    // ~90 MB. It would skip a NUL too (strchr finds the terminator): that is not text, refuse it.
    if (rest.find('\0') != std::string_view::npos) {
        error = BundleError::BadText;
        return std::nullopt;
    }
    Bytes bytes(rest.size() / 4 * 3 + 3); // an upper bound, whitespace or not
    std::size_t len = 0;
    // b64_end == nullptr: anything left unparsed is an error rather than silently ignored.
    if (sodium_base642bin(bytes.data(), bytes.size(), rest.data(), rest.size(), kTextWhitespace, &len,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
        error = BundleError::BadText;
        return std::nullopt;
    }
    if (len > kMaxFileBytes) {
        error = BundleError::TooLarge;
        return std::nullopt;
    }
    bytes.resize(len);
    error = BundleError::None;
    return bytes;
}

} // namespace ts::bundle
