#include "core/kdbx/primitives.h"

#include <argon2.h>
#include <mbedtls/aes.h>
#include <mbedtls/md.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include <sodium.h>

#include <cstring>

namespace ts::kdbx {

Hash32 sha256(std::initializer_list<ByteView> parts) {
    mbedtls_sha256_context ctx;
    mbedtls_sha256_init(&ctx);
    mbedtls_sha256_starts_ret(&ctx, 0);
    for (ByteView p : parts) mbedtls_sha256_update_ret(&ctx, p.data(), p.size());
    Hash32 out;
    mbedtls_sha256_finish_ret(&ctx, out.data());
    mbedtls_sha256_free(&ctx);
    return out;
}

Hash64 sha512(std::initializer_list<ByteView> parts) {
    mbedtls_sha512_context ctx;
    mbedtls_sha512_init(&ctx);
    mbedtls_sha512_starts_ret(&ctx, 0);
    for (ByteView p : parts) mbedtls_sha512_update_ret(&ctx, p.data(), p.size());
    Hash64 out;
    mbedtls_sha512_finish_ret(&ctx, out.data());
    mbedtls_sha512_free(&ctx);
    return out;
}

Hash32 hmacSha256(ByteView key, std::initializer_list<ByteView> parts) {
    mbedtls_md_context_t ctx;
    mbedtls_md_init(&ctx);
    mbedtls_md_setup(&ctx, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1);
    mbedtls_md_hmac_starts(&ctx, key.data(), key.size());
    for (ByteView p : parts) mbedtls_md_hmac_update(&ctx, p.data(), p.size());
    Hash32 out;
    mbedtls_md_hmac_finish(&ctx, out.data());
    mbedtls_md_free(&ctx);
    return out;
}

Key32 aesKdf(const Key32& key, ByteView seed32, std::uint64_t rounds) {
    mbedtls_aes_context aes;
    mbedtls_aes_init(&aes);
    mbedtls_aes_setkey_enc(&aes, seed32.data(), 256);
    Key32 block = key;
    for (std::uint64_t i = 0; i < rounds; ++i) {
        mbedtls_aes_crypt_ecb(&aes, MBEDTLS_AES_ENCRYPT, block.data(), block.data());
        mbedtls_aes_crypt_ecb(&aes, MBEDTLS_AES_ENCRYPT, block.data() + 16, block.data() + 16);
    }
    mbedtls_aes_free(&aes);
    Hash32 h = sha256({block.view()});
    Key32 out;
    std::memcpy(out.data(), h.data(), 32);
    sodium_memzero(h.data(), h.size());
    return out;
}

std::optional<Key32> argon2(Argon2Type type, std::uint32_t version, const Key32& password, ByteView salt,
                            std::uint64_t iterations, std::uint64_t memoryKiB, std::uint32_t lanes,
                            ByteView secret, ByteView ad) {
    Key32 pwd = password; // argon2_context takes non-const pointers
    Bytes saltCopy(salt.begin(), salt.end()), secretCopy(secret.begin(), secret.end()),
        adCopy(ad.begin(), ad.end());
    Key32 out;
    argon2_context ctx{};
    ctx.out = out.data();
    ctx.outlen = 32;
    ctx.pwd = pwd.data();
    ctx.pwdlen = 32;
    ctx.salt = saltCopy.data();
    ctx.saltlen = static_cast<std::uint32_t>(saltCopy.size());
    ctx.secret = secretCopy.empty() ? nullptr : secretCopy.data();
    ctx.secretlen = static_cast<std::uint32_t>(secretCopy.size());
    ctx.ad = adCopy.empty() ? nullptr : adCopy.data();
    ctx.adlen = static_cast<std::uint32_t>(adCopy.size());
    ctx.t_cost = static_cast<std::uint32_t>(iterations);
    ctx.m_cost = static_cast<std::uint32_t>(memoryKiB);
    ctx.lanes = lanes;
    ctx.threads = 1;
    ctx.version = version;
    ctx.flags = ARGON2_DEFAULT_FLAGS;
    const int rc = argon2_ctx(&ctx, type == Argon2Type::D ? Argon2_d : Argon2_id);
    sodium_memzero(secretCopy.data(), secretCopy.size());
    if (rc != ARGON2_OK) return std::nullopt;
    return out;
}

Bytes aesCbcEncrypt(const Key32& key, ByteView iv16, ByteView plain) {
    const std::size_t pad = 16 - plain.size() % 16;
    SecretBytes padded(plain.begin(), plain.end());
    padded.insert(padded.end(), pad, static_cast<std::uint8_t>(pad));
    Bytes out(padded.size());
    std::uint8_t iv[16];
    std::memcpy(iv, iv16.data(), 16);
    mbedtls_aes_context aes;
    mbedtls_aes_init(&aes);
    mbedtls_aes_setkey_enc(&aes, key.data(), 256);
    mbedtls_aes_crypt_cbc(&aes, MBEDTLS_AES_ENCRYPT, padded.size(), iv, padded.data(), out.data());
    mbedtls_aes_free(&aes);
    return out;
}

void aesCbcDecryptPrefix(const Key32& key, ByteView iv16, ByteView cipher, std::uint8_t* out,
                         std::size_t blocks) {
    std::uint8_t iv[16];
    std::memcpy(iv, iv16.data(), 16);
    mbedtls_aes_context aes;
    mbedtls_aes_init(&aes);
    mbedtls_aes_setkey_dec(&aes, key.data(), 256);
    mbedtls_aes_crypt_cbc(&aes, MBEDTLS_AES_DECRYPT, blocks * 16, iv, cipher.data(), out);
    mbedtls_aes_free(&aes);
}

bool aesCbcDecrypt(const Key32& key, ByteView iv16, ByteView cipher, SecretBytes& plain) {
    if (cipher.empty() || cipher.size() % 16 != 0) return false;
    plain.assign(cipher.size(), 0);
    aesCbcDecryptPrefix(key, iv16, cipher, plain.data(), cipher.size() / 16);
    const std::uint8_t pad = plain.back();
    if (pad == 0 || pad > 16) return false;
    for (std::size_t i = 0; i < pad; ++i)
        if (plain[plain.size() - 1 - i] != pad) return false;
    plain.resize(plain.size() - pad);
    return true;
}

void chacha20Xor(const Key32& key, ByteView nonce12, std::span<std::uint8_t> data) {
    crypto_stream_chacha20_ietf_xor_ic(data.data(), data.data(), data.size(), nonce12.data(), 0, key.data());
}

} // namespace ts::kdbx
