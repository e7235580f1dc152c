#include "core/kdbx/xml_time.h"

#include "core/dates.h"
#include "core/kdbx/bytes.h"
#include "core/kdbx/codec.h"

#include <cstdio>

namespace ts::kdbx {

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, unsigned& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return true;
}
} // namespace

std::optional<std::int64_t> parseIsoTime(std::string_view s) {
    unsigned y, mo, d, h, mi, se;
    if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d) || s[10] != 'T' || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return std::nullopt;
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.')
        for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9';) ++pos;
    if (pos < s.size() && s[pos] == 'Z') ++pos;
    if (pos != s.size()) return std::nullopt;
    return daysFromCivil(Date{static_cast<int>(y), static_cast<int>(mo), static_cast<int>(d)}) * 86400 +
           h * 3600 + mi * 60 + se;
}

std::string formatIsoTime(std::int64_t t) {
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    const Date date = civilFromDays(days);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", date.year, date.month, date.day,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return buf;
}

std::optional<std::int64_t> parseKdbxTime(std::string_view text) {
    if (auto iso = parseIsoTime(text)) return iso;
    SecretBytes raw;
    if (!base64Decode(text, raw) || raw.size() != 8) return std::nullopt;
    const auto since1 = static_cast<std::int64_t>(readLe(raw.data(), 8));
    if (since1 < 0) return std::nullopt;
    return since1 - kSecondsYear1To1970;
}

std::string formatKdbx4Time(std::int64_t t) {
    Bytes raw;
    appendLe(raw, static_cast<std::uint64_t>(t + kSecondsYear1To1970), 8);
    return base64Encode(raw);
}

} // namespace ts::kdbx
