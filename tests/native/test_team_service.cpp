// The team service as the screens use it: two installations, each its own vault session, one WebDAV
// folder (the in-memory fake). Creating with a colleague's receiving code, joining by the folder's
// address alone, the team kept in the vault across a lock, a save going out by itself, a refused file
// leaving the vault as it was.
#include "core/bundle/transfer.h"
#include "core/team/team_service.h"
#include "platform/native/memory_dav.h"
#include "session_tab.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::team;
using ts::testing::pass;
using ts::testing::Tab;
using ts::testing::upsert;

namespace {

const char* const kPass = "парольная фраза для команды";
const char* const kFolder = "http://127.0.0.1/team/";

// Each installation gets its own client of the one folder, as browsers do.
class Forward : public DavClient {
  public:
    explicit Forward(MemoryDav& to) : to_(to) {}
    void get(const std::string& n, Done d) override { to_.get(n, std::move(d)); }
    void put(const std::string& n, crypto::Bytes b, std::optional<std::string> m, Done d) override {
        to_.put(n, std::move(b), std::move(m), std::move(d));
    }
    void mkcol(Done d) override { to_.mkcol(std::move(d)); }

  private:
    MemoryDav& to_;
};

struct Desk {
    MemoryDatabase db;
    Tab tab;
    TeamService teams;
    std::vector<Link> made; // the links the service made clients for
    Desk(const Clock& clock, MemoryDav& dav)
        : tab(db, clock), teams(tab.session, clock, [this, &dav](const Link& l) {
              made.push_back(l);
              return std::make_unique<Forward>(dav);
          }) {
        db.runAll();
        REQUIRE_FALSE(tab.session.create(pass(kPass)));
        db.runAll();
    }
    vault::Session& session() { return tab.session; }
    // Frames and storage answers until nothing is left to do.
    void settle() {
        for (int i = 0; i < 10; ++i) {
            teams.tick();
            db.runAll();
        }
    }
    void ready() {
        teams.prepareKeys();
        settle();
        REQUIRE(teams.prepareKeys());
    }
    BoxPublicKey code() const { return bundle::installationKeys(tab.session.data())->publicKey; }
    const vault::Entry* entry(const std::string& id) const { return tab.session.data().find(id); }
};

vault::change::UpsertOrganisation organisation() {
    return {"org-a", "ООО «Ромашка»", "RU", "7707083893"};
}

vault::change::UpsertEntry teamEntry(const std::string& id, const std::string& token) {
    vault::change::UpsertEntry c = upsert(id, {{"title", "ЕИС"}, {"token", token}});
    c.org = "org-a";
    return c;
}

} // namespace

