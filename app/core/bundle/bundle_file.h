// The bundle file (.tsb): selected vault data, encrypted to travel between installations. A random
// content key encrypts the payload; the key is wrapped under a bundle passphrase (Argon2id) or sealed
// to a recipient's X25519 public key (crypto_box_seal), which the recipient hands over as a short
// "receiving code". Also a "TSB1:" base64 text form of the same bytes, for chat and e-mail.
// The byte layout is documented in docs/bundle-format.md; keep the two in step.
//
// WARNING: a bundle that opens is not proof of who wrote it. Anyone with the passphrase, or with the
// recipient's receiving code (a public key), can write one. Treat the payload as untrusted input.
#pragma once

#include "core/crypto/crypto.h"
#include "core/strings.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ts::bundle {

inline constexpr std::uint16_t kFormatVersion = 1;
inline constexpr std::size_t kMaxFileBytes = 64u << 20; // larger files are refused before anything else
inline constexpr std::size_t kPublicKeyBytes = 32;      // crypto_box_PUBLICKEYBYTES (X25519)
inline constexpr std::size_t kFingerprintBytes = 8;

using PublicKey = std::array<std::uint8_t, kPublicKeyBytes>;
using SecretKey = crypto::FixedSecret<32>; // crypto_box_SECRETKEYBYTES
using Fingerprint = std::array<std::uint8_t, kFingerprintBytes>;

enum class Mode : std::uint8_t {
    Passphrase = 1, // content key wrapped under Argon2id(passphrase)
    Recipient = 2,  // content key sealed to the recipient's public key
};

// Every way reading or writing a bundle can fail, each with its own message for the user.
enum class BundleError {
    None,
    NotBundle,          // the magic is wrong (an empty file included): some other file
    UnsupportedVersion, // version 0: never written
    NewerVersion,       // written by a newer TokenSafe
    Truncated,          // shorter than its header says
    TrailingData,       // longer than its header says
    HeaderDamaged,      // header checksum mismatch, unknown mode, a field no writer produces
    BadKdfParams,       // unknown algorithm, or parameters below KdfParams::belowFloor()'s floor
    KdfTooCostly,       // asks for more passes or memory than TokenSafe ever uses: refused untried
    KdfFailed,          // Argon2 could not run (memory)
    WrongPassphrase,    // the wrapped content key did not open
    ForOtherRecipient,  // sealed to another installation's key (fingerprint differs)
    NeedsPassphrase,    // a passphrase bundle given to openWithKeyPair
    NeedsRecipientKey,  // a recipient bundle given to openWithPassphrase
    Damaged,            // the sealed key or the payload did not authenticate
    Empty,              // never returned here: the importer's verdict on a bundle with nothing in it
    TooLarge,           // over kMaxFileBytes (or its text form over its limit)
    BadText,            // not a "TSB1:" text, or not base64
    BadReceivingCode,   // not a receiving code (prefix, length, characters) or an unusable key
    ReceivingCodeTypo,  // the shape of a code, but its checksum does not match: mistyped
};

Str messageFor(BundleError e);

// --- Key pairs and receiving codes ---------------------------------------------------------------

// An installation's X25519 key pair. The secret key is wiped when dropped.
struct KeyPair {
    PublicKey publicKey{};
    SecretKey secretKey;
};

// A fresh key pair from libsodium (crypto_box_keypair). crypto::init() must have succeeded.
KeyPair newKeyPair();
// The key pair of a stored secret key (the public key is recomputed from it).
[[nodiscard]] std::optional<KeyPair> keyPairFromSecretKey(const SecretKey& secretKey);

// First 8 bytes of BLAKE2b-128(public key): in a recipient bundle's header, in clear.
Fingerprint fingerprintOf(const PublicKey& publicKey);

// The code's check digits: "NNNNN NNNNN NNNNN NNNNN", 20 decimal digits derived from the public key
// with BLAKE2b (docs/bundle-format.md, "Check digits"). Two people read them to each other on the
// phone: if the digits beside the code the sender typed match the ones the recipient's computer
// shows beside its own code, the code was not swapped on its way (about 66 bits: no one can make a
// key pair with the same digits). Not secret.
std::string receivingCodeCheck(const PublicKey& publicKey);

// "TSR1-XXXXX-…" (12 groups of 5 Crockford base32 characters): the public key and a checksum.
std::string receivingCode(const PublicKey& publicKey);
// Tolerates spaces, line breaks, dashes, lower case and O/I/L for 0/1. BadReceivingCode when it is
// not a code (or names a key X25519 cannot use), ReceivingCodeTypo when its checksum does not match.
[[nodiscard]] std::optional<PublicKey> parseReceivingCode(std::string_view code, BundleError& error);

// --- Writing -------------------------------------------------------------------------------------

// `createdAtMillis` (Unix time, from the injectable Clock) travels inside the encryption.
// Errors: TooLarge (the file would exceed kMaxFileBytes), BadKdfParams, KdfTooCostly (what readers
// would refuse), KdfFailed.
[[nodiscard]] std::optional<crypto::Bytes>
writeWithPassphrase(std::span<const std::uint8_t> payload, std::span<const std::uint8_t> passphrase,
                    const crypto::KdfParams& kdf, std::int64_t createdAtMillis, BundleError& error);
// Errors: TooLarge, BadReceivingCode (a public key X25519 cannot use).
[[nodiscard]] std::optional<crypto::Bytes> writeForRecipient(std::span<const std::uint8_t> payload,
                                                             const PublicKey& recipient,
                                                             std::int64_t createdAtMillis,
                                                             BundleError& error);

// --- Reading -------------------------------------------------------------------------------------

// What can be known without a secret: enough for the UI to ask for the right thing.
struct Info {
    Mode mode = Mode::Passphrase;
    crypto::KdfParams kdf;   // Passphrase mode
    Fingerprint recipient{}; // Recipient mode
    std::size_t payloadBytes = 0;
    bool needsPassphrase() const { return mode == Mode::Passphrase; }
    // Recipient mode: whether it was sealed to `publicKey` (else openWithKeyPair says ForOtherRecipient).
    bool isFor(const PublicKey& publicKey) const;
};

// Every check that needs no secret (docs/bundle-format.md, checks 1-13).
[[nodiscard]] std::optional<Info> inspect(std::span<const std::uint8_t> file, BundleError& error);

struct Opened {
    Mode mode = Mode::Passphrase;
    std::int64_t createdAtMillis = 0;
    crypto::SecretBytes payload; // the JSON, as it went in
};

// Derives the key (Argon2id: the slow part), unwraps the content key, decrypts the payload.
[[nodiscard]] std::optional<Opened> openWithPassphrase(std::span<const std::uint8_t> file,
                                                       std::span<const std::uint8_t> passphrase,
                                                       BundleError& error);
[[nodiscard]] std::optional<Opened> openWithKeyPair(std::span<const std::uint8_t> file, const KeyPair& keys,
                                                    BundleError& error);

// --- The text form -------------------------------------------------------------------------------

// "TSB1:" + standard base64 of `file`, in lines of 76 characters.
std::string toText(std::span<const std::uint8_t> file);
// The file's bytes back (not yet checked: pass them to inspect / open). Whitespace anywhere is
// ignored, and so is a UTF-8 byte-order mark before "TSB1:" (editors on Windows save one). Errors:
// BadText, TooLarge.
[[nodiscard]] std::optional<crypto::Bytes> fromText(std::string_view text, BundleError& error);

} // namespace ts::bundle
