#include "core/kdbx/writer.h"

#include "core/crypto/crypto.h"
#include "core/kdbx/block_stream.h"
#include "core/kdbx/gzip.h"
#include "core/kdbx/inner_stream.h"
#include "core/kdbx/xml.h"

#include <cstring>
#include <sodium.h>

namespace ts::kdbx {

namespace {
Bytes random(std::size_t n) {
    Bytes b(n);
    crypto::randomBytes(b);
    return b;
}

void innerField(SecretBytes& out, std::uint8_t id, ByteView data) {
    out.push_back(id);
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(data.size() >> (8 * i)));
    out.insert(out.end(), data.begin(), data.end());
}
} // namespace

bool writeKdbx(const Database& db, const Credentials& creds, const WriteOptions& options, Bytes& out,
               Error& error) {
    Header h;
    h.major = 4;
    h.minor = 0;
    h.cipher = options.cipher;
    h.gzip = options.gzip;
    h.masterSeed = random(32);
    h.iv = random(options.cipher == Cipher::ChaCha20 ? 12 : 16);
    h.kdf.kind = options.kdf == KdfKind::Argon2d ? KdfKind::Argon2d : KdfKind::Argon2id;
    h.kdf.salt = random(32);
    h.kdf.iterations = options.iterations;
    h.kdf.memoryBytes = options.memoryBytes;
    h.kdf.parallelism = options.parallelism;
    h.kdf.version = 0x13;
    if (!kdfWithinLimits(h.kdf, error)) return false;

    Key32 composite;
    if (!compositeKey(creds, composite, error)) return false;
    const std::optional<Key32> transformed = runKdf(h.kdf, composite);
    if (!transformed) {
        error = {Str::ErrKdbxKdfFailed, {}};
        return false;
    }

    const Bytes header = writeHeader4(h);
    Bytes base(h.masterSeed.begin(), h.masterSeed.end());
    append(base, transformed->view());
    base.push_back(1);
    const Hash64 hmacBase = sha512({base});
    sodium_memzero(base.data(), base.size());
    Key32 key;
    const Hash32 k = sha256({h.masterSeed, transformed->view()});
    std::memcpy(key.data(), k.data(), 32);

    // The inner header, then the XML; protected values use a fresh 64-byte ChaCha20 key.
    Bytes streamKey = random(64);
    InnerCipher inner;
    (void)inner.init(InnerStream::ChaCha20, streamKey);
    std::vector<Bytes> binaries;
    std::string xml = writeXml(db, inner, binaries);
    SecretBytes payload;
    Bytes id;
    appendLe(id, static_cast<std::uint32_t>(InnerStream::ChaCha20), 4);
    innerField(payload, 1, id);
    innerField(payload, 2, streamKey);
    sodium_memzero(streamKey.data(), streamKey.size());
    for (const Bytes& b : binaries) {
        SecretBytes flagged{0x00};
        flagged.insert(flagged.end(), b.begin(), b.end());
        innerField(payload, 3, flagged);
    }
    innerField(payload, 0, {});
    payload.insert(payload.end(), xml.begin(), xml.end());
    crypto::wipeString(xml);
    if (options.gzip) {
        Bytes z = gzip(payload);
        payload.assign(z.begin(), z.end());
        sodium_memzero(z.data(), z.size());
    }

    Bytes cipherText;
    if (options.cipher == Cipher::Aes256) {
        cipherText = aesCbcEncrypt(key, h.iv, payload);
    } else {
        cipherText.assign(payload.begin(), payload.end());
        chacha20Xor(key, h.iv, cipherText);
    }

    out = header;
    append(out, sha256({header}));
    append(out, hmacSha256(blockHmacKey(hmacBase, ~std::uint64_t{0}), {header}));
    append(out, writeHmacBlocks(cipherText, hmacBase));
    return true;
}

} // namespace ts::kdbx
