// What the export and import screens need from core, around the bundle file itself: choosing what
// goes into a bundle, this installation's key pair kept in the vault, reading whatever the user
// picked (a bundle, its text form, another tool's export) into vault data for the merge preview,
// and when to remind the user that no backup was made for a while.
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/bundle/importers.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace ts::bundle {

// --- Export --------------------------------------------------------------------------------------

struct Selection {
    enum class Scope { All, Organisations, Entries };
    Scope scope = Scope::All;
    std::set<std::string> ids; // organisation ids (Organisations) or entry ids (Entries)
    bool withHistory = true;   // without: only the current version of each entry
};

// What goes into the bundle. All: everything but the installation's own data (its key, its backup
// date). Organisations: those organisations, their entries and their checklist runs. Entries: those
// entries, the organisations they belong to (so they arrive attached to them) and the runs that
// wrote them. Pictures attached to steps belong to no organisation: they travel with All only.
vault::Data selectForExport(const vault::Data& data, const Selection& selection);

// How many entries and organisations selectForExport would take, without copying them: the
// export form shows it on every frame.
struct SelectionSize {
    std::size_t entries = 0, organisations = 0;
};
SelectionSize sizeOf(const vault::Data& data, const Selection& selection);

// The sender's workstation name (Settings), carried in the bundle so the recipient sees where it
// came from. A label the sender chose, not proof: anyone can write any name.
void setWorkstation(vault::Data& bundleData, const std::string& workstation);
std::string workstationOf(const vault::Data& bundleData);

// A backup is everything, with history, under a passphrase: a bundle sealed to a receiving code
// opens only in that installation, and this one's key is gone with the browser's data. Only a
// backup resets the reminder.
inline bool isBackup(const Selection& s, bool withPassphrase) {
    return withPassphrase && s.scope == Selection::Scope::All && s.withHistory;
}

// What makes a bundle passphrase unusable, or nothing: fewer characters than a vault's passphrase
// needs (vault::Session::kMinPassphraseChars, counted in characters, not UTF-8 bytes), or a repeat
// that differs.
std::optional<Str> bundlePassphraseProblem(std::span<const std::uint8_t> passphrase,
                                           std::span<const std::uint8_t> repeat);

// --- This installation's key pair ----------------------------------------------------------------

// The change that gives the vault its key pair (made once; apply() refuses it when one exists), or,
// `replacing`, a new pair in place of the old: a new receiving code, after which bundles sealed to
// the old code no longer open here.
vault::change::SetInstallationKey newInstallationKeyChange(bool replacing = false);
// The key pair kept in the vault, if it has one (and it is readable).
std::optional<KeyPair> installationKeys(const vault::Data& data);

// --- Import --------------------------------------------------------------------------------------

enum class Source { Bundle, BundleText, KeePassXcCsv, BitwardenJson, KeePass, Unknown };

// What the bytes are, by their content first (a bundle's magic, the text form's prefix, JSON, a
// CSV header, a KeePass file's signature) and the file name's extension only to tell a foreign
// file's likely intent (a .kdbx or .kdb that is not one is KeePass's to refuse, with its message).
Source identify(std::span<const std::uint8_t> bytes, std::string_view fileName);

// The vault data inside an opened bundle. Errors: NewerVersion (written by a newer schema),
// Damaged (not vault data), Empty (nothing to import). The installation block is dropped: a
// bundle never brings another installation's key.
[[nodiscard]] std::optional<vault::Data> payloadData(const Opened& opened, BundleError& error);

// --- Backup reminder -----------------------------------------------------------------------------

// Whole days since the last backup (or, when there was none, since the oldest entry was created;
// entries with no creation time are not counted); nothing when the vault holds no entries: an empty
// vault needs no backup.
std::optional<int> daysWithoutBackup(const vault::Data& data, std::int64_t nowMillis);
// Whether to remind: `days` without a backup have passed (0 never reminds).
bool backupDue(const vault::Data& data, std::int64_t nowMillis, int days);

} // namespace ts::bundle
