// Keeping a team's entries in step with its folder on a WebDAV server, offline first: local changes
// live in the vault and go out on the next round that reaches the server; nothing the server holds is
// believed before it verifies (core/team/team_file.h), and nothing is ever written over a version
// this installation has not read and merged (conditional PUTs: If-Match, If-None-Match: *; a 412
// means someone wrote first — read again, merge, retry).
//
// A round: read the manifest (who the members are, the key), then each of the 16 shards: read,
// verify, merge into a working copy of the local data, and write the shard back when the local
// entries of that shard differ from what it holds. The round's result is a vault Change (TeamMerge)
// that the session applies like any other, so edits the user made meanwhile are merged, not lost.
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/clock.h"
#include "core/strings.h"
#include "core/team/dav_client.h"
#include "core/team/merge_remote.h"
#include "core/team/team_file.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace ts::team {

// Rounds of 412 on one file before giving up until the next round. Apache answers 412 to an If-Match
// on the weak ETag it gives a file changed within the last second, so a few in a row are normal.
inline constexpr int kMaxRacesPerFile = 8;
// How long to wait before retrying a PUT refused on a weak ETag ("W/…"): Apache's is weak for the
// second after a write.
inline constexpr int kWeakEtagWaitMillis = 1100;

struct Round {
    std::optional<Str> error;        // none: the round went through
    vault::change::TeamMerge change; // what the server held, to be merged into the vault
    MergeOutcome outcome;            // what that merge did to the snapshot the round started from
    int races = 0;                   // 412 answers this round
    int written = 0;                 // files written
};

class Sync {
  public:
    struct Status {
        std::int64_t lastSyncAt = 0; // 0: never
        std::optional<Str> lastError;
        int races = 0; // 412 answers, over all rounds
        bool running = false;
    };
    using Done = std::function<void(const Round&)>;

    Sync(DavClient& dav, const Clock& clock, const bundle::KeyPair& box, const SignKeyPair& sign,
         Manifest accepted);

    // One round against `local`, a snapshot of the vault's data. `done` is called exactly once.
    void run(const vault::Data& local, Done done);
    // Writes a new team's manifest and shards (If-None-Match: *: never over an existing team).
    void create(const vault::Data& local, Done done);
    // Any member adds a member by receiving code (they join on their first round: join()).
    void addMember(const BoxPublicKey& box, std::string name, Done done);
    // Sets this installation's signing key in the manifest: the first write of a new member.
    void join(Done done);
    // A new team key (epoch + 1) sealed to the others only, and every shard written again under it:
    // the removed member cannot read anything written after. What they already had stays with them.
    void removeMember(const BoxPublicKey& box, const vault::Data& local, Done done);

    const Status& status() const { return status_; }
    const Manifest& manifest() const { return manifest_; }
    // Local entries of the team whose current version the server did not hold after the last round.
    int waiting(const vault::Data& local) const;

  private:
    struct Work;
    void fail(const std::shared_ptr<Work>& w, Str error);
    void readManifestThen(const std::shared_ptr<Work>& w,
                          std::function<void(std::optional<std::string>)> then);
    void changeManifest(const std::shared_ptr<Work>& w, std::function<bool(Manifest&)> edit, int races);
    void syncShard(const std::shared_ptr<Work>& w, std::size_t shard);
    void finish(const std::shared_ptr<Work>& w);

    DavClient& dav_;
    const Clock& clock_;
    bundle::KeyPair box_;
    SignKeyPair sign_;
    Manifest manifest_;
    Status status_;
    std::map<std::string, std::string> synced_; // entry id → its content as the server last held it
};

// What a DAV status means to the user; none for success.
std::optional<Str> davError(int status);

} // namespace ts::team
