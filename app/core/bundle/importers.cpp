// Sections:
//   [text]      UTF-8 checks, lower case for keyword matching, trimming
//   [dates]     dates written in notes and fields, and what each one is (valid until / issued on)
//   [mapping]   one source record → a vault entry: the generic kind, or an EIS token's own kind
//   [csv]       an RFC 4180 reader, one row at a time
//   [keepassxc] KeePassXC's CSV export
//   [bitwarden] Bitwarden's JSON export
//   [kdbx]      an opened KeePass database (core/kdbx)
#include "core/bundle/importers.h"

#include "core/crypto/secret.h"
#include "core/dates.h"
#include "core/images/base64.h"
#include "core/json_text.h"
#include "core/kinds/kind.h"
#include "core/kinds/validate.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

namespace ts::bundle {

using nlohmann::json;

namespace {

// --- [text] ---------------------------------------------------------------------------------------

bool validUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int extra = b < 0x80             ? 0
                          : (b & 0xE0) == 0xC0 ? 1
                          : (b & 0xF0) == 0xE0 ? 2
                          : (b & 0xF8) == 0xF0 ? 3
                                               : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return false; // cut short
        char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k <= extra; ++k) {
            const auto n = static_cast<unsigned char>(s[i + k]);
            if ((n & 0xC0) != 0x80) return false;
            c = (c << 6) | (n & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (c < kMin[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

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

// Line breaks and tabs in a one-line value (a title) become spaces: kept, but on one line.
std::string oneLine(std::string_view s) {
    std::string out(trim(s));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return std::string(trim(out));
}

std::string unixLines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
    return out;
}

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

// --- [mapping] ------------------------------------------------------------------------------------

struct SourceField {
    std::string name, value;
    bool hidden = false; // a secret (Bitwarden's hidden field)
};

// One record of the other tool, before it becomes an entry.
struct Source {
    std::string title, login, password, notes, totp;
    std::vector<std::string> urls;
    std::vector<SourceField> fields;
    Str groupLabel = Str::ImportNoteGroup;
    std::string group;           // the group path or folder name; empty: none
    std::optional<Date> expires; // a date the source itself calls the expiry (KeePass's "Expires")

    ~Source() {
        crypto::wipeString(password);
        crypto::wipeString(totp);
        for (SourceField& f : fields) crypto::wipeString(f.value);
    }
};

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
    for (const kinds::Field& field : kind.fields) f[field.id] = "";
    return f;
}

// An EIS token's own kind, when the record is plainly one: a GUID as its password (or its only
// secret field), the token named in its title, notes or group, the dates the kind requires found,
// and no other secret that the kind has no place for. Title, address and notes are kept in the
// entry as fields under the generic kind's ids ("title", "url", "notes"): the editor keeps fields
// its kind does not show, the list searches them, and they travel in bundles.
std::optional<json> eisFields(const Source& s, Lang lang, std::string& kindId) {
    std::string guid;
    const SourceField* guidField = nullptr;
    if (kinds::isGuid(trim(s.password))) {
        guid = std::string(trim(s.password));
    } else if (s.password.empty()) {
        for (const SourceField& f : s.fields)
            if (kinds::isGuid(trim(f.value))) {
                if (guidField) return std::nullopt; // two GUIDs: which one is the token?
                guidField = &f;
                guid = std::string(trim(f.value));
            }
    }
    if (guid.empty() || !s.totp.empty()) return std::nullopt;

    std::string context = s.title + "\n" + s.notes + "\n" + s.group;
    for (const SourceField& f : s.fields) context += "\n" + f.name;
    context = lower(context);
    if (mentions(context, {"бухгалт"}))
        kindId = "eis-accounting-token";
    else if (mentions(context, {"токен-ключ", "токен ключ", "участник"}))
        kindId = "eis-participant-token-key";
    else if (mentions(context, {"отдач"}) ||
             (mentions(context, {"сервис"}) && mentions(context, {"еис", "eis"})))
        kindId = "eis-export-token";
    else
        return std::nullopt;
    const kinds::Kind* kind = kinds::Registry::builtIn().find(kindId);
    if (!kind) return std::nullopt;

    std::vector<FoundDate> dates;
    if (s.expires) dates.push_back(FoundDate{*s.expires, DateRole::Until});
    findDates(s.title, dates);
    findDates(s.notes, dates);
    std::vector<std::string> extra; // text fields, kept in the notes
    for (const SourceField& f : s.fields) {
        if (&f == guidField) continue;
        const std::size_t before = dates.size();
        findDates(line(f.name, f.value), dates);
        if (f.hidden && dates.size() == before) return std::nullopt; // a secret with no place here
        extra.push_back(line(f.name, f.value));
    }

    json fields = emptyFields(*kind);
    fields["guid"] = guid;
    if (kind->field("validUntil"))
        if (auto d = pickDate(dates, DateRole::Until)) fields["validUntil"] = isoDate(*d);
    if (kind->field("issuedOn"))
        if (auto d = pickDate(dates, DateRole::Issued)) fields["issuedOn"] = isoDate(*d);
    if (!s.login.empty()) {
        const kinds::Field* login = kind->field("eisLogin");
        if (!login) return std::nullopt;
        fields["eisLogin"] = kinds::normalise(*login, s.login);
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (const kinds::Field* f = kind->field(it.key()))
            it.value() = kinds::normalise(*f, it.value().get<std::string>());
    if (!kinds::validateFields(*kind, fields).empty()) return std::nullopt;

    std::string notes = s.notes;
    for (std::size_t i = 1; i < s.urls.size(); ++i) extra.push_back(line(label("url", lang), s.urls[i]));
    if (!s.group.empty()) extra.push_back(line(tr(s.groupLabel, lang), s.group));
    appendLines(notes, extra);
    if (const std::string title = oneLine(s.title); !title.empty()) fields["title"] = title;
    if (!s.urls.empty() && !s.urls.front().empty()) fields["url"] = s.urls.front();
    if (!notes.empty()) fields["notes"] = notes;
    return fields;
}

// The generic kind: title, login, secret, url, notes. A value it would refuse goes into the notes
// under its label, whole.
json genericFields(const Source& s, Lang lang, std::string_view fallbackTitle) {
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
    for (const SourceField& f : s.fields) extra.push_back(line(f.name, f.value));
    if (!s.group.empty()) extra.push_back(line(tr(s.groupLabel, lang), s.group));
    std::string notes = s.notes;
    appendLines(notes, extra);
    fields["notes"] = notes;
    return fields;
}

void addEntry(Imported& out, const Source& s, std::int64_t now, Lang lang, std::string_view fallbackTitle) {
    vault::Entry e;
    e.id = vault::newEntryId();
    e.createdAt = e.updatedAt = now;
    std::string kindId;
    if (auto eis = eisFields(s, lang, kindId)) {
        e.kind = kindId;
        e.fields = std::move(*eis);
        ++out.recognised;
    } else {
        e.kind = "generic";
        e.fields = genericFields(s, lang, fallbackTitle);
    }
    out.data.entries.push_back(std::move(e));
}

std::optional<Imported> fail(ImportError& error, Str text, int line = 0) {
    error = ImportError{text, line};
    return std::nullopt;
}

std::optional<Imported> finish(Imported&& out, ImportError& error) {
    if (out.data.entries.empty()) return fail(error, Str::ErrImportEmpty);
    return std::move(out);
}

// --- [csv] ----------------------------------------------------------------------------------------

struct CsvRow {
    std::vector<std::string> cells;
    int line = 0; // where the row starts, from 1
    ~CsvRow() {
        for (std::string& c : cells) crypto::wipeString(c);
    }
};

// Reads the row at `pos` and moves past it. Line breaks inside quotes are kept (as \n).
// On failure: the message and the line.
bool readRow(std::string_view text, std::size_t& pos, int& line, CsvRow& row, ImportError& error) {
    row.line = line;
    row.cells.clear();
    for (;;) {
        std::string cell;
        if (pos < text.size() && text[pos] == '"') {
            const int opened = line;
            ++pos;
            for (;;) {
                if (pos >= text.size()) {
                    error = ImportError{Str::ErrImportCsvOpenQuote, opened};
                    return false;
                }
                const char c = text[pos++];
                if (c == '"') {
                    if (pos < text.size() && text[pos] == '"') {
                        cell += '"';
                        ++pos;
                        continue;
                    }
                    break;
                }
                if (c == '\n') ++line;
                if (c == '\r' && pos < text.size() && text[pos] == '\n') continue; // CRLF → LF
                cell += c;
            }
            if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
                error = ImportError{Str::ErrImportCsvAfterQuote, line};
                return false;
            }
        } else {
            while (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                cell += text[pos++];
        }
        row.cells.push_back(std::move(cell));
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
            continue;
        }
        if (pos < text.size() && text[pos] == '\r') ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
        ++line;
        return true;
    }
}

bool sameName(std::string_view a, std::string_view b) {
    return lower(trim(a)) == lower(b);
}

} // namespace

std::string ImportError::detail(Lang lang) const {
    return line > 0 ? fill(tr(Str::ImportLine, lang), {{"n", std::to_string(line)}}) : std::string();
}

// --- [keepassxc] ----------------------------------------------------------------------------------

std::optional<Imported> importKeePassXcCsv(std::string_view text, ImportError& error, std::int64_t now,
                                           Lang lang) {
    if (text.size() > kMaxImportBytes) return fail(error, Str::ErrImportTooLarge);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!validUtf8(text)) return fail(error, Str::ErrImportNotUtf8);

    std::size_t pos = 0;
    int line = 1;
    CsvRow header;
    ImportError ignored;
    if (!readRow(text, pos, line, header, ignored)) return fail(error, Str::ErrImportNotKeePassCsv);
    std::map<std::string, std::size_t> column;
    for (const char* name : {"Group", "Title", "Username", "Password", "URL", "Notes", "TOTP"})
        for (std::size_t i = 0; i < header.cells.size(); ++i)
            if (sameName(header.cells[i], name)) column.emplace(name, i);
    if (!column.count("Title") || !column.count("Username") || !column.count("Password"))
        return fail(error, Str::ErrImportNotKeePassCsv);

    Imported out;
    while (pos < text.size()) {
        CsvRow row;
        if (!readRow(text, pos, line, row, error)) return std::nullopt;
        if (row.cells.size() == 1 && row.cells[0].empty()) continue; // a blank line
        if (row.cells.size() != header.cells.size())
            return fail(error, Str::ErrImportCsvFieldCount, row.line);
        const auto cell = [&](const char* name) {
            const auto it = column.find(name);
            return it == column.end() ? std::string() : row.cells[it->second];
        };
        // KeePassXC writes the group path from the root: "Root/ЕИС/Токены". The root is left out;
        // the recycle bin is a group under it ("Корзина" in a Russian KeePassXC).
        std::vector<std::string> path;
        const std::string group = cell("Group");
        for (std::size_t at = 0; at <= group.size();) {
            const std::size_t slash = std::min(group.find('/', at), group.size());
            path.push_back(group.substr(at, slash - at));
            at = slash + 1;
        }
        if (path.size() > 1 && (path[1] == "Recycle Bin" || path[1] == "Корзина")) {
            ++out.binned;
            continue;
        }
        Source s;
        s.title = cell("Title");
        s.login = cell("Username");
        s.password = cell("Password");
        if (std::string url = cell("URL"); !url.empty()) s.urls.push_back(std::move(url));
        s.notes = cell("Notes");
        s.totp = cell("TOTP");
        for (std::size_t i = 1; i < path.size(); ++i) s.group += (i > 1 ? "/" : "") + path[i];
        if (s.title.empty() && s.login.empty() && s.password.empty() && s.urls.empty() && s.notes.empty() &&
            s.totp.empty())
            continue; // nothing in it
        addEntry(out, s, now, lang, "KeePassXC");
    }
    return finish(std::move(out), error);
}

// --- [bitwarden] ----------------------------------------------------------------------------------

namespace {

bool isTrue(const json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_boolean() && it->get<bool>();
}

std::map<std::string, std::string> names(const json& root, const char* key) {
    std::map<std::string, std::string> out;
    const auto it = root.find(key);
    if (it != root.end() && it->is_array())
        for (const json& f : *it) out[stringAt(f, "id")] = stringAt(f, "name");
    return out;
}

} // namespace

std::optional<Imported> importBitwardenJson(std::string_view text, ImportError& error, std::int64_t now,
                                            Lang lang) {
    if (text.size() > kMaxImportBytes) return fail(error, Str::ErrImportTooLarge);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded())
        return fail(error, validUtf8(text) ? Str::ErrImportNotJson : Str::ErrImportNotUtf8);
    if (!root.is_object()) return fail(error, Str::ErrImportNotBitwarden);
    // Both kinds of encrypted export say so: the account-key one keeps "items" with ciphertext
    // strings, the passphrase-protected one has only "data".
    if (isTrue(root, "encrypted") || isTrue(root, "passwordProtected"))
        return fail(error, Str::ErrImportBitwardenEncrypted);
    const auto items = root.find("items");
    if (items == root.end() || !items->is_array()) return fail(error, Str::ErrImportNotBitwarden);
    const std::map<std::string, std::string> folders = names(root, "folders");
    const std::map<std::string, std::string> collections = names(root, "collections");

