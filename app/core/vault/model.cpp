#include "core/vault/model.h"
#include "core/vault/change.h"

#include "core/crypto/crypto.h"
#include "core/json_text.h"
#include "core/json_writer.h"
#include "core/vault/merge.h"
#include "core/vault/model_json.h"

#include <algorithm>

namespace ts::vault {

using nlohmann::json;

json takeUnknown(const json& obj, std::initializer_list<const char*> known) {
    json unknown = json::object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& key = it.key();
        if (std::none_of(known.begin(), known.end(), [&](const char* n) { return key == n; }))
            unknown[key] = *it;
    }
    return unknown;
}

bool isStringObject(const json& j) {
    if (!j.is_object()) return false;
    for (const json& v : j)
        if (!v.is_string()) return false;
    return true;
}

namespace {

namespace jw = json_writer;

void write(std::string& out, const EntryVersion& v) {
    jw::object(out,
               {{"fields", [&](std::string& o) { jw::value(o, v.fields); }},
                {"savedAt", [&](std::string& o) { jw::integer(o, v.savedAt); }}},
               v.unknown);
}

void write(std::string& out, const Entry& e) {
    jw::object(
        out,
        {{"createdAt", [&](std::string& o) { jw::integer(o, e.createdAt); }},
         {"fields", [&](std::string& o) { jw::value(o, e.fields); }},
         {"history",
          [&](std::string& o) {
              jw::list(o, e.history, [](std::string& a, const EntryVersion& v) { write(a, v); });
          }},
         {"id", [&](std::string& o) { jw::string(o, e.id); }},
         {"kind", [&](std::string& o) { jw::string(o, e.kind); }},
         {"org", [&](std::string& o) { jw::string(o, e.org); }, !e.org.empty()},
         {"updatedAt", [&](std::string& o) { jw::integer(o, e.updatedAt); }},
         {"warnDays",
          [&](std::string& o) { jw::list(o, e.warnDays, [](std::string& a, int d) { jw::integer(a, d); }); },
          !e.warnDays.empty()}},
        e.unknown);
}

// Entries and their versions are most of a vault: each is read in one pass over its members, and
// the values are moved out of the parsed document rather than copied (unlocking 10,000 entries).
bool fromJson(json& j, EntryVersion& v) {
    if (!j.is_object()) return false;
    bool savedAt = false, fields = false;
    for (auto& [key, value] : j.get_ref<json::object_t&>()) {
        if (key == "savedAt") {
            if (!value.is_number_integer()) return false;
            v.savedAt = value.get<std::int64_t>();
            savedAt = true;
        } else if (key == "fields") {
            if (!isStringObject(value)) return false;
            v.fields = std::move(value);
            fields = true;
        } else {
            v.unknown[key] = std::move(value);
        }
    }
    return savedAt && fields;
}

bool fromJson(json& j, Entry& e) {
    if (!j.is_object()) return false;
    bool id = false, kind = false, fields = false, createdAt = false, updatedAt = false;
    auto text = [](json& value, std::string& to) {
        if (!value.is_string()) return false;
        to = std::move(value.get_ref<std::string&>());
        return true;
    };
    auto time = [](const json& value, std::int64_t& to) {
        if (!value.is_number_integer()) return false;
        to = value.get<std::int64_t>();
        return true;
    };
    e.history.clear();
    for (auto& [key, value] : j.get_ref<json::object_t&>()) {
        bool ok = true;
        if (key == "id") {
            ok = id = text(value, e.id);
        } else if (key == "kind") {
            ok = kind = text(value, e.kind);
        } else if (key == "org") {
            ok = text(value, e.org);
        } else if (key == "createdAt") {
            ok = createdAt = time(value, e.createdAt);
        } else if (key == "updatedAt") {
            ok = updatedAt = time(value, e.updatedAt);
        } else if (key == "fields") {
            ok = fields = isStringObject(value);
            if (ok) e.fields = std::move(value);
        } else if (key == "history") {
            ok = value.is_array();
            for (std::size_t i = 0; ok && i < value.size(); ++i) {
                EntryVersion v;
                ok = fromJson(value[i], v);
                e.history.push_back(std::move(v));
            }
        } else if (key == "warnDays") {
            ok = value.is_array();
            for (std::size_t i = 0; ok && i < value.size(); ++i) {
                const std::optional<int> days = intOf(value[i]);
                ok = days.has_value();
                if (ok) e.warnDays.push_back(*days);
            }
        } else {
            e.unknown[key] = std::move(value);
        }
        if (!ok) return false;
    }
    return id && kind && fields && createdAt && updatedAt && !e.id.empty();
}

void write(std::string& out, const Organisation& org) {
    jw::object(out,
               {{"country", [&](std::string& o) { jw::string(o, org.country); }},
                {"id", [&](std::string& o) { jw::string(o, org.id); }},
                {"name", [&](std::string& o) { jw::string(o, org.name); }},
                {"taxId", [&](std::string& o) { jw::string(o, org.taxId); }}},
               org.unknown);
}

bool fromJson(const json& j, Organisation& o) {
    if (!j.is_object()) return false;
    for (const char* k : {"id", "name", "country", "taxId"})
        if (!j.contains(k) || !j[k].is_string()) return false;
    o.id = j["id"].get<std::string>();
    o.name = j["name"].get<std::string>();
    o.country = j["country"].get<std::string>();
    o.taxId = j["taxId"].get<std::string>();
    o.unknown = takeUnknown(j, {"id", "name", "country", "taxId"});
    return !o.id.empty();
}

void pushHistory(Entry& e) {
    e.history.push_back(EntryVersion{e.updatedAt, e.fields, json::object()});
    if (e.history.size() > kMaxHistory) e.history.erase(e.history.begin());
}

// How deeply objects and arrays nest (the root is level 1), brackets inside strings not counted.
// Exact for valid JSON; for anything else the parser's refusal is what counts.
std::size_t nestingDepth(std::span<const std::uint8_t> bytes) {
    std::size_t depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const std::uint8_t c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

} // namespace

std::size_t jsonNestingDepth(std::span<const std::uint8_t> bytes) {
    return nestingDepth(bytes);
}

std::string Entry::field(const char* name) const {
    return stringAt(fields, name);
}

const Entry* Data::find(std::string_view id) const {
    for (const Entry& e : entries)
        if (e.id == id) return &e;
    return nullptr;
}

Entry* Data::find(std::string_view id) {
    return const_cast<Entry*>(static_cast<const Data*>(this)->find(id));
}

const Organisation* Data::organisation(std::string_view id) const {
    for (const Organisation& o : organisations)
        if (o.id == id) return &o;
    return nullptr;
}

crypto::SecretBytes serialize(const Data& data) {
    const Installation& in = data.installation;
    const bool withInstallation = !in.secretKey.empty() || !in.signSeed.empty() || in.lastBackupAt != 0 ||
                                  !in.teams.empty() || !in.unknown.empty();
    const auto viaDom = [](std::string& o, const auto& item) { jw::value(o, toJson(item)); };
    const auto direct = [](std::string& o, const auto& item) { write(o, item); };
    std::string text;
    text.reserve(4096 + 512 * data.entries.size()); // growing leaves copies of the text behind
    jw::object(
        text,
        {{"attachments", [&](std::string& o) { jw::list(o, data.attachments, viaDom); }},
         {"entries", [&](std::string& o) { jw::list(o, data.entries, direct); }},
         {"installation",
          [&](std::string& o) {
              jw::object(
                  o,
                  {{"lastBackupAt", [&](std::string& v) { jw::integer(v, in.lastBackupAt); },
                    in.lastBackupAt != 0},
                   {"secretKey", [&](std::string& v) { jw::string(v, in.secretKey); }, !in.secretKey.empty()},
                   {"signSeed", [&](std::string& v) { jw::string(v, in.signSeed); }, !in.signSeed.empty()},
                   {"teams", [&](std::string& v) { jw::value(v, in.teams); }, !in.teams.empty()}},
                  in.unknown);
          },
          withInstallation},
         // A reader older than this must refuse the vault rather than damage it.
         {"minReader", [&](std::string& o) { jw::integer(o, 1); }},
         {"organisations", [&](std::string& o) { jw::list(o, data.organisations, direct); }},
         {"runs", [&](std::string& o) { jw::list(o, data.runs, viaDom); }},
         {"schema", [&](std::string& o) { jw::integer(o, kSchemaVersion); }}},
        data.unknown);
    crypto::SecretBytes out = crypto::secretFrom(text);
    crypto::wipeString(text);
    return out;
}

ParseError parse(std::span<const std::uint8_t> bytes, Data& out) {
    // nlohmann parses iteratively but copies, compares and dumps recursively: unknown keys are kept
    // (copied) and saved (dumped), so a crafted bundle nested a few thousand levels deep would
    // overflow the stack. Deeper documents are refused before they are parsed.
    if (nestingDepth(bytes) > kMaxJsonDepth) return ParseError::WrongShape;
    json j = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return ParseError::NotJson;
    if (!j.is_object() || !j.contains("schema") || !j["schema"].is_number_integer())
        return ParseError::WrongShape;
    if (j.contains("minReader")) { // beyond an int: a reader far newer still
        const std::optional<int> minReader = intOf(j["minReader"]);
        if (!minReader || *minReader > kSchemaVersion) return ParseError::NewerSchema;
    }
    if (!j.contains("entries") || !j["entries"].is_array()) return ParseError::WrongShape;
    Data d;
    d.entries.reserve(j["entries"].size());
    for (json& je : j["entries"]) {
        Entry e;
        if (!fromJson(je, e)) return ParseError::WrongShape;
        d.entries.push_back(std::move(e));
    }
    if (j.contains("organisations")) {
        if (!j["organisations"].is_array()) return ParseError::WrongShape;
        for (const json& jo : j["organisations"]) {
            Organisation o;
            if (!fromJson(jo, o)) return ParseError::WrongShape;
            d.organisations.push_back(std::move(o));
        }
    }
    if (j.contains("runs")) {
        if (!j["runs"].is_array()) return ParseError::WrongShape;
        for (const json& jr : j["runs"]) {
            Run r;
            if (!fromJson(jr, r)) return ParseError::WrongShape;
            d.runs.push_back(std::move(r));
        }
    }
    if (j.contains("attachments")) {
        if (!j["attachments"].is_array()) return ParseError::WrongShape;
        for (const json& ja : j["attachments"]) {
            Attachment a;
            if (!fromJson(ja, a)) return ParseError::WrongShape;
            d.attachments.push_back(std::move(a));
        }
    }
    if (j.contains("installation")) {
        const json& ji = j["installation"];
        if (!ji.is_object()) return ParseError::WrongShape;
        Installation& in = d.installation;
        if (ji.contains("secretKey")) {
            if (!ji["secretKey"].is_string()) return ParseError::WrongShape;
            in.secretKey = ji["secretKey"].get<std::string>();
        }
        if (ji.contains("signSeed")) {
            if (!ji["signSeed"].is_string()) return ParseError::WrongShape;
            in.signSeed = ji["signSeed"].get<std::string>();
        }
        if (ji.contains("lastBackupAt")) {
            if (!ji["lastBackupAt"].is_number_integer()) return ParseError::WrongShape;
            in.lastBackupAt = ji["lastBackupAt"].get<std::int64_t>();
        }
        if (ji.contains("teams")) {
            if (!ji["teams"].is_array()) return ParseError::WrongShape;
            in.teams = ji["teams"];
        }
        in.unknown = takeUnknown(ji, {"secretKey", "signSeed", "lastBackupAt", "teams"});
    }
    d.unknown = takeUnknown(
        j, {"schema", "minReader", "installation", "organisations", "entries", "runs", "attachments"});
    out = std::move(d);
    return ParseError::None;
}

bool apply(Data& data, const Change& change, std::int64_t now) {
    return std::visit([&](const auto& c) { return apply(data, c, now); }, change);
}

bool apply(Data& data, const change::UpsertEntry& c, std::int64_t now) {
    if (!isStringObject(c.fields)) return false;
    Entry* e = data.find(c.id);
    if (!e) {
        Entry n;
        n.id = c.id;
        n.kind = c.kind;
        n.org = c.org.value_or("");
        n.warnDays = c.warnDays.value_or(std::vector<int>{});
        n.fields = c.fields;
        n.createdAt = n.updatedAt = now;
        data.entries.push_back(std::move(n));
        return true;
    }
    const bool sameMeta = (!c.org || *c.org == e->org) && (!c.warnDays || *c.warnDays == e->warnDays);
    if (e->fields == c.fields && sameMeta) return false;
    if (e->fields != c.fields) {
        pushHistory(*e);
        e->fields = c.fields;
    }
    if (c.org) e->org = *c.org;
    if (c.warnDays) e->warnDays = *c.warnDays;
    e->updatedAt = now;
    return true;
}

bool apply(Data& data, const change::RemoveEntry& c, std::int64_t) {
    const Entry* e = data.find(c.id);
    if (!e) return false;
    data.entries.erase(data.entries.begin() + (e - data.entries.data()));
    return true;
}

bool apply(Data& data, const change::RestoreVersion& c, std::int64_t now) {
    Entry* e = data.find(c.id);
    if (!e) return false;
    const auto v = std::find_if(e->history.rbegin(), e->history.rend(),
                                [&](const EntryVersion& h) { return h.savedAt == c.savedAt; });
    if (v == e->history.rend()) return false;
    const json restored = v->fields;
    if (restored == e->fields) return false;
    pushHistory(*e);
    e->fields = restored;
    e->updatedAt = now;
    return true;
}

bool apply(Data& data, const change::UpsertOrganisation& c, std::int64_t) {
    Organisation o{c.id, c.name, c.country, c.taxId, json::object()};
    if (o.id.empty() || o.name.empty()) return false;
    for (Organisation& existing : data.organisations)
        if (existing.id == o.id) {
            if (existing.name == o.name && existing.country == o.country && existing.taxId == o.taxId)
                return false;
            o.unknown = existing.unknown;
            existing = std::move(o);
            return true;
        }
    data.organisations.push_back(std::move(o));
    return true;
}

bool apply(Data& data, const change::RemoveOrganisation& c, std::int64_t) {
    const auto it = std::find_if(data.organisations.begin(), data.organisations.end(),
                                 [&](const Organisation& o) { return o.id == c.id; });
    if (it == data.organisations.end()) return false;
    data.organisations.erase(it);
    for (Entry& en : data.entries) // entries stay; they just no longer belong to it
        if (en.org == c.id) en.org.clear();
    return true;
}

bool apply(Data& data, const change::SetInstallationKey& c, std::int64_t) {
    if ((!c.replace && !data.installation.secretKey.empty()) || c.secretKey.empty() ||
        c.secretKey == data.installation.secretKey)
        return false;
    data.installation.secretKey = c.secretKey;
    return true;
}

bool apply(Data& data, const change::NoteBackup&, std::int64_t now) {
    data.installation.lastBackupAt = now;
    return true;
}

bool apply(Data& data, const change::SetSigningKey& c, std::int64_t) {
    if (!data.installation.signSeed.empty() || c.signSeed.empty()) return false; // never replaced
    data.installation.signSeed = c.signSeed;
    return true;
}

std::string newEntryId() {
    std::array<std::uint8_t, 16> raw{};
    crypto::randomBytes(raw);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    for (std::uint8_t b : raw) {
        id += kHex[b >> 4];
        id += kHex[b & 15];
    }
    return id;
}

} // namespace ts::vault
