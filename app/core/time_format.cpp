#include "core/time_format.h"

#include "core/dates.h"

#include <cstdio>

namespace ts {

std::string formatDateTime(std::int64_t unixMillis, int utcOffsetMinutes) {
    const Date d = localToday(unixMillis, utcOffsetMinutes);
    const std::int64_t minutes = unixMillis / 60'000 - (unixMillis % 60'000 < 0) + utcOffsetMinutes;
    const std::int64_t inDay = ((minutes % 1440) + 1440) % 1440;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", localDate(d).c_str(), static_cast<int>(inDay / 60),
                  static_cast<int>(inDay % 60));
    return buf;
}

} // namespace ts
