// Every bad KeePass file gets its own error, and no input crashes the reader. Damaged files are made
// from one the writer wrote: patched where the case needs it, then re-sealed (header hash, header
// HMAC, block HMACs recomputed with the right key) so that only the damage under test remains.
#include "core/kdbx/block_stream.h"
#include "core/kdbx/gzip.h"
#include "core/kdbx/header.h"
#include "core/kdbx/keys.h"
#include "core/kdbx/reader.h"
#include "core/kdbx/writer.h"
#include "core/kdbx/xml.h"
#include "kdbx_sample.h"

#include <algorithm>
#include <cstring>
#include <doctest/doctest.h>
#include <string>

using namespace ts;

namespace {
kdbx::Credentials pw() {
    kdbx::Credentials c;
    const std::string p = "пароль";
    c.password = crypto::SecretBytes(p.begin(), p.end());
    return c;
}

kdbx::Bytes sample(kdbx::Cipher cipher = kdbx::Cipher::Aes256, bool gzip = true) {
    kdbx::WriteOptions o;
    o.cipher = cipher;
    o.iterations = 1;
    o.memoryBytes = 64 * 1024;
    o.gzip = gzip;
    kdbx::Bytes file;
    kdbx::Error error;
    REQUIRE(kdbx::writeKdbx(testing::kdbxSample(), pw(), o, file, error));
    return file;
}

kdbx::Error readError(const kdbx::Bytes& file, const kdbx::Credentials& c = pw()) {
    kdbx::Database db;
    kdbx::Error error;
    CHECK_FALSE(kdbx::readKdbx(file, c, db, error));
    return error;
}

std::size_t find(const kdbx::Bytes& hay, kdbx::ByteView needle) {
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end());
    REQUIRE(it != hay.end());
    return static_cast<std::size_t>(it - hay.begin());
}

// A KDBX 4 file taken apart with the right key, to be damaged and put back together.
struct Opened {
    kdbx::Header h;
    kdbx::Hash64 hmacBase{};
    kdbx::Key32 key;
    kdbx::Bytes header;
    kdbx::Bytes payload; // decrypted, still compressed if the header says so

    explicit Opened(const kdbx::Bytes& file) {
        kdbx::Error error;
        REQUIRE(kdbx::parseHeader(file, h, error));
        header.assign(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(h.size));
        kdbx::Key32 composite;
        REQUIRE(kdbx::compositeKey(pw(), composite, error));
        const auto transformed = kdbx::runKdf(h.kdf, composite);
        REQUIRE(transformed);
        kdbx::Bytes base = h.masterSeed;
        kdbx::append(base, transformed->view());
        base.push_back(1);
        hmacBase = kdbx::sha512({base});
        const kdbx::Hash32 k = kdbx::sha256({h.masterSeed, transformed->view()});
        std::memcpy(key.data(), k.data(), 32);
        kdbx::Bytes cipherText;
        REQUIRE(kdbx::readHmacBlocks(kdbx::ByteView(file).subspan(h.size + 64), hmacBase, cipherText, error));
        if (h.cipher == kdbx::Cipher::Aes256) {
            crypto::SecretBytes plain;
            REQUIRE(kdbx::aesCbcDecrypt(key, h.iv, cipherText, plain));
            payload.assign(plain.begin(), plain.end());
        } else {
            payload = cipherText;
            kdbx::chacha20Xor(key, h.iv, payload);
        }
    }

    kdbx::Bytes seal() const {
        kdbx::Bytes cipherText;
        if (h.cipher == kdbx::Cipher::Aes256) {
            cipherText = kdbx::aesCbcEncrypt(key, h.iv, payload);
        } else {
            cipherText = payload;
            kdbx::chacha20Xor(key, h.iv, cipherText);
        }
        kdbx::Bytes out = header;
        kdbx::append(out, kdbx::sha256({header}));
        kdbx::append(out, kdbx::hmacSha256(kdbx::blockHmacKey(hmacBase, ~std::uint64_t{0}), {header}));
        kdbx::append(out, kdbx::writeHmacBlocks(cipherText, hmacBase));
        return out;
    }

    // The inner header's length, for damage to the XML after it.
    std::size_t innerHeaderSize() const {
        std::size_t pos = 0;
        for (;;) {
            const std::uint8_t id = payload[pos];
            const auto len = static_cast<std::size_t>(kdbx::readLe(&payload[pos + 1], 4));
            pos += 5 + len;
            if (id == 0) return pos;
        }
    }
};

