#include "core/kinds/ics.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace ts;
using namespace ts::kinds;

namespace {
std::vector<std::string> lines(const std::string& ics) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < ics.size()) {
        const auto end = ics.find("\r\n", at);
        REQUIRE(end != std::string::npos); // every line ends with CRLF
        out.push_back(ics.substr(at, end - at));
        at = end + 2;
    }
    return out;
}
} // namespace

TEST_CASE("the calendar has one all-day event per credential and an alarm per lead time") {
    CalendarEvent e;
    e.uid = "entry-1";
    e.summary = "Истекает: Токен ОАИС; TPSClient, ООО «Ромашка»";
    e.date = Date{2026, 12, 1};
    e.alarmsDaysBefore = {10, 5, 3};
    const std::string ics = buildCalendar({e}, 1'764'255'900'000);
    const auto ls = lines(ics);
    CHECK(ls.front() == "BEGIN:VCALENDAR");
    CHECK(ls.back() == "END:VCALENDAR");
    CHECK(ics.find("DTSTART;VALUE=DATE:20261201\r\n") != std::string::npos);
    CHECK(ics.find("DTEND;VALUE=DATE:20261202\r\n") != std::string::npos);
    CHECK(ics.find("UID:entry-1@tokensafe\r\n") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20251127T150500Z\r\n") != std::string::npos);
    CHECK(ics.find("TRIGGER:-P10D") != std::string::npos);
    CHECK(ics.find("TRIGGER:-P3D") != std::string::npos);
    CHECK(ics.find("Токен ОАИС\\; TPSClient\\, ООО") != std::string::npos); // escaped
    int alarms = 0;
    for (const auto& l : ls) alarms += l == "BEGIN:VALARM";
    CHECK(alarms == 3);
}

TEST_CASE("long lines are folded at 75 octets without splitting a Cyrillic letter") {
    CalendarEvent e;
    e.uid = "x";
    e.summary = std::string(60, 'a') + "Ёжик в тумане идёт к реке, а токен истекает через три дня";
    e.date = Date{2027, 1, 1};
    const auto ls = lines(buildCalendar({e}, 0));
    std::string unfolded;
    for (const auto& l : ls) {
        CHECK(l.size() <= 75);
        if (!l.empty() && (static_cast<unsigned char>(l[0]) & 0xC0) == 0x80)
            FAIL("a line starts mid-character");
        if (!l.empty() && l[0] == ' ')
            unfolded += l.substr(1);
        else
            unfolded += "\n" + l;
    }
    std::string escaped = e.summary;
    escaped.replace(escaped.find(','), 1, "\\,");
    CHECK(unfolded.find("SUMMARY:" + escaped) != std::string::npos);
}
