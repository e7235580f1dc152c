#include "core/vault/session.h"

#include "core/utf8.h"

#include <algorithm>
#include <cmath>

namespace ts::vault {
namespace {

constexpr int kMaxConflictsInARow = 5;

Str parseMessage(ParseError e) {
    return e == ParseError::NewerSchema ? Str::ErrVaultNewerSchema : Str::ErrVaultBodyUnreadable;
}

} // namespace

Session::Session(Storage& storage, const Clock& clock, crypto::KdfParams kdf)
    : storage_(storage), clock_(clock), kdf_(kdf) {}

void Session::tell(Str text, bool error, std::string detail) {
    if (notify_) notify_(Notice{text, std::move(detail), error});
}

void Session::start() {
    storage_.setChangeListener([this](std::uint64_t rev) { onChangedElsewhere(rev); });
    state_ = State::Loading;
    reload([this](const LoadResult& r) {
        if (!r.ok) {
            state_ = State::LoadFailed;
            tell(Str::ErrStorageLoad, true, r.error);
            return;
        }
        adoptLoaded(r);
        if (current_) askPersistence();
    });
}

void Session::reload(std::function<void(const LoadResult&)> then) {
    const std::uint64_t epoch = epoch_;
    storage_.load([this, epoch, then = std::move(then)](LoadResult r) {
        if (epoch != epoch_) return; // locked meanwhile: a newer request will answer
        then(r);
    });
}

void Session::adoptLoaded(const LoadResult& r) {
    current_ = r.current;
    previous_ = r.previous;
    if (state_ == State::Loading || state_ == State::NoVault || state_ == State::LoadFailed)
        state_ = current_ ? State::Locked : State::NoVault;
}

void Session::askPersistence() {
    storage_.requestPersistence([this](Persistence p) { persistence_ = p; });
}

Session::Reopened Session::reopenCurrent() {
    Opened opened;
    const VaultError err = reopen(current_->bytes, *keys_, opened);
    if (err == VaultError::WrongPassphrase) return Reopened::PassphraseChangedElsewhere;
    std::optional<Str> refused;
    if (err == VaultError::None) refused = checkRevision(*current_, opened.keys.header, seenRevision_);
    if (refused == Str::ErrVaultRolledBack) return Reopened::RolledBack;
    Data data;
    if (err != VaultError::None || refused || parse(opened.body, data) != ParseError::None)
        return Reopened::Unreadable;
    data_ = std::move(data);
    ++dataVersion_;
    revision_ = current_->revision;
    damagedCurrent_ = false;
    noteSeen(opened.keys.header);
    return Reopened::Adopted;
}

std::optional<Str> Session::checkRevision(const StoredVault& stored, const Header& header,
                                          std::uint64_t floor) const {
    // The record's revision decides which save may follow (storage's compare-and-set); the file's
    // own is authenticated. A record that disagrees with its file was not written by TokenSafe.
    if (stored.revision != header.revision) return Str::ErrVaultRecordMismatch;
    if (seenId_ && *seenId_ == header.id && header.revision < floor) return Str::ErrVaultRolledBack;
    return std::nullopt;
}

void Session::noteSeen(const Header& header) {
    if (!seenId_ || *seenId_ != header.id) {
        seenId_ = header.id;
        seenRevision_ = 0;
    }
    seenRevision_ = std::max(seenRevision_, header.revision);
}

bool Session::previousNeedsRewrite() const {
    // A generation kept from before a passphrase change made by an older version (which only
    // rewrapped the key) still opens with the old passphrase: write it again under ours.
    if (!previous_ || damagedCurrent_) return false;
    Header h;
    return inspect(previous_->bytes, h) == VaultError::None && !sameWrap(h, keys_->header);
}

std::optional<Str> Session::create(const crypto::SecretBytes& passphrase) {
    if (state_ != State::NoVault) return Str::MsgVaultExistsElsewhere;
    if (utf8Length({reinterpret_cast<const char*>(passphrase.data()), passphrase.size()}) <
        kMinPassphraseChars)
        return Str::ErrPassphraseTooShort;
    if (passphraseStrength(passphrase) < kMinPassphraseStrength) return Str::ErrPassphraseWeak;
    std::optional<Keys> keys = vault::create(passphrase, kdf_);
    if (!keys) return Str::ErrVaultKdfFailed;
    state_ = State::Creating;
    pendingKeys_ = std::move(keys);
    pendingData_ = Data{};
    const crypto::Bytes file = write(*pendingKeys_, 1, serialize(pendingData_));
    inFlight_ = true;
    const std::uint64_t epoch = epoch_;
    storage_.save(file, 0, 1, false, [this, epoch](SaveOutcome outcome, std::string error) {
        if (epoch != epoch_) return;
        inFlight_ = false;
        if (outcome == SaveOutcome::Saved) {
            keys_ = std::move(pendingKeys_);
            data_ = std::move(pendingData_);
            ++dataVersion_;
            revision_ = 1;
            noteSeen(keys_->header);
            state_ = State::Unlocked;
            tell(Str::MsgVaultCreated);
            askPersistence();
            refreshFromStorage(false);
            return;
        }
        pendingKeys_.reset();
        state_ = State::NoVault;
        if (outcome == SaveOutcome::Conflict) {
            tell(Str::MsgVaultExistsElsewhere, true);
            refreshFromStorage(false);
        } else {
            tell(Str::ErrSaveFailed, true, error);
        }
    });
    return std::nullopt;
}

std::optional<Str> Session::unlock(const crypto::SecretBytes& passphrase) {
    if (state_ != State::Locked || !current_) return Str::ErrStorageLoad;
    if (clock_.nowMillis() < unlockAllowedAt_) return Str::ErrUnlockWait;
    Opened opened;
    VaultError err = open(current_->bytes, passphrase, opened);
    bool fromPrevious = false;
    // A damaged latest save falls back to the generation kept before it; if that one says the
    // passphrase is wrong, that is the answer (the damage may have hidden it).
    const bool damaged = err != VaultError::None && err != VaultError::WrongPassphrase &&
                         err != VaultError::KdfFailed && err != VaultError::NewerVersion;
    if (damaged && previous_) {
        Opened prev;
        const VaultError prevErr = open(previous_->bytes, passphrase, prev);
        if (prevErr == VaultError::None) {
            opened = std::move(prev);
            err = VaultError::None;
            fromPrevious = true;
        } else if (prevErr == VaultError::WrongPassphrase) {
            err = prevErr;
        }
    }
    if (err == VaultError::WrongPassphrase) {
        ++failedUnlocks_;
        const int waitSeconds = std::min(1 << std::min(failedUnlocks_ - 1, 4), 10);
        unlockAllowedAt_ = clock_.nowMillis() + waitSeconds * 1000;
    }
    if (err != VaultError::None) return messageFor(err);
    // The previous generation stands in for a damaged latest one: it must be older than the record
    // it stands in for, and may be one revision behind what this page has seen.
    const StoredVault& used = fromPrevious ? *previous_ : *current_;
    if (fromPrevious && used.revision >= current_->revision) return Str::ErrVaultRecordMismatch;
    if (const auto refused = checkRevision(
            used, opened.keys.header, fromPrevious && seenRevision_ > 0 ? seenRevision_ - 1 : seenRevision_))
        return refused;
    Data data;
    if (const ParseError pe = parse(opened.body, data); pe != ParseError::None) return parseMessage(pe);
    failedUnlocks_ = 0;
    unlockAllowedAt_ = 0;
    keys_ = std::move(opened.keys);
    data_ = std::move(data);
    ++dataVersion_;
    // Saves continue from the stored revision, even when the data came from the previous one.
    revision_ = current_->revision;
    damagedCurrent_ = fromPrevious;
    noteSeen(keys_->header);
    state_ = State::Unlocked;
    tell(fromPrevious ? Str::MsgOpenedPrevious : Str::MsgUnlocked, fromPrevious);
    askPersistence();
    if (previousNeedsRewrite()) {
        queue_.push_back(Job{std::nullopt, std::nullopt, true});
        saveNext();
    }
    return std::nullopt;
}

std::optional<Str> Session::changePassphrase(const crypto::SecretBytes& currentPass,
                                             const crypto::SecretBytes& next,
                                             std::optional<Change> alongside) {
    if (state_ != State::Unlocked || !keys_) return Str::MsgLocked;
    if (utf8Length({reinterpret_cast<const char*>(next.data()), next.size()}) < kMinPassphraseChars)
        return Str::ErrPassphraseTooShort;
    if (passphraseStrength(next) < kMinPassphraseStrength) return Str::ErrPassphraseWeak;
    if (!checkPassphrase(*keys_, currentPass)) return Str::ErrCurrentPassphraseWrong;
    std::optional<Keys> rekeyed = rekey(*keys_, next, kdf_);
    if (!rekeyed) return Str::ErrVaultKdfFailed;
    queue_.push_back(Job{std::move(alongside), std::move(rekeyed), true});
    if (!inFlight_) saveNext();
    return std::nullopt;
}

void Session::submit(Change change) {
    if (state_ != State::Unlocked) return;
    queue_.push_back(Job{std::move(change), std::nullopt, false});
    if (!inFlight_) saveNext();
}

void Session::saveNext() {
    while (!queue_.empty() && state_ == State::Unlocked) {
        const Job& job = queue_.front();
        saveStartedAt_ = clock_.elapsedMillis();
        pendingData_ = data_;
        pendingKeys_ = job.rekeyed ? job.rekeyed : keys_;
        const bool applied = job.change && apply(pendingData_, *job.change, clock_.nowMillis());
        if (!applied && !job.rewriteBoth) {
            queue_.pop_front(); // nothing to save: the change is already there
            continue;
        }
        const std::uint64_t epoch = epoch_;
        auto answered = [this, epoch](SaveOutcome o, std::string error) {
            if (epoch != epoch_) {
                // Locked while saving: the data is gone from memory, but the user still hears
                // that the last change did not make it.
                if (o != SaveOutcome::Saved) tell(Str::ErrSaveFailed, true, error);
                return;
            }
            onSaved(o, error);
        };
        inFlight_ = true;
        if (job.rewriteBoth) {
            // The data as it stood before this save becomes the kept generation, under the same
            // keys as the new one: the file it replaces may be under an old passphrase.
            Keys forPrevious = *pendingKeys_;
            crypto::Bytes previous = write(forPrevious, revision_, serialize(data_));
            crypto::Bytes file = write(*pendingKeys_, revision_ + 1, serialize(pendingData_));
            storage_.saveBoth(std::move(previous), std::move(file), revision_, revision_ + 1,
                              std::move(answered));
        } else {
            crypto::Bytes file = write(*pendingKeys_, revision_ + 1, serialize(pendingData_));
            storage_.save(std::move(file), revision_, revision_ + 1, damagedCurrent_, std::move(answered));
        }
        return;
    }
    // Nothing left to save: catch up with what other tabs announced meanwhile.
    if (state_ == State::Unlocked && remoteRevision_ > revision_) refreshFromStorage(true);
}

void Session::onSaved(SaveOutcome outcome, const std::string& error) {
    inFlight_ = false;
    if (outcome == SaveOutcome::Saved) {
        const Job done = std::move(queue_.front());
        queue_.pop_front();
        conflictsInARow_ = 0;
        damagedCurrent_ = false;
        lastSaveMillis_ = clock_.elapsedMillis() - saveStartedAt_;
        data_ = std::move(pendingData_);
        ++dataVersion_;
        keys_ = std::move(pendingKeys_);
        ++revision_;
        noteSeen(keys_->header);
        // Rewriting an old kept generation after unlock is housekeeping the user did not ask for.
        const bool quiet = !done.rekeyed && !done.change;
        const auto* key = done.change ? std::get_if<change::SetInstallationKey>(&*done.change) : nullptr;
        const bool newCode = key && key->replace;
        const Str said = !done.rekeyed ? Str::MsgSaved
                         : newCode     ? Str::MsgPassphraseChangedNewCode
                                       : Str::MsgPassphraseChanged;
        if (queue_.empty() && !quiet) tell(said);
        saveNext();
        return;
    }
    if (outcome == SaveOutcome::Failed) {
        // The change stays out of the vault and so do the ones queued after it, which may depend
        // on it; the screens keep the user's input to try again.
        queue_.clear();
        tell(Str::ErrSaveFailed, true, error);
        return;
    }
    if (++conflictsInARow_ > kMaxConflictsInARow) {
        queue_.clear();
        conflictsInARow_ = 0;
        tell(Str::ErrConflictGaveUp, true);
        return;
    }
    // Another tab saved first: take its vault, then apply the same change to it.
    inFlight_ = true;
    reload([this](const LoadResult& r) {
        inFlight_ = false;
        if (!r.ok || !r.current) {
            queue_.clear();
            tell(Str::ErrStorageLoad, true, r.error);
            return;
        }
        adoptLoaded(r);
        switch (reopenCurrent()) {
        case Reopened::Adopted:
            tell(Str::MsgConflictReapplied);
            saveNext();
            return;
        case Reopened::PassphraseChangedElsewhere:
            lockForNewPassphrase();
            return;
        case Reopened::RolledBack:
            // Adopting it would lose what this page saw saved; keep ours on screen, write nothing.
            queue_.clear();
            tell(Str::ErrVaultRolledBack, true);
            return;
        case Reopened::Unreadable:
            // The newer save is damaged: write ours over it, keeping the generation before it.
            revision_ = current_->revision;
            damagedCurrent_ = true;
            tell(Str::ErrVaultBodyDamaged, true);
            saveNext();
            return;
        }
    });
}

void Session::onChangedElsewhere(std::uint64_t revision) {
    remoteRevision_ = std::max(remoteRevision_, revision);
    if (revision <= revision_ && state_ == State::Unlocked) return;
    if (inFlight_) return; // saveNext() catches up once our save is done
    refreshFromStorage(true);
}

void Session::refreshFromStorage(bool announce) {
    reload([this, announce](const LoadResult& r) {
        if (!r.ok) return;
        adoptLoaded(r);
        if (state_ != State::Unlocked || inFlight_ || !current_ || current_->revision <= revision_) return;
        switch (reopenCurrent()) {
        case Reopened::Adopted:
            if (announce) tell(Str::MsgUpdatedElsewhere);
            return;
        case Reopened::PassphraseChangedElsewhere:
            lockForNewPassphrase();
            return;
        case Reopened::RolledBack:
            tell(Str::ErrVaultRolledBack, true);
            return;
        case Reopened::Unreadable:
            return; // our next save conflicts and deals with it
        }
    });
}

void Session::lockForNewPassphrase() {
    lock();
    tell(Str::MsgLockedPassphraseChangedElsewhere, true);
}

void Session::wipe() {
    keys_.reset();
    pendingKeys_.reset();
    data_ = Data{};
    ++dataVersion_;
    pendingData_ = Data{};
    queue_.clear();
}

void Session::lock() {
    if (state_ != State::Unlocked && state_ != State::Creating) return;
    ++epoch_;
    wipe();
    inFlight_ = false;
    damagedCurrent_ = false;
    state_ = State::Locked;
    revision_ = 0;
    // A save may have been committed just before: read what is stored now.
    reload([this](const LoadResult& r) {
        if (!r.ok) {
            tell(Str::ErrStorageLoad, true, r.error);
            return; // keep what we had: the vault is still there
        }
        adoptLoaded(r);
        if (!current_) state_ = State::NoVault;
    });
}

int passphraseStrength(std::span<const std::uint8_t> pass) {
    const std::vector<char32_t> cps = utf8Decode({reinterpret_cast<const char*>(pass.data()), pass.size()});
    bool lower = false, upper = false, digit = false, symbol = false, cyrLower = false, cyrUpper = false;
    std::vector<char32_t> seen;
    for (char32_t c : cps) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else if ((c >= 0x430 && c <= 0x44F) || c == 0x451)
            cyrLower = true;
        else if ((c >= 0x410 && c <= 0x42F) || c == 0x401)
            cyrUpper = true;
        else
            symbol = true;
        if (std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
    }
    const int pool = lower * 26 + upper * 26 + digit * 10 + symbol * 33 + cyrLower * 33 + cyrUpper * 33;
    if (pool == 0) return 0;
    // Repeated characters add little: count distinct ones fully and repeats at a quarter.
    const double effective =
        static_cast<double>(seen.size()) + 0.25 * static_cast<double>(cps.size() - seen.size());
    const double bits = effective * std::log2(static_cast<double>(pool));
    return bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
}

Str strengthLabel(int score) {
    constexpr Str kLabels[] = {Str::StrengthVeryWeak, Str::StrengthWeak, Str::StrengthFair, Str::StrengthGood,
                               Str::StrengthStrong};
    return kLabels[std::clamp(score, 0, 4)];
}

} // namespace ts::vault