kdbx::Bytes uuidBytes(const kdbx::Uuid& u) {
    return kdbx::Bytes(u.begin(), u.end());
}

// The header's SHA-256 recomputed after a patch, so the reader gets past it to what is tested.
void fixHeaderHash(kdbx::Bytes& file) {
    kdbx::Header h;
    kdbx::Error error;
    REQUIRE(kdbx::parseHeader(file, h, error));
    const kdbx::Hash32 hash = kdbx::sha256({kdbx::ByteView(file).first(h.size)});
    std::copy(hash.begin(), hash.end(), file.begin() + static_cast<std::ptrdiff_t>(h.size));
}
} // namespace

TEST_CASE("kdbx errors: not a KeePass file, KeePass 1, too old, too new") {
    CHECK(readError({}).text == Str::ErrKdbxNotKeePass);
    const std::string text = "Title,Username,Password\nx,y,z\n";
    CHECK(readError(kdbx::Bytes(text.begin(), text.end())).text == Str::ErrKdbxNotKeePass);
    kdbx::Bytes file = sample();
    kdbx::Bytes other = file;
    other[4] = 0x65; // signature 2 of KeePass 1.x (.kdb)
    CHECK(readError(other).text == Str::ErrKdbxKeePass1);
    other = file;
    other[4] = 0x66; // KeePass 2 pre-release
    CHECK(readError(other).text == Str::ErrKdbxOldVersion);
    other = file;
    other[10] = 2; // major version 2
    CHECK(readError(other).text == Str::ErrKdbxOldVersion);
    other = file;
    other[10] = 5; // major version 5
    CHECK(readError(other).text == Str::ErrKdbxNewerVersion);
    other = file;
    other[0] ^= 1;
    CHECK(readError(other).text == Str::ErrKdbxNotKeePass);
}

TEST_CASE("kdbx errors: Twofish is named, another unknown cipher or KDF comes with its UUID") {
    const kdbx::Bytes file = sample();
    kdbx::Bytes other = file;
    const std::size_t at = find(file, uuidBytes(kdbx::kCipherAes256));
    std::copy(kdbx::kCipherTwofish.begin(), kdbx::kCipherTwofish.end(),
              other.begin() + static_cast<std::ptrdiff_t>(at));
    CHECK(readError(other).text == Str::ErrKdbxTwofish);
    other[at] = 0x01;
    const kdbx::Error e = readError(other);
    CHECK(e.text == Str::ErrKdbxUnknownCipher);
    CHECK(e.detail == "0168f29f-576f-4bb9-a36a-d47af965346c");

    other = file;
    const std::size_t kdfAt = find(file, uuidBytes(kdbx::kKdfArgon2id));
    other[kdfAt] = 0x00;
    const kdbx::Error k = readError(other);
    CHECK(k.text == Str::ErrKdbxUnknownKdf);
    CHECK(k.detail == "00298b19-56db-4773-b23d-fc3ec6f0a1e6");
}

TEST_CASE(
    "kdbx errors: a changed header fails its hash before any KDF; a missing field is a damaged header") {
    kdbx::Bytes file = sample();
    kdbx::Header h;
    kdbx::Error error;
    REQUIRE(kdbx::parseHeader(file, h, error));
    const std::size_t seedAt = find(file, h.masterSeed);
    file[seedAt] ^= 0x80;
    CHECK(readError(file).text == Str::ErrKdbxHeaderHash);
    file[seedAt] ^= 0x80;
    file[h.size + 5] ^= 1; // the stored hash itself
    CHECK(readError(file).text == Str::ErrKdbxHeaderHash);

    // A header without its master seed.
    kdbx::Header partial = h;
    partial.masterSeed.clear();
    kdbx::Bytes bad = kdbx::writeHeader4(partial);
    CHECK_FALSE(kdbx::parseHeader(bad, h, error));
    CHECK(error.text == Str::ErrKdbxHeaderDamaged);
}

TEST_CASE("kdbx errors: wrong password, and a header HMAC that does not match is the same to the user") {
    CHECK(readError(sample(),
                    [] {
                        kdbx::Credentials c;
                        c.password = crypto::SecretBytes{'x'};
                        return c;
                    }())
              .text == Str::ErrKdbxWrongCredentials);
    CHECK(readError(sample(), kdbx::Credentials{}).text == Str::ErrKdbxNoCredentials);
}