    Imported out;
    for (const json& item : *items) {
        if (!item.is_object()) return fail(error, Str::ErrImportNotBitwarden);
        const auto type = item.find("type");
        if (type == item.end() || !type->is_number_integer()) return fail(error, Str::ErrImportNotBitwarden);
        const int kind = intOf(*type).value_or(0); // 1 login, 2 secure note, 3 card, 4 identity, 5 SSH key
        if (kind != 1 && kind != 2) {
            ++out.skipped;
            continue;
        }
        if (const auto d = item.find("deletedDate"); d != item.end() && d->is_string()) {
            ++out.binned;
            continue;
        }
        Source s;
        s.title = stringAt(item, "name");
        s.notes = unixLines(stringAt(item, "notes"));
        if (const auto login = item.find("login"); login != item.end() && login->is_object()) {
            s.login = stringAt(*login, "username");
            s.password = stringAt(*login, "password");
            s.totp = stringAt(*login, "totp");
            if (const auto uris = login->find("uris"); uris != login->end() && uris->is_array())
                for (const json& u : *uris)
                    if (std::string uri = stringAt(u, "uri"); !uri.empty()) s.urls.push_back(std::move(uri));
        }
        if (const auto fields = item.find("fields"); fields != item.end() && fields->is_array())
            for (const json& f : *fields) {
                if (!f.is_object()) continue;
                const auto value = f.find("value");
                if (value == f.end() || !value->is_string()) continue; // a linked field: no value of its own
                const auto ft = f.find("type");
                const bool hidden = ft != f.end() && intOf(*ft) == 1;
                s.fields.push_back(
                    SourceField{stringAt(f, "name"), unixLines(value->get<std::string>()), hidden});
            }
        if (const std::string folder = stringAt(item, "folderId"); !folder.empty() && folders.count(folder)) {
            s.groupLabel = Str::ImportNoteFolder;
            s.group = folders.at(folder);
        } else if (const auto ids = item.find("collectionIds"); ids != item.end() && ids->is_array()) {
            s.groupLabel = Str::ImportNoteCollection;
            for (const json& id : *ids)
                if (id.is_string() && collections.count(id.get<std::string>()))
                    s.group += (s.group.empty() ? "" : ", ") + collections.at(id.get<std::string>());
        }
        addEntry(out, s, now, lang, "Bitwarden");
    }
    return finish(std::move(out), error);
}

