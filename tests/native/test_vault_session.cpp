// The vault session against an in-memory IndexedDB stand-in: create, unlock, save, lock, and what
// happens with two tabs, refused writes and a tab killed mid-save.
#include "session_tab.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;
using namespace ts::vault;
using ts::testing::pass;
using ts::testing::Tab;
using ts::testing::upsert;

namespace {

const std::string kPass = "корова-синяя-42";

// A tab that has just created the vault (and saved it), with every answer delivered.
void createIn(Tab& tab, MemoryDatabase& db) {
    db.runAll();
    REQUIRE_FALSE(tab.session.create(pass(kPass)));
    db.runAll();
    REQUIRE(tab.session.state() == Session::State::Unlocked);
}

} // namespace

TEST_CASE("create, save, lock, refuse a wrong passphrase, unlock") {
    REQUIRE(crypto::init());
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    db.runAll();
    REQUIRE(tab.session.state() == Session::State::NoVault);

    CHECK(tab.session.create(pass("short")) == Str::ErrPassphraseTooShort);
    // Long enough, but what the meter calls weak or very weak is refused too.
    CHECK(vault::passphraseStrength(pass("1234567890")) == 1);
    CHECK(tab.session.create(pass("1234567890")) == Str::ErrPassphraseWeak);
    CHECK(tab.session.create(pass("aaaaaaaaaaaa")) == Str::ErrPassphraseWeak);
    CHECK(tab.session.state() == Session::State::NoVault);
    REQUIRE_FALSE(tab.session.create(pass(kPass)));
    CHECK(tab.session.state() == Session::State::Creating);
    db.runAll();
    REQUIRE(tab.session.state() == Session::State::Unlocked);
    CHECK(tab.last() == Str::MsgVaultCreated);
    CHECK(db.current->revision == 1);
    CHECK(tab.session.persistence() == Persistence::NotPersistent);

    tab.session.submit(upsert("e1", {{"title", "ЕИС"}, {"secret", "5f0c2a8e-1111-4b7a-9c3d-2e4f6a8b0c1d"}}));
    CHECK(tab.session.saving());
    db.runAll();
    CHECK_FALSE(tab.session.saving());
    CHECK(tab.last() == Str::MsgSaved);
    CHECK(db.current->revision == 2);
    CHECK(db.previous->revision == 1); // the generation before is kept

    tab.session.lock();
    db.runAll();
    CHECK(tab.session.state() == Session::State::Locked);
    CHECK(tab.session.data().entries.empty());

    CHECK(tab.session.unlock(pass("неверная-фраза")) == Str::ErrVaultWrongPassphrase);
    CHECK(tab.session.unlockAllowedAt() > clock.nowMillis());
    CHECK(tab.session.unlock(pass(kPass)) == Str::ErrUnlockWait); // too soon, even when right
    clock.advance(1000);
    REQUIRE_FALSE(tab.session.unlock(pass(kPass)));
    CHECK(tab.session.state() == Session::State::Unlocked);
    REQUIRE(tab.session.data().entries.size() == 1);
    CHECK(tab.session.data().entries[0].field("secret") == "5f0c2a8e-1111-4b7a-9c3d-2e4f6a8b0c1d");
}

TEST_CASE("the session says how long its last save took, from the change to the storage's answer") {
    REQUIRE(crypto::init());
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    createIn(tab, db);
    CHECK(tab.session.lastSaveMillis() == 0); // creating is not a save of a change
    tab.session.submit(upsert("e1", {{"title", "ЕИС"}}));
    clock.advance(40); // the storage answers 40 ms later
    db.runAll();
    CHECK(tab.session.lastSaveMillis() == 40);
    tab.session.submit(upsert("e1", {{"title", "ЕИС"}})); // no change: nothing saved, nothing measured
    clock.advance(500);
    db.runAll();
    CHECK(tab.session.lastSaveMillis() == 40);
}

TEST_CASE("a refused write changes nothing and says why") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    createIn(tab, db);
    db.failNextSaves = 1;
    tab.session.submit(upsert("e1", {{"title", "A"}}));
    db.runAll();
    REQUIRE(!tab.notices.empty());
    CHECK(tab.notices.back().text == Str::ErrSaveFailed);
    CHECK(tab.notices.back().error);
    CHECK(tab.notices.back().detail.find("QuotaExceededError") != std::string::npos);
    CHECK(tab.session.data().entries.empty());
    CHECK(db.current->revision == 1);
    tab.session.submit(upsert("e1", {{"title", "A"}})); // trying again works
    db.runAll();
    CHECK(tab.session.data().entries.size() == 1);
}

