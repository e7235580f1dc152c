// Sections:
//   [text]     lower case for keyword matching, trimming
//   [dates]    dates written in notes and fields, and what each one is (valid until / issued on)
//   [kinds]    which of our kinds a record is, from what it says about itself
//   [mapping]  one record → a vault entry: its own kind, or the generic one
//   [groups]   a legal entity named in a group path
#include "core/bundle/recognise.h"

#include "core/crypto/secret.h"
#include "core/kinds/expiry.h"
#include "core/kinds/kind.h"
#include "core/kinds/validate.h"

#include <algorithm>
#include <initializer_list>
#include <set>

namespace ts::bundle {

using nlohmann::json;

Record::~Record() {
    crypto::wipeString(password);
    crypto::wipeString(totp);
    for (RecordField& f : fields) crypto::wipeString(f.value);
}

namespace {

// --- [text] ---------------------------------------------------------------------------------------

// Lower case for Latin and Cyrillic (U+0400–U+042F), enough to find Russian keywords.
std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& c = reinterpret_cast<unsigned char&>(out[i]);
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
        if (c != 0xD0 || i + 1 >= out.size()) continue;
        auto& n = reinterpret_cast<unsigned char&>(out[i + 1]);
        if (n >= 0x80 && n <= 0x8F) { // Ѐ–Џ → ѐ–џ
            c = 0xD1;
            n = static_cast<unsigned char>(n + 0x10);
        } else if (n >= 0x90 && n <= 0x9F) { // А–П → а–п
            n = static_cast<unsigned char>(n + 0x20);
        } else if (n >= 0xA0 && n <= 0xAF) { // Р–Я → р–я
            c = 0xD1;
            n = static_cast<unsigned char>(n - 0x20);
        }
        ++i;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace

// Line breaks and tabs in a one-line value (a title) become spaces: kept, but on one line.
std::string oneLine(std::string_view s) {
    std::string out(trim(s));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return std::string(trim(out));
}

namespace {

bool isLetterByte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// The end of the last occurrence of `word` in `text` (0: none). Short words must stand alone.
std::size_t lastWordEnd(std::string_view text, std::string_view word, bool whole) {
    for (std::size_t at = text.rfind(word); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : text.rfind(word, at - 1)) {
        const std::size_t end = at + word.size();
        if (!whole || ((at == 0 || !isLetterByte(static_cast<unsigned char>(text[at - 1]))) &&
                       (end == text.size() || !isLetterByte(static_cast<unsigned char>(text[end])))))
            return end;
    }
    return 0;
}

bool mentions(std::string_view lowered, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return lowered.find(w) != std::string_view::npos; });
}

// --- [dates] --------------------------------------------------------------------------------------

enum class DateRole { Unknown, Until, Issued };

struct FoundDate {
    Date date;
    DateRole role = DateRole::Unknown;
};

// What a date is, from the nearest keyword before it on its line: "действует до 31.12.2026",
// "выдан 01.02.2025", "срок действия от 01.02.2025 до 01.02.2026".
DateRole roleOf(std::string_view before) {
    const std::string l = lower(before);
    struct Word {
        std::string_view text;
        bool whole;
        DateRole role;
    };
    static constexpr Word kWords[] = {
        {"до", true, DateRole::Until},       {"срок", false, DateRole::Until},
        {"действ", false, DateRole::Until},  {"истека", false, DateRole::Until},
        {"оконч", false, DateRole::Until},   {"until", false, DateRole::Until},
        {"expir", false, DateRole::Until},   {"valid", false, DateRole::Until},
        {"от", true, DateRole::Issued},      {"выдан", false, DateRole::Issued},
        {"создан", false, DateRole::Issued}, {"обновл", false, DateRole::Issued},
        {"выпущ", false, DateRole::Issued},  {"получен", false, DateRole::Issued},
        {"issued", false, DateRole::Issued}, {"created", false, DateRole::Issued},
    };
    std::size_t best = 0;
    DateRole role = DateRole::Unknown;
    for (const Word& w : kWords)
        if (const std::size_t end = lastWordEnd(l, w.text, w.whole); end > best) {
            best = end;
            role = w.role;
        }
    return role;
}

bool digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Dates as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД anywhere in the text, each with its role.
void findDates(std::string_view text, std::vector<FoundDate>& out) {
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
        if (text[i] == '\n') lineStart = i + 1;
        if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
        if (i + 10 < text.size() && text[i + 10] >= '0' && text[i + 10] <= '9') continue;
        const std::string_view t = text.substr(i, 10);
        const bool local = digits(t.substr(0, 2)) && digits(t.substr(3, 2)) && digits(t.substr(6, 4));
        const bool iso = digits(t.substr(0, 4)) && digits(t.substr(5, 2)) && digits(t.substr(8, 2));
        if (!local && !iso) continue;
        if (auto d = parseDate(t)) {
            out.push_back(FoundDate{*d, roleOf(text.substr(lineStart, i - lineStart))});
            i += 9;
        }
    }
}

