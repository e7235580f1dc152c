// The KeePass module's bridge (core/kdbx/bridge.h) and what the app does with its answers: the
// mapping of an opened database into vault data (bundle::importKeePassDatabase) and of vault data
// into a database to write (bundle::toKeePass).
#include "core/bundle/importers.h"
#include "core/bundle/keepass_export.h"
#include "core/kdbx/bridge.h"
#include "core/kdbx/reader.h"
#include "core/kinds/kind.h"
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

kdbx::WriteOptions fastArgon2d() {
    kdbx::WriteOptions o;
    o.cipher = kdbx::Cipher::ChaCha20;
    o.kdf = kdbx::KdfKind::Argon2d;
    o.iterations = 1;
    o.memoryBytes = 64 * 1024;
    o.parallelism = 1;
    return o;
}

kdbx::Reply call(const crypto::SecretBytes& request) {
    const crypto::SecretBytes reply = kdbx::runRequest(request);
    kdbx::Reply r;
    REQUIRE(kdbx::decodeReply(reply, r));
    return r;
}

const vault::Entry* byTitle(const vault::Data& d, std::string_view title) {
    for (const vault::Entry& e : d.entries)
        if (e.field("title") == title) return &e;
    return nullptr;
}

} // namespace

TEST_CASE("kdbx bridge: a file opened through a request comes back mapped both ways; errors keep their id") {
    kdbx::Bytes file;
    kdbx::Error error;
    REQUIRE(kdbx::writeKdbx(testing::kdbxSample(), password("пароль"), fastArgon2d(), file, error));

    const kdbx::Reply opened =
        call(kdbx::encodeOpenRequest(file, password("пароль"), Lang::Ru, 1'800'000'000'000));
    REQUIRE(opened.ok);
    kdbx::Opened o;
    REQUIRE(kdbx::decodeOpened(opened.payload, o));
    CHECK(o.info.major == 4);
    CHECK(o.info.cipher == "ChaCha20");
    CHECK(o.info.kdf == "Argon2d");
    CHECK(o.groups == std::vector<std::string>{"ООО «Ромашка»"});
    CHECK(o.skippedAttachments.size() == 1);
    CHECK(o.plain.organisations.empty());
    CHECK(o.plain.entries.size() == 2);
    REQUIRE(o.withOrganisations.organisations.size() == 1);
    CHECK(o.withOrganisations.entries.size() == 2);
    const vault::Entry* e = byTitle(o.plain, "Сервисы отдачи — ООО «Ромашка»");
    REQUIRE(e);
    CHECK(e->field("secret") == "текущий \"пароль\" ' ]]> ");
    CHECK(e->history.size() == 2);

    const kdbx::Reply wrong = call(kdbx::encodeOpenRequest(file, password("не тот"), Lang::Ru, 1));
    CHECK_FALSE(wrong.ok);
    CHECK(wrong.error.text == Str::ErrKdbxWrongCredentials);
    const crypto::SecretBytes garbage{'n', 'o', 't'};
    CHECK(call(kdbx::encodeOpenRequest(garbage, password("x"), Lang::Ru, 1)).error.text ==
          Str::ErrKdbxNotKeePass);
    kdbx::Credentials none;
    CHECK(call(kdbx::encodeOpenRequest(file, none, Lang::Ru, 1)).error.text == Str::ErrKdbxNoCredentials);
    CHECK(call(crypto::SecretBytes{9}).error.text == Str::ErrKdbxModuleFailed);
    // A database with nothing to import is the import's own refusal.
    kdbx::Bytes empty;
    kdbx::Database nothing;
    REQUIRE(kdbx::writeKdbx(nothing, password("p"), fastArgon2d(), empty, error));
    CHECK(call(kdbx::encodeOpenRequest(empty, password("p"), Lang::Ru, 1)).error.text == Str::ErrImportEmpty);
}

