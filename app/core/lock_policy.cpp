#include "core/lock_policy.h"

#include <algorithm>

namespace ts {

LockPolicy::LockPolicy(const Clock& clock, int hiddenMinutes)
    : clock_(clock), hiddenMillis_(hiddenMinutes * 60'000.0), lastInput_(clock.elapsedMillis()) {}

void LockPolicy::input() {
    lastInput_ = clock_.elapsedMillis();
}

void LockPolicy::hidden() {
    if (hidden_) return; // a repeated event must not restart the spell
    hidden_ = true;
    hiddenDone_ = false;
    hiddenSince_ = clock_.elapsedMillis();
}

void LockPolicy::visible() {
    hidden_ = false;
    hiddenDone_ = false;
}

void LockPolicy::requestLock() {
    owed_ = true;
}

void LockPolicy::locked() {
    owed_ = false;
    heldSince_ = kNever;
    if (hidden_) hiddenDone_ = true;
}

double LockPolicy::hiddenDeadline() const {
    return hidden_ && !hiddenDone_ ? hiddenSince_ + hiddenMillis_ : kNever;
}

bool LockPolicy::wanted(double now) const {
    return (unlocked_ && now >= idleDeadline()) || now >= hiddenDeadline();
}

bool LockPolicy::check() {
    const double now = clock_.elapsedMillis();
    // Once wanted, a lock stays owed until done: input during the wait for a save does not undo it.
    if (!owed_ && !wanted(now)) return false;
    owed_ = true;
    if (!saving_) return true;
    if (heldSince_ == kNever) heldSince_ = now;
    return now >= heldSince_ + kSaveWaitMillis;
}

double LockPolicy::nextCheck() const {
    if (heldSince_ != kNever) return heldSince_ + kSaveWaitMillis;
    if (owed_) return clock_.elapsedMillis();
    return std::min(unlocked_ ? idleDeadline() : kNever, hiddenDeadline());
}

} // namespace ts
