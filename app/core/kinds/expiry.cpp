#include "core/kinds/expiry.h"

#include <algorithm>

namespace ts::kinds {

std::optional<Date> expiryDate(const Kind& kind, const nlohmann::json& fields) {
    if (kind.expiry.rule == Expiry::Rule::None) return std::nullopt;
    if (!kind.expiry.portalField.empty())
        if (const auto p = fields.find(kind.expiry.portalField); p != fields.end() && p->is_string())
            if (const std::optional<Date> shown = parseDate(p->get<std::string>())) return *shown;
    const auto it = fields.find(kind.expiry.field);
    if (it == fields.end() || !it->is_string()) return std::nullopt;
    const std::optional<Date> d = parseDate(it->get<std::string>());
    if (!d) return std::nullopt;
    return kind.expiry.rule == Expiry::Rule::MonthsAfter ? addMonths(*d, kind.expiry.months) : *d;
}

std::optional<Due> dueOn(const Kind& kind, const nlohmann::json& fields, const Date& today,
                         const std::vector<int>& leadDays) {
    const std::optional<Date> exp = expiryDate(kind, fields);
    if (!exp) return std::nullopt;
    Due due;
    due.expires = *exp;
    due.daysLeft = daysBetween(today, *exp);
    if (due.daysLeft < 0) {
        due.level = Due::Level::Expired;
        return due;
    }
    // The smallest lead time that has been reached is the one in effect.
    for (int lead : leadDays)
        if (due.daysLeft <= lead && (due.leadReached < 0 || lead < due.leadReached)) due.leadReached = lead;
    if (due.leadReached >= 0) due.level = Due::Level::Soon;
    return due;
}

std::optional<std::vector<int>> parseLeadDays(std::string_view text) {
    std::vector<int> days;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == ';')) ++i;
        if (i == text.size()) break;
        int v = 0, digits = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4)
            v = v * 10 + (text[i++] - '0'), ++digits;
        if (digits == 0 || v > 366) return std::nullopt;
        if (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != ';') return std::nullopt;
        if (std::find(days.begin(), days.end(), v) == days.end()) days.push_back(v);
    }
    if (days.size() > 6) return std::nullopt;
    std::sort(days.rbegin(), days.rend());
    return days;
}

std::string formatLeadDays(const std::vector<int>& days) {
    std::string out;
    for (int d : days) out += (out.empty() ? "" : ", ") + std::to_string(d);
    return out;
}

} // namespace ts::kinds
