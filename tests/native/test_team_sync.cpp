#include "core/team/sync.h"
#include "platform/native/fake_clock.h"
#include "platform/native/memory_dav.h"
#include "team_fixture.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::team;
using team::testing::entry;
using team::testing::Installation;

namespace {

vault::Data teamData(std::vector<vault::Entry> entries) {
    vault::Data d;
    d.organisations.push_back(vault::Organisation{"org-a", "ООО «Ромашка»", "RU", "7707083893", {}});
    d.entries = std::move(entries);
    return d;
}

Round runOnce(Sync& s, const vault::Data& d) {
    std::optional<Round> out;
    s.run(d, [&](const Round& r) { out = r; });
    REQUIRE(out); // the fake answers at once: the round is over when run() returns
    return *out;
}

// An installation with its vault and its view of the team.
struct Desk {
    Installation who;
    vault::Data data;
    std::unique_ptr<Sync> sync;

    Round round(FakeClock& clock) {
        const Round r = runOnce(*sync, data);
        if (!r.error) CHECK((vault::apply(data, r.change, clock.nowMillis()) || !r.outcome.changed()));
        return r;
    }
};

struct Folder {
    MemoryDav dav;
    FakeClock clock;
    Desk anna{{"Анна"}, teamData({}), nullptr}, boris{{"Борис"}, teamData({}), nullptr};

    Folder() {
        Manifest m = team::testing::teamOf({&anna.who, &boris.who});
        anna.sync = std::make_unique<Sync>(dav, clock, anna.who.box, anna.who.sign, m);
        boris.sync = std::make_unique<Sync>(dav, clock, boris.who.box, boris.who.sign, m);
        std::optional<Round> made;
        anna.sync->create(anna.data, [&](const Round& r) { made = r; });
        REQUIRE(made);
        REQUIRE_FALSE(made->error);
    }
};

} // namespace

TEST_CASE("team sync: one member's entry reaches the other, and the status says when") {
    Folder f;
    f.clock.set(1'700'000'000'000);
    f.anna.data.entries.push_back(entry("e1", "T1", 100));
    CHECK(f.anna.sync->waiting(f.anna.data) == 1);
    const Round r = f.anna.round(f.clock);
    CHECK_FALSE(r.error);
    CHECK(r.written == 1);
    CHECK(f.anna.sync->waiting(f.anna.data) == 0);
    CHECK(f.anna.sync->status().lastSyncAt == 1'700'000'000'000);
    f.boris.round(f.clock);
    REQUIRE(f.boris.data.find("e1"));
    CHECK(f.boris.data.find("e1")->fields["token"] == "T1");
    // Nothing changed: a round reads and writes nothing new.
    const int puts = f.dav.puts;
    CHECK(f.boris.round(f.clock).written == 0);
    CHECK(f.dav.puts == puts);
}

TEST_CASE("team sync: both edit one entry offline, both versions kept after reconnecting") {
    Folder f;
    f.anna.data.entries.push_back(entry("e1", "OLD", 100));
    f.anna.round(f.clock);
    f.boris.round(f.clock);
    f.dav.unreachable = true;
    for (auto [desk, token, at] : {std::tuple{&f.anna, "ANNA", 500}, std::tuple{&f.boris, "BORIS", 600}}) {
        vault::change::UpsertEntry c;
        c.id = "e1";
        c.fields = {{"token", token}};
        REQUIRE(vault::apply(desk->data, c, at));
        const Round r = runOnce(*desk->sync, desk->data);
        REQUIRE(r.error);
        CHECK(*r.error == Str::ErrTeamUnreachable);
        CHECK(desk->sync->status().lastError == Str::ErrTeamUnreachable);
        CHECK(desk->sync->waiting(desk->data) == 1); // the change waits in the vault
    }
    f.dav.unreachable = false;
    f.anna.round(f.clock);
    f.boris.round(f.clock);
    f.anna.round(f.clock);
    for (Desk* d : {&f.anna, &f.boris}) {
        const vault::Entry& e = *d->data.find("e1");
        CHECK(e.fields["token"] == "BORIS");
        const bool annaKept =
            std::any_of(e.history.begin(), e.history.end(),
                        [](const vault::EntryVersion& v) { return v.fields["token"] == "ANNA"; });
        CHECK(annaKept);
        CHECK(e.unknown.contains(kReplacedMarker));
        CHECK(d->sync->waiting(d->data) == 0);
        CHECK_FALSE(d->sync->status().lastError);
    }
}