// The one date that plays this role: named so ("до …"), or else the only date named nothing.
// Two different candidates: none, so the entry stays generic rather than get a wrong expiry.
std::optional<Date> pickDate(const std::vector<FoundDate>& dates, DateRole role) {
    for (DateRole r : {role, DateRole::Unknown}) {
        std::set<Date> found;
        for (const FoundDate& d : dates)
            if (d.role == r) found.insert(d.date);
        if (found.size() == 1) return *found.begin();
        if (found.size() > 1) return std::nullopt;
    }
    return std::nullopt;
}

// --- [kinds] --------------------------------------------------------------------------------------

std::string line(std::string_view label, std::string_view value) {
    return std::string(label) + ": " + std::string(value);
}

void appendLines(std::string& notes, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    if (!notes.empty()) notes += notes.back() == '\n' ? "\n" : "\n\n";
    for (std::size_t i = 0; i < lines.size(); ++i) notes += (i ? "\n" : "") + lines[i];
}

// A generic field's label in the user's language, for the lines written into notes.
std::string label(const char* id, Lang lang) {
    const kinds::Kind* generic = kinds::Registry::builtIn().find("generic");
    const kinds::Field* f = generic ? generic->field(id) : nullptr;
    return f ? f->label.in(lang) : std::string(id);
}

json emptyFields(const kinds::Kind& kind) {
    json f = json::object();
    for (const kinds::Field& field : kind.fields) f[field.id] = field.defaultValue;
    return f;
}

// The record's secret as our kind would hold it, and which of our kinds it is; empty: none.
struct Match {
    std::string kindId, secret;
    const RecordField* secretField = nullptr; // when the secret came from a custom field
};

Match match(const Record& s) {
    Match m;
    if (kinds::isGuid(trim(s.password))) {
        m.secret = std::string(trim(s.password));
    } else if (s.password.empty()) {
        for (const RecordField& f : s.fields)
            if (kinds::isGuid(trim(f.value))) {
                if (m.secretField) return {}; // two GUIDs: which one is the token?
                m.secretField = &f;
                m.secret = std::string(trim(f.value));
            }
    }
    if (!s.totp.empty()) return {};
    std::string context = s.title + "\n" + s.notes + "\n" + s.group;
    for (const RecordField& f : s.fields) context += "\n" + f.name;
    context = lower(context);
    std::string urls;
    for (const std::string& u : s.urls) urls += lower(u) + "\n";

    if (!m.secret.empty()) { // a GUID: one of the EIS tokens, when it is named as one
        if (mentions(context, {"бухгалт"}))
            m.kindId = "eis-accounting-token";
        else if (mentions(context, {"токен-ключ", "токен ключ", "участник"}))
            m.kindId = "eis-participant-token-key";
        else if (mentions(context, {"отдач"}) ||
                 (mentions(context, {"сервис"}) && mentions(context, {"еис", "eis"})))
            m.kindId = "eis-export-token";
        if (!m.kindId.empty()) return m;
        m = {};
    }
    // OAIS tokens and EIS HTTPS logins are not GUIDs: the record's password is the secret.
    const std::string password(trim(s.password));
    if (password.empty() || password.find('\n') != std::string::npos) return {};
    if (mentions(urls, {"account.gov.by"}) || mentions(context, {"оаис", "oais", "tpsclient", "декларант"})) {
        m.kindId =
            mentions(context, {"tpsclient", "декларант"}) ? "oais-tpsclient-token" : "oais-system-token";
        m.secret = password;
    } else if (mentions(urls, {"zakupki.gov.ru"}) && mentions(context, {"интеграц"})) {
        m.kindId = "eis-https-login";
        m.secret = password;
    }
    return m;
}

