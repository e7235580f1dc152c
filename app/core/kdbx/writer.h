// Writes a KDBX 4.0 file that KeePassXC, KeePass 2 and KeeWeb open: AES-256 or ChaCha20, Argon2id or
// Argon2d with the caller's parameters, gzip, protected values through the inner ChaCha20 stream.
#pragma once

#include "core/kdbx/database.h"
#include "core/kdbx/error.h"
#include "core/kdbx/header.h"
#include "core/kdbx/keys.h"

namespace ts::kdbx {

struct WriteOptions {
    Cipher cipher = Cipher::Aes256;
    KdfKind kdf = KdfKind::Argon2id; // Argon2d or Argon2id (AES-KDF is not offered for new files)
    std::uint64_t iterations = 3;
    std::uint64_t memoryBytes = 64ull << 20;
    std::uint32_t parallelism = 2;
    bool gzip = true;
};

// Errors: ErrKdbxNoCredentials and the key file's errors (keys.h), ErrKdbxKdfTooCostly or
// ErrKdbxHeaderDamaged for parameters a reader would refuse, ErrKdbxKdfFailed (out of memory).
[[nodiscard]] bool writeKdbx(const Database& db, const Credentials& creds, const WriteOptions& options,
                             Bytes& out, Error& error);

} // namespace ts::kdbx
