// Calendar dates without a time zone database: expiry dates are whole days in the user's local
// calendar. Typed as people in Russia and Belarus write them (27.11.2026), stored as ISO (2026-11-27).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ts {

struct Date {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    auto operator<=>(const Date&) const = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

// "27.11.2026" or "2026-11-27"; nothing for anything else, including 31.02.2026.
std::optional<Date> parseDate(std::string_view text);
std::string isoDate(const Date& d);   // 2026-11-27
std::string localDate(const Date& d); // 27.11.2026

std::int64_t daysFromCivil(const Date& d); // days since 1970-01-01
Date civilFromDays(std::int64_t days);
int daysBetween(const Date& from, const Date& to); // to - from

// N months later; a day missing in the target month becomes its last day (31.01 + 1 month = 28/29.02).
Date addMonths(const Date& d, int months);

// The user's calendar date at this instant.
Date localToday(std::int64_t unixMillis, int utcOffsetMinutes);

} // namespace ts