const kinds::Field* secretFieldOf(const kinds::Kind& kind) {
    for (const kinds::Field& f : kind.fields)
        if (f.secret && f.required) return &f;
    return nullptr;
}

// Where the record's username goes in this kind: a login field, a system name, a technician's
// e-mail when it is one; nothing: it is kept beside the kind's fields under the generic "login".
const kinds::Field* loginFieldOf(const kinds::Kind& kind, const std::string& login) {
    for (const char* id : {"eisLogin", "login", "systemName", "techEmail"})
        if (const kinds::Field* f = kind.field(id);
            f && !kinds::validateValue(*f, kinds::normalise(*f, login)))
            return f;
    return nullptr;
}

// --- [mapping] ------------------------------------------------------------------------------------

// A kind of our own, when the record is plainly one: the secret in its place, the dates its expiry
// needs found (the record's own expiry, or written in its text), every value it holds acceptable
// to the kind, and no other secret the kind has no place for. A required field the record does not
// have (an OAIS technician's e-mail) may stay empty: the editor asks for it. Title, address,
// notes and a username with no place in the kind are kept under the generic kind's ids ("title",
// "url", "notes", "login"): the editor shows fields its kind does not, the list searches them, and
// they travel in bundles.
std::optional<Recognised> ownKind(const Record& s, Lang lang) {
    const Match m = match(s);
    if (m.kindId.empty()) return std::nullopt;
    const kinds::Kind* kind = kinds::Registry::builtIn().find(m.kindId);
    const kinds::Field* secretField = kind ? secretFieldOf(*kind) : nullptr;
    if (!secretField) return std::nullopt;

    std::vector<FoundDate> dates;
    findDates(s.title, dates);
    findDates(s.notes, dates);
    std::vector<std::string> extra; // text fields, kept in the notes
    for (const RecordField& f : s.fields) {
        if (&f == m.secretField) continue;
        const std::size_t before = dates.size();
        findDates(line(f.name, f.value), dates);
        if (f.hidden && dates.size() == before) return std::nullopt; // a secret with no place here
        extra.push_back(line(f.name, f.value));
    }

    Recognised out;
    json fields = emptyFields(*kind);
    fields[secretField->id] = m.secret;
    // The expiry the record itself carries wins; else the one its text names. A date read from the
    // text is a guess the user is shown in the preview.
    const std::string untilId =
        kind->expiry.rule == kinds::Expiry::Rule::DateField ? kind->expiry.field : kind->expiry.portalField;
    if (!untilId.empty()) {
        if (s.expires) {
            fields[untilId] = isoDate(*s.expires);
        } else if (auto d = pickDate(dates, DateRole::Until)) {
            fields[untilId] = isoDate(*d);
            out.datesFromText.push_back(untilId);
        }
    }
    // One unnamed date was taken as the expiry above: not also as the issue date.
    if (kind->field("issuedOn") && untilId != "issuedOn")
        if (auto d = pickDate(dates, DateRole::Issued);
            d && (untilId.empty() || fields.value(untilId, std::string()) != isoDate(*d))) {
            fields["issuedOn"] = isoDate(*d);
            out.datesFromText.push_back("issuedOn");
        }
    std::string loginKept;
    if (!s.login.empty()) {
        if (const kinds::Field* f = loginFieldOf(*kind, s.login); f && f->id != secretField->id)
            fields[f->id] = s.login;
        else
            loginKept = oneLine(s.login);
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (const kinds::Field* f = kind->field(it.key()))
            it.value() = kinds::normalise(*f, it.value().get<std::string>());
    for (const auto& [id, error] : kinds::validateFields(*kind, fields)) {
        (void)error;
        const kinds::Field* f = kind->field(id);
        if (!f || f->secret || !fields[id].get<std::string>().empty()) return std::nullopt;
    }
    if (kind->expiry.rule != kinds::Expiry::Rule::None && !kinds::expiryDate(*kind, fields))
        return std::nullopt; // no date to remind of: the generic kind says as much

    std::string notes = s.notes;
    for (std::size_t i = 1; i < s.urls.size(); ++i) extra.push_back(line(label("url", lang), s.urls[i]));
    if (!s.group.empty()) extra.push_back(line(tr(s.groupLabel, lang), s.group));
    appendLines(notes, extra);
    if (const std::string title = oneLine(s.title); !title.empty()) fields["title"] = title;
    if (!loginKept.empty() && !kind->field("login")) fields["login"] = loginKept;
    if (!s.urls.empty() && !s.urls.front().empty() && !kind->field("url")) fields["url"] = s.urls.front();
    if (!notes.empty()) fields["notes"] = notes;
    out.entry.kind = m.kindId;
    out.entry.fields = std::move(fields);
    out.known = true;
    return out;
}

} // namespace

