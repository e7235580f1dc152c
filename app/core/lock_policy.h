// When the vault locks without being told to, and when a lock that was asked for may happen: the
// rules in one place, fed with what happens and asked what to do. The app feeds it (input, the tab
// hidden or shown, a save under way, the vault open or not, the idle setting, the lock button) and
// acts on check(); it never decides by itself.
//
// The rules:
//  - idle: an unlocked vault locks `idleMinutes` after the last input (the start counts as input);
//  - hidden: a tab hidden for kHiddenLockMinutes locks, whatever the idle setting, unlocked or not
//    (a vault being created is locked too); shown again before that, nothing happens;
//  - asked: the lock button and Ctrl+L lock at once;
//  - a save under way holds any of these until it ends (locking mid-save would drop the change),
//    but for kSaveWaitMillis at most, counted from the first check that saw the lock wanted. A lock
//    once wanted stays owed until the app reports it done (locked()), even if input or the tab
//    coming back would no longer ask for it.
//
// Times are Clock::elapsedMillis(): in the browser performance.now(), steady (setting the wall clock
// neither hastens nor delays a lock); the same clock as the frame pacer's seconds.
#pragma once

#include "core/clock.h"
#include "core/settings.h"

#include <limits>

namespace ts {

class LockPolicy {
  public:
    static constexpr double kSaveWaitMillis = 5000;
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    explicit LockPolicy(const Clock& clock, int hiddenMinutes = kHiddenLockMinutes);

    void setIdleMinutes(int minutes) { idleMinutes_ = minutes; }
    void setUnlocked(bool unlocked) { unlocked_ = unlocked; } // idle time locks only an open vault
    void setSaving(bool saving) { saving_ = saving; }
    void input(); // the user did something: the idle time starts again
    void hidden();
    void visible();
    void requestLock(); // the lock button, Ctrl+L
    // The app locked (or found nothing to lock): what asked for it is done. A tab still hidden does
    // not ask again until it has been shown.
    void locked();

    // True: lock now, then call locked(). Call it whenever something may have changed (each pass of the loop,
    // each answer from storage, each wake-up): a lock held for a save starts its wait at the first call that
    // sees it.
    bool check();
    // When check() may next answer differently by the clock alone (events aside): the pacer's and the
    // hidden tab's wake-up. kNever when nothing is waiting.
    double nextCheck() const;

    bool isHidden() const { return hidden_; }
    double idleDeadline() const { return lastInput_ + idleMinutes_ * 60'000.0; }

  private:
    bool wanted(double now) const;
    double hiddenDeadline() const;

    const Clock& clock_;
    double hiddenMillis_;
    int idleMinutes_ = Settings{}.autoLockMinutes;
    bool unlocked_ = false;
    bool saving_ = false;
    double lastInput_;
    bool hidden_ = false;
    bool hiddenDone_ = false; // this hidden spell already locked
    double hiddenSince_ = 0;
    bool owed_ = false;         // asked for, or wanted once: locks even if the reason goes away
    double heldSince_ = kNever; // when a wanted lock was first held for a save
};

} // namespace ts
