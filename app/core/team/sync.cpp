#include "core/team/sync.h"

#include <memory>

namespace ts::team {

using vault::Data;
using vault::Entry;

struct Sync::Work {
    Data local;                                       // the snapshot, merged as the round goes
    std::map<std::size_t, std::vector<Entry>> remote; // shard → the entries it held
    std::map<std::string, std::string> synced;        // what the server holds after this round
    std::function<bool(Manifest&)> thenManifest;      // a member change, before the shards
    Round round;
    Done done;
    int fileRaces = 0;
    bool creating = false;
    bool shardsDone = false;                  // every shard was read (and written where needed)
    std::map<std::size_t, std::string> etags; // shard → the ETag of the version read and merged
    // A removal: the shards as read under the old manifest, when the removed member was still one.
    // Such a file signed by them is written over (If-Match its ETag) instead of refused.
    std::map<std::size_t, std::string> readBeforeRemoval;
    std::function<void()> afterShards; // a removal: what follows the round under the old manifest
};

namespace {

std::string contentOf(const Entry& e) {
    return e.kind + '\n' + e.fields.dump();
}

crypto::SecretBytes bodyOf(const std::vector<Entry>& entries) {
    Data d;
    d.entries = entries;
    return vault::serialize(d);
}

bool ok(int status) {
    return status >= 200 && status < 300;
}

} // namespace

std::optional<Str> davError(int status) {
    if (ok(status)) return std::nullopt;
    switch (status) {
    case 0:
        return Str::ErrTeamUnreachable;
    case 401:
        return Str::ErrTeamWrongLogin;
    case 403:
        return Str::ErrTeamNoPermission;
    case 507:
        return Str::ErrTeamServerFull;
    default:
        return Str::ErrTeamServerError;
    }
}

Sync::Sync(DavClient& dav, const Clock& clock, const bundle::KeyPair& box, const SignKeyPair& sign,
           Manifest accepted)
    : dav_(dav), clock_(clock), box_(box), sign_(sign), manifest_(std::move(accepted)) {}

int Sync::waiting(const Data& local) const {
    int n = 0;
    for (const Entry& e : local.entries) {
        if (!manifest_.hasOrganisation(e.org)) continue;
        const auto it = synced_.find(e.id);
        n += it == synced_.end() || it->second != contentOf(e) ? 1 : 0;
    }
    return n;
}

void Sync::fail(const std::shared_ptr<Work>& w, Str error) {
    status_.lastError = error;
    status_.running = false;
    w->round.error = error;
    w->done(w->round);
}

void Sync::readManifestThen(const std::shared_ptr<Work>& w,
                            std::function<void(std::optional<std::string>)> then) {
    dav_.get(manifestName(), [this, w, then](DavResponse r) {
        if (const auto e = davError(r.status)) return fail(w, *e);
        TeamError error = TeamError::None;
        auto m = readManifest(r.body, box_, manifest_.epoch ? &manifest_ : nullptr, error);
        if (!m) return fail(w, messageFor(error));
        manifest_ = std::move(*m);
        then(r.etag);
    });
}

void Sync::run(const Data& local, Done done) {
    auto w = std::make_shared<Work>();
    w->local = local;
    w->done = std::move(done);
    status_.running = true;
    readManifestThen(w, [this, w](std::optional<std::string>) { syncShard(w, 0); });
}

void Sync::create(const Data& local, Done done) {
    auto w = std::make_shared<Work>();
    w->local = local;
    w->done = std::move(done);
    w->creating = true;
    status_.running = true;
    dav_.mkcol([this, w](DavResponse r) {
        if (r.status != 405 && !ok(r.status)) return fail(w, *davError(r.status));
        TeamError error = TeamError::None;
        auto bytes = writeManifest(manifest_, sign_, error);
        if (!bytes) return fail(w, messageFor(error));
        dav_.put(manifestName(), std::move(*bytes), std::nullopt, [this, w](DavResponse p) {
            // 412: the folder already holds a team; creating one must never write over it.
            if (p.status == 412) return fail(w, Str::ErrTeamForeignTeam);
            if (const auto e = davError(p.status)) return fail(w, *e);
            ++w->round.written;
            syncShard(w, 0);
        });
    });
}

void Sync::changeManifest(const std::shared_ptr<Work>& w, std::function<bool(Manifest&)> edit, int races) {
    readManifestThen(w, [this, w, edit, races](std::optional<std::string> etag) {
        Manifest next = manifest_;
        if (!edit(next)) return finish(w); // nothing to change (already a member, already joined)
        ++next.sequence;
        TeamError error = TeamError::None;
        auto bytes = writeManifest(next, sign_, error);
        if (!bytes) return fail(w, messageFor(error));
        auto shared = std::make_shared<Manifest>(std::move(next));
        const bool weak = etag && etag->rfind("W/", 0) == 0;
        dav_.put(manifestName(), std::move(*bytes), etag,
                 [this, w, edit, races, shared, weak](DavResponse p) {
                     if (p.status == 412) {
                         ++w->round.races;
                         ++status_.races;
                         if (races + 1 >= kMaxRacesPerFile) return fail(w, Str::ErrTeamTooManyRaces);
                         return dav_.wait(weak ? kWeakEtagWaitMillis : 0,
                                          [this, w, edit, races] { changeManifest(w, edit, races + 1); });
                     }
                     if (const auto e = davError(p.status)) return fail(w, *e);
                     ++w->round.written;
                     manifest_ = std::move(*shared);
                     if (w->thenManifest) return syncShard(w, 0);
                     finish(w);
                 });
    });
}

void Sync::addMember(const BoxPublicKey& box, std::string name, Done done) {
    auto w = std::make_shared<Work>();
    w->done = std::move(done);
    status_.running = true;
    const std::int64_t now = clock_.nowMillis();
    changeManifest(
        w,
        [box, name, now](Manifest& m) {
            if (m.memberByBox(box)) return false;
            m.members.push_back(Member{box, {}, name, now});
            return true;
        },
        0);
}

void Sync::join(Done done) {
    auto w = std::make_shared<Work>();
    w->done = std::move(done);
    status_.running = true;
    const BoxPublicKey mine = box_.publicKey;
    const SignPublicKey sign = sign_.publicKey;
    changeManifest(
        w,
        [mine, sign](Manifest& m) {
            for (Member& member : m.members)
                if (member.box == mine && !member.joined()) {
                    member.sign = sign;
                    return true;
                }
            return false;
        },
        0);
}

void Sync::removeMember(const BoxPublicKey& box, const Data& local, Done done) {
    auto w = std::make_shared<Work>();
    w->local = local;
    w->done = std::move(done);
    w->thenManifest = [](Manifest&) { return true; };
    status_.running = true;
    // First a round under the old manifest: everything the removed member wrote is read and merged
    // while they are still a member; then the new manifest; then every shard again, under the new key.
    w->afterShards = [this, w, box] {
        w->readBeforeRemoval = w->etags;
        w->shardsDone = false;
        changeManifest(
            w,
            [box](Manifest& m) {
                const auto it = std::find_if(m.members.begin(), m.members.end(),
                                             [&](const Member& member) { return member.box == box; });
                if (it == m.members.end()) return false;
                m.members.erase(it);
                m.previousKey = m.key;
                m.key = crypto::randomKey();
                ++m.epoch;
                return true;
            },
            0);
    };
    readManifestThen(w, [this, w](std::optional<std::string>) { syncShard(w, 0); });
}

void Sync::syncShard(const std::shared_ptr<Work>& w, std::size_t shard) {
    if (shard >= kShards) {
        w->shardsDone = true;
        return finish(w);
    }
    dav_.get(shardName(shard), [this, w, shard](DavResponse r) {
        std::optional<Shard> held;
        if (r.status != 404) {
            if (const auto e = davError(r.status)) return fail(w, *e);
            TeamError error = TeamError::None;
            held = readShard(r.body, manifest_, shard, error);
            const auto before = w->readBeforeRemoval.find(shard);
            if (!held && error == TeamError::NotAMember && before != w->readBeforeRemoval.end() &&
                before->second == r.etag)
                held = Shard{shard, 0, 0, {}, w->remote[shard]}; // merged under the old manifest: rewritten
            if (!held) return fail(w, messageFor(error));
            const MergeOutcome o = mergeRemote(w->local, held->entries, manifest_);
            w->round.outcome.added += o.added;
            w->round.outcome.updated += o.updated;
            w->round.outcome.replaced.insert(w->round.outcome.replaced.end(), o.replaced.begin(),
                                             o.replaced.end());
            w->remote[shard] = held->entries;
            w->etags[shard] = r.etag;
        }
        std::vector<Entry> mine = shardEntries(w->local, manifest_, shard);
        const auto next = [this, w, shard, mine] {
            for (const Entry& e : mine) w->synced[e.id] = contentOf(e);
            w->fileRaces = 0;
            syncShard(w, shard + 1);
        };
        const bool same =
            held ? held->epoch == manifest_.epoch && bodyOf(held->entries) == bodyOf(mine) : mine.empty();
        if (same) return next();
        TeamError error = TeamError::None;
        auto bytes = writeShard(manifest_, shard, held ? held->sequence + 1 : 1, mine, sign_, error);
        if (!bytes) return fail(w, messageFor(error));
        std::optional<std::string> ifMatch;
        if (held) ifMatch = r.etag;
        const bool weak = ifMatch && ifMatch->rfind("W/", 0) == 0;
        dav_.put(shardName(shard), std::move(*bytes), ifMatch, [this, w, shard, next, weak](DavResponse p) {
            if (p.status == 412) { // someone wrote first: read again, merge, retry
                ++w->round.races;
                ++status_.races;
                if (++w->fileRaces >= kMaxRacesPerFile) return fail(w, Str::ErrTeamTooManyRaces);
                return dav_.wait(weak ? kWeakEtagWaitMillis : 0, [this, w, shard] { syncShard(w, shard); });
            }
            if (const auto e = davError(p.status)) return fail(w, *e);
            ++w->round.written;
            next();
        });
    });
}

void Sync::finish(const std::shared_ptr<Work>& w) {
    if (w->afterShards) {
        const auto next = std::move(w->afterShards);
        w->afterShards = nullptr;
        return next();
    }
    vault::change::TeamMerge& held = w->round.change;
    held = {};
    for (const Organisation& o : manifest_.organisations)
        held.organisations.push_back(vault::Organisation{o.id, o.name, o.country, o.taxId, {}});
    for (const auto& [shard, entries] : w->remote)
        held.entries.insert(held.entries.end(), entries.begin(), entries.end());
    if (w->shardsDone) synced_ = std::move(w->synced);
    status_.lastSyncAt = clock_.nowMillis();
    status_.lastError.reset();
    status_.running = false;
    w->done(w->round);
}

} // namespace ts::team
