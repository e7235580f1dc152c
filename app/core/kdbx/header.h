// The outer header of a .kdbx file (KDBX 3.1 and 4.x): signatures, version, then type-length-value
// fields up to End-of-header. KDBX 3 fields have 16-bit lengths, KDBX 4 ones 32-bit.
#pragma once

#include "core/kdbx/error.h"
#include "core/kdbx/kdf.h"

#include <cstdint>

namespace ts::kdbx {

inline constexpr std::uint32_t kSignature1 = 0x9AA2D903;
inline constexpr std::uint32_t kSignature2 = 0xB54BFB67;
inline constexpr std::uint32_t kSignatureKeePass1 = 0xB54BFB65;
inline constexpr std::uint32_t kSignaturePreRelease = 0xB54BFB66;

inline constexpr Uuid kCipherAes256 = {0x31, 0xc1, 0xf2, 0xe6, 0xbf, 0x71, 0x43, 0x50,
                                       0xbe, 0x58, 0x05, 0x21, 0x6a, 0xfc, 0x5a, 0xff};
inline constexpr Uuid kCipherChaCha20 = {0xd6, 0x03, 0x8a, 0x2b, 0x8b, 0x6f, 0x4c, 0xb5,
                                         0xa5, 0x24, 0x33, 0x9a, 0x31, 0xdb, 0xb5, 0x9a};
inline constexpr Uuid kCipherTwofish = {0xad, 0x68, 0xf2, 0x9f, 0x57, 0x6f, 0x4b, 0xb9,
                                        0xa3, 0x6a, 0xd4, 0x7a, 0xf9, 0x65, 0x34, 0x6c};

enum class Cipher { Aes256, ChaCha20 };

// Inner random stream ids (how protected values are encrypted inside the XML).
enum class InnerStream : std::uint32_t { None = 0, ArcFour = 1, Salsa20 = 2, ChaCha20 = 3 };

struct Header {
    std::uint16_t major = 4, minor = 0;
    Cipher cipher = Cipher::Aes256;
    bool gzip = true;
    Bytes masterSeed; // 32 bytes
    Bytes iv;         // 16 (AES) or 12 (ChaCha20)
    Kdf kdf;
    // KDBX 3 only; KDBX 4 keeps these in the inner header.
    Bytes protectedStreamKey, streamStartBytes;
    InnerStream innerStream = InnerStream::None;
    std::size_t size = 0; // bytes from the signature through the End-of-header field
};

// Reads the header at the start of `file`. Errors: ErrKdbxNotKeePass, ErrKdbxKeePass1,
// ErrKdbxOldVersion, ErrKdbxNewerVersion, ErrKdbxTruncated, ErrKdbxTwofish, ErrKdbxUnknownCipher,
// ErrKdbxUnknownKdf, ErrKdbxHeaderDamaged (a field missing or of the wrong size).
[[nodiscard]] bool parseHeader(ByteView file, Header& out, Error& error);

// A KDBX 4 header (version from `h`), through End-of-header.
Bytes writeHeader4(const Header& h);

} // namespace ts::kdbx
