// Other password managers' exports, read into vault data for the import preview
// (core/vault/merge.h): KeePassXC's "Export to CSV" and Bitwarden's unencrypted JSON export.
//
// Each entry becomes a "generic" one (title, login, secret, url, notes), or — when it is plainly an
// EIS token, an OAIS token or an EIS HTTPS-integration login — that kind (core/bundle/recognise.h,
// shared with the KeePass .kdbx import), so its expiry is tracked. Nothing is lost on the way: a
// value the kind would refuse (a URL without http://, a line break in a password) goes into the
// notes; custom fields, extra URLs, TOTP seeds and the group or folder are written into the notes
// too; an entry is given a kind of its own only when all it holds fits that kind. Every entry gets a fresh id
// and `now` as its times, so importing the same file twice is matched by kind and fields (previewMerge) and
// adds nothing the second time.
//
// WARNING: the input is a plain-text export full of secrets. The caller should wipe its copy
// (crypto::wipeString) once the preview is built, and tell the user to delete the file.
#pragma once

#include "core/kdbx/database.h"
#include "core/strings.h"
#include "core/vault/model.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::bundle {

// Larger files are refused before they are parsed: a real export of a few thousand entries is
// a few megabytes. Check the file size against this before reading it into memory.
inline constexpr std::size_t kMaxImportBytes = 20u * 1024 * 1024;

// Why a file was not imported. Shown as Message{text, detail(lang), true}.
struct ImportError {
    Str text = Str::StatusReady;
    int line = 0; // the line of the file where it went wrong, when known (CSV); 0: not known
    std::string detail(Lang lang) const; // "строка 12" / "line 12", or empty
};

struct Imported {
    vault::Data data;   // entries only: no organisations, runs or pictures
    int recognised = 0; // entries given an EIS token kind rather than "generic"
    int skipped = 0;    // not credentials TokenSafe keeps: Bitwarden cards, identities, SSH keys
    int binned = 0;     // in KeePassXC's "Recycle Bin" group or Bitwarden's trash: left out
    // For the preview to show and the user to confirm: entry id → its date fields read from the
    // record's text (a guess); an organisation named in group paths → the ids of its entries
    // (offered, never applied by the import itself).
    std::map<std::string, std::vector<std::string>> datesFromText;
    std::map<std::string, std::vector<std::string>> organisations;
    // A KeePass database's top-level groups that hold entries: offered as organisations, never
    // made ones unasked (importKeePassDatabase's groupsAsOrganisations).
    std::vector<std::string> groups;
    // KeePass attachments that are not pictures: "entry title: file name", reported as not imported.
    std::vector<std::string> skippedAttachments;
};

// KeePassXC's CSV: a header row "Group","Title","Username","Password","URL","Notes" and, since
// 2.7, "TOTP","Icon","Last Modified","Created" (columns are found by name, so older files and any
// column order work). RFC 4180: quoted fields, doubled quotes, commas and line breaks in quotes,
// CRLF or LF, an optional UTF-8 BOM. `lang`: the language of the labels written into notes.
[[nodiscard]] std::optional<Imported> importKeePassXcCsv(std::string_view text, ImportError& error,
                                                         std::int64_t now, Lang lang = Lang::Ru);

// Bitwarden's unencrypted JSON export ({"encrypted": false, "folders" or "collections", "items"}):
// logins (type 1) and secure notes (type 2) are imported; cards, identities and SSH keys are
// counted in `skipped`. An encrypted export is refused with its own message.
[[nodiscard]] std::optional<Imported> importBitwardenJson(std::string_view text, ImportError& error,
                                                          std::int64_t now, Lang lang = Lang::Ru);

// An opened KeePass database (core/kdbx): every entry outside the recycle bin, mapped as the CSV
// import maps a row (the generic kind or an EIS token's own), plus what only a .kdbx carries: custom
// fields by name (protected ones count as secrets), KeePassXC's "otp" field as TOTP, the "Expires"
// date as the entry's validUntil, the file's own creation and modification times, the history as
// the entry's earlier versions, and picture attachments (PNG, JPEG) kept with the entry (in
// `unknown.kdbxPictures`, name and base64). The group path is written into the notes; with
// `groupsAsOrganisations` each top-level group becomes an organisation of that name instead, and
// only the path below it goes into the notes.
[[nodiscard]] std::optional<Imported> importKeePassDatabase(const kdbx::Database& db, ImportError& error,
                                                            std::int64_t now, Lang lang,
                                                            bool groupsAsOrganisations);

} // namespace ts::bundle
