// A passphrase change as the session makes it, read back from storage byte by byte: afterwards no
// stored generation opens with the old passphrase, recovery never lands on one that does, a vault
// left by an older version (which only rewrapped the key) is mended on unlock, and a stored vault
// put back to an older copy is refused rather than adopted.
#include "core/bundle/transfer.h"
#include "session_tab.h"
#include "test_bytes.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;
using namespace ts::vault;
using ts::testing::bytesOf;
using ts::testing::pass;
using ts::testing::Tab;
using ts::testing::upsert;

namespace {

const std::string kOld = "старая-фраза-ушедшего";
const std::string kNew = "новая-фраза-2026-года";

VaultError openWith(const std::optional<StoredVault>& stored, const std::string& passphrase,
                    Data* data = nullptr) {
    REQUIRE(stored);
    Opened out;
    const VaultError e = open(stored->bytes, bytesOf(passphrase), out);
    if (e == VaultError::None && data) REQUIRE(parse(out.body, *data) == ParseError::None);
    return e;
}

// A vault with two saves after creation, unlocked in `tab` under kOld.
void vaultWithHistory(Tab& tab, MemoryDatabase& db) {
    db.runAll();
    REQUIRE_FALSE(tab.session.create(pass(kOld)));
    db.runAll();
    tab.session.submit(upsert("eis", {{"secret", "token-1"}}));
    db.runAll();
    tab.session.submit(upsert("eis", {{"secret", "token-2"}}));
    db.runAll();
    REQUIRE(db.current->revision == 3);
}

} // namespace

TEST_CASE("after a passphrase change neither stored generation opens with the old passphrase") {
    REQUIRE(crypto::init());
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    vaultWithHistory(tab, db);
    REQUIRE(openWith(db.previous, kOld) == VaultError::None); // the state the review found

    REQUIRE_FALSE(tab.session.changePassphrase(pass(kOld), pass(kNew)));
    db.runAll();
    CHECK(tab.last() == Str::MsgPassphraseChanged);
    CHECK(db.current->revision == 4);
    CHECK(db.previous->revision == 3);
    CHECK(openWith(db.current, kOld) == VaultError::WrongPassphrase);
    CHECK(openWith(db.previous, kOld) == VaultError::WrongPassphrase);
    Data current, previous;
    CHECK(openWith(db.current, kNew, &current) == VaultError::None);
    CHECK(openWith(db.previous, kNew, &previous) == VaultError::None);
    CHECK(current.find("eis")->field("secret") == "token-2");
    CHECK(previous.find("eis")->field("secret") == "token-2"); // the data as it stood before the change

    // The next ordinary save keeps the new wrap in both slots.
    tab.session.submit(upsert("eis", {{"secret", "token-3"}}));
    db.runAll();
    CHECK(openWith(db.previous, kOld) == VaultError::WrongPassphrase);
    CHECK(openWith(db.current, kNew) == VaultError::None);
}

TEST_CASE("a new receiving code can be made in the same save") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    vaultWithHistory(tab, db);
    tab.session.submit(bundle::newInstallationKeyChange());
    db.runAll();
    const std::string oldKey = tab.session.data().installation.secretKey;
    REQUIRE_FALSE(oldKey.empty());
    // Without the option the code stays.
    REQUIRE_FALSE(tab.session.changePassphrase(pass(kOld), pass(kNew)));
    db.runAll();
    CHECK(tab.session.data().installation.secretKey == oldKey);

    const std::uint64_t before = db.current->revision;
    REQUIRE_FALSE(
        tab.session.changePassphrase(pass(kNew), pass(kNew + "!"), bundle::newInstallationKeyChange(true)));
    db.runAll();
    CHECK(tab.last() == Str::MsgPassphraseChangedNewCode);
    CHECK(db.current->revision == before + 1); // one save for both
    const std::string newKey = tab.session.data().installation.secretKey;
    CHECK_FALSE(newKey.empty());
    CHECK(newKey != oldKey);
    Data withOldKey;
    withOldKey.installation.secretKey = oldKey;
    CHECK(bundle::installationKeys(tab.session.data())->publicKey !=
          bundle::installationKeys(withOldKey)->publicKey);
    Data stored;
    REQUIRE(openWith(db.current, kNew + "!", &stored) == VaultError::None);
    CHECK(stored.installation.secretKey == newKey);
}

