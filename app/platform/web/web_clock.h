// The browser's wall clock (Date.now()) and the user's time zone offset.
#pragma once

#include "core/clock.h"

namespace ts {

class WebClock : public Clock {
  public:
    std::int64_t nowMillis() const override;
    int utcOffsetMinutes() const override;
    double elapsedMillis() const override; // performance.now()
};

} // namespace ts
