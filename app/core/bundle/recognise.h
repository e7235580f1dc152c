// One record of another password manager (KeePassXC CSV, Bitwarden JSON, a KeePass .kdbx entry)
// turned into a vault entry: a kind of its own when the record is plainly one of the credentials
// TokenSafe knows, else the generic kind. Shared by every importer, so each reads its format into
// a Record and calls recognise().
//
// What is recognised (title, notes, group, custom field names and addresses are searched):
//   - EIS GUID tokens (data-output services, accounting systems, participant token key): a GUID as
//     the password (or the only secret field) and the token named;
//   - OAIS tokens: account.gov.by in an address, or ОАИС / TPSClient / «Декларант» named;
//   - EIS HTTPS-integration logins: zakupki.gov.ru in an address plus «интеграц» anywhere.
// A username the kind has no field for is kept under the generic "login" id (the editor shows it
// beside the kind's fields), like the title, address and notes. The expiry comes from the record's
// own expiry (KeePass's "Expires", when set) or else from a date in its text ("Срок действия:
// 31.12.2025", "действует до …"); a date read from the text is named in `datesFromText` so the
// import preview can show it for the user to correct. A group path segment that names a legal
// entity ("ООО Ромашка/ЕИС") is returned in `organisation` — to be offered, never applied here.
//
// WARNING: a Record holds secrets; it wipes them when dropped. Don't copy it around.
#pragma once

#include "core/dates.h"
#include "core/strings.h"
#include "core/vault/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::bundle {

struct RecordField {
    std::string name, value;
    bool hidden = false; // a secret (Bitwarden's hidden field, a protected KeePass string)
};

struct Record {
    std::string title, login, password, notes, totp;
    std::vector<std::string> urls;
    std::vector<RecordField> fields;
    std::optional<Date> expires; // the tool's own expiry for the record, when it has one
    Str groupLabel = Str::ImportNoteGroup;
    std::string group; // the group path below the root or the folder, "/"-separated; empty: none

    Record() = default;
    Record(const Record&) = delete;
    Record& operator=(const Record&) = delete;
    ~Record();
};

struct Recognised {
    vault::Entry entry;                     // a fresh id, `now` as its times, no organisation
    bool known = false;                     // given a kind of its own rather than "generic"
    std::vector<std::string> datesFromText; // ids of date fields filled from the record's text
    std::string organisation;               // a legal entity named in the group path; empty: none
};

// `fallbackTitle`: a generic entry's title when the record has no title, address or login.
// `lang`: the language of the labels written into the notes.
Recognised recognise(const Record& record, std::int64_t now, Lang lang, std::string_view fallbackTitle);

// The generic kind's fields for a record: title, login, secret, url, notes; a value the kind would
// refuse goes into the notes under its label, whole (an older KeePass version that does not fit its
// entry's kind is kept so).
nlohmann::json genericFields(const Record& record, Lang lang, std::string_view fallbackTitle);

// A title for one line: control characters (a newline in a CSV field) become spaces, ends trimmed.
std::string oneLine(std::string_view s);

// The legal entity a group path names ("Клиенты/ООО «Ромашка»/ЕИС" → "ООО «Ромашка»"), or empty.
std::string organisationInGroup(std::string_view group);

} // namespace ts::bundle