TEST_CASE("kdbx errors: absurd KDF parameters are refused before the KDF runs") {
    kdbx::Bytes file = sample();
    kdbx::Header h;
    kdbx::Error error;
    REQUIRE(kdbx::parseHeader(file, h, error));
    // Argon2 memory "M" as 16 GiB: found by its little-endian value in the KDF dictionary.
    kdbx::Bytes m;
    kdbx::appendLe(m, 64 * 1024, 8);
    const std::size_t at = find(file, m);
    kdbx::Bytes huge;
    kdbx::appendLe(huge, 16ull << 30, 8);
    std::copy(huge.begin(), huge.end(), file.begin() + static_cast<std::ptrdiff_t>(at));
    fixHeaderHash(file);
    CHECK(readError(file).text == Str::ErrKdbxKdfTooCostly);

    // Iterations "I" over 12 passes.
    file = sample();
    kdbx::Bytes one;
    kdbx::appendLe(one, 1, 8);
    const std::size_t iAt = find(file, kdbx::Bytes{'I', 8, 0, 0, 0}) + 5;
    REQUIRE(std::equal(one.begin(), one.end(), file.begin() + static_cast<std::ptrdiff_t>(iAt)));
    file[iAt] = 13;
    fixHeaderHash(file);
    CHECK(readError(file).text == Str::ErrKdbxKdfTooCostly);

    // AES-KDF rounds over the cap, in a KDBX 4 header of its own.
    kdbx::Header aes = h;
    aes.kdf = {};
    aes.kdf.kind = kdbx::KdfKind::AesKdf;
    aes.kdf.salt.assign(32, 7);
    aes.kdf.rounds = kdbx::kMaxAesKdfRounds + 1;
    kdbx::Bytes aesFile = kdbx::writeHeader4(aes);
    kdbx::append(aesFile, kdbx::sha256({aesFile}));
    aesFile.insert(aesFile.end(), 32 + 36, 0);
    CHECK(readError(aesFile).text == Str::ErrKdbxKdfTooCostly);
    aes.kdf.rounds = kdbx::kMaxAesKdfRounds;
    kdbx::Error ok;
    CHECK(kdbx::kdfWithinLimits(aes.kdf, ok));
}

TEST_CASE("kdbx errors: a changed block fails its HMAC; a KDBX 3.1 hashed block that does not match fails "
          "its hash") {
    kdbx::Bytes file = sample();
    kdbx::Header h;
    kdbx::Error error;
    REQUIRE(kdbx::parseHeader(file, h, error));
    file[h.size + 64 + 32 + 4 + 10] ^= 1;
    CHECK(readError(file).text == Str::ErrKdbxBlockHmac);

    const kdbx::Bytes data(3000, 0x41);
    kdbx::Bytes blocks = kdbx::writeHashedBlocks(data, 1024);
    crypto::SecretBytes out;
    REQUIRE(kdbx::readHashedBlocks(blocks, out, error));
    CHECK(kdbx::Bytes(out.begin(), out.end()) == data);
    blocks[40 + 1024 + 40 + 7] ^= 1; // inside the second block's data
    CHECK_FALSE(kdbx::readHashedBlocks(blocks, out, error));
    CHECK(error.text == Str::ErrKdbxHashedBlock);
}

TEST_CASE("kdbx errors: bad gzip, bad XML, a damaged inner header, an unknown inner stream") {
    {
        Opened o(sample(kdbx::Cipher::ChaCha20, false));
        o.header[find(o.header, kdbx::Bytes{3, 4, 0, 0, 0}) + 5] = 1; // CompressionFlags: gzip
        CHECK(readError(o.seal()).text == Str::ErrKdbxBadGzip);
    }
    {
        Opened o(sample(kdbx::Cipher::Aes256, false));
        const std::string root = "<Root>";
        const std::size_t at = find(o.payload, kdbx::Bytes(root.begin(), root.end()));
        o.payload[at + 2] = 'x';
        CHECK(readError(o.seal()).text == Str::ErrKdbxBadXml);
        o.payload.resize(o.payload.size() - 20); // cut inside the XML
        CHECK(readError(o.seal()).text == Str::ErrKdbxBadXml);
    }
    {
        Opened o(sample(kdbx::Cipher::ChaCha20, false));
        o.payload.resize(3);
        CHECK(readError(o.seal()).text == Str::ErrKdbxDataDamaged);
    }
    {
        Opened o(sample(kdbx::Cipher::ChaCha20, false));
        REQUIRE(o.payload[0] == 1);
        o.payload[5] = 1; // inner stream id 1: ArcFour
        CHECK(readError(o.seal()).text == Str::ErrKdbxUnknownInnerStream);
    }
    {
        Opened o(sample(kdbx::Cipher::Aes256, true));
        o.payload.resize(o.payload.size() / 2); // gzip cut in half
        CHECK(readError(o.seal()).text == Str::ErrKdbxBadGzip);
    }
}

