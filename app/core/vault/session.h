// The vault as the app uses it: load the encrypted file, create or unlock it, apply the user's
// changes and save each one — awaited, in order, guarded by the revision so that two tabs never
// overwrite each other's work — and lock, wiping the key and the decrypted data.
//
// Saving: each change is applied to a copy of the data, encrypted as revision N+1 and offered to
// storage on condition that revision N is still the stored one. If another tab saved first, the
// newer vault is reloaded (no passphrase needed: same vault key) and the change applied again.
#pragma once

#include "core/clock.h"
#include "core/crypto/crypto.h"
#include "core/strings.h"
#include "core/vault/change.h"
#include "core/vault/model.h"
#include "core/vault/storage.h"
#include "core/vault/vault_file.h"

#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace ts::vault {

class Session {
  public:
    enum class State { Loading, LoadFailed, NoVault, Creating, Locked, Unlocked };

    // What the session tells the user: a message from the string table, the browser's words if
    // any, and whether it is an error.
    struct Notice {
        Str text;
        std::string detail;
        bool error = false;
    };

    Session(Storage& storage, const Clock& clock, crypto::KdfParams kdf);
    void setNotify(std::function<void(const Notice&)> notify) { notify_ = std::move(notify); }
    void start();

    State state() const { return state_; }
    const Data& data() const { return data_; }
    // Changes whenever data() does: views that cache what they derive from it compare this.
    std::uint64_t dataVersion() const { return dataVersion_; }
    std::uint64_t revision() const { return revision_; }
    bool saving() const { return inFlight_; }
    // How long the last save took, from applying the change to the storage's answer (ms): the
    // serialization, encryption and transaction, for scripts/bench.sh. 0 before the first.
    double lastSaveMillis() const { return lastSaveMillis_; }
    Persistence persistence() const { return persistence_; }
    const crypto::KdfParams& kdf() const { return kdf_; }

    // Slow: each runs Argon2id once (changePassphrase twice). The UI draws its progress first.
    // Each returns the message to show when it was refused, or nothing when it went ahead.
    std::optional<Str> create(const crypto::SecretBytes& passphrase);
    std::optional<Str> unlock(const crypto::SecretBytes& passphrase);
    // A new vault key under the new passphrase; both stored generations are written again under it
    // in one step, so nothing stored opens with the old passphrase. `alongside` (e.g. a new
    // receiving code) is applied in that same save.
    std::optional<Str> changePassphrase(const crypto::SecretBytes& current, const crypto::SecretBytes& next,
                                        std::optional<Change> alongside = std::nullopt);

    // After a wrong passphrase, unlocking waits a little longer each time (capped).
    std::int64_t unlockAllowedAt() const { return unlockAllowedAt_; }

    void lock();
    void submit(Change change);

    // Minimum passphrase length for a new vault or a new passphrase.
    static constexpr std::size_t kMinPassphraseChars = 10;
    // What the meter calls "very weak" (0) or "weak" (1) is refused: «1234567890» is long enough.
    static constexpr int kMinPassphraseStrength = 2;

  private:
    struct Job {
        std::optional<Change> change;
        std::optional<Keys> rekeyed; // a passphrase change: a new vault key under the new passphrase
        bool rewriteBoth = false;    // the kept generation is written again too, under this save's keys
    };

    enum class Reopened { Adopted, PassphraseChangedElsewhere, RolledBack, Unreadable };

    void tell(Str text, bool error = false, std::string detail = {});
    void reload(std::function<void(const LoadResult&)> then);
    void adoptLoaded(const LoadResult& r); // only with r.ok
    void askPersistence();
    Reopened reopenCurrent(); // the stored (newer) vault with the keys we hold
    // Whether `stored` may be believed: its record's revision is the one authenticated inside the
    // file, and not older than what this page has already seen of this vault (a rollback).
    std::optional<Str> checkRevision(const StoredVault& stored, const Header& header,
                                     std::uint64_t floor) const;
    void noteSeen(const Header& header);
    bool previousNeedsRewrite() const;
    void saveNext();
    void onSaved(SaveOutcome outcome, const std::string& error);
    void onChangedElsewhere(std::uint64_t revision);
    void refreshFromStorage(bool announce);
    void wipe();
    void lockForNewPassphrase(); // another tab changed it: our key no longer opens the vault

    Storage& storage_;
    const Clock& clock_;
    crypto::KdfParams kdf_;
    std::function<void(const Notice&)> notify_;

    State state_ = State::Loading;
    std::optional<StoredVault> current_, previous_; // ciphertext as last read from storage
    std::optional<Keys> keys_;
    Data data_;
    std::uint64_t dataVersion_ = 0;
    std::uint64_t revision_ = 0;

    std::deque<Job> queue_;
    bool inFlight_ = false;
    Data pendingData_;
    std::optional<Keys> pendingKeys_;
    int conflictsInARow_ = 0;
    double saveStartedAt_ = 0, lastSaveMillis_ = 0;
    std::uint64_t remoteRevision_ = 0; // the newest revision another tab announced
    bool damagedCurrent_ = false;      // unlocked from `previous`: the next save must keep it
    std::uint64_t epoch_ = 0;          // bumped on lock: answers to older requests are ignored
    // The newest revision of which vault this page has opened or written; kept across locks, so a
    // stored vault put back to an older copy is noticed (a reload forgets it, on purpose).
    std::optional<VaultId> seenId_;
    std::uint64_t seenRevision_ = 0;

    int failedUnlocks_ = 0;
    std::int64_t unlockAllowedAt_ = 0;
    Persistence persistence_ = Persistence::Unknown;
};

// A rough strength estimate for the meter: 0 (very weak) .. 4 (strong), from length and the kinds
// of characters used (Latin, Cyrillic, digits, symbols), discounting repeated characters.
int passphraseStrength(std::span<const std::uint8_t> passphrase);
Str strengthLabel(int score);

} // namespace ts::vault
