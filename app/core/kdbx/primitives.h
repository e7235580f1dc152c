// The cryptographic primitives KeePass files use, over mbedtls (AES, SHA-2, HMAC), the reference
// Argon2 and libsodium (ChaCha20, Salsa20). Thin wrappers: the format logic lives elsewhere.
#pragma once

#include "core/crypto/secret.h"
#include "core/kdbx/bytes.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>

namespace ts::kdbx {

using Hash32 = std::array<std::uint8_t, 32>;
using Hash64 = std::array<std::uint8_t, 64>;
using Key32 = crypto::FixedSecret<32>;
using crypto::SecretBytes;

Hash32 sha256(std::initializer_list<ByteView> parts);
Hash64 sha512(std::initializer_list<ByteView> parts);
Hash32 hmacSha256(ByteView key, std::initializer_list<ByteView> parts);

// AES-KDF: `rounds` AES-256 encryptions (key = seed) of both 16-byte halves of `key`, then SHA-256.
Key32 aesKdf(const Key32& key, ByteView seed32, std::uint64_t rounds);

enum class Argon2Type { D, Id };
// Empty when Argon2 refused the parameters or ran out of memory.
std::optional<Key32> argon2(Argon2Type type, std::uint32_t version, const Key32& password, ByteView salt,
                            std::uint64_t iterations, std::uint64_t memoryKiB, std::uint32_t lanes,
                            ByteView secret, ByteView ad);

// AES-256-CBC with PKCS#7 padding. Decryption returns false on a bad length or padding.
Bytes aesCbcEncrypt(const Key32& key, ByteView iv16, ByteView plain);
[[nodiscard]] bool aesCbcDecrypt(const Key32& key, ByteView iv16, ByteView cipher, SecretBytes& plain);
// The first `blocks` AES-256-CBC blocks decrypted (no padding check): KDBX 3.1 checks its stream start
// bytes this way before it decrypts the whole body.
void aesCbcDecryptPrefix(const Key32& key, ByteView iv16, ByteView cipher, std::uint8_t* out,
                         std::size_t blocks);

// ChaCha20 (IETF: 12-byte nonce, 32-bit block counter from 0) applied in place.
void chacha20Xor(const Key32& key, ByteView nonce12, std::span<std::uint8_t> data);

} // namespace ts::kdbx
