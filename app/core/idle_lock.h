// When an unlocked vault locks by itself: after `minutes` without input. Times are seconds on the
// frame pacer's monotonic clock.
#pragma once

namespace ts {

class IdleLock {
  public:
    void input(double now) { lastInput_ = now; }
    double deadline(int minutes) const { return lastInput_ + minutes * 60.0; }
    bool due(double now, int minutes) const { return now >= deadline(minutes); }

  private:
    double lastInput_ = 0;
};

} // namespace ts
