// Sections:
//   [text]      UTF-8 checks, line endings
//   [mapping]   one source record → a vault entry (core/bundle/recognise.h)
//   [csv]       an RFC 4180 reader, one row at a time
//   [keepassxc] KeePassXC's CSV export
//   [bitwarden] Bitwarden's JSON export
//   [kdbx]      an opened KeePass database (core/kdbx)
#include "core/bundle/importers.h"

#include "core/bundle/recognise.h"
#include "core/crypto/secret.h"
#include "core/dates.h"
#include "core/images/base64.h"
#include "core/json_text.h"
#include "core/kinds/kind.h"

#include <algorithm>
#include <map>

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

std::string unixLines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
    return out;
}

// --- [mapping] ------------------------------------------------------------------------------------

void addEntry(Imported& out, const Record& s, std::int64_t now, Lang lang, std::string_view fallbackTitle) {
    Recognised r = recognise(s, now, lang, fallbackTitle);
    if (r.known) ++out.recognised;
    if (!r.datesFromText.empty()) out.datesFromText[r.entry.id] = std::move(r.datesFromText);
    if (!r.organisation.empty()) out.organisations[r.organisation].push_back(r.entry.id);
    out.data.entries.push_back(std::move(r.entry));
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

// Column names are ASCII: compared without case, surrounding spaces ignored.
bool sameName(std::string_view a, std::string_view b) {
    while (!a.empty() && (a.front() == ' ' || a.front() == '\t')) a.remove_prefix(1);
    while (!a.empty() && (a.back() == ' ' || a.back() == '\t')) a.remove_suffix(1);
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto l = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
               return l(x) == l(y);
           });
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
        Record s;
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
        Record s;
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
                    RecordField{stringAt(f, "name"), unixLines(value->get<std::string>()), hidden});
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
void fillRecord(Record& s, const kdbx::Entry& e) {
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
            s.fields.push_back(RecordField{f.key, unixLines(f.value), f.protect});
    }
}

// The fields of one version: the recognised kind's when `kindId` is empty or names the same kind,
// else generic (an older version that no longer fits the entry's kind). KeePass's "Expires" date
// becomes the kind's expiry, or a line in the notes when the kind has none.
nlohmann::json versionFields(Record& s, const kdbx::Times& times, Lang lang, std::string& kindId,
                             std::vector<std::string>* datesFromText = nullptr) {
    std::optional<Date> expiry;
    if (times.expires) {
        const std::int64_t day = times.expiry >= 0 ? times.expiry / 86400 : (times.expiry - 86399) / 86400;
        expiry = civilFromDays(day); // KeePass keeps UTC
    }
    s.expires = expiry;
    Recognised r = recognise(s, 0, lang, "KeePass");
    json fields;
    if (kindId.empty() || kindId == r.entry.kind) {
        kindId = r.entry.kind;
        fields = std::move(r.entry.fields);
        if (datesFromText) *datesFromText = std::move(r.datesFromText);
    } else {
        kindId = "generic";
        fields = genericFields(s, lang, "KeePass");
    }
    const kinds::Kind* kind = kinds::Registry::builtIn().find(kindId);
    if (expiry && kind && kind->field("validUntil")) {
        if (fields.value("validUntil", "").empty()) fields["validUntil"] = isoDate(*expiry);
    } else if (expiry) {
        std::string notes = fields.value("notes", "");
        if (!notes.empty()) notes += notes.back() == '\n' ? "\n" : "\n\n";
        notes += std::string(tr(Str::ImportNoteExpires, lang)) + ": " + isoDate(*expiry);
        fields["notes"] = notes;
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
        Record s;
        fillRecord(s, e);
        const std::size_t first = groupsAsOrganisations && !path.empty() ? 1 : 0;
        for (std::size_t i = first; i < path.size(); ++i) s.group += (i > first ? "/" : "") + path[i];
        if (s.title.empty() && s.login.empty() && s.password.empty() && s.urls.empty() && s.notes.empty() &&
            s.fields.empty() && e.attachments.empty())
            return;
        vault::Entry v;
        v.id = vault::newEntryId();
        std::string kindId;
        std::vector<std::string> guessed; // date fields read from the text, for the preview to show
        v.fields = versionFields(s, e.times, lang, kindId, &guessed);
        v.kind = kindId;
        if (kindId != "generic") ++out.recognised;
        if (!guessed.empty()) out.datesFromText[v.id] = std::move(guessed);
        const auto millis = [&](std::int64_t seconds) { return seconds > 0 ? seconds * 1000 : now; };
        v.createdAt = millis(e.times.creation);
        v.updatedAt = millis(e.times.lastModification);
        for (const kdbx::Entry& h : e.history) {
            Record hs;
            fillRecord(hs, h);
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
