#include "core/kinds/ics.h"

#include <cstdio>

namespace ts::kinds {
namespace {

// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') continue;
        out += c;
    }
    return out;
}

// Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 sequence.
void addLine(std::string& out, const std::string& line) {
    std::size_t start = 0, width = 75;
    while (line.size() - start > width) {
        std::size_t cut = start + width;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        width = 74; // the leading space counts
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

std::string compactDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

} // namespace

std::string buildCalendar(const std::vector<CalendarEvent>& events, std::int64_t nowUnixMillis) {
    const Date today = localToday(nowUnixMillis, 0);
    const std::int64_t secs = (nowUnixMillis / 1000) % 86400;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%sT%02d%02d%02dZ", compactDate(today).c_str(),
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    std::string out;
    addLine(out, "BEGIN:VCALENDAR");
    addLine(out, "VERSION:2.0");
    addLine(out, "PRODID:-//TokenSafe//Сейф токенов//RU");
    addLine(out, "CALSCALE:GREGORIAN");
    addLine(out, "METHOD:PUBLISH");
    for (const CalendarEvent& e : events) {
        addLine(out, "BEGIN:VEVENT");
        addLine(out, "UID:" + e.uid + "@tokensafe");
        addLine(out, std::string("DTSTAMP:") + stamp);
        addLine(out, "DTSTART;VALUE=DATE:" + compactDate(e.date));
        addLine(out, "DTEND;VALUE=DATE:" + compactDate(civilFromDays(daysFromCivil(e.date) + 1)));
        addLine(out, "SUMMARY:" + escape(e.summary));
        if (!e.description.empty()) addLine(out, "DESCRIPTION:" + escape(e.description));
        addLine(out, "TRANSP:TRANSPARENT");
        for (int days : e.alarmsDaysBefore) {
            addLine(out, "BEGIN:VALARM");
            addLine(out, "ACTION:DISPLAY");
            addLine(out, "DESCRIPTION:" + escape(e.summary));
            addLine(out, "TRIGGER:-P" + std::to_string(days) + "D");
            addLine(out, "END:VALARM");
        }
        addLine(out, "END:VEVENT");
    }
    addLine(out, "END:VCALENDAR");
    return out;
}

} // namespace ts::kinds