TEST_CASE("recovery never falls back to a generation the old passphrase opens") {
    MemoryDatabase db;
    FakeClock clock;
    {
        Tab tab(db, clock);
        vaultWithHistory(tab, db);
        REQUIRE_FALSE(tab.session.changePassphrase(pass(kOld), pass(kNew)));
        db.runAll();
    }
    db.current->bytes[20] ^= 0x40; // the latest header damaged: unlocking must try the kept one
    Tab again(db, clock);
    db.runAll();
    CHECK(again.session.unlock(pass(kOld)) == Str::ErrVaultWrongPassphrase);
    CHECK(again.session.state() == Session::State::Locked);
    clock.advance(20'000);
    REQUIRE_FALSE(again.session.unlock(pass(kNew)));
    CHECK(again.last() == Str::MsgOpenedPrevious);
    CHECK(again.session.data().find("eis")->field("secret") == "token-2");
}

TEST_CASE("a generation an older version left under the old passphrase is written again on unlock") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    vaultWithHistory(tab, db);
    // What the older version's change did: the same vault key rewrapped, written as the latest
    // generation; the kept one still under the old passphrase.
    Opened opened;
    REQUIRE(open(db.current->bytes, bytesOf(kOld), opened) == VaultError::None);
    Keys keys = opened.keys;
    REQUIRE(rewrap(keys, bytesOf(kNew), crypto::KdfParams::fastForTests()));
    db.previous = db.current;
    db.current = StoredVault{4, write(keys, 4, opened.body)};
    tab.session.lock();
    db.runAll();

    Tab later(db, clock);
    db.runAll();
    REQUIRE_FALSE(later.session.unlock(pass(kNew)));
    db.runAll();
    CHECK(later.last() == Str::MsgUnlocked); // housekeeping, not announced as a save
    CHECK(db.current->revision == 5);
    CHECK(openWith(db.previous, kOld) == VaultError::WrongPassphrase);
    CHECK(openWith(db.current, kOld) == VaultError::WrongPassphrase);
    CHECK(openWith(db.previous, kNew) == VaultError::None);
    // Once mended, an unlock writes nothing.
    later.session.lock();
    db.runAll();
    const int saves = db.saves;
    REQUIRE_FALSE(later.session.unlock(pass(kNew)));
    db.runAll();
    CHECK(db.saves == saves);
}

TEST_CASE("a stored vault put back to an older copy is refused, not adopted") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    vaultWithHistory(tab, db);
    const StoredVault old = *db.previous; // revision 2

    SUBCASE("on unlock") {
        db.current = old;
        db.previous.reset();
        tab.session.lock(); // reads storage again
        db.runAll();
        CHECK(tab.session.unlock(pass(kOld)) == Str::ErrVaultRolledBack);
        CHECK(tab.session.state() == Session::State::Locked);
        // A fresh page has seen nothing and opens what is there (the message says: reload).
        Tab fresh(db, clock);
        db.runAll();
        CHECK_FALSE(fresh.session.unlock(pass(kOld)));
    }
    SUBCASE("while saving") {
        db.current = old; // rolled back behind the open tab's back
        tab.session.submit(upsert("eis", {{"secret", "token-3"}}));
        db.runAll();
        CHECK(tab.last() == Str::ErrVaultRolledBack);
        CHECK(tab.session.data().find("eis")->field("secret") == "token-2"); // not the old copy's
        CHECK(db.current->revision == 2);                                    // nothing written
    }
    SUBCASE("a record whose revision is not the file's") {
        db.current->revision = 9;
        tab.session.lock();
        db.runAll();
        CHECK(tab.session.unlock(pass(kOld)) == Str::ErrVaultRecordMismatch);
    }
}