TEST_CASE(
    "team sync: a colleague writing between our read and our write costs a 412 and a retry, not a write") {
    Folder f;
    f.boris.data.entries.push_back(entry("e-boris", "B", 100));
    f.anna.data.entries.push_back(entry("e-anna", "A", 100));
    // Both entries in one shard, so the two writes race for one file.
    const std::size_t shard = shardOf("e-anna");
    std::string borisId = "e-boris";
    for (int i = 0; shardOf(borisId) != shard; ++i) borisId = "e-boris-" + std::to_string(i);
    f.boris.data.entries[0].id = borisId;
    int slipped = 0;
    f.dav.beforePut = [&](const std::string& name) {
        if (name != shardName(shard) || slipped++ > 0) return false;
        f.boris.round(f.clock);
        return true;
    };
    const Round r = f.anna.round(f.clock);
    CHECK_FALSE(r.error);
    CHECK(r.races == 1);
    CHECK(f.dav.preconditionFailed == 1);
    CHECK(f.anna.data.find(borisId)); // Boris's write was read and merged
    f.boris.round(f.clock);
    CHECK(f.boris.data.find("e-anna")); // and Anna's retry did not drop it
    CHECK(f.boris.data.find(borisId));
}

TEST_CASE("team sync: a file that keeps changing gives up after a bounded number of 412s") {
    Folder f;
    f.anna.data.entries.push_back(entry("e1", "T", 100));
    REQUIRE_FALSE(f.anna.round(f.clock).error);
    f.anna.data.entries[0].fields["token"] = "T2";
    f.anna.data.entries[0].updatedAt = 200;
    f.dav.beforePut = [&](const std::string& name) { // the same bytes again, under a new ETag
        f.dav.write(name, f.dav.files.at(name).bytes);
        return true;
    };
    const Round r = f.anna.round(f.clock);
    REQUIRE(r.error);
    CHECK(*r.error == Str::ErrTeamTooManyRaces);
    CHECK(r.races == kMaxRacesPerFile);
}

TEST_CASE("team sync: wrong login, no permission and a full server are told apart, and nothing is lost") {
    for (auto [status, message] :
         {std::pair{401, Str::ErrTeamWrongLogin}, std::pair{403, Str::ErrTeamNoPermission},
          std::pair{507, Str::ErrTeamServerFull}, std::pair{500, Str::ErrTeamServerError}}) {
        Folder f;
        f.anna.data.entries.push_back(entry("e1", "T", 100));
        f.dav.failPuts = 1;
        f.dav.failPutStatus = status;
        const Round r = runOnce(*f.anna.sync, f.anna.data);
        CAPTURE(status);
        REQUIRE(r.error);
        CHECK(*r.error == message);
        CHECK(f.anna.sync->waiting(f.anna.data) == 1);
        f.dav.failWith = status;
        CHECK(runOnce(*f.anna.sync, f.anna.data).error == message);
        f.dav.failWith = 0;
        CHECK_FALSE(f.anna.round(f.clock).error);
        CHECK(f.anna.sync->waiting(f.anna.data) == 0);
    }
}