TEST_CASE("when the third of several queued saves fails, the first two stay and the rest are dropped") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    createIn(tab, db);
    db.failSaveAt = 3;
    for (const char* id : {"a", "b", "c", "d"}) tab.session.submit(upsert(id, {{"title", id}}));
    db.runAll();
    CHECK(tab.session.data().entries.size() == 2);
    CHECK(db.current->revision == 3);
    CHECK(tab.last() == Str::ErrSaveFailed);
    CHECK_FALSE(tab.session.saving());
}

TEST_CASE("locking while a save is under way: the user still hears if it failed, nothing stays stuck") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    createIn(tab, db);
    db.failNextSaves = 1;
    tab.session.submit(upsert("e1", {{"title", "A"}}));
    CHECK(tab.session.saving());
    tab.session.lock();
    CHECK_FALSE(tab.session.saving());
    db.runAll();
    CHECK(tab.session.state() == Session::State::Locked);
    CHECK(tab.last() == Str::ErrSaveFailed);
    REQUIRE_FALSE(tab.session.unlock(pass(kPass)));
    CHECK(tab.session.data().entries.empty());
    tab.session.submit(upsert("e1", {{"title", "A"}}));
    db.runAll();
    CHECK(tab.session.data().entries.size() == 1);
}

TEST_CASE("a storage that cannot be read says so, and locking keeps the vault known") {
    MemoryDatabase db;
    FakeClock clock;
    {
        Tab first(db, clock);
        db.runAll();
        REQUIRE_FALSE(first.session.create(pass(kPass)));
        db.runAll();
    }
    db.failNextLoads = 1;
    Tab tab(db, clock);
    db.runAll();
    CHECK(tab.session.state() == Session::State::LoadFailed);
    CHECK(tab.notices.back().detail.find("UnknownError") != std::string::npos);

    Tab other(db, clock);
    db.runAll();
    REQUIRE_FALSE(other.session.unlock(pass(kPass)));
    db.failNextLoads = 1;
    other.session.lock();
    db.runAll();
    CHECK(other.session.state() == Session::State::Locked); // not "no vault": it is still there
    CHECK(other.last() == Str::ErrStorageLoad);
}

TEST_CASE(
    "after opening the previous generation, the next save keeps it; a wrong passphrase is still wrong") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    createIn(tab, db);
    tab.session.submit(upsert("a", {{"title", "good"}}));
    db.runAll();
    db.current->bytes[20] ^= 0x40; // header damage in the latest save
    Tab other(db, clock);
    db.runAll();
    CHECK(other.session.unlock(pass("совсем другая фраза")) == Str::ErrVaultWrongPassphrase);
    CHECK(other.session.unlockAllowedAt() > clock.nowMillis());
    clock.advance(2000);
    REQUIRE_FALSE(other.session.unlock(pass(kPass)));
    CHECK(other.last() == Str::MsgOpenedPrevious);
    const auto goodPrevious = db.previous->bytes;
    other.session.submit(upsert("b", {{"title", "new"}}));
    db.runAll();
    CHECK(db.previous->bytes == goodPrevious); // the damaged one did not push the good one out
    CHECK(other.session.data().entries.size() == 1);
}

TEST_CASE("a tab that was saving when another tab saved catches up afterwards") {
    MemoryDatabase db;
    FakeClock clock;
    Tab a(db, clock), b(db, clock);
    createIn(a, db);
    REQUIRE_FALSE(b.session.unlock(pass(kPass)));
    a.session.submit(upsert("x", {{"title", "from a"}}));
    db.runAll();
    // b submits a change that turns out to be a no-op against the newer vault
    b.session.submit(upsert("x", {{"title", "from a"}}));
    db.runAll();
    CHECK(b.session.revision() == a.session.revision());
    CHECK(b.session.data().find("x"));
    CHECK_FALSE(b.session.saving());
}

TEST_CASE("a tab killed mid-save reopens the last good state") {
    MemoryDatabase db;
    FakeClock clock;
    {
        Tab tab(db, clock);
        db.runAll();
        REQUIRE_FALSE(tab.session.create(pass(kPass)));
        db.runAll();
        tab.session.submit(upsert("kept", {{"title", "saved"}}));
        db.runAll();
        db.dropNextSaves = 1;
        tab.session.submit(upsert("lost", {{"title", "never committed"}}));
        db.runAll();
    } // the tab is gone
    Tab again(db, clock);
    db.runAll();
    REQUIRE_FALSE(again.session.unlock(pass(kPass)));
    REQUIRE(again.session.data().entries.size() == 1);
    CHECK(again.session.data().entries[0].id == "kept");
}

