#include "core/vault/model.h"

#include "core/crypto/crypto.h"
#include "core/json_text.h"
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

json toJson(const EntryVersion& v) {
    json j = v.unknown;
    j["savedAt"] = v.savedAt;
    j["fields"] = v.fields;
    return j;
}

json toJson(const Entry& e) {
    json j = e.unknown;
    j["id"] = e.id;
    j["kind"] = e.kind;
    if (!e.org.empty()) j["org"] = e.org;
    if (!e.warnDays.empty()) j["warnDays"] = e.warnDays;
    j["fields"] = e.fields;
    j["createdAt"] = e.createdAt;
    j["updatedAt"] = e.updatedAt;
    json h = json::array();
    for (const EntryVersion& v : e.history) h.push_back(toJson(v));
    j["history"] = std::move(h);
    return j;
}

bool fromJson(const json& j, EntryVersion& v) {
    if (!j.is_object() || !j.contains("savedAt") || !j["savedAt"].is_number_integer()) return false;
    if (!j.contains("fields") || !isStringObject(j["fields"])) return false;
    v.savedAt = j["savedAt"].get<std::int64_t>();
    v.fields = j["fields"];
    v.unknown = takeUnknown(j, {"savedAt", "fields"});
    return true;
}

bool fromJson(const json& j, Entry& e) {
    if (!j.is_object()) return false;
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string(); };
    auto num = [&](const char* k) { return j.contains(k) && j[k].is_number_integer(); };
    if (!str("id") || !str("kind") || !num("createdAt") || !num("updatedAt")) return false;
    if (!j.contains("fields") || !isStringObject(j["fields"])) return false;
    e.id = j["id"].get<std::string>();
    e.kind = j["kind"].get<std::string>();
    e.fields = j["fields"];
    e.createdAt = j["createdAt"].get<std::int64_t>();
    e.updatedAt = j["updatedAt"].get<std::int64_t>();
    e.history.clear();
    if (j.contains("history")) {
        if (!j["history"].is_array()) return false;
        for (const json& hv : j["history"]) {
            EntryVersion v;
            if (!fromJson(hv, v)) return false;
            e.history.push_back(std::move(v));
        }
    }
    if (j.contains("org")) {
        if (!j["org"].is_string()) return false;
        e.org = j["org"].get<std::string>();
    }
    if (j.contains("warnDays")) {
        if (!j["warnDays"].is_array()) return false;
        for (const json& d : j["warnDays"]) {
            if (!d.is_number_integer()) return false;
            e.warnDays.push_back(d.get<int>());
        }
    }
    e.unknown =
        takeUnknown(j, {"id", "kind", "org", "warnDays", "fields", "createdAt", "updatedAt", "history"});
    return !e.id.empty();
}

json toJson(const Organisation& o) {
    json j = o.unknown;
    j["id"] = o.id;
    j["name"] = o.name;
    j["country"] = o.country;
    j["taxId"] = o.taxId;
    return j;
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

} // namespace

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
    json j = data.unknown;
    const Installation& in = data.installation;
    if (!in.secretKey.empty() || in.lastBackupAt != 0 || !in.unknown.empty()) {
        json ji = in.unknown;
        if (!in.secretKey.empty()) ji["secretKey"] = in.secretKey;
        if (in.lastBackupAt != 0) ji["lastBackupAt"] = in.lastBackupAt;
        j["installation"] = std::move(ji);
    }
    j["schema"] = kSchemaVersion;
    j["minReader"] = 1; // a reader older than this must refuse the vault rather than damage it
    json orgs = json::array();
    for (const Organisation& o : data.organisations) orgs.push_back(toJson(o));
    j["organisations"] = std::move(orgs);
    json entries = json::array();
    for (const Entry& e : data.entries) entries.push_back(toJson(e));
    j["entries"] = std::move(entries);
    json runs = json::array();
    for (const Run& r : data.runs) runs.push_back(toJson(r));
    j["runs"] = std::move(runs);
    json attachments = json::array();
    for (const Attachment& a : data.attachments) attachments.push_back(toJson(a));
    j["attachments"] = std::move(attachments);
    const std::string text = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return crypto::secretFrom(text);
}

