// Wall-clock time, injectable: the browser's Date.now() in the app, a settable fake in tests.
#pragma once

#include <cstdint>

namespace ts {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMillis() const = 0;        // Unix time in milliseconds
    virtual int utcOffsetMinutes() const { return 0; } // the user's time zone, for display only
    // A steady clock with sub-millisecond steps, for measuring how long something took.
    virtual double elapsedMillis() const { return static_cast<double>(nowMillis()); }
};

} // namespace ts
