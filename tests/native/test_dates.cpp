#include "core/dates.h"

#include <doctest/doctest.h>

using namespace ts;

TEST_CASE("dates parse as typed in Russia and Belarus, and as ISO; impossible dates are refused") {
    CHECK(parseDate("27.11.2026") == Date{2026, 11, 27});
    CHECK(parseDate("2026-11-27") == Date{2026, 11, 27});
    CHECK(parseDate("29.02.2024") == Date{2024, 2, 29});
    CHECK_FALSE(parseDate("29.02.2026"));
    CHECK_FALSE(parseDate("31.04.2026"));
    CHECK_FALSE(parseDate("00.01.2026"));
    CHECK_FALSE(parseDate("1.1.2026"));
    CHECK_FALSE(parseDate("27/11/2026"));
    CHECK_FALSE(parseDate("2026-13-01"));
    CHECK_FALSE(parseDate(""));
    CHECK(localDate(Date{2026, 3, 5}) == "05.03.2026");
    CHECK(isoDate(Date{2026, 3, 5}) == "2026-03-05");
}

TEST_CASE("adding months keeps the day, or takes the month's last day") {
    CHECK(addMonths({2026, 1, 31}, 3) == Date{2026, 4, 30});
    CHECK(addMonths({2026, 1, 31}, 1) == Date{2026, 2, 28});
    CHECK(addMonths({2028, 1, 31}, 1) == Date{2028, 2, 29});  // leap year
    CHECK(addMonths({2026, 11, 30}, 3) == Date{2027, 2, 28}); // across the year end
    CHECK(addMonths({2024, 2, 29}, 12) == Date{2025, 2, 28});
    CHECK(addMonths({2026, 5, 15}, 12) == Date{2027, 5, 15});
}

TEST_CASE("day counts and conversions agree across month ends and leap years") {
    CHECK(daysBetween({2026, 2, 28}, {2026, 3, 1}) == 1);
    CHECK(daysBetween({2024, 2, 28}, {2024, 3, 1}) == 2);
    CHECK(daysBetween({2026, 12, 31}, {2027, 1, 1}) == 1);
    CHECK(daysBetween({2026, 3, 1}, {2026, 2, 28}) == -1);
    for (std::int64_t d = -800; d < 800000; d += 97) CHECK(daysFromCivil(civilFromDays(d)) == d);
}

TEST_CASE("today is the user's local date, not UTC's") {
    // 2026-12-31 22:30 UTC: already 1 January in Moscow and Minsk (UTC+3), still 31 December in UTC.
    const std::int64_t t = 1'798'756'200'000;
    CHECK(localToday(t, 0) == Date{2026, 12, 31});
    CHECK(localToday(t, 180) == Date{2027, 1, 1});
    CHECK(localToday(t, -300) == Date{2026, 12, 31});
    CHECK(localToday(0, -60) == Date{1969, 12, 31});
}
