#include "core/kdbx/reader.h"

#include "core/kdbx/block_stream.h"
#include "core/kdbx/gzip.h"
#include "core/kdbx/header.h"
#include "core/kdbx/inner_stream.h"
#include "core/kdbx/xml.h"

#include <cstring>
#include <sodium.h>

namespace ts::kdbx {

namespace {
bool fail(Error& e, Str s) {
    e = {s, {}};
    return false;
}

Key32 cipherKey(const Header& h, const Key32& transformed) {
    Key32 k;
    const Hash32 d = sha256({h.masterSeed, transformed.view()});
    std::memcpy(k.data(), d.data(), 32);
    return k;
}

bool unzip(const Header& h, SecretBytes& payload, Error& error) {
    if (!h.gzip) return true;
    SecretBytes inflated;
    switch (gunzip(payload, inflated)) {
    case GunzipResult::Ok:
        payload.swap(inflated);
        return true;
    case GunzipResult::TooLarge:
        return fail(error, Str::ErrKdbxTooLarge);
    case GunzipResult::Bad:
        break;
    }
    return fail(error, Str::ErrKdbxBadGzip);
}

bool readKdbx4(ByteView file, const Header& h, const Key32& transformed, Database& out, Error& error) {
    Cursor c(file);
    ByteView header, storedHash, storedHmac;
    c.take(h.size, header);
    if (!c.take(32, storedHash) || !c.take(32, storedHmac)) return fail(error, Str::ErrKdbxTruncated);

    Bytes base(h.masterSeed.begin(), h.masterSeed.end());
    append(base, transformed.view());
    base.push_back(1);
    const Hash64 hmacBase = sha512({base});
    sodium_memzero(base.data(), base.size());
    const Hash32 headerHmac = hmacSha256(blockHmacKey(hmacBase, ~std::uint64_t{0}), {header});
    if (sodium_memcmp(headerHmac.data(), storedHmac.data(), 32) != 0)
        return fail(error, Str::ErrKdbxWrongCredentials);

    Bytes cipherText;
    if (!readHmacBlocks(c.rest(), hmacBase, cipherText, error)) return false;
    const Key32 key = cipherKey(h, transformed);
    SecretBytes payload;
    if (h.cipher == Cipher::Aes256) {
        if (!aesCbcDecrypt(key, h.iv, cipherText, payload)) return fail(error, Str::ErrKdbxDataDamaged);
    } else {
        payload.assign(cipherText.begin(), cipherText.end());
        chacha20Xor(key, h.iv, payload);
    }
    if (!unzip(h, payload, error)) return false;

    // The inner header: the inner stream's id and key, then the attachments pool.
    Cursor in(payload);
    std::vector<Bytes> binaries;
    std::optional<InnerStream> streamId;
    Bytes streamKey;
    for (;;) {
        std::uint64_t id = 0, len = 0;
        ByteView data;
        if (!in.le(1, id) || !in.le(4, len) || !in.take(len, data))
            return fail(error, Str::ErrKdbxDataDamaged);
        if (id == 0) break;
        if (id == 1) {
            if (data.size() != 4) return fail(error, Str::ErrKdbxDataDamaged);
            streamId = static_cast<InnerStream>(readLe(data.data(), 4));
        } else if (id == 2) {
            streamKey.assign(data.begin(), data.end());
        } else if (id == 3) {
            if (data.empty()) return fail(error, Str::ErrKdbxDataDamaged);
            binaries.emplace_back(data.begin() + 1,
                                  data.end()); // the first byte: flags (protected in memory)
        }
    }
    if (!streamId || streamKey.empty()) return fail(error, Str::ErrKdbxDataDamaged);
    InnerCipher inner;
    if (!inner.init(*streamId, streamKey)) return fail(error, Str::ErrKdbxUnknownInnerStream);
    return readXml({in.rest(), &inner, &binaries, nullptr}, out, error);
}

bool readKdbx3(ByteView file, const Header& h, const Key32& transformed, Database& out, Error& error) {
    const ByteView cipherText = file.subspan(h.size);
    if (cipherText.size() < 32 || cipherText.size() % 16 != 0) return fail(error, Str::ErrKdbxTruncated);
    const Key32 key = cipherKey(h, transformed);
    std::uint8_t start[32];
    aesCbcDecryptPrefix(key, h.iv, cipherText, start, 2);
    if (sodium_memcmp(start, h.streamStartBytes.data(), 32) != 0)
        return fail(error, Str::ErrKdbxWrongCredentials);
    SecretBytes plain;
    if (!aesCbcDecrypt(key, h.iv, cipherText, plain) || plain.size() < 32)
        return fail(error, Str::ErrKdbxDataDamaged);
    SecretBytes payload;
    if (!readHashedBlocks(ByteView(plain).subspan(32), payload, error)) return false;
    if (!unzip(h, payload, error)) return false;
    InnerCipher inner;
    if (!inner.init(h.innerStream, h.protectedStreamKey)) return fail(error, Str::ErrKdbxUnknownInnerStream);
    const Hash32 headerHash = sha256({file.first(h.size)});
    return readXml({payload, &inner, nullptr, &headerHash}, out, error);
}

const char* kdfName(KdfKind k) {
    return k == KdfKind::AesKdf ? "AES-KDF" : k == KdfKind::Argon2d ? "Argon2d" : "Argon2id";
}
} // namespace

bool readKdbx(ByteView file, const Credentials& creds, Database& out, Error& error, FileInfo* info) {
    if (file.size() > kMaxKdbxBytes) return fail(error, Str::ErrKdbxTooLarge);
    Header h;
    if (!parseHeader(file, h, error)) return false;
    if (info)
        *info = {h.major, h.minor, h.cipher == Cipher::Aes256 ? "AES-256" : "ChaCha20", kdfName(h.kdf.kind)};
    if (h.major == 4) {
        // The header's SHA-256 tells a damaged header from a wrong key, before the KDF runs.
        if (file.size() < h.size + 32) return fail(error, Str::ErrKdbxTruncated);
        const Hash32 hash = sha256({file.first(h.size)});
        if (std::memcmp(hash.data(), file.data() + h.size, 32) != 0)
            return fail(error, Str::ErrKdbxHeaderHash);
    } else if (h.innerStream != InnerStream::Salsa20 && h.innerStream != InnerStream::ChaCha20) {
        return fail(error, Str::ErrKdbxUnknownInnerStream);
    }
    Key32 composite;
    if (!compositeKey(creds, composite, error)) return false;
    if (!kdfWithinLimits(h.kdf, error)) return false;
    const std::optional<Key32> transformed = runKdf(h.kdf, composite);
    if (!transformed) return fail(error, Str::ErrKdbxKdfFailed);
    return h.major == 4 ? readKdbx4(file, h, *transformed, out, error)
                        : readKdbx3(file, h, *transformed, out, error);
}

} // namespace ts::kdbx
