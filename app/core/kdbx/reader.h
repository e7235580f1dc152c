// Opens a .kdbx: KDBX 4.0 and 4.1 (AES-256 or ChaCha20; Argon2d, Argon2id or AES-KDF) and KDBX 3.1
// (AES-256, AES-KDF, Salsa20 inner stream, hashed block stream), gzip or not (docs/kdbx.md).
//
// The checks run in this order, each with its own Str id (error.h), so a message says what is wrong
// and costly work is never done for a file that cannot open: size (ErrKdbxTooLarge), header
// (header.h), header hash (KDBX 4, ErrKdbxHeaderHash), key file, KDF limits (ErrKdbxKdfTooCostly) —
// only then the KDF — then the key (KDBX 4: the header HMAC; KDBX 3.1: the stream start bytes:
// ErrKdbxWrongCredentials), blocks (ErrKdbxBlockHmac / ErrKdbxHashedBlock), padding
// (ErrKdbxDataDamaged), gzip (ErrKdbxBadGzip), inner header, XML (ErrKdbxBadXml), and for KDBX 3.1
// the header hash kept in the XML (ErrKdbxHeaderHash).
#pragma once

#include "core/kdbx/database.h"
#include "core/kdbx/error.h"
#include "core/kdbx/keys.h"

namespace ts::kdbx {

// Larger files are refused before anything else: 64 MiB is thousands of entries with pictures.
inline constexpr std::size_t kMaxKdbxBytes = 64u << 20;

struct FileInfo {
    std::uint16_t major = 0, minor = 0;
    std::string cipher; // "AES-256", "ChaCha20"
    std::string kdf;    // "AES-KDF", "Argon2d", "Argon2id"
};

[[nodiscard]] bool readKdbx(ByteView file, const Credentials& creds, Database& out, Error& error,
                            FileInfo* info = nullptr);

} // namespace ts::kdbx