TEST_CASE(
    "kdbx bridge: vault data written through a request opens with the reader, with the chosen options") {
    vault::Data d;
    vault::Entry g;
    g.id = "e1";
    g.kind = "generic";
    g.fields = {{"title", "Почта"}, {"login", "anna"}, {"secret", "s3cret"}, {"validUntil", "2027-03-01"}};
    d.entries.push_back(g);
    const kdbx::Reply written =
        call(kdbx::encodeWriteRequest(d, password("пароль"), fastArgon2d(), Lang::En));
    REQUIRE(written.ok);
    kdbx::Database db;
    kdbx::Error error;
    kdbx::FileInfo info;
    REQUIRE(kdbx::readKdbx(written.payload, password("пароль"), db, error, &info));
    CHECK(info.cipher == "ChaCha20");
    CHECK(info.kdf == "Argon2d");
    CHECK(db.root.name == "TokenSafe"); // the language given
    REQUIRE(db.root.entries.size() == 1);
    CHECK(db.root.entries[0].value("Password") == "s3cret");
    kdbx::WriteOptions absurd = fastArgon2d();
    absurd.memoryBytes = 1ull << 40;
    CHECK(call(kdbx::encodeWriteRequest(d, password("p"), absurd, Lang::Ru)).error.text ==
          Str::ErrKdbxKdfTooCostly);
}

TEST_CASE("kdbx bridge: a reply cut short or with an unknown status is no reply") {
    kdbx::Error e{Str::ErrKdbxTruncated, "x"};
    const crypto::SecretBytes reply = kdbx::encodeReply(&e, {});
    kdbx::Reply r;
    REQUIRE(kdbx::decodeReply(reply, r));
    CHECK(r.error.text == Str::ErrKdbxTruncated);
    CHECK(r.error.detail == "x");
    CHECK_FALSE(kdbx::decodeReply(kdbx::ByteView(reply).first(6), r));
    crypto::SecretBytes bad = reply;
    bad[0] = 0xFF, bad[1] = 0xFF;
    CHECK_FALSE(kdbx::decodeReply(bad, r));
}

