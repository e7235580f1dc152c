#include "core/time_format.h"

#include <doctest/doctest.h>

using ts::formatDateTime;

TEST_CASE("dates are written day.month.year hours:minutes in local time") {
    CHECK(formatDateTime(0, 0) == "01.01.1970 00:00");
    CHECK(formatDateTime(1'764'255'900'000, 0) == "27.11.2025 15:05");
    CHECK(formatDateTime(1'764'255'900'000, 180) == "27.11.2025 18:05"); // Moscow, Minsk: UTC+3
    CHECK(formatDateTime(1'767'214'800'000, 180) == "01.01.2026 00:00"); // midnight crosses the year
    CHECK(formatDateTime(1'709'164'800'000, 0) == "29.02.2024 00:00");   // leap day
    CHECK(formatDateTime(-60'000, 0) == "31.12.1969 23:59");
}
