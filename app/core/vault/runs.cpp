#include "core/vault/change.h"
#include "core/vault/model_json.h"

#include <algorithm>

namespace ts::vault {

using nlohmann::json;

json toJson(const Run& r) {
    json j = r.unknown;
    j["id"] = r.id;
    j["procedure"] = r.procedure;
    j["system"] = r.system;
    j["org"] = r.org;
    if (!r.target.empty()) j["target"] = r.target;
    j["done"] = r.done;
    j["values"] = r.values;
    j["startedAt"] = r.startedAt;
    j["updatedAt"] = r.updatedAt;
    if (r.finishedAt) j["finishedAt"] = r.finishedAt;
    if (!r.savedEntry.empty()) j["savedEntry"] = r.savedEntry;
    return j;
}

bool fromJson(const json& j, Run& r) {
    if (!j.is_object()) return false;
    for (const char* k : {"id", "procedure", "system", "org"})
        if (!j.contains(k) || !j[k].is_string()) return false;
    for (const char* k : {"startedAt", "updatedAt"})
        if (!j.contains(k) || !j[k].is_number_integer()) return false;
    if (!j.contains("values") || !isStringObject(j["values"])) return false;
    if (!j.contains("done") || !j["done"].is_array()) return false;
    for (const json& d : j["done"]) {
        if (!d.is_string()) return false;
        r.done.push_back(d.get<std::string>());
    }
    r.id = j["id"].get<std::string>();
    r.procedure = j["procedure"].get<std::string>();
    r.system = j["system"].get<std::string>();
    r.org = j["org"].get<std::string>();
    r.values = j["values"];
    r.startedAt = j["startedAt"].get<std::int64_t>();
    r.updatedAt = j["updatedAt"].get<std::int64_t>();
    if (j.contains("target")) {
        if (!j["target"].is_string()) return false;
        r.target = j["target"].get<std::string>();
    }
    if (j.contains("finishedAt")) {
        if (!j["finishedAt"].is_number_integer()) return false;
        r.finishedAt = j["finishedAt"].get<std::int64_t>();
    }
    if (j.contains("savedEntry")) {
        if (!j["savedEntry"].is_string()) return false;
        r.savedEntry = j["savedEntry"].get<std::string>();
    }
    r.unknown = takeUnknown(j, {"id", "procedure", "system", "org", "target", "done", "values", "startedAt",
                                "updatedAt", "finishedAt", "savedEntry"});
    return !r.id.empty();
}

const Run* Data::run(std::string_view id) const {
    for (const Run& r : runs)
        if (r.id == id) return &r;
    return nullptr;
}

const Run* Data::openRun(std::string_view org, std::string_view system) const {
    for (const Run& r : runs)
        if (r.open() && r.org == org && r.system == system) return &r;
    return nullptr;
}

namespace {

auto findRun(Data& data, const std::string& id) {
    return std::find_if(data.runs.begin(), data.runs.end(), [&](const Run& r) { return r.id == id; });
}

// Finishing writes the run's values into its entry: a new version of an existing one (fields the
// run did not touch stay), or a new entry of the procedure's kind.
bool saveRunValues(Data& data, const Run& run, const change::FinishRun& c, std::int64_t now) {
    const Entry* existing = data.find(c.target);
    if (existing && existing->kind != c.entryKind) return false;
    change::UpsertEntry upsert{
        c.target, c.entryKind, existing ? existing->fields : json::object(), run.org, {}};
    for (auto it = c.values.begin(); it != c.values.end(); ++it) upsert.fields[it.key()] = *it;
    // Saving the values the entry already holds is still a finished run, so no "changed" check here.
    apply(data, upsert, now);
    return data.find(c.target) != nullptr;
}

} // namespace

bool apply(Data& data, const change::StartRun& c, std::int64_t now) {
    if (findRun(data, c.id) != data.runs.end() || c.id.empty() || c.procedure.empty() || c.org.empty() ||
        data.openRun(c.org, c.system))
        return false;
    Run r;
    r.id = c.id;
    r.procedure = c.procedure;
    r.system = c.system;
    r.org = c.org;
    r.target = c.target;
    r.startedAt = r.updatedAt = now;
    data.runs.push_back(std::move(r));
    return true;
}

bool apply(Data& data, const change::UpdateRun& c, std::int64_t now) {
    const auto it = findRun(data, c.id);
    if (it == data.runs.end() || !it->open() || !isStringObject(c.values)) return false;
    if (it->done == c.done && it->values == c.values && it->target == c.target) return false;
    it->done = c.done;
    it->values = c.values;
    it->target = c.target;
    it->updatedAt = now;
    return true;
}

bool apply(Data& data, const change::FinishRun& c, std::int64_t now) {
    const auto it = findRun(data, c.id);
    if (it == data.runs.end() || !it->open() || c.target.empty() || !isStringObject(c.values)) return false;
    if (!saveRunValues(data, *it, c, now)) return false;
    // saveRunValues may have added an entry, not a run, so `it` still points at the run.
    it->finishedAt = it->updatedAt = now;
    it->savedEntry = c.target;
    it->target = c.target;
    it->values = json::object(); // they are in the entry now; the history keeps dates only
    return true;
}

bool apply(Data& data, const change::RemoveRun& c, std::int64_t) {
    const auto it = findRun(data, c.id);
    if (it == data.runs.end()) return false;
    data.runs.erase(it);
    return true;
}

} // namespace ts::vault