TEST_CASE("KeePass import: groups offered as organisations, not made unasked; expiry, history, pictures") {
    kdbx::Database db = testing::kdbxSample();
    kdbx::Group bin;
    bin.uuid = testing::kdbxUuid(9);
    bin.name = "Корзина";
    kdbx::Entry gone;
    gone.uuid = testing::kdbxUuid(90);
    gone.set("Title", "удалённая");
    bin.entries.push_back(gone);
    db.root.groups.push_back(bin);

    bundle::ImportError error;
    const auto plain = bundle::importKeePassDatabase(db, error, 1'800'000'000'000, Lang::Ru, false);
    REQUIRE(plain);
    CHECK(plain->data.organisations.empty());
    CHECK(plain->groups == std::vector<std::string>{"ООО «Ромашка»"});
    CHECK(plain->binned == 1);
    REQUIRE(plain->data.entries.size() == 2);
    const vault::Entry* e = byTitle(plain->data, "Сервисы отдачи — ООО «Ромашка»");
    REQUIRE(e);
    CHECK(e->kind == "generic"); // a password that is not a GUID: the token is in a custom field
    CHECK(e->field("validUntil") == "2027-03-01");
    CHECK(e->field("secret") == "текущий \"пароль\" ' ]]> ");
    CHECK(e->field("notes").find("Токен: 3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6") != std::string::npos);
    CHECK(e->field("notes").find("Группа: ООО «Ромашка»") != std::string::npos);
    CHECK(e->createdAt == 1710000000'000);
    REQUIRE(e->history.size() == 2);
    CHECK(e->history[0].fields["secret"] == "первый");
    CHECK(e->history[0].fields["validUntil"] == "2026-03-01");
    CHECK(e->history[1].savedAt == (1707000000 + 3600) * 1000LL);
    REQUIRE(e->unknown.contains("kdbxPictures"));
    CHECK(e->unknown["kdbxPictures"].size() == 1);
    CHECK(e->unknown["kdbxPictures"][0]["name"] == "scan.png");
    CHECK(plain->skippedAttachments ==
          std::vector<std::string>{"Сервисы отдачи — ООО «Ромашка»: памятка.txt"});

    const auto orgs = bundle::importKeePassDatabase(db, error, 1'800'000'000'000, Lang::Ru, true);
    REQUIRE(orgs);
    REQUIRE(orgs->data.organisations.size() == 1);
    CHECK(orgs->data.organisations[0].name == "ООО «Ромашка»");
    for (const vault::Entry& x : orgs->data.entries) CHECK(x.org == orgs->data.organisations[0].id);
    const vault::Entry* t = byTitle(orgs->data, "TPSClient");
    REQUIRE(t);
    CHECK(t->field("notes") == "Группа: ОАИС"); // the path below the organisation's group
}

TEST_CASE("KeePass import: an EIS token with its GUID as the password gets its own kind") {
    kdbx::Database db;
    db.root.name = "Root";
    kdbx::Entry e;
    e.set("Title", "Токен сервисов отдачи ЕИС");
    e.set("Password", "3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6", true);
    e.times.expires = true;
    e.times.expiry = 1803902400;
    db.root.entries.push_back(e);
    bundle::ImportError error;
    const auto out = bundle::importKeePassDatabase(db, error, 1, Lang::Ru, false);
    REQUIRE(out);
    CHECK(out->recognised == 1);
    CHECK(out->data.entries[0].kind == "eis-export-token");
    CHECK(out->data.entries[0].field("validUntil") == "2027-03-01");
    kdbx::Database empty;
    CHECK_FALSE(bundle::importKeePassDatabase(empty, error, 1, Lang::Ru, false));
    CHECK(error.text == Str::ErrImportEmpty);
}

TEST_CASE("KeePass export: organisations as groups, expiry as Expires, history, and back again") {
    vault::Data d;
    d.organisations.push_back({"o1", "ООО «Ромашка»", "RU", "7707083893", nlohmann::json::object()});
    vault::Entry g;
    g.id = "e1";
    g.kind = "generic";
    g.org = "o1";
    g.fields = {{"title", "Почта"},   {"login", "anna"},
                {"secret", "s3cret"}, {"url", "https://mail.example"},
                {"notes", "заметка"}, {"validUntil", "2027-03-01"}};
    g.createdAt = 1700000000'000;
    g.updatedAt = 1700003600'000;
    g.history.push_back({1700001000'000, {{"title", "Почта"}, {"secret", "old"}}, nlohmann::json::object()});
    d.entries.push_back(g);
    vault::Entry t;
    t.id = "e2";
    t.kind = "eis-export-token";
    t.fields = {{"guid", "3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6"}, {"validUntil", "2026-12-31"}};
    d.entries.push_back(t);

    const kdbx::Database db = bundle::toKeePass(d, Lang::Ru);
    REQUIRE(db.root.groups.size() == 1);
    CHECK(db.root.groups[0].name == "ООО «Ромашка»");
    REQUIRE(db.root.groups[0].entries.size() == 1);
    const kdbx::Entry& k = db.root.groups[0].entries[0];
    CHECK(k.value("Title") == "Почта");
    CHECK(k.value("UserName") == "anna");
    CHECK(k.value("Password") == "s3cret");
    CHECK(k.field("Password")->protect);
    CHECK(k.value("URL") == "https://mail.example");
    CHECK(k.value("Notes") == "заметка");
    CHECK(k.times.expires);
    CHECK(k.times.expiry == 1803859200); // 2027-03-01T00:00:00Z
    REQUIRE(k.history.size() == 1);
    CHECK(k.history[0].value("Password") == "old");
    REQUIRE(db.root.entries.size() == 1);
    const kdbx::Entry& token = db.root.entries[0];
    const kinds::Kind* kind = kinds::Registry::builtIn().find("eis-export-token");
    REQUIRE(kind);
    const std::string guidLabel = kind->field("guid")->label.in(Lang::Ru);
    CHECK(token.value(guidLabel) == "3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    CHECK(token.field(guidLabel)->protect == kind->field("guid")->secret);
    CHECK(token.times.expires);

    bundle::ImportError error;
    const auto back = bundle::importKeePassDatabase(db, error, 1, Lang::Ru, true);
    REQUIRE(back);
    const vault::Entry* again = byTitle(back->data, "Почта");
    REQUIRE(again);
    CHECK(again->field("secret") == "s3cret");
    CHECK(again->field("validUntil") == "2027-03-01");
    CHECK(again->history.size() == 1);
    CHECK(back->data.organisations.at(0).name == "ООО «Ромашка»");
}
