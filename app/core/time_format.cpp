#include "core/time_format.h"

#include <cstdio>

namespace ts {
namespace {

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm): no time zone database needed.
void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

std::string formatDateTime(std::int64_t unixMillis, int utcOffsetMinutes) {
    const std::int64_t minutes = floorDiv(unixMillis, 60'000) + utcOffsetMinutes;
    const std::int64_t days = floorDiv(minutes, 1440);
    const std::int64_t inDay = minutes - days * 1440;
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04d %02d:%02d", d, m, y, static_cast<int>(inDay / 60),
                  static_cast<int>(inDay % 60));
    return buf;
}

} // namespace ts
