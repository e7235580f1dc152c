#include "core/dates.h"

#include <charconv>
#include <cstdio>

namespace ts {
namespace {

std::optional<int> number(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int v = 0;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::optional<Date> make(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
    if (!y || !m || !d || *y < 1900 || *y > 2999 || *m < 1 || *m > 12) return std::nullopt;
    if (*d < 1 || *d > daysInMonth(*y, *m)) return std::nullopt;
    return Date{*y, *m, *d};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

bool isLeapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Date> parseDate(std::string_view t) {
    if (t.size() == 10 && t[2] == '.' && t[5] == '.')
        return make(number(t.substr(6, 4)), number(t.substr(3, 2)), number(t.substr(0, 2)));
    if (t.size() == 10 && t[4] == '-' && t[7] == '-')
        return make(number(t.substr(0, 4)), number(t.substr(5, 2)), number(t.substr(8, 2)));
    return std::nullopt;
}

std::string isoDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string localDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
    return buf;
}

// H. Hinnant's days_from_civil / civil_from_days.
std::int64_t daysFromCivil(const Date& d) {
    const int y = d.year - (d.month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return Date{static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2)), month, day};
}

int daysBetween(const Date& from, const Date& to) {
    return static_cast<int>(daysFromCivil(to) - daysFromCivil(from));
}

Date addMonths(const Date& d, int months) {
    const int total = d.year * 12 + (d.month - 1) + months;
    Date r{total / 12, total % 12 + 1, d.day};
    if (r.day > daysInMonth(r.year, r.month)) r.day = daysInMonth(r.year, r.month);
    return r;
}

Date localToday(std::int64_t unixMillis, int utcOffsetMinutes) {
    const std::int64_t minutes = floorDiv(unixMillis, 60'000) + utcOffsetMinutes;
    return civilFromDays(floorDiv(minutes, 1440));
}

} // namespace ts