TEST_CASE("a damaged latest save falls back to the previous generation") {
    MemoryDatabase db;
    FakeClock clock;
    Tab tab(db, clock);
    createIn(tab, db);
    tab.session.submit(upsert("a", {{"title", "first"}}));
    db.runAll();
    tab.session.submit(upsert("a", {{"title", "second"}}));
    db.runAll();
    db.current->bytes.back() ^= 0x01;
    Tab other(db, clock);
    db.runAll();
    REQUIRE_FALSE(other.session.unlock(pass(kPass)));
    CHECK(other.last() == Str::MsgOpenedPrevious);
    CHECK(other.session.data().entries[0].field("title") == "first");
    other.session.submit(upsert("a", {{"title", "third"}})); // saving replaces the damaged one
    db.runAll();
    CHECK(db.current->revision == 4);
    Tab third(db, clock);
    db.runAll();
    REQUIRE_FALSE(third.session.unlock(pass(kPass)));
    CHECK(third.session.data().entries[0].field("title") == "third");
}

TEST_CASE("two tabs editing the same vault lose no change") {
    MemoryDatabase db;
    FakeClock clock;
    Tab a(db, clock), b(db, clock);
    createIn(a, db);
    CHECK(b.session.state() == Session::State::Locked); // told by a's broadcast
    REQUIRE_FALSE(b.session.unlock(pass(kPass)));

    // Both change before either hears of the other.
    a.session.submit(upsert("from-a", {{"title", "A"}}));
    b.session.submit(upsert("from-b", {{"title", "B"}}));
    db.runAll();
    CHECK(db.current->revision == 3);
    CHECK(a.session.data().entries.size() == 2);
    CHECK(b.session.data().entries.size() == 2);
    bool reapplied = false;
    for (const auto& n : b.notices) reapplied |= n.text == Str::MsgConflictReapplied;
    for (const auto& n : a.notices) reapplied |= n.text == Str::MsgConflictReapplied;
    CHECK(reapplied);

    // The same entry changed in both: both versions survive, one in history.
    a.session.submit(upsert("from-a", {{"title", "A2"}}));
    b.session.submit(upsert("from-a", {{"title", "A3"}}));
    db.runAll();
    const Entry* e = a.session.data().find("from-a");
    REQUIRE(e);
    CHECK(e->history.size() == 2);
    CHECK(a.session.data().find("from-a")->fields == b.session.data().find("from-a")->fields);
}

TEST_CASE("changing the passphrase rewraps the key, and another tab locks and asks for the new one") {
    MemoryDatabase db;
    FakeClock clock;
    Tab a(db, clock), b(db, clock);
    createIn(a, db);
    REQUIRE_FALSE(b.session.unlock(pass(kPass)));
    a.session.submit(upsert("x", {{"secret", "s"}}));
    db.runAll();

    CHECK(a.session.changePassphrase(pass("не-та-фраза-1"), pass("новая-фраза-2026")) ==
          Str::ErrCurrentPassphraseWrong);
    CHECK(a.session.changePassphrase(pass(kPass), pass("короткая")) == Str::ErrPassphraseTooShort);
    REQUIRE_FALSE(a.session.changePassphrase(pass(kPass), pass("новая-фраза-2026")));
    db.runAll();
    CHECK(a.last() == Str::MsgPassphraseChanged);
    CHECK(b.session.state() == Session::State::Locked);
    CHECK(b.last() == Str::MsgLockedPassphraseChangedElsewhere);

    a.session.lock();
    db.runAll();
    CHECK(a.session.unlock(pass(kPass)) == Str::ErrVaultWrongPassphrase);
    clock.advance(10'000);
    REQUIRE_FALSE(a.session.unlock(pass("новая-фраза-2026")));
    CHECK(a.session.data().find("x")->field("secret") == "s");
}

TEST_CASE("the strength meter orders passphrases sensibly") {
    auto score = [](const std::string& s) { return passphraseStrength(crypto::secretFrom(s)); };
    CHECK(score("") == 0);
    CHECK(score("aaaaaaaaaaaa") == 0);
    CHECK(score("password") <= 1);
    CHECK(score("корова-синяя-42") >= 3);
    CHECK(score("Тёплый ветер, 7 окон и 3 кота!") == 4);
    CHECK(score("abc") < score("abcdefgh1234"));
    CHECK(strengthLabel(9) == Str::StrengthStrong);
}
