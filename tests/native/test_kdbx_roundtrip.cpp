// The KDBX 4.0 writer against the reader: what is written reads back equal, in every cipher and KDF
// the writer offers, with a password, a key file or both; protected values really are encrypted.
#include "core/kdbx/reader.h"
#include "core/kdbx/writer.h"
#include "kdbx_sample.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace ts;

namespace {
kdbx::Credentials password(std::string_view p) {
    kdbx::Credentials c;
    c.password = crypto::SecretBytes(p.begin(), p.end());
    return c;
}

// Cheap parameters: the tests are about the format, not the cost.
kdbx::WriteOptions fast(kdbx::Cipher cipher, kdbx::KdfKind kdf) {
    kdbx::WriteOptions o;
    o.cipher = cipher;
    o.kdf = kdf;
    o.iterations = 1;
    o.memoryBytes = 64 * 1024;
    o.parallelism = 2;
    return o;
}

kdbx::Bytes write(const kdbx::Database& db, const kdbx::Credentials& c, const kdbx::WriteOptions& o) {
    kdbx::Bytes file;
    kdbx::Error error;
    REQUIRE(kdbx::writeKdbx(db, c, o, file, error));
    return file;
}
} // namespace

TEST_CASE("kdbx round trip: AES-256/ChaCha20 × Argon2id/Argon2d, gzip or not, reads back equal") {
    const kdbx::Database db = testing::kdbxSample();
    for (auto cipher : {kdbx::Cipher::Aes256, kdbx::Cipher::ChaCha20})
        for (auto kdf : {kdbx::KdfKind::Argon2id, kdbx::KdfKind::Argon2d})
            for (bool gzip : {true, false}) {
                CAPTURE(static_cast<int>(cipher));
                CAPTURE(static_cast<int>(kdf));
                CAPTURE(gzip);
                kdbx::WriteOptions o = fast(cipher, kdf);
                o.gzip = gzip;
                const kdbx::Bytes file = write(db, password("пароль"), o);
                kdbx::Database back;
                kdbx::Error error;
                kdbx::FileInfo info;
                REQUIRE(kdbx::readKdbx(file, password("пароль"), back, error, &info));
                CHECK(back == db);
                CHECK(info.major == 4);
                CHECK(info.minor == 0);
                CHECK(info.cipher == (cipher == kdbx::Cipher::Aes256 ? "AES-256" : "ChaCha20"));
                CHECK(info.kdf == (kdf == kdbx::KdfKind::Argon2d ? "Argon2d" : "Argon2id"));
            }
}

TEST_CASE("kdbx round trip: a key file alone, and a password with a key file") {
    const kdbx::Database db = testing::kdbxSample();
    const std::string keyFile = "<?xml version=\"1.0\"?><KeyFile><Meta><Version>1.00</Version></Meta><Key>"
                                "<Data>AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=</Data></Key></KeyFile>";
    kdbx::Credentials keyOnly;
    keyOnly.keyFile = crypto::SecretBytes(keyFile.begin(), keyFile.end());
    kdbx::Credentials both = password("пароль");
    both.keyFile = keyOnly.keyFile;
    for (const kdbx::Credentials* c : {&keyOnly, &both}) {
        const kdbx::Bytes file = write(db, *c, fast(kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2id));
        kdbx::Database back;
        kdbx::Error error;
        REQUIRE(kdbx::readKdbx(file, *c, back, error));
        CHECK(back == db);
        CHECK_FALSE(kdbx::readKdbx(file, password("пароль"), back, error));
        CHECK(error.text == Str::ErrKdbxWrongCredentials);
    }
}

TEST_CASE("kdbx writer: two files of the same database differ (fresh seed, IV, salt and stream key)") {
    const kdbx::Database db = testing::kdbxSample();
    const auto o = fast(kdbx::Cipher::ChaCha20, kdbx::KdfKind::Argon2id);
    CHECK(write(db, password("p"), o) != write(db, password("p"), o));
}

TEST_CASE("kdbx writer: parameters a reader would refuse are refused when writing too") {
    kdbx::WriteOptions o = fast(kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2id);
    o.memoryBytes = 1ull << 30; // 1 GiB: over TokenSafe's own ceiling
    kdbx::Bytes file;
    kdbx::Error error;
    CHECK_FALSE(kdbx::writeKdbx(testing::kdbxSample(), password("p"), o, file, error));
    CHECK(error.text == Str::ErrKdbxKdfTooCostly);
    o = fast(kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2id);
    o.parallelism = 0;
    CHECK_FALSE(kdbx::writeKdbx(testing::kdbxSample(), password("p"), o, file, error));
    CHECK(error.text == Str::ErrKdbxHeaderDamaged);
    CHECK_FALSE(kdbx::writeKdbx(testing::kdbxSample(), kdbx::Credentials{},
                                fast(kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2id), file, error));
    CHECK(error.text == Str::ErrKdbxNoCredentials);
}
