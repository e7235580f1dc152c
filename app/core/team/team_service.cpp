#include "core/team/team_service.h"

#include "core/bundle/transfer.h"

#include <algorithm>

namespace ts::team {

TeamService::TeamService(vault::Session& session, const Clock& clock, MakeDav makeDav,
                         std::function<void(int ms)> wakeIn)
    : session_(session), clock_(clock), makeDav_(std::move(makeDav)), wakeIn_(std::move(wakeIn)) {}

std::optional<TeamService::Keys> TeamService::keys() const {
    auto box = bundle::installationKeys(session_.data());
    auto sign = signKeyPairOf(session_.data().installation);
    if (!box || !sign) return std::nullopt;
    return Keys{std::move(*box), std::move(*sign)};
}

bool TeamService::prepareKeys() {
    if (session_.state() != vault::Session::State::Unlocked) return false;
    const vault::Installation& in = session_.data().installation;
    // Made once per vault, on first need; a second tab doing the same loses in apply().
    if (!session_.saving()) {
        if (in.secretKey.empty()) session_.submit(bundle::newInstallationKeyChange());
        if (in.signSeed.empty()) session_.submit(newSigningKeyChange());
    }
    return keys().has_value();
}

void TeamService::schedule(int ms) {
    if (wakeIn_) wakeIn_(ms);
}

std::unique_ptr<TeamService::Team> TeamService::makeTeam(Link link, Manifest accepted, const Keys& k) {
    auto t = std::make_unique<Team>();
    t->link = std::move(link);
    t->dav = makeDav_(t->link);
    if (!t->dav) return nullptr;
    t->keptSequence = accepted.sequence;
    t->keptEpoch = accepted.epoch;
    t->generation = generation_;
    t->sync = std::make_unique<Sync>(*t->dav, clock_, k.box, k.sign, std::move(accepted));
    return t;
}

void TeamService::load() {
    const std::optional<Keys> k = keys();
    const std::vector<Link> links = linksOf(session_.data().installation);
    for (auto& t : teams_) { // left here (SetTeam remove): kept alive until its round answers
        const bool kept = std::any_of(links.begin(), links.end(),
                                      [&](const Link& l) { return l.folder == t->link.folder; });
        if (!kept && leaving_.count(t->link.folder)) retired_.push_back(std::move(t));
    }
    std::erase_if(teams_, [](const auto& t) { return !t; });
    for (const Link& link : links) {
        const auto same = std::find_if(teams_.begin(), teams_.end(),
                                       [&](const auto& t) { return t->link.folder == link.folder; });
        if (same != teams_.end()) {
            (*same)->link = link; // a new login, or the manifest this service kept
            continue;
        }
        if (!k) continue;
        std::optional<Manifest> accepted = openKept(link, k->box);
        if (!accepted) continue; // not ours to open (another installation's vault restored here)
        if (auto t = makeTeam(link, std::move(*accepted), *k)) teams_.push_back(std::move(t));
    }
}

void TeamService::retireAll() {
    for (auto& t : teams_) retired_.push_back(std::move(t));
    teams_.clear();
    leaving_.clear();
    if (pending_) retired_.push_back(std::move(pending_));
    action_ = {};
    ++generation_;
}

void TeamService::tick() {
    std::erase_if(retired_, [](const auto& t) { return !t->running; });
    if (session_.state() != vault::Session::State::Unlocked) {
        if (unlocked_) retireAll();
        unlocked_ = false;
        return;
    }
    const bool justUnlocked = !unlocked_;
    unlocked_ = true;
    if (justUnlocked || session_.dataVersion() != seenVersion_) {
        seenVersion_ = session_.dataVersion();
        load();
        for (auto& t : teams_) {
            // On unlock every team syncs; after a save, those whose entries changed.
            if (!justUnlocked && waiting(&t - teams_.data()) == 0) continue;
            if (t->running)
                t->again = true;
            else
                startRound(*t);
        }
    }
    const std::int64_t now = clock_.nowMillis();
    for (auto& t : teams_)
        if (!t->running && now - t->lastTryAt >= kSyncIntervalMillis) startRound(*t);
}

void TeamService::syncNow() {
    for (auto& t : teams_) {
        if (t->running)
            t->again = true;
        else
            startRound(*t);
    }
}

int TeamService::waiting(std::size_t team) const {
    if (team >= teams_.size() || !teams_[team]->sync) return 0;
    return teams_[team]->sync->waiting(session_.data());
}

void TeamService::startRound(Team& t) {
    t.running = true;
    t.again = false;
    t.lastTryAt = clock_.nowMillis();
    schedule(kSyncIntervalMillis);
    Team* team = &t;
    t.sync->run(session_.data(), [this, team](const Round& r) { roundDone(*team, r); });
}

void TeamService::roundDone(Team& t, const Round& r) {
    t.running = false;
    if (t.generation != generation_) return; // locked since: nothing of it may reach the vault
    if (r.error) {
        t.error = r.error;
        return;
    }
    t.error.reset();
    t.lastSyncAt = clock_.nowMillis();
    t.replaced = static_cast<int>(r.outcome.replaced.size());
    session_.submit(r.change);
    keep(t);
    if (t.again) startRound(t);
}

// The vault keeps the manifest last accepted, so that a member list put back to an older copy is
// refused even after a reload.
void TeamService::keep(Team& t) {
    const Manifest& m = t.sync->manifest();
    if (m.sequence == t.keptSequence && m.epoch == t.keptEpoch && !t.link.manifest.empty()) return;
    const std::optional<Keys> k = keys();
    if (!k) return;
    const std::optional<std::string> kept = keepManifest(m, k->sign);
    if (!kept) return;
    t.link.manifest = *kept;
    t.keptSequence = m.sequence;
    t.keptEpoch = m.epoch;
    session_.submit(setLinkChange(t.link));
}

void TeamService::create(std::string name, const std::vector<std::string>& orgIds, Link link,
                         const std::vector<NewMember>& members, std::string myName) {
    action_ = {};
    const std::optional<Keys> k = keys();
    if (!k) {
        action_.error = Str::TeamKeysMaking;
        return;
    }
    for (const auto& t : teams_)
        if (t->link.folder == link.folder) {
            action_.error = Str::ErrTeamAlreadyLinked;
            return;
        }
    std::vector<Organisation> orgs;
    for (const std::string& id : orgIds)
        if (const vault::Organisation* o = session_.data().organisation(id))
            orgs.push_back(Organisation{o->id, o->name, o->country, o->taxId});
    if (orgs.empty()) {
        action_.error = Str::ErrTeamNoOrganisations;
        return;
    }
    const std::int64_t now = clock_.nowMillis();
    Manifest m = newTeam(std::move(name), std::move(orgs), k->box.publicKey, k->sign.publicKey,
                         std::move(myName), now);
    for (const NewMember& n : members)
        if (!m.memberByBox(n.box)) m.members.push_back(Member{n.box, {}, n.name, now});
    link.manifest.clear();
    pending_ = makeTeam(std::move(link), std::move(m), *k);
    if (!pending_) {
        action_.error = Str::ErrTeamFolderAddress;
        return;
    }
    action_.busy = true;
    pending_->running = true;
    Team* team = pending_.get();
    team->sync->create(session_.data(), [this, team](const Round& r) {
        team->running = false;
        if (team->generation != generation_ || team != pending_.get()) return;
        action_.busy = false;
        if (r.error) {
            action_.error = r.error;
            retired_.push_back(std::move(pending_));
            return;
        }
        team->lastSyncAt = team->lastTryAt = clock_.nowMillis();
        keep(*team);
        session_.submit(r.change);
        teams_.push_back(std::move(pending_));
        action_.done = Str::MsgTeamCreated;
    });
}

void TeamService::join(Link link) {
    action_ = {};
    const std::optional<Keys> k = keys();
    if (!k) {
        action_.error = Str::TeamKeysMaking;
        return;
    }
    for (const auto& t : teams_)
        if (t->link.folder == link.folder) {
            action_.error = Str::ErrTeamAlreadyLinked;
            return;
        }
    link.manifest.clear();
    pending_ = makeTeam(std::move(link), Manifest{}, *k);
    if (!pending_) {
        action_.error = Str::ErrTeamFolderAddress;
        return;
    }
    action_.busy = true;
    pending_->running = true;
    Team* team = pending_.get();
    const auto failed = [this](const Round& r) {
        action_.busy = false;
        action_.error = r.error;
        retired_.push_back(std::move(pending_));
    };
    team->sync->join([this, team, failed](const Round& joined) {
        if (team->generation != generation_ || team != pending_.get()) {
            team->running = false;
            return;
        }
        if (joined.error) {
            team->running = false;
            return failed(joined);
        }
        team->sync->run(session_.data(), [this, team, failed](const Round& r) {
            team->running = false;
            if (team->generation != generation_ || team != pending_.get()) return;
            if (r.error) return failed(r);
            action_.busy = false;
            team->lastSyncAt = team->lastTryAt = clock_.nowMillis();
            keep(*team);
            session_.submit(r.change);
            teams_.push_back(std::move(pending_));
            action_.done = Str::MsgTeamJoined;
        });
    });
}

void TeamService::addMember(std::size_t index, const NewMember& member) {
    action_ = {};
    if (index >= teams_.size() || teams_[index]->running) {
        action_.error = Str::ErrTeamBusy;
        return;
    }
    Team& t = *teams_[index];
    if (t.sync->manifest().memberByBox(member.box)) {
        action_.error = Str::ErrTeamAlreadyMember;
        return;
    }
    action_.busy = t.running = true;
    Team* team = &t;
    t.sync->addMember(member.box, member.name, [this, team](const Round& r) {
        team->running = false;
        if (team->generation != generation_) return;
        action_.busy = false;
        if (r.error) {
            action_.error = team->error = r.error;
            return;
        }
        keep(*team);
        action_.done = Str::MsgTeamMemberAdded;
    });
}

void TeamService::removeMember(std::size_t index, const BoxPublicKey& box) {
    action_ = {};
    if (index >= teams_.size() || teams_[index]->running) {
        action_.error = Str::ErrTeamBusy;
        return;
    }
    Team& t = *teams_[index];
    action_.busy = t.running = true;
    Team* team = &t;
    t.sync->removeMember(box, session_.data(), [this, team](const Round& r) {
        team->running = false;
        if (team->generation != generation_) return;
        action_.busy = false;
        if (r.error) {
            action_.error = team->error = r.error;
            return;
        }
        team->error.reset();
        team->lastSyncAt = clock_.nowMillis();
        session_.submit(r.change);
        keep(*team);
        action_.done = Str::MsgTeamMemberRemoved;
    });
}

void TeamService::leave(std::size_t index) {
    if (index >= teams_.size()) return;
    leaving_.insert(teams_[index]->link.folder);
    session_.submit(removeLinkChange(teams_[index]->link.folder));
}

} // namespace ts::team
