#include "core/kinds/deadlines.h"

#include <algorithm>

namespace ts::kinds {
namespace {

template <class Keep>
std::vector<Deadline> collect(const vault::Data& data, const Registry& kinds, const Date& today, Keep keep) {
    std::vector<Deadline> out;
    for (const vault::Entry& e : data.entries) {
        const Kind* k = kinds.find(e.kind);
        if (!k) continue;
        const auto due = dueOn(*k, e.fields, today, leadDays(*k, e));
        if (due && keep(*due)) out.push_back(Deadline{&e, k, *due});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Deadline& a, const Deadline& b) { return a.due.daysLeft < b.due.daysLeft; });
    return out;
}

} // namespace

std::string entryName(const Kind& kind, const vault::Entry& e, Lang lang, const vault::Data* data) {
    std::string own;
    if (const Field* f = kind.nameField()) own = e.field(f->id.c_str());
    // A token recognised in another tool's export keeps the title it had there (a "title" field
    // its kind does not show): the user's own name for it says more than the kind's.
    if (own.empty()) own = e.field("title");
    const std::string& shortName =
        kind.shortTitle.in(lang).empty() ? kind.title.in(lang) : kind.shortTitle.in(lang);
    const vault::Organisation* org = data ? data->organisation(e.org) : nullptr;
    if (!org) return own.empty() ? shortName : own;
    // The generic kind's title is all it has to say; a token's own name follows its kind's.
    const std::string what = kind.shortTitle.in(lang).empty() ? (own.empty() ? shortName : own)
                             : own.empty() || shortName.find(own) != std::string::npos
                                 ? shortName
                                 : shortName + ": " + own;
    return org->name + " · " + what;
}

const std::vector<int>& leadDays(const Kind& kind, const vault::Entry& e) {
    return e.warnDays.empty() ? kind.warnDays : e.warnDays;
}

std::vector<Deadline> deadlinesWithin(const vault::Data& data, const Registry& kinds, const Date& today,
                                      int horizonDays) {
    return collect(data, kinds, today, [&](const Due& d) { return d.daysLeft <= horizonDays; });
}

std::vector<Deadline> needingAttention(const vault::Data& data, const Registry& kinds, const Date& today) {
    return collect(data, kinds, today, [](const Due& d) { return d.level != Due::Level::Ok; });
}

std::vector<CalendarEvent> calendarEvents(const vault::Data& data, const Registry& kinds, Lang lang) {
    std::vector<CalendarEvent> out;
    for (const vault::Entry& e : data.entries) {
        const Kind* k = kinds.find(e.kind);
        if (!k) continue;
        const auto date = expiryDate(*k, e.fields);
        if (!date) continue;
        CalendarEvent ev;
        ev.uid = e.id;
        std::string name = entryName(*k, e, lang);
        if (const vault::Organisation* o = data.organisation(e.org)) name += " — " + o->name;
        ev.summary = std::string(lang == Lang::En ? "Expires: " : "Истекает: ") + name;
        ev.description = k->title.in(lang);
        ev.date = *date;
        ev.alarmsDaysBefore = leadDays(*k, e);
        out.push_back(std::move(ev));
    }
    return out;
}

} // namespace ts::kinds
