// keepassxc-cli (Debian's keepassxc 2.7.4) as the oracle: its KDBX 3.1 file (imported from
// tests/kdbx/keepass-sample.xml by a ctest fixture) reads back with every field, date, history item
// and attachment; and every file TokenSafe writes opens in it — `ls`, `show` with attributes, and
// `export --format xml` compared field by field, date by date, history item by history item.
#include "../kdbx_sample.h"
#include "core/kdbx/codec.h"
#include "core/kdbx/header.h"
#include "core/kdbx/reader.h"
#include "core/kdbx/writer.h"
#include "core/kdbx/xml.h"
#include "core/kdbx/xml_time.h"
#include "kdbx_files.h"

#include <algorithm>
#include <cstdio>
#include <doctest/doctest.h>
#include <pugixml.hpp>
#include <sstream>

using namespace ts;
using namespace ts::testing;

namespace {
std::int64_t t(const char* iso) {
    return *kdbx::parseIsoTime(iso);
}

// keepassxc-cli with the password on stdin (and a key file), its stderr (the prompts) dropped.
std::string cli(const std::string& args, const std::optional<std::string>& password,
                const std::optional<std::string>& keyFile, int& status) {
    std::string cmd;
    if (password) cmd = "printf '%s\\n' " + shellQuote(*password) + " | ";
    cmd += "keepassxc-cli " + args;
    if (keyFile) cmd += " -k " + shellQuote(*keyFile);
    if (!password) cmd += " --no-password";
    return run(cmd + " 2>/dev/null", status);
}

// KeePassXC keeps fields and attachments in maps: compare them in one order. It also gives every entry
// KeePass's five standard fields, empty when the file had none.
void normalize(kdbx::Entry& e) {
    for (const char* key : {"Title", "UserName", "Password", "URL", "Notes"})
        if (!e.field(key)) e.set(key, "", std::string_view(key) == "Password");
    std::sort(e.fields.begin(), e.fields.end(), [](auto& a, auto& b) { return a.key < b.key; });
    std::sort(e.attachments.begin(), e.attachments.end(), [](auto& a, auto& b) { return a.name < b.name; });
    for (kdbx::Entry& h : e.history) normalize(h);
}
void normalize(kdbx::Group& g) {
    for (kdbx::Entry& e : g.entries) normalize(e);
    for (kdbx::Group& sub : g.groups) normalize(sub);
}

kdbx::Database exported(const std::string& file, const std::optional<std::string>& password,
                        const std::optional<std::string>& keyFile) {
    int status = 0;
    const std::string xml = cli("export -f xml " + shellQuote(file), password, keyFile, status);
    REQUIRE_MESSAGE(status == 0, "keepassxc-cli export failed on " << file);
    // A KDBX 4 database exports its attachments nowhere (they live in the inner header, not in the XML):
    // the references are dropped here and the attachments compared through `attachment-export`.
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
    std::vector<pugi::xml_node> refs;
    const auto collect = [&](auto& self, pugi::xml_node n) -> void {
        for (pugi::xml_node c : n.children()) {
            if (std::string_view(c.name()) == "Binary" && std::string_view(n.name()) == "Entry")
                refs.push_back(c);
            else
                self(self, c);
        }
    };
    collect(collect, doc);
    for (pugi::xml_node n : refs) n.parent().remove_child(n);
    std::ostringstream stripped;
    doc.save(stripped, "\t", pugi::format_raw);
    const std::string text = stripped.str();
    kdbx::Database db;
    kdbx::Error error;
    const kdbx::ByteView bytes(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    const bool ok = kdbx::readXml({bytes, nullptr, nullptr, nullptr}, db, error);
    INFO("error id " << static_cast<int>(error.text));
    REQUIRE(ok);
    return db;
}

// Through a file: `--stdout` passes the bytes through a text stream, which mangles binary data.
std::vector<std::uint8_t> attachment(const std::string& file, const std::string& entry,
                                     const std::string& name, const std::optional<std::string>& password,
                                     const std::optional<std::string>& keyFile) {
    const std::string out = file + ".attachment";
    std::remove(out.c_str());
    int status = 0;
    cli("attachment-export " + shellQuote(file) + " " + shellQuote(entry) + " " + shellQuote(name) + " " +
            shellQuote(out),
        password, keyFile, status);
    CHECK(status == 0);
    return readBytes(out);
}

void checkWrittenOpensInKeePassXc(const std::string& name, kdbx::Cipher cipher, kdbx::KdfKind kdf,
                                  const std::optional<std::string>& password,
                                  const std::optional<std::string>& keyFile) {
    kdbx::Database db = kdbxSample();
    kdbx::WriteOptions o;
    o.cipher = cipher;
    o.kdf = kdf;
    o.iterations = 2;
    o.memoryBytes = 1 << 20;
    kdbx::Credentials c = creds(password, keyFile);
    kdbx::Bytes file;
    kdbx::Error error;
    REQUIRE(kdbx::writeKdbx(db, c, o, file, error));
    const std::string path = kdbxDir() + "/" + name;
    writeBytes(path, file);

    int status = 0;
    const std::string ls = cli("ls -R " + shellQuote(path), password, keyFile, status);
    CHECK(status == 0);
    CHECK(ls == "ООО «Ромашка»/\n  Сервисы отдачи — ООО «Ромашка»\n  ОАИС/\n    TPSClient\n");

    const std::string show = cli("show -s -a Password -a Токен -a ИНН -a URL " + shellQuote(path) + " " +
                                     shellQuote("ООО «Ромашка»/Сервисы отдачи — ООО «Ромашка»"),
                                 password, keyFile, status);
    CHECK(status == 0);
    CHECK(show == "текущий \"пароль\" ' ]]> "
                  "\n3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6\n7707083893\nhttps://zakupki.gov.ru/epz/\n");

    kdbx::Database back = exported(path, password, keyFile);
    CHECK(back.name == db.name);
    back.generator = db.generator;
    normalize(back.root);
    normalize(db.root);
    // Field by field first, so a difference says where it is.
    const kdbx::Entry& mine = db.root.groups.at(0).entries.at(0);
    const kdbx::Entry& theirs = back.root.groups.at(0).entries.at(0);
    REQUIRE(theirs.fields.size() == mine.fields.size());
    for (std::size_t i = 0; i < mine.fields.size(); ++i) {
        CAPTURE(mine.fields[i].key);
        CHECK(theirs.fields[i] == mine.fields[i]);
    }
    CHECK(theirs.times == mine.times);
    REQUIRE(theirs.history.size() == mine.history.size());
    for (std::size_t i = 0; i < mine.history.size(); ++i) {
        CAPTURE(i);
        CHECK(theirs.history[i].fields == mine.history[i].fields);
        CHECK(theirs.history[i].times == mine.history[i].times);
    }
    for (const kdbx::Attachment& a : mine.attachments) {
        CAPTURE(a.name);
        CHECK(attachment(path, "ООО «Ромашка»/Сервисы отдачи — ООО «Ромашка»", a.name, password, keyFile) ==
              a.data);
    }
    CHECK(theirs.uuid == mine.uuid);
    CHECK(theirs.tags == mine.tags);
    CHECK(theirs.iconId == mine.iconId);
    const auto sameGroup = [](const kdbx::Group& a, const kdbx::Group& b) {
        CAPTURE(b.name);
        CHECK(a.name == b.name);
        CHECK(a.uuid == b.uuid);
        CHECK(a.notes == b.notes);
        CHECK(a.iconId == b.iconId);
        CHECK(a.times == b.times);
    };
    sameGroup(back.root, db.root);
    sameGroup(back.root.groups.at(0), db.root.groups.at(0));
    sameGroup(back.root.groups.at(0).groups.at(0), db.root.groups.at(0).groups.at(0));
    CHECK(back.root.groups.at(0).groups.at(0).entries == db.root.groups.at(0).groups.at(0).entries);
    // Everything else, the whole tree at once (attachments aside: checked just above).
    const auto dropAttachments = [](auto& self, kdbx::Group& g) -> void {
        for (kdbx::Entry& e : g.entries) e.attachments.clear();
        for (kdbx::Group& sub : g.groups) self(self, sub);
    };
    dropAttachments(dropAttachments, db.root);
    CHECK(back == db);
}
} // namespace

TEST_CASE("keepassxc-cli: its KDBX 3.1 file reads back with every field, date, history item and attachment") {
    const auto file = readBytes(kdbxDir() + "/kx-sample.kdbx");
    kdbx::Database db;
    kdbx::Error error;
    kdbx::FileInfo info;
    REQUIRE(kdbx::readKdbx(file, creds("pw-sample"), db, error, &info));
    CHECK(info.major == 3);
    CHECK(info.kdf == "AES-KDF");
    CHECK(db.name == "Образец для keepassxc-cli");
    const kdbx::Group* org = findGroup(db.root, "ООО «Ромашка»");
    REQUIRE(org != nullptr);
    REQUIRE(org->entries.size() == 1);
    const kdbx::Entry& e = org->entries[0];
    CHECK(e.value("Title") == "HTTPS-логин");
    CHECK(e.value("Password") == "третий & <текущий>");
    CHECK(e.field("Password")->protect);
    CHECK(e.value("Логин ЕИС") == "ЕИС-7707083893");
    CHECK(e.value("Секретный вопрос") == "кличка кота");
    CHECK(e.field("Секретный вопрос")->protect);
    CHECK(e.value("Notes") == "Выдан 01.03.2025\nСрок: 2 года");
    CHECK(e.times.expires);
    CHECK(e.times.expiry == t("2027-03-01T12:00:00Z"));
    CHECK(e.times.creation == t("2024-02-01T08:00:00Z"));
    CHECK(e.times.lastModification == t("2025-03-01T10:00:00Z"));
    REQUIRE(e.history.size() == 2);
    CHECK(e.history[0].value("Title") == "HTTPS-логин (первый)");
    CHECK(e.history[0].value("Password") == "first-pass");
    CHECK_FALSE(e.history[0].times.expires);
    CHECK(e.history[1].value("Password") == "second-pass");
    CHECK(e.history[1].times.expires);
    CHECK(e.history[1].times.expiry == t("2026-09-15T00:00:00Z"));
    CHECK(e.history[1].times.lastModification == t("2024-09-15T14:20:00Z"));
    REQUIRE(e.attachments.size() == 2);
    const std::string memo = "Памятка: токен продлевать за 30 дней\n";
    for (const kdbx::Attachment& a : e.attachments) {
        if (a.name == "scan.png")
            CHECK(a.data.size() == 16);
        else if (a.name == "памятка.txt")
            CHECK(std::string(a.data.begin(), a.data.end()) == memo);
        else
            FAIL("unexpected attachment " << a.name);
    }
    const kdbx::Group* oais = findGroup(*org, "ОАИС");
    REQUIRE(oais != nullptr);
    REQUIRE(oais->entries.size() == 1);
    CHECK(oais->entries[0].value("Title") == "TPSClient");
    CHECK(oais->entries[0].times.creation == t("2023-12-31T23:59:59Z"));
}

TEST_CASE(
    "keepassxc-cli: its KDBX 3.1 file with a wrong password, a changed header or a changed hashed block") {
    const auto file = readBytes(kdbxDir() + "/kx-sample.kdbx");
    kdbx::Database db;
    kdbx::Error error;
    CHECK_FALSE(kdbx::readKdbx(file, creds("pw-Sample"), db, error));
    CHECK(error.text == Str::ErrKdbxWrongCredentials);

    kdbx::Header h;
    REQUIRE(kdbx::parseHeader(file, h, error));
    // A header field nothing else checks (the comment-free end-of-header data): caught by the header
    // hash KDBX 3.1 keeps inside the XML.
    auto changed = file;
    changed[h.size - 1] ^= 1;
    CHECK_FALSE(kdbx::readKdbx(changed, creds("pw-sample"), db, error));
    CHECK(error.text == Str::ErrKdbxHeaderHash);

    // Ciphertext block 10 garbles plaintext bytes 160..175, well inside the first hashed block's data.
    REQUIRE(file.size() > h.size + 16 * 14);
    changed = file;
    changed[h.size + 16 * 10 + 3] ^= 1;
    CHECK_FALSE(kdbx::readKdbx(changed, creds("pw-sample"), db, error));
    CHECK(error.text == Str::ErrKdbxHashedBlock);
}

TEST_CASE("keepassxc-cli opens what TokenSafe writes: AES-256 + Argon2id, password") {
    checkWrittenOpensInKeePassXc("ts-aes-argon2id.kdbx", kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2id,
                                 std::string("Пароль экспорта 1"), std::nullopt);
}

TEST_CASE("keepassxc-cli opens what TokenSafe writes: ChaCha20 + Argon2d, password and a v2 key file") {
    checkWrittenOpensInKeePassXc("ts-chacha20-argon2d.kdbx", kdbx::Cipher::ChaCha20, kdbx::KdfKind::Argon2d,
                                 std::string("Пароль экспорта 2"), kdbxDir() + "/key-v2.keyx");
}

TEST_CASE("keepassxc-cli opens what TokenSafe writes: AES-256 + Argon2d, a key file alone") {
    checkWrittenOpensInKeePassXc("ts-aes-argon2d-key.kdbx", kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2d,
                                 std::nullopt, kdbxDir() + "/key-raw32.key");
}
