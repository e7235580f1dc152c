// A vault written by format version 1 keeps opening in every later version. The fixture
// tests/fixtures/vault-v1.tsvault was written once by core (see tests/fixtures/README.md) and is never
// regenerated: if these tests fail, the change broke vaults people already have. A vault from a newer
// TokenSafe (file format or body schema) is refused with its own message, never misread.
#include "core/vault/session.h"
#include "core/vault/vault_file.h"
#include "platform/native/fake_clock.h"
#include "platform/native/memory_vault_storage.h"
#include "test_bytes.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace ts;
using namespace ts::vault;
using crypto::Bytes;
using ts::testing::bytesOf;

namespace {

const std::string kFixturePass = "формат 1: проверка миграции";
const std::string kOrgId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const std::string kEisId = "11aa22bb33cc44dd55ee66ff77008899";
const std::string kOaisId = "2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b";
const std::string kGenericId = "f0e1d2c3b4a5968778695a4b3c2d1e0f";

Bytes fixture() {
    const auto path =
        std::filesystem::path(__FILE__).parent_path().parent_path() / "fixtures" / "vault-v1.tsvault";
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot open ", path.string());
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Everything the fixture was written with (tests/fixtures/vault-v1.json).
void checkContents(const Data& d) {
    REQUIRE(d.organisations.size() == 1);
    const Organisation& org = d.organisations[0];
    CHECK(org.id == kOrgId);
    CHECK(org.name == "ООО «Ромашка»");
    CHECK(org.country == "RU");
    CHECK(org.taxId == "7707083893");

    REQUIRE(d.entries.size() == 3);
    const Entry* eis = d.find(kEisId);
    REQUIRE(eis);
    CHECK(eis->kind == "eis-export-token");
    CHECK(eis->org == kOrgId);
    CHECK(eis->field("guid") == "5b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    CHECK(eis->field("validUntil") == "2026-03-31");
    CHECK(eis->createdAt == 1704103260);
    CHECK(eis->updatedAt == 1735725600);
    REQUIRE(eis->history.size() == 1);
    CHECK(eis->history[0].savedAt == 1704103260);
    CHECK(eis->history[0].fields["guid"] == "3f7c9a1e-0b5d-4c2a-9e8f-1a2b3c4d5e6f");
    CHECK(eis->history[0].fields["validUntil"] == "2025-03-31");

    const Entry* oais = d.find(kOaisId);
    REQUIRE(oais);
    CHECK(oais->kind == "oais-system-token");
    CHECK(oais->org.empty());
    CHECK(oais->warnDays == std::vector<int>{45, 7});
    CHECK(oais->field("systemName") == "TPS_ROMASHKA");
    CHECK(oais->field("techEmail") == "it@romashka.by");
    CHECK(oais->field("services") == "ЭСЧФ");
    CHECK(oais->field("token") == "oais-тест-токен-01");
    CHECK(oais->field("issuedOn") == "2024-06-01");
    CHECK(oais->field("validUntil") == "2025-06-01");
    CHECK(oais->history.empty());

    const Entry* generic = d.find(kGenericId);
    REQUIRE(generic);
    CHECK(generic->kind == "generic");
    CHECK(generic->field("title") == "Почта администратора");
    CHECK(generic->field("login") == "admin@romashka.ru");
    CHECK(generic->field("secret") == "пароль-Secret-42");
    CHECK(generic->field("url") == "https://mail.romashka.ru");
    CHECK(generic->field("notes") == "строка 1\nстрока 2");

    CHECK(d.runs.empty());
    CHECK(d.attachments.empty());
}

void writeLe(Bytes& f, std::size_t at, std::uint64_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) f[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// A forger (or a newer app) writes a consistent header: recompute the unkeyed checksum.
void resum(Bytes& f) {
    const auto sum = crypto::checksum(std::span(f).first(148));
    std::copy(sum.begin(), sum.end(), f.begin() + 148);
}

struct Tab {
    MemoryVaultStorage storage;
    Session session;
    Tab(MemoryDatabase& db, const Clock& clock)
        : storage(db), session(storage, clock, crypto::KdfParams::standard()) {
        session.start();
    }
};

} // namespace

TEST_CASE("the format version 1 fixture opens with core and holds what was written") {
    REQUIRE(crypto::init());
    const Bytes file = fixture();

    Header h;
    REQUIRE(inspect(file, h) == VaultError::None);
    CHECK(h.version == 1);
    CHECK(h.revision == 2);
    CHECK(h.kdf.acceptable());

    Opened wrong;
    CHECK(open(file, bytesOf("не та фраза"), wrong) == VaultError::WrongPassphrase);

    Opened opened;
    REQUIRE(open(file, bytesOf(kFixturePass), opened) == VaultError::None);
    Data d;
    REQUIRE(parse(opened.body, d) == ParseError::None);
    checkContents(d);
}

TEST_CASE(
    "the format version 1 fixture unlocks in a session, takes a change and saves in the current format") {
    REQUIRE(crypto::init());
    MemoryDatabase db;
    db.current = StoredVault{2, fixture()};
    FakeClock clock;
    Tab tab(db, clock);
    db.runAll();
    REQUIRE(tab.session.state() == Session::State::Locked);

    REQUIRE_FALSE(tab.session.unlock(crypto::secretFrom(kFixturePass)));
    db.runAll();
    REQUIRE(tab.session.state() == Session::State::Unlocked);
    checkContents(tab.session.data());

    vault::change::UpsertEntry c;
    c.id = kGenericId;
    c.kind = "generic";
    c.fields = tab.session.data().find(kGenericId)->fields;
    c.fields["notes"] = "после обновления";
    tab.session.submit(c);
    db.runAll();
    REQUIRE(db.current);
    CHECK(db.current->revision == 3);

    // What the current version saved opens again with the same passphrase, old data intact.
    Opened reopened;
    REQUIRE(open(db.current->bytes, bytesOf(kFixturePass), reopened) == VaultError::None);
    Data d;
    REQUIRE(parse(reopened.body, d) == ParseError::None);
    CHECK(d.find(kGenericId)->field("notes") == "после обновления");
    CHECK(d.find(kGenericId)->history.size() == 1);
    CHECK(d.find(kEisId)->history.size() == 1);
    CHECK(d.organisations.size() == 1);
}

TEST_CASE("a vault from a newer TokenSafe is refused with its own message") {
    REQUIRE(crypto::init());
    const Bytes file = fixture();

    SUBCASE("a newer file format version") {
        Bytes newer = file;
        writeLe(newer, 8, kFormatVersion + 1, 2);
        resum(newer);
        Header h;
        CHECK(inspect(newer, h) == VaultError::NewerVersion);
        Opened out;
        CHECK(open(newer, bytesOf(kFixturePass), out) == VaultError::NewerVersion);
        CHECK(messageFor(VaultError::NewerVersion) == Str::ErrVaultNewerVersion);

        MemoryDatabase db;
        db.current = StoredVault{2, newer};
        FakeClock clock;
        Tab tab(db, clock);
        db.runAll();
        CHECK(tab.session.unlock(crypto::secretFrom(kFixturePass)) == Str::ErrVaultNewerVersion);
        CHECK(tab.session.state() != Session::State::Unlocked);
    }

    SUBCASE("the same file format with a body that needs a newer reader") {
        Opened opened;
        REQUIRE(open(file, bytesOf(kFixturePass), opened) == VaultError::None);
        auto body = nlohmann::json::parse(opened.body.begin(), opened.body.end());
        body["schema"] = kSchemaVersion + 1;
        body["minReader"] = kSchemaVersion + 1;
        const std::string text = body.dump();
        const Bytes newer = write(opened.keys, 3, bytesOf(text));
        Data d;
        Opened again;
        REQUIRE(open(newer, bytesOf(kFixturePass), again) == VaultError::None);
        CHECK(parse(again.body, d) == ParseError::NewerSchema);

        MemoryDatabase db;
        db.current = StoredVault{3, newer};
        FakeClock clock;
        Tab tab(db, clock);
        db.runAll();
        CHECK(tab.session.unlock(crypto::secretFrom(kFixturePass)) == Str::ErrVaultNewerSchema);
        CHECK(tab.session.state() != Session::State::Unlocked);
    }
}
