// What opens a KeePass file: a password, a key file, or both, combined into the composite key
// SHA-256(SHA-256(password) ‖ key-file key) that the KDF transforms.
#pragma once

#include "core/kdbx/error.h"
#include "core/kdbx/primitives.h"

#include <optional>

namespace ts::kdbx {

struct Credentials {
    std::optional<SecretBytes> password; // UTF-8; absent is not the same as empty
    std::optional<SecretBytes> keyFile;  // the key file's whole contents
};

// The 32-byte key a key file stands for, as KeePass 2 and KeePassXC read it, in this order:
//   XML <KeyFile>: version 1.0 (<Data> in base64) or 2.0 (<Data Hash="…"> in hex, checked against
//   the first 4 bytes of its SHA-256: ErrKdbxKeyFileHash); a broken <KeyFile> is ErrKdbxBadKeyFile;
//   exactly 32 bytes: used as they are; 64 hex digits: decoded; anything else: SHA-256 of the file.
[[nodiscard]] bool keyFileKey(ByteView file, Key32& out, Error& error);

// ErrKdbxNoCredentials when neither is given; the key file's own errors.
[[nodiscard]] bool compositeKey(const Credentials& creds, Key32& out, Error& error);

} // namespace ts::kdbx