TEST_CASE("team sync: a tampered or foreign-signed file on the server is refused and local data stays") {
    Folder f;
    f.anna.data.entries.push_back(entry("e1", "T", 100));
    f.anna.round(f.clock);
    f.boris.round(f.clock);
    const vault::Data before = f.boris.data;
    const std::string name = shardName(shardOf("e1"));
    crypto::Bytes bytes = f.dav.files[name].bytes;
    bytes[bytes.size() / 2] ^= 1;
    f.dav.write(name, bytes);
    const Round r = runOnce(*f.boris.sync, f.boris.data);
    REQUIRE(r.error);
    CHECK(*r.error == Str::ErrTeamBadSignature);
    CHECK(vault::serialize(f.boris.data) == vault::serialize(before));
    // A stranger's correctly signed shard: not a member.
    Installation stranger{"Чужой"};
    Manifest theirs = f.anna.sync->manifest();
    theirs.members.push_back(Member{stranger.box.publicKey, stranger.sign.publicKey, "Чужой", 1});
    TeamError error = TeamError::None;
    auto forged = writeShard(theirs, shardOf("e1"), 99, {entry("e1", "EVIL", 9999)}, stranger.sign, error);
    REQUIRE(forged);
    f.dav.write(name, *forged);
    const Round r2 = runOnce(*f.boris.sync, f.boris.data);
    REQUIRE(r2.error);
    CHECK(*r2.error == Str::ErrTeamNotAMember);
    CHECK(f.boris.data.find("e1")->fields["token"] == "T");
}

TEST_CASE("team sync: a member added by code joins; a removed member cannot read what is written after") {
    Folder f;
    Desk vera{{"Вера"}, teamData({}), nullptr};
    std::optional<Round> r;
    f.boris.sync->addMember(vera.who.box.publicKey, "Вера", [&](const Round& x) { r = x; });
    REQUIRE(r);
    REQUIRE_FALSE(r->error);
    vera.sync = std::make_unique<Sync>(f.dav, f.clock, vera.who.box, vera.who.sign, Manifest{});
    r.reset();
    vera.sync->join([&](const Round& x) { r = x; });
    REQUIRE(r);
    REQUIRE_FALSE(r->error);
    vera.data.entries.push_back(entry("e-vera", "V", 100));
    CHECK_FALSE(vera.round(f.clock).error);
    CHECK_FALSE(f.anna.round(f.clock).error);
    CHECK(f.anna.data.find("e-vera"));
    CHECK(f.anna.sync->manifest().members.size() == 3);

    r.reset();
    f.anna.data.entries.push_back(entry("e-after", "AFTER-REMOVAL", 200));
    f.anna.sync->removeMember(vera.who.box.publicKey, f.anna.data, [&](const Round& x) { r = x; });
    REQUIRE(r);
    CHECK(static_cast<int>(r->error.value_or(Str::StatusReady)) == static_cast<int>(Str::StatusReady));
    REQUIRE_FALSE(r->error);
    CHECK(f.anna.sync->manifest().epoch == 2);
    const Round veraRound = runOnce(*vera.sync, vera.data);
    REQUIRE(veraRound.error);
    CHECK(*veraRound.error == Str::ErrTeamNotForMe);
    CHECK_FALSE(vera.data.find("e-after"));
    // Every shard is under the new key: Vera's last manifest (with the old key) opens none of them.
    for (std::size_t s = 0; s < kShards; ++s) {
        if (!f.dav.files.count(shardName(s))) continue;
        TeamError error = TeamError::None;
        CHECK_FALSE(readShard(f.dav.files[shardName(s)].bytes, vera.sync->manifest(), s, error));
    }
    CHECK_FALSE(f.boris.round(f.clock).error);
    CHECK(f.boris.data.find("e-after"));
}

TEST_CASE("team sync: Apache's weak ETag right after a write costs a 412 and a second's wait, then the write "
          "goes") {
    Folder f;
    f.dav.weakAfterWrite = true;
    f.anna.data.entries.push_back(entry("e1", "T1", 100));
    REQUIRE_FALSE(f.anna.round(f.clock).error); // the shard did not exist: If-None-Match, no ETag
    f.anna.data.entries[0].fields["token"] = "T2";
    f.anna.data.entries[0].updatedAt = 200;
    const Round r = f.anna.round(f.clock);
    CHECK_FALSE(r.error);
    CHECK(r.races == 1);
    CHECK(f.dav.waitedMillis >= kWeakEtagWaitMillis);
    f.boris.round(f.clock);
    CHECK(f.boris.data.find("e1")->fields["token"] == "T2");
}
