// KDBX 3.1, 4.0 and 4.1 files written by kdbxweb 2.1.1 (tests/kdbx/make_kdbxweb_files.mjs, run by
// ctest before these tests into $TS_KDBX_DIR): every cipher, KDF and key-file form opens, and reads
// back as the database the script put in.
#include "core/kdbx/reader.h"
#include "core/kdbx/xml_time.h"
#include "kdbx_files.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::testing;

namespace {
const std::string kPassword = "Пароль базы: проверка 2024!";

kdbx::Database open(const std::string& name, const kdbx::Credentials& c, kdbx::FileInfo* info = nullptr) {
    const auto file = readBytes(kdbxDir() + "/" + name);
    kdbx::Database db;
    kdbx::Error error;
    const bool ok = kdbx::readKdbx(file, c, db, error, info);
    INFO(name << ": error id " << static_cast<int>(error.text) << " " << error.detail);
    REQUIRE(ok);
    return db;
}

std::int64_t t(const char* iso) {
    return *kdbx::parseIsoTime(iso);
}

// What make_kdbxweb_files.mjs's content() wrote, field by field.
void checkContent(const kdbx::Database& db) {
    CHECK(db.name == "Токены организаций");
    const kdbx::Group* org = findGroup(db.root, "ООО «Ромашка»");
    REQUIRE(org != nullptr);
    REQUIRE(org->entries.size() == 1);
    const kdbx::Entry& e = org->entries[0];
    CHECK(e.value("Title") == "Сервисы отдачи");
    CHECK(e.value("UserName") == "romashka-eis");
    CHECK(e.value("Password") == "текущий-секрет");
    CHECK(e.field("Password")->protect);
    CHECK(e.value("URL") == "https://zakupki.gov.ru/");
    CHECK(e.value("Notes") == "Первая строка\nвторая строка");
    CHECK(e.value("ИНН") == "7707083893");
    CHECK_FALSE(e.field("ИНН")->protect);
    CHECK(e.value("Токен") == "3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    CHECK(e.field("Токен")->protect);
    CHECK(e.times.expires);
    CHECK(e.times.expiry == t("2027-03-01T12:00:00Z"));
    CHECK(e.times.creation == t("2024-01-15T09:30:00Z"));
    CHECK(e.times.lastModification == t("2025-02-01T08:00:00Z"));
    REQUIRE(e.history.size() == 2);
    CHECK(e.history[0].value("Title") == "Сервисы отдачи (старый)");
    CHECK(e.history[0].value("Password") == "old-secret-1");
    CHECK_FALSE(e.history[0].times.expires);
    CHECK(e.history[0].times.lastModification == t("2024-01-15T09:30:00Z"));
    CHECK(e.history[1].value("Password") == "old-secret-2");
    CHECK(e.history[1].times.lastModification == t("2024-06-01T10:00:00Z"));
    CHECK(e.history[1].value("Токен") == "3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    REQUIRE(e.attachments.size() == 2);
    const std::vector<std::uint8_t> png = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
                                           0,    0,    0,    13,   0x49, 0x48, 0x44, 0x52};
    const std::string text = "Инструкция: ключ выдан 01.03.2025\n";
    for (const kdbx::Attachment& a : e.attachments) {
        if (a.name == "scan.png")
            CHECK(a.data == png);
        else if (a.name == "readme.txt")
            CHECK(std::string(a.data.begin(), a.data.end()) == text);
        else
            FAIL("unexpected attachment " << a.name);
    }
    const kdbx::Group* oais = findGroup(*org, "ОАИС");
    REQUIRE(oais != nullptr);
    REQUIRE(oais->entries.size() == 1);
    CHECK(oais->entries[0].value("Title") == "TPSClient");
    CHECK(oais->entries[0].value("Password").empty());
    CHECK(oais->entries[0].field("Password")->protect);
    CHECK(oais->entries[0].times.creation == t("2023-12-31T23:59:59Z"));
}
} // namespace

TEST_CASE("kdbxweb: KDBX 4.0 AES-256 + Argon2d opens with its password and reads back field by field") {
    kdbx::FileInfo info;
    checkContent(open("k40-aes-argon2d.kdbx", creds(kPassword), &info));
    CHECK(info.major == 4);
    CHECK(info.minor == 0);
    CHECK(info.cipher == "AES-256");
    CHECK(info.kdf == "Argon2d");
}

TEST_CASE("kdbxweb: KDBX 4.1 ChaCha20 + Argon2id and ChaCha20 + Argon2d") {
    kdbx::FileInfo info;
    checkContent(open("k41-chacha20-argon2id.kdbx", creds(kPassword), &info));
    CHECK(info.minor == 1);
    CHECK(info.cipher == "ChaCha20");
    CHECK(info.kdf == "Argon2id");
    checkContent(open("k41-chacha20-argon2d.kdbx", creds(kPassword), &info));
    CHECK(info.kdf == "Argon2d");
}

TEST_CASE("kdbxweb: KDBX 4.0 with AES-KDF") {
    kdbx::FileInfo info;
    checkContent(open("k40-aes-aeskdf.kdbx", creds(kPassword), &info));
    CHECK(info.kdf == "AES-KDF");
}

TEST_CASE("kdbxweb: KDBX 3.1 (AES-KDF, Salsa20 inner stream, hashed blocks), with a password and with a v2 "
          "key file") {
    kdbx::FileInfo info;
    checkContent(open("k31-aes-aeskdf.kdbx", creds(kPassword), &info));
    CHECK(info.major == 3);
    CHECK(info.minor == 1);
    checkContent(open("k31-pw-key-v2.kdbx", creds(kPassword, kdbxDir() + "/key-v2.keyx")));
}

TEST_CASE(
    "kdbxweb: every key file form — XML v1 alone, XML v2, 32 raw bytes, 64 hex digits, any other file") {
    const std::string d = kdbxDir() + "/";
    checkContent(open("k40-key-v1-only.kdbx", creds(std::nullopt, d + "key-v1.key")));
    checkContent(open("k40-pw-key-v2.kdbx", creds(kPassword, d + "key-v2.keyx")));
    checkContent(open("k40-pw-key-raw32.kdbx", creds(kPassword, d + "key-raw32.key")));
    checkContent(open("k40-pw-key-hex64.kdbx", creds(kPassword, d + "key-hex64.key")));
    checkContent(open("k41-pw-key-other.kdbx", creds(kPassword, d + "key-other.txt")));
}

TEST_CASE("kdbxweb: a wrong password, a missing key file or the wrong key file is ErrKdbxWrongCredentials") {
    const std::string d = kdbxDir() + "/";
    const auto expectWrong = [&](const std::string& name, const kdbx::Credentials& c) {
        const auto file = readBytes(d + name);
        kdbx::Database db;
        kdbx::Error error;
        CHECK_FALSE(kdbx::readKdbx(file, c, db, error));
        CHECK(error.text == Str::ErrKdbxWrongCredentials);
    };
    expectWrong("k40-aes-argon2d.kdbx", creds("wrong"));
    expectWrong("k41-chacha20-argon2id.kdbx", creds(kPassword + " "));
    expectWrong("k31-aes-aeskdf.kdbx", creds("wrong"));
    expectWrong("k40-pw-key-v2.kdbx", creds(kPassword));                   // key file missing
    expectWrong("k40-pw-key-v2.kdbx", creds(kPassword, d + "key-v1.key")); // another key file
    expectWrong("k40-key-v1-only.kdbx", creds("", d + "key-v1.key"));      // an empty password is a password
    expectWrong("k31-pw-key-v2.kdbx", creds(kPassword, d + "key-raw32.key"));
}

TEST_CASE("kdbxweb: a v2 key file whose key was mistyped fails its hash check with its own message") {
    auto key = readBytes(kdbxDir() + "/key-v2.keyx");
    std::string s(key.begin(), key.end());
    const auto pos = s.find("\">") + 2;
    std::size_t hexAt = s.find_first_of("0123456789ABCDEF", pos);
    s[hexAt] = s[hexAt] == 'A' ? 'B' : 'A';
    kdbx::Credentials c = creds(kPassword);
    c.keyFile = secret(s);
    const auto file = readBytes(kdbxDir() + "/k40-pw-key-v2.kdbx");
    kdbx::Database db;
    kdbx::Error error;
    CHECK_FALSE(kdbx::readKdbx(file, c, db, error));
    CHECK(error.text == Str::ErrKdbxKeyFileHash);
}