// --- [kdbx] ---------------------------------------------------------------------------------------

namespace {

bool isPicture(const std::vector<std::uint8_t>& d) {
    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (d.size() >= 8 && std::equal(kPng, kPng + 8, d.begin())) return true;
    return d.size() >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
}

// KeePass's five standard fields and KeePassXC's TOTP seed; everything else is a custom field.
void fillSource(Source& s, const kdbx::Entry& e) {
    for (const kdbx::Field& f : e.fields) {
        if (f.key == "Title")
            s.title = f.value;
        else if (f.key == "UserName")
            s.login = f.value;
        else if (f.key == "Password")
            s.password = f.value;
        else if (f.key == "URL") {
            if (!f.value.empty()) s.urls.push_back(f.value);
        } else if (f.key == "Notes")
            s.notes = unixLines(f.value);
        else if (f.key == "otp")
            s.totp = f.value;
        else
            s.fields.push_back(SourceField{f.key, unixLines(f.value), f.protect});
    }
}

// The fields of one version: an EIS kind's when `kindId` names one that fits (or, empty, when one is
// recognised), else generic. KeePass's "Expires" date becomes validUntil when the kind has one and
// is written into the notes otherwise.
nlohmann::json versionFields(Source& s, const kdbx::Times& times, Lang lang, std::string& kindId) {
    std::optional<Date> expiry;
    if (times.expires) {
        const std::int64_t day = times.expiry >= 0 ? times.expiry / 86400 : (times.expiry - 86399) / 86400;
        expiry = civilFromDays(day); // KeePass keeps UTC
    }
    s.expires = expiry;
    json fields;
    std::string found;
    std::optional<json> eis = eisFields(s, lang, found);
    if (eis && (kindId.empty() || kindId == found)) {
        kindId = found;
        fields = std::move(*eis);
    } else {
        // An older version that no longer fits the entry's kind keeps everything as generic fields.
        kindId = "generic";
        fields = genericFields(s, lang, "KeePass");
    }
    if (expiry) {
        const std::string date = isoDate(*expiry);
        const kinds::Kind* kind = kinds::Registry::builtIn().find(kindId);
        if (kind && kind->field("validUntil")) {
            fields["validUntil"] = date;
        } else {
            std::string notes = fields.value("notes", "");
            appendLines(notes, {line(tr(Str::ImportNoteExpires, lang), date)});
            fields["notes"] = notes;
        }
    }
    return fields;
}

struct KdbxWalk {
    Imported& out;
    std::int64_t now;
    Lang lang;
    bool groupsAsOrganisations;
    std::map<std::string, std::string> orgIds; // top-level group name → organisation id