TEST_CASE("team service: A creates with B's code, B joins by the address, entries travel both ways and "
          "the team outlives a lock") {
    FakeClock clock;
    MemoryDav dav;
    Desk a(clock, dav), b(clock, dav);
    a.ready();
    b.ready();
    a.session().submit(organisation());
    a.session().submit(teamEntry("e1", "токен-1"));
    a.session().submit(teamEntry("personal", "не-для-команды")); // moved out of the team below
    vault::change::UpsertEntry personal = upsert("personal", {{"title", "Личное"}});
    personal.org = "";
    a.session().submit(personal);
    a.settle();

    a.teams.create("Бухгалтерия", {"org-a"}, Link{kFolder, "anna", "пароль-сервера", {}},
                   {{b.code(), "Борис"}}, "Анна");
    a.settle();
    REQUIRE(a.teams.action().done == Str::MsgTeamCreated);
    REQUIRE(a.teams.teams().size() == 1);
    CHECK(a.made.back().login == "anna"); // the client gets the login kept with the link
    // The link, with its login and the accepted manifest, is in the vault.
    const std::vector<Link> kept = linksOf(a.session().data().installation);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].password == "пароль-сервера");
    CHECK_FALSE(kept[0].manifest.empty());

    b.teams.join(Link{kFolder, "boris", "другой-пароль", {}});
    b.settle();
    REQUIRE(b.teams.action().done == Str::MsgTeamJoined);
    REQUIRE(b.entry("e1"));
    CHECK(b.entry("e1")->field("token") == "токен-1");
    CHECK_FALSE(b.entry("personal")); // never left A
    CHECK(b.teams.teams()[0]->sync->manifest().members.size() == 2);

    // B's save goes out by itself (tick after the save), A gets it on its next round.
    b.session().submit(teamEntry("e1", "токен-2"));
    b.settle();
    CHECK(b.teams.waiting(0) == 0);
    a.teams.syncNow();
    a.settle();
    CHECK(a.entry("e1")->field("token") == "токен-2");

    // Locked and unlocked: the team comes back from the vault and syncs on unlock.
    a.session().lock();
    a.settle();
    CHECK(a.teams.teams().empty());
    b.session().submit(teamEntry("e1", "токен-3"));
    b.settle();
    REQUIRE_FALSE(a.session().unlock(pass(kPass)));
    a.settle();
    REQUIRE(a.teams.teams().size() == 1);
    CHECK(a.entry("e1")->field("token") == "токен-3");
    CHECK(a.teams.teams()[0]->lastSyncAt != 0);

    // A removes B: a new team key B does not have; B's next round is refused, B keeps what it had.
    a.teams.removeMember(0, b.code());
    a.settle();
    REQUIRE(a.teams.action().done == Str::MsgTeamMemberRemoved);
    CHECK(a.teams.teams()[0]->sync->manifest().members.size() == 1);
    CHECK(a.teams.teams()[0]->sync->manifest().epoch == 2);
    a.session().submit(teamEntry("e1", "токен-после-исключения"));
    a.settle();
    b.teams.syncNow();
    b.settle();
    CHECK(b.teams.teams()[0]->error == Str::ErrTeamNotForMe);
    CHECK(b.entry("e1")->field("token") == "токен-3");
}

TEST_CASE("team service: a tampered shard is refused with its message and the vault stays as it was; "
          "an unreachable server is said in plain words and the change waits") {
    FakeClock clock;
    MemoryDav dav;
    Desk a(clock, dav);
    a.ready();
    a.session().submit(organisation());
    a.session().submit(teamEntry("e1", "токен-1"));
    a.settle();
    a.teams.create("Бухгалтерия", {"org-a"}, Link{kFolder, {}, {}, {}}, {}, "Анна");
    a.settle();
    REQUIRE(a.teams.teams().size() == 1);

    dav.unreachable = true;
    a.session().submit(teamEntry("e1", "токен-2"));
    a.settle();
    CHECK(a.teams.teams()[0]->error == Str::ErrTeamUnreachable);
    CHECK(a.teams.waiting(0) == 1);
    dav.unreachable = false;

    const std::string shard = shardName(shardOf("e1"));
    crypto::Bytes bytes = dav.files.at(shard).bytes;
    bytes[bytes.size() / 2] ^= 1;
    dav.write(shard, bytes);
    const std::uint64_t revision = a.session().revision();
    a.teams.syncNow();
    a.settle();
    CHECK(a.teams.teams()[0]->error == Str::ErrTeamBadSignature);
    CHECK(a.session().revision() == revision);
    CHECK(a.entry("e1")->field("token") == "токен-2");
}

TEST_CASE("team service: refuses a folder already connected and a team without organisations") {
    FakeClock clock;
    MemoryDav dav;
    Desk a(clock, dav);
    a.ready();
    a.teams.create("Бухгалтерия", {}, Link{kFolder, {}, {}, {}}, {}, "Анна");
    CHECK(a.teams.action().error == Str::ErrTeamNoOrganisations);
    CHECK(dav.puts == 0);
    CHECK_FALSE(folderAddress("ftp://server/team"));
    CHECK_FALSE(folderAddress("https://anna:secret@server/team/"));
    CHECK(folderAddress(" https://server/team") == std::string("https://server/team/"));
}