json genericFields(const Record& s, Lang lang, std::string_view fallbackTitle) {
    const kinds::Kind* kind = kinds::Registry::builtIn().find("generic");
    json fields = kind ? emptyFields(*kind) : json::object();
    std::vector<std::string> extra;
    std::string title = oneLine(s.title);
    for (const std::string& candidate : {s.urls.empty() ? std::string() : oneLine(s.urls.front()),
                                         oneLine(s.login), std::string(fallbackTitle)})
        if (title.empty()) title = candidate;
    fields["title"] = title;

    const auto put = [&](const char* id, const std::string& value) {
        const kinds::Field* f = kind ? kind->field(id) : nullptr;
        if (!f) return;
        const std::string v = kinds::normalise(*f, value);
        if (kinds::validateValue(*f, v))
            extra.push_back(line(f->label.in(lang), value));
        else
            fields[id] = v;
    };
    put("login", s.login);
    put("secret", s.password);
    for (std::size_t i = 0; i < s.urls.size(); ++i) {
        if (i == 0)
            put("url", s.urls[i]);
        else
            extra.push_back(line(label("url", lang), s.urls[i]));
    }
    if (!s.totp.empty()) extra.push_back(line("TOTP", s.totp));
    for (const RecordField& f : s.fields) extra.push_back(line(f.name, f.value));
    if (!s.group.empty()) extra.push_back(line(tr(s.groupLabel, lang), s.group));
    std::string notes = s.notes;
    appendLines(notes, extra);
    fields["notes"] = notes;
    return fields;
}

Recognised recognise(const Record& record, std::int64_t now, Lang lang, std::string_view fallbackTitle) {
    std::optional<Recognised> own = ownKind(record, lang);
    Recognised out = own ? std::move(*own) : Recognised{};
    if (!own) {
        out.entry.kind = "generic";
        out.entry.fields = genericFields(record, lang, fallbackTitle);
    }
    out.entry.id = vault::newEntryId();
    out.entry.createdAt = out.entry.updatedAt = now;
    out.organisation = organisationInGroup(record.group);
    return out;
}

// --- [groups] -------------------------------------------------------------------------------------

std::string organisationInGroup(std::string_view group) {
    // Legal forms in Russia and Belarus, as written before the name.
    static constexpr std::string_view kForms[] = {
        "ооо", "оао", "зао", "пао", "ао",  "нао", "ип",  "одо",  "чуп",  "чтуп", "уп",   "гу",
        "гуп", "муп", "гбу", "гку", "мбу", "мку", "мау", "фгбу", "фгуп", "сооо", "иооо", "уо",
        "гуо", "ано", "нко", "тоо", "llc", "ltd", "jsc", "ojsc", "cjsc", "inc",
    };
    for (std::size_t at = 0; at <= group.size();) {
        const std::size_t slash = std::min(group.find('/', at), group.size());
        const std::string segment = oneLine(group.substr(at, slash - at));
        at = slash + 1;
        const std::string l = lower(segment);
        for (std::string_view form : kForms) {
            if (l.size() <= form.size() + 1 || l.compare(0, form.size(), form) != 0) continue;
            const char next = l[form.size()];
            if (next == ' ' || next == '"' || l.compare(form.size(), 2, "\xC2\xAB") == 0) return segment;
        }
    }
    return {};
}

} // namespace ts::bundle
