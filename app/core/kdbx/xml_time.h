// KeePass XML times: KDBX 4 writes base64 of a little-endian int64 counting seconds from
// 0001-01-01T00:00:00Z; KDBX 3.1 and plain XML exports write ISO 8601 "2025-03-01T12:00:00Z".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ts::kdbx {

inline constexpr std::int64_t kSecondsYear1To1970 = 62135596800;

std::optional<std::int64_t> parseIsoTime(std::string_view text); // "YYYY-MM-DDTHH:MM:SS[.fff]Z"
std::string formatIsoTime(std::int64_t unixSeconds);
std::optional<std::int64_t> parseKdbxTime(std::string_view text); // either form
std::string formatKdbx4Time(std::int64_t unixSeconds);

} // namespace ts::kdbx