TEST_CASE("kdbx errors: groups nested deeper than kMaxGroupDepth are refused, not recursed into") {
    std::string xml = "<KeePassFile><Root>";
    for (int i = 0; i < kdbx::kMaxGroupDepth + 1; ++i) xml += "<Group><Name>g</Name>";
    for (int i = 0; i < kdbx::kMaxGroupDepth + 1; ++i) xml += "</Group>";
    xml += "</Root></KeePassFile>";
    kdbx::InnerCipher cipher;
    REQUIRE(cipher.init(kdbx::InnerStream::ChaCha20, kdbx::Bytes(64, 1)));
    std::vector<kdbx::Bytes> binaries;
    kdbx::Database db;
    kdbx::Error error;
    const auto bytes = [](const std::string& s) {
        return kdbx::ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    };
    CHECK_FALSE(kdbx::readXml({bytes(xml), &cipher, &binaries, nullptr}, db, error));
    CHECK(error.text == Str::ErrKdbxBadXml);
    const std::string ok =
        "<KeePassFile><Root><Group><Name>g</Name><Group><Name>h</Name></Group></Group></Root></KeePassFile>";
    CHECK(kdbx::readXml({bytes(ok), &cipher, &binaries, nullptr}, db, error));
    CHECK(db.root.groups.at(0).name == "h");
}

TEST_CASE("kdbx errors: a file over 64 MiB is refused before it is parsed") {
    kdbx::Bytes big(kdbx::kMaxKdbxBytes + 1, 0);
    CHECK(readError(big).text == Str::ErrKdbxTooLarge);
}

TEST_CASE("kdbx errors: a truncated file at every length is an error, never a crash") {
    for (kdbx::Cipher cipher : {kdbx::Cipher::Aes256, kdbx::Cipher::ChaCha20}) {
        const kdbx::Bytes file = sample(cipher);
        for (std::size_t n = 0; n < file.size(); ++n) {
            CAPTURE(n);
            const kdbx::Bytes cut(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(n));
            const kdbx::Error e = readError(cut);
            if (n == 0)
                CHECK(e.text == Str::ErrKdbxNotKeePass);
            else
                CHECK(e.text == Str::ErrKdbxTruncated);
        }
    }
}

TEST_CASE("kdbx key files: a broken XML key file and a v2 hash mismatch have their own errors") {
    kdbx::Key32 key;
    kdbx::Error error;
    const std::string v1bad =
        "<KeyFile><Meta><Version>1.00</Version></Meta><Key><Data>not base64!</Data></Key></KeyFile>";
    CHECK_FALSE(kdbx::keyFileKey(
        kdbx::ByteView(reinterpret_cast<const std::uint8_t*>(v1bad.data()), v1bad.size()), key, error));
    CHECK(error.text == Str::ErrKdbxBadKeyFile);
    const std::string v2 =
        "<KeyFile><Meta><Version>2.0</Version></Meta><Key><Data Hash=\"00000000\">"
        "00010203 04050607 08090A0B 0C0D0E0F 10111213 14151617 18191A1B 1C1D1E1F</Data></Key></KeyFile>";
    CHECK_FALSE(kdbx::keyFileKey(kdbx::ByteView(reinterpret_cast<const std::uint8_t*>(v2.data()), v2.size()),
                                 key, error));
    CHECK(error.text == Str::ErrKdbxKeyFileHash);
    // 32 raw bytes are the key; 64 hex digits are decoded; anything else is hashed.
    kdbx::Bytes raw(32);
    for (std::size_t i = 0; i < 32; ++i) raw[i] = static_cast<std::uint8_t>(i * 7);
    REQUIRE(kdbx::keyFileKey(raw, key, error));
    CHECK(std::equal(raw.begin(), raw.end(), key.data()));
    const std::string hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    REQUIRE(
        kdbx::keyFileKey(kdbx::ByteView(reinterpret_cast<const std::uint8_t*>(hex.data()), 64), key, error));
    CHECK(key.data()[31] == 0x1f);
    const kdbx::Bytes other = {'a', 'b', 'c'};
    REQUIRE(kdbx::keyFileKey(other, key, error));
    // SHA-256("abc")
    CHECK(key.data()[0] == 0xba);
    CHECK(key.data()[31] == 0xad);
}

