// The vault's deadlines: which entries expire when, for the dashboard, the unlock banner and the
// calendar file. Computed from each entry's kind and the user's calendar date (clock injected).
#pragma once

#include "core/kinds/expiry.h"
#include "core/kinds/ics.h"
#include "core/vault/model.h"

#include <string>
#include <vector>

namespace ts::kinds {

// How an entry is called in lists: its kind's name field if filled, else the title an import
// brought (a field its kind does not show), else the kind's short title. Given the vault's data,
// an entry of an organisation is named after it first and then its kind, shortly, so two tokens
// of one kind for two organisations read apart: "ООО «Ромашка» · Токен сервисов отдачи".
std::string entryName(const Kind& kind, const vault::Entry& e, Lang lang, const vault::Data* data = nullptr);

// The lead times in effect: the entry's own, else its kind's.
const std::vector<int>& leadDays(const Kind& kind, const vault::Entry& e);

struct Deadline {
    const vault::Entry* entry = nullptr;
    const Kind* kind = nullptr;
    Due due;
};

// Entries expiring within `horizonDays` (inclusive) or already expired, soonest first.
std::vector<Deadline> deadlinesWithin(const vault::Data& data, const Registry& kinds, const Date& today,
                                      int horizonDays);
// Entries whose lead time has been reached or that have expired: what the unlock banner lists.
std::vector<Deadline> needingAttention(const vault::Data& data, const Registry& kinds, const Date& today);

// One calendar event per entry with an expiry date: names and dates only, never a field value
// other than the entry's name.
std::vector<CalendarEvent> calendarEvents(const vault::Data& data, const Registry& kinds, Lang lang);

} // namespace ts::kinds
