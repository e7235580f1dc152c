// A clock tests set by hand: expiry, auto-lock and retry delays without waiting.
#pragma once

#include "core/clock.h"

namespace ts {

class FakeClock : public Clock {
  public:
    explicit FakeClock(std::int64_t start = 1'767'225'600'000) : now_(start) {} // 2026-01-01 UTC
    std::int64_t nowMillis() const override { return now_; }
    void advance(std::int64_t ms) { now_ += ms; }
    void set(std::int64_t ms) { now_ = ms; }

  private:
    std::int64_t now_;
};

} // namespace ts
