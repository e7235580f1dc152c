// Key derivation: AES-KDF (KDBX 3.1 and 4), Argon2d and Argon2id (KDBX 4). Parameters come from an
// untrusted file, so kdfWithinLimits() is asked before runKdf() does any work.
#pragma once

#include "core/kdbx/database.h"
#include "core/kdbx/error.h"
#include "core/kdbx/primitives.h"
#include "core/kdbx/variant_dict.h"

#include <cstdint>
#include <optional>

namespace ts::kdbx {

inline constexpr Uuid kKdfAes = {0xc9, 0xd9, 0xf3, 0x9a, 0x62, 0x8a, 0x44, 0x60,
                                 0xbf, 0x74, 0x0d, 0x08, 0xc1, 0x8a, 0x4f, 0xea};
inline constexpr Uuid kKdfArgon2d = {0xef, 0x63, 0x6d, 0xdf, 0x8c, 0x29, 0x44, 0x4b,
                                     0x91, 0xf7, 0xa9, 0xa4, 0x03, 0xe3, 0x0a, 0x0c};
inline constexpr Uuid kKdfArgon2id = {0x9e, 0x29, 0x8b, 0x19, 0x56, 0xdb, 0x47, 0x73,
                                      0xb2, 0x3d, 0xfc, 0x3e, 0xc6, 0xf0, 0xa1, 0xe6};

// AES-KDF rounds TokenSafe agrees to run (docs/kdbx.md, "Limits"). Measured on the CI machine (2 shared
// cores, mbedtls's table AES, no AES-NI): 2.0 M rounds/s natively, 1.4-1.6 M rounds/s as wasm in V8.
// Matching the costliest Argon2 TokenSafe accepts in time (4 × its own 3 passes × 64 MiB, 0.29 s here)
// would allow only ~2.5 M rounds, and refuse files KeePass 2 calibrated with "1 second delay" on a
// machine with AES-NI (10-20 M). 20 M rounds is ~10 s natively and ~13 s in the page here: a long
// wait, never the endless one a crafted 2^64 would be. KeePassXC writes 1 M for KDBX 3.1.
inline constexpr std::uint64_t kMaxAesKdfRounds = 20'000'000;

enum class KdfKind { AesKdf, Argon2d, Argon2id };

struct Kdf {
    KdfKind kind = KdfKind::Argon2id;
    Bytes salt;                   // AES-KDF: the 32-byte transform seed; Argon2: the salt
    std::uint64_t rounds = 0;     // AES-KDF
    std::uint64_t iterations = 0; // Argon2
    std::uint64_t memoryBytes = 0;
    std::uint32_t parallelism = 1;
    std::uint32_t version = 0x13;
    Bytes secret, ad; // Argon2's optional K and A; KeePass never sets them, but the format allows them
};

// From a KDBX 4 KdfParameters dictionary. Errors: ErrKdbxUnknownKdf (detail: its UUID),
// ErrKdbxHeaderDamaged (a parameter missing or of the wrong size).
[[nodiscard]] bool kdfFromDict(const VariantDict& dict, Kdf& out, Error& error);
VariantDict kdfToDict(const Kdf& kdf);

// Refuses, before any work, parameters that ask for more than TokenSafe spends on its own files
// (ErrKdbxKdfTooCostly), or that no KDF accepts (ErrKdbxHeaderDamaged).
[[nodiscard]] bool kdfWithinLimits(const Kdf& kdf, Error& error);

// Empty when Argon2 failed (out of memory). Call kdfWithinLimits() first.
std::optional<Key32> runKdf(const Kdf& kdf, const Key32& compositeKey);

std::string uuidText(const Uuid& u); // 8-4-4-4-12 lower-case hex

} // namespace ts::kdbx
