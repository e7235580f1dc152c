#include "core/bundle/transfer.h"

#include "core/images/base64.h"
#include "core/json_text.h"
#include "core/utf8.h"
#include "core/vault/session.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ts::bundle {
namespace {

bool startsWith(std::span<const std::uint8_t> bytes, std::string_view prefix) {
    return bytes.size() >= prefix.size() && std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

bool entryWanted(const vault::Entry& e, const Selection& selection) {
    switch (selection.scope) {
    case Selection::Scope::All:
        return true;
    case Selection::Scope::Organisations:
        return !e.org.empty() && selection.ids.count(e.org) > 0;
    case Selection::Scope::Entries:
        return selection.ids.count(e.id) > 0;
    }
    return false;
}

// The organisations that go with the entries: the chosen ones, or those the entries belong to.
std::set<std::string> organisationsWanted(const vault::Data& data, const Selection& selection) {
    std::set<std::string> orgs;
    if (selection.scope == Selection::Scope::Organisations) orgs = selection.ids;
    for (const vault::Entry& e : data.entries)
        if (!e.org.empty() && entryWanted(e, selection)) orgs.insert(e.org);
    return orgs;
}

} // namespace

vault::Data selectForExport(const vault::Data& data, const Selection& selection) {
    using Scope = Selection::Scope;
    vault::Data out;
    out.unknown = nlohmann::json::object(); // a newer app's vault-level data stays with the vault
    const std::set<std::string> orgs = organisationsWanted(data, selection);
    std::set<std::string> entries;
    for (const vault::Entry& e : data.entries) {
        if (!entryWanted(e, selection)) continue;
        vault::Entry copy = e;
        if (!selection.withHistory) copy.history.clear();
        out.entries.push_back(std::move(copy));
        entries.insert(e.id);
    }
    for (const vault::Organisation& o : data.organisations)
        if (selection.scope == Scope::All || orgs.count(o.id)) out.organisations.push_back(o);
    for (const vault::Run& r : data.runs) {
        const bool wanted =
            selection.scope == Scope::All ||
            (selection.scope == Scope::Organisations && selection.ids.count(r.org)) ||
            (selection.scope == Scope::Entries && !r.savedEntry.empty() && entries.count(r.savedEntry));
        if (wanted) out.runs.push_back(r);
    }
    if (selection.scope == Scope::All) out.attachments = data.attachments;
    return out;
}

void setWorkstation(vault::Data& bundleData, const std::string& workstation) {
    if (!workstation.empty()) bundleData.unknown["workstation"] = workstation;
}

std::string workstationOf(const vault::Data& bundleData) {
    return stringAt(bundleData.unknown, "workstation");
}

SelectionSize sizeOf(const vault::Data& data, const Selection& selection) {
    SelectionSize size;
    for (const vault::Entry& e : data.entries) size.entries += entryWanted(e, selection) ? 1 : 0;
    if (selection.scope == Selection::Scope::All) {
        size.organisations = data.organisations.size();
        return size;
    }
    const std::set<std::string> orgs = organisationsWanted(data, selection);
    for (const vault::Organisation& o : data.organisations) size.organisations += orgs.count(o.id);
    return size;
}

std::optional<Str> bundlePassphraseProblem(std::span<const std::uint8_t> passphrase,
                                           std::span<const std::uint8_t> repeat) {
    const std::string_view text(reinterpret_cast<const char*>(passphrase.data()), passphrase.size());
    if (utf8Length(text) < vault::Session::kMinPassphraseChars) return Str::ErrBundlePassTooShort;
    if (!std::equal(passphrase.begin(), passphrase.end(), repeat.begin(), repeat.end()))
        return Str::ErrPassphraseMismatch;
    return std::nullopt;
}

vault::change::SetInstallationKey newInstallationKeyChange(bool replacing) {
    const KeyPair keys = newKeyPair();
    return {images::toBase64(keys.secretKey.view()), replacing};
}

std::optional<KeyPair> installationKeys(const vault::Data& data) {
    if (data.installation.secretKey.empty()) return std::nullopt;
    std::optional<std::vector<std::uint8_t>> raw = images::fromBase64(data.installation.secretKey);
    if (!raw || raw->size() != SecretKey::size) {
        if (raw) sodium_memzero(raw->data(), raw->size());
        return std::nullopt;
    }
    SecretKey secret;
    std::memcpy(secret.data(), raw->data(), SecretKey::size);
    sodium_memzero(raw->data(), raw->size());
    return keyPairFromSecretKey(secret);
}

Source identify(std::span<const std::uint8_t> bytes, std::string_view fileName) {
    if (startsWith(bytes, "TSBUNDLE")) return Source::Bundle;
    if (startsWith(bytes, "\x03\xD9\xA2\x9A")) return Source::KeePass; // KeePass 1 and 2 alike
    if (endsWith(fileName, ".kdbx") || endsWith(fileName, ".kdb")) return Source::KeePass;
    std::size_t i = 0; // skip a BOM and leading whitespace: text pasted from mail has both
    if (startsWith(bytes, "\xEF\xBB\xBF")) i = 3;
    while (i < bytes.size() && std::isspace(bytes[i])) ++i;
    const std::span<const std::uint8_t> rest = bytes.subspan(i);
    if (startsWith(rest, "TSB1:")) return Source::BundleText;
    if (startsWith(rest, "{")) return Source::BitwardenJson;
    if (endsWith(fileName, ".csv") || startsWith(rest, "\"Group\"") || startsWith(rest, "Group,"))
        return Source::KeePassXcCsv;
    if (endsWith(fileName, ".json")) return Source::BitwardenJson;
    if (endsWith(fileName, ".tsb")) return Source::Bundle; // its check will say what is wrong
    return Source::Unknown;
}

std::optional<vault::Data> payloadData(const Opened& opened, BundleError& error) {
    vault::Data data;
    switch (vault::parse(opened.payload, data)) {
    case vault::ParseError::None:
        break;
    case vault::ParseError::NewerSchema:
        error = BundleError::NewerVersion;
        return std::nullopt;
    case vault::ParseError::NotJson:
    case vault::ParseError::WrongShape:
        error = BundleError::Damaged;
        return std::nullopt;
    }
    data.installation = {};
    if (data.entries.empty() && data.organisations.empty()) {
        error = BundleError::Empty;
        return std::nullopt;
    }
    error = BundleError::None;
    return data;
}

std::optional<int> daysWithoutBackup(const vault::Data& data, std::int64_t nowMillis) {
    if (data.entries.empty()) return std::nullopt;
    std::int64_t since = data.installation.lastBackupAt;
    if (since == 0) {
        // An entry with no creation time (0: written by a tool that keeps none) would count from 1970.
        since = nowMillis;
        for (const vault::Entry& e : data.entries)
            if (e.createdAt > 0) since = std::min(since, e.createdAt);
    }
    constexpr std::int64_t kDay = 24LL * 3600 * 1000;
    return static_cast<int>(std::max<std::int64_t>(0, nowMillis - since) / kDay);
}

bool backupDue(const vault::Data& data, std::int64_t nowMillis, int days) {
    if (days <= 0) return false;
    const std::optional<int> without = daysWithoutBackup(data, nowMillis);
    return without && *without >= days;
}

} // namespace ts::bundle