ParseError parse(std::span<const std::uint8_t> bytes, Data& out) {
    // nlohmann parses iteratively but copies, compares and dumps recursively: unknown keys are kept
    // (copied) and saved (dumped), so a crafted bundle nested a few thousand levels deep would
    // overflow the stack. Deeper values are discarded as they are read, never built.
    bool tooDeep = false;
    const json::parser_callback_t limitDepth = [&](int depth, json::parse_event_t event, json&) {
        if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
            depth >= static_cast<int>(kMaxJsonDepth))
            tooDeep = true;
        return !tooDeep;
    };
    const json j = json::parse(bytes.begin(), bytes.end(), limitDepth, /*allow_exceptions=*/false);
    if (tooDeep) return ParseError::WrongShape;
    if (j.is_discarded()) return ParseError::NotJson;
    if (!j.is_object() || !j.contains("schema") || !j["schema"].is_number_integer())
        return ParseError::WrongShape;
    if (j.contains("minReader") &&
        (!j["minReader"].is_number_integer() || j["minReader"].get<int>() > kSchemaVersion))
        return ParseError::NewerSchema;
    if (!j.contains("entries") || !j["entries"].is_array()) return ParseError::WrongShape;
    Data d;
    for (const json& je : j["entries"]) {
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
        if (ji.contains("lastBackupAt")) {
            if (!ji["lastBackupAt"].is_number_integer()) return ParseError::WrongShape;
            in.lastBackupAt = ji["lastBackupAt"].get<std::int64_t>();
        }
        in.unknown = takeUnknown(ji, {"secretKey", "lastBackupAt"});
    }
    d.unknown = takeUnknown(
        j, {"schema", "minReader", "installation", "organisations", "entries", "runs", "attachments"});
    out = std::move(d);
    return ParseError::None;
}

bool apply(Data& data, const Change& c, std::int64_t now) {
    Entry* e = data.find(c.id);
    switch (c.kind) {
    case Change::Kind::Upsert: {
        if (!isStringObject(c.fields)) return false;
        if (!e) {
            Entry n;
            n.id = c.id;
            n.kind = c.entryKind;
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
    case Change::Kind::Remove:
        if (!e) return false;
        data.entries.erase(data.entries.begin() + (e - data.entries.data()));
        return true;
    case Change::Kind::UpsertOrganisation: {
        Organisation o{c.id, stringAt(c.fields, "name"), stringAt(c.fields, "country"),
                       stringAt(c.fields, "taxId"), json::object()};
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
    case Change::Kind::RemoveOrganisation: {
        const auto it = std::find_if(data.organisations.begin(), data.organisations.end(),
                                     [&](const Organisation& o) { return o.id == c.id; });
        if (it == data.organisations.end()) return false;
        data.organisations.erase(it);
        for (Entry& en : data.entries) // entries stay; they just no longer belong to it
            if (en.org == c.id) en.org.clear();
        return true;
    }
    case Change::Kind::StartRun:
    case Change::Kind::UpdateRun:
    case Change::Kind::FinishRun:
    case Change::Kind::RemoveRun:
        return applyRunChange(data, c, now);
    case Change::Kind::SetAttachment:
    case Change::Kind::RemoveAttachment:
        return applyAttachmentChange(data, c, now);
    case Change::Kind::Import:
        return applyImport(data, c, now);
    case Change::Kind::SetInstallationKey: {
        if (!data.installation.secretKey.empty() || !c.fields.contains("secretKey") ||
            !c.fields["secretKey"].is_string())
            return false;
        data.installation.secretKey = c.fields["secretKey"].get<std::string>();
        return !data.installation.secretKey.empty();
    }
    case Change::Kind::NoteBackup:
        data.installation.lastBackupAt = now;
        return true;
    case Change::Kind::Restore: {
        if (!e) return false;
        const auto v = std::find_if(e->history.rbegin(), e->history.rend(),
                                    [&](const EntryVersion& h) { return h.savedAt == c.versionSavedAt; });
        if (v == e->history.rend()) return false;
        const json restored = v->fields;
        if (restored == e->fields) return false;
        pushHistory(*e);
        e->fields = restored;
        e->updatedAt = now;
        return true;
    }
    }
    return false;
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
