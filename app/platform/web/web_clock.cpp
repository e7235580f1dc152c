#include "platform/web/web_clock.h"

#include <emscripten.h>
#include <emscripten/html5.h>

extern "C" int ts_utc_offset_minutes(); // web/library_tokensafe.js

namespace ts {

std::int64_t WebClock::nowMillis() const {
    return static_cast<std::int64_t>(emscripten_date_now());
}

double WebClock::elapsedMillis() const {
    return emscripten_get_now();
}

int WebClock::utcOffsetMinutes() const {
    return ts_utc_offset_minutes();
}

} // namespace ts