    void entry(const kdbx::Entry& e, const std::vector<std::string>& path) {
        Source s;
        fillSource(s, e);
        const std::size_t first = groupsAsOrganisations && !path.empty() ? 1 : 0;
        for (std::size_t i = first; i < path.size(); ++i) s.group += (i > first ? "/" : "") + path[i];
        if (s.title.empty() && s.login.empty() && s.password.empty() && s.urls.empty() && s.notes.empty() &&
            s.fields.empty() && e.attachments.empty())
            return;
        vault::Entry v;
        v.id = vault::newEntryId();
        std::string kindId;
        v.fields = versionFields(s, e.times, lang, kindId);
        v.kind = kindId;
        if (kindId != "generic") ++out.recognised;
        const auto millis = [&](std::int64_t seconds) { return seconds > 0 ? seconds * 1000 : now; };
        v.createdAt = millis(e.times.creation);
        v.updatedAt = millis(e.times.lastModification);
        for (const kdbx::Entry& h : e.history) {
            Source hs;
            fillSource(hs, h);
            hs.group = s.group;
            std::string hk = kindId;
            vault::EntryVersion version;
            version.savedAt = millis(h.times.lastModification);
            version.fields = versionFields(hs, h.times, lang, hk);
            v.history.push_back(std::move(version));
        }
        json pictures = json::array();
        const std::string title = s.title.empty() ? std::string("KeePass") : oneLine(s.title);
        for (const kdbx::Attachment& a : e.attachments) {
            if (isPicture(a.data))
                pictures.push_back({{"name", a.name}, {"data", images::toBase64(a.data)}});
            else
                out.skippedAttachments.push_back(title + ": " + a.name);
        }
        if (!pictures.empty()) v.unknown["kdbxPictures"] = std::move(pictures);
        if (!path.empty() && std::find(out.groups.begin(), out.groups.end(), path[0]) == out.groups.end())
            out.groups.push_back(path[0]);
        if (groupsAsOrganisations && !path.empty()) {
            auto [it, added] = orgIds.try_emplace(path[0], std::string());
            if (added) {
                vault::Organisation o;
                o.id = vault::newEntryId();
                o.name = path[0];
                it->second = o.id;
                out.data.organisations.push_back(std::move(o));
            }
            v.org = it->second;
        }
        out.data.entries.push_back(std::move(v));
    }

    void group(const kdbx::Group& g, std::vector<std::string>& path) {
        for (const kdbx::Entry& e : g.entries) entry(e, path);
        for (const kdbx::Group& c : g.groups) {
            if (path.empty() && (c.name == "Recycle Bin" || c.name == "Корзина")) {
                out.binned += static_cast<int>(count(c));
                continue;
            }
            path.push_back(c.name);
            group(c, path);
            path.pop_back();
        }
    }

    static std::size_t count(const kdbx::Group& g) {
        std::size_t n = g.entries.size();
        for (const kdbx::Group& c : g.groups) n += count(c);
        return n;
    }
};

} // namespace

std::optional<Imported> importKeePassDatabase(const kdbx::Database& db, ImportError& error, std::int64_t now,
                                              Lang lang, bool groupsAsOrganisations) {
    Imported out;
    KdbxWalk walk{out, now, lang, groupsAsOrganisations, {}};
    std::vector<std::string> path; // below the root group, which every KeePass database has
    walk.group(db.root, path);
    return finish(std::move(out), error);
}

} // namespace ts::bundle
