// A calendar file (RFC 5545) of expiry dates, one all-day event per credential with an alarm for
// each lead time. It carries names and dates only: never a secret (the tests check it).
#pragma once

#include "core/dates.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ts::kinds {

struct CalendarEvent {
    std::string uid;     // stable per entry, so re-importing updates instead of duplicating
    std::string summary; // e.g. "Истекает: Токен ОАИС TPSClient — ООО «Ромашка»"
    std::string description;
    Date date;
    std::vector<int> alarmsDaysBefore;
};

std::string buildCalendar(const std::vector<CalendarEvent>& events, std::int64_t nowUnixMillis);

} // namespace ts::kinds