namespace {
// A KDBX 3.1 file made by hand: header fields with 16-bit lengths, AES-KDF (1 round) over the password
// "пароль", then `plain` encrypted as the body. The stream start bytes are the first 32 bytes of `plain`
// as padded, so the key check passes and what comes after it is what is tested.
kdbx::Bytes kdbx31(const kdbx::Bytes& plain) {
    const kdbx::Bytes seed(32, 5), transformSeed(32, 6), iv(16, 7), streamKey(32, 8);
    kdbx::Bytes padded = plain;
    padded.insert(padded.end(), 16 - plain.size() % 16, static_cast<std::uint8_t>(16 - plain.size() % 16));
    kdbx::Bytes out;
    kdbx::appendLe(out, kdbx::kSignature1, 4);
    kdbx::appendLe(out, kdbx::kSignature2, 4);
    kdbx::appendLe(out, 0x00030001, 4);
    const auto field = [&](std::uint8_t id, const kdbx::Bytes& data) {
        out.push_back(id);
        kdbx::appendLe(out, data.size(), 2);
        kdbx::append(out, data);
    };
    field(2, uuidBytes(kdbx::kCipherAes256));
    field(3, {0, 0, 0, 0});
    field(4, seed);
    field(5, transformSeed);
    kdbx::Bytes rounds;
    kdbx::appendLe(rounds, 1, 8);
    field(6, rounds);
    field(7, iv);
    field(8, streamKey);
    field(9, kdbx::Bytes(padded.begin(), padded.begin() + 32));
    field(10, {2, 0, 0, 0});
    field(0, {'\r', '\n', '\r', '\n'});
    kdbx::Key32 composite;
    kdbx::Error error;
    REQUIRE(kdbx::compositeKey(pw(), composite, error));
    const kdbx::Key32 transformed = kdbx::aesKdf(composite, transformSeed, 1);
    kdbx::Key32 key;
    const kdbx::Hash32 k = kdbx::sha256({seed, transformed.view()});
    std::memcpy(key.data(), k.data(), 32);
    kdbx::append(out, kdbx::aesCbcEncrypt(key, iv, plain));
    return out;
}
} // namespace

TEST_CASE("kdbx errors: KDBX 3.1 — a body shorter than its start bytes, a broken hashed block, bad XML") {
    // 16 bytes of body: the start bytes check passes on 32 decrypted bytes, 16 of them padding.
    CHECK(readError(kdbx31(kdbx::Bytes(16, 0x10))).text == Str::ErrKdbxDataDamaged);

    kdbx::Bytes body(32, 0xAB);
    const std::string xml = "<KeePassFile><Root><Group><Name>g</Name></Group></Root></KeePassFile>";
    kdbx::Bytes blocks = kdbx::writeHashedBlocks(
        kdbx::ByteView(reinterpret_cast<const std::uint8_t*>(xml.data()), xml.size()));
    kdbx::Bytes good = body;
    kdbx::append(good, blocks);
    kdbx::Database db;
    kdbx::Error error;
    REQUIRE(kdbx::readKdbx(kdbx31(good), pw(), db, error));
    CHECK(db.root.name == "g");

    kdbx::Bytes broken = good;
    broken[32 + 40 + 3] ^= 1; // a byte of the first block's data
    CHECK(readError(kdbx31(broken)).text == Str::ErrKdbxHashedBlock);

    const std::string notXml = "<KeePassFile><Root>";
    kdbx::Bytes bad = body;
    kdbx::append(bad, kdbx::writeHashedBlocks(kdbx::ByteView(
                          reinterpret_cast<const std::uint8_t*>(notXml.data()), notXml.size())));
    CHECK(readError(kdbx31(bad)).text == Str::ErrKdbxBadXml);

    kdbx::Bytes cut = good;
    cut.resize(cut.size() - 20); // the end marker and part of the data gone
    CHECK(readError(kdbx31(cut)).text == Str::ErrKdbxTruncated);
}

TEST_CASE("kdbx writer: protected values are not in the decrypted XML in plain text, unprotected ones are") {
    Opened o(sample(kdbx::Cipher::ChaCha20, false));
    const std::string payload(o.payload.begin(), o.payload.end());
    CHECK(payload.find("<Key>Токен</Key>") != std::string::npos);
    CHECK(payload.find("3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6") == std::string::npos);
    CHECK(payload.find("первый") == std::string::npos); // a history item's password
    CHECK(payload.find("<Value Protected=\"True\">") != std::string::npos);
    CHECK(payload.find("7707083893") != std::string::npos);
}
