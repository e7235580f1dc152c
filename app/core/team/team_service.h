// The teams of the open vault, kept in step with their folders: what the team screen shows and does,
// and when a sync round runs — when the vault is unlocked, after a save that changed a team's entries,
// every few minutes while it stays unlocked, and when the user asks. Offline first: a round that cannot
// reach the server changes nothing; the changes wait in the vault and go out on a later round.
//
// Each team has its own DavClient (made by `makeDav` from the folder and login kept in the vault) and
// its own Sync (core/team/sync.h). A round's result reaches the vault as a TeamMerge change, and a
// member list that changed as a SetTeam change: the session saves both like the user's own changes.
#pragma once

#include "core/clock.h"
#include "core/strings.h"
#include "core/team/sync.h"
#include "core/team/team_links.h"
#include "core/vault/session.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ts::team {

// A round every this often while the vault is unlocked (and sooner after a save or a click).
inline constexpr int kSyncIntervalMillis = 2 * 60 * 1000;

class TeamService {
  public:
    // Null when the folder cannot be used (never for an address folderAddress() accepted).
    using MakeDav = std::function<std::unique_ptr<DavClient>(const Link&)>;

    struct Team {
        Link link;
        std::unique_ptr<DavClient> dav;
        std::unique_ptr<Sync> sync;
        std::optional<Str> error;    // the last round's, in plain words; none: it went through
        std::int64_t lastSyncAt = 0; // 0: not since unlock
        std::int64_t lastTryAt = 0;  // the last round started (clock's ms)
        bool running = false, again = false;
        int replaced = 0; // entries whose colleague's version was replaced, last round
        std::uint64_t keptSequence = 0, keptEpoch = 0; // the manifest the vault holds
        std::uint64_t generation = 0;                  // the unlock it belongs to
    };
    // The outcome of the last create / join / add / remove, for the form that asked.
    struct Action {
        bool busy = false;
        std::optional<Str> error;
        std::optional<Str> done;
    };
    struct NewMember {
        BoxPublicKey box{};
        std::string name;
    };

    TeamService(vault::Session& session, const Clock& clock, MakeDav makeDav,
                std::function<void(int ms)> wakeIn = {});

    // Once per frame (and after every answer): follows the session (unlock, lock, saves) and starts
    // the rounds that are due.
    void tick();
    // The screen is showing teams: makes this installation's keys if the vault has none yet.
    // True once both exist.
    bool prepareKeys();
    void syncNow();

    void create(std::string name, const std::vector<std::string>& orgIds, Link link,
                const std::vector<NewMember>& members, std::string myName);
    void join(Link link);
    void addMember(std::size_t team, const NewMember& member);
    void removeMember(std::size_t team, const BoxPublicKey& box);
    // Forgets the team here (the vault keeps the entries; the folder is not touched).
    void leave(std::size_t team);

    const std::vector<std::unique_ptr<Team>>& teams() const { return teams_; }
    const Action& action() const { return action_; }
    void clearAction() { action_ = {}; }
    int waiting(std::size_t team) const;

  private:
    struct Keys {
        bundle::KeyPair box;
        SignKeyPair sign;
    };
    std::optional<Keys> keys() const;
    void load();
    void retireAll();
    void startRound(Team& t);
    void roundDone(Team& t, const Round& r);
    void keep(Team& t);
    std::unique_ptr<Team> makeTeam(Link link, Manifest accepted, const Keys& k);
    void schedule(int ms);

    vault::Session& session_;
    const Clock& clock_;
    MakeDav makeDav_;
    std::function<void(int)> wakeIn_;
    std::vector<std::unique_ptr<Team>> teams_;
    // Teams of an earlier unlock, or being created or joined, kept alive until their round answers
    // (its callbacks point at them).
    std::vector<std::unique_ptr<Team>> retired_;
    std::unique_ptr<Team> pending_;
    std::set<std::string> leaving_; // folders the user left: dropped once the vault no longer has them
    Action action_;
    bool unlocked_ = false;
    std::uint64_t generation_ = 1;
    std::uint64_t seenVersion_ = 0;
};

} // namespace ts::team
