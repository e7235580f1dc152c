// When an entry expires and how urgent that is today, from its kind's rule and lead times.
#pragma once

#include "core/dates.h"
#include "core/kinds/kind.h"

#include <optional>

namespace ts::kinds {

// The last day the credential is valid, or nothing (no rule, or the date is missing).
std::optional<Date> expiryDate(const Kind& kind, const nlohmann::json& fields);

struct Due {
    enum class Level { Ok, Soon, Expired };
    Date expires;
    int daysLeft = 0; // 0: expires today; negative: expired that many days ago
    Level level = Level::Ok;
    int leadReached = -1; // the lead time (days) now in effect, -1 when none yet
};

// `leadDays` are the lead times to use (the kind's, or the entry's own), in any order.
std::optional<Due> dueOn(const Kind& kind, const nlohmann::json& fields, const Date& today,
                         const std::vector<int>& leadDays);

// The user's own lead times, typed as "30, 7, 1": whole days 0..366, at most six, any order.
// Nothing for anything else; an empty text means "the kind's own" (an empty vector).
std::optional<std::vector<int>> parseLeadDays(std::string_view text);
std::string formatLeadDays(const std::vector<int>& days); // "30, 7, 1"

} // namespace ts::kinds
