// Dates as people in Russia and Belarus write them: 27.11.2026 14:05 (local time).
#pragma once

#include <cstdint>
#include <string>

namespace ts {

std::string formatDateTime(std::int64_t unixMillis, int utcOffsetMinutes);

} // namespace ts
