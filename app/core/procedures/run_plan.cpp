#include "core/procedures/run_plan.h"

#include "core/json_text.h"
#include "core/kinds/validate.h"

#include <algorithm>

namespace ts::procedures {

using nlohmann::json;

std::string systemKey(const Procedure& p) {
    return p.system.ru;
}

bool isDone(const vault::Run& run, std::string_view stepId) {
    return std::find(run.done.begin(), run.done.end(), stepId) != run.done.end();
}

int doneCount(const Procedure& p, const vault::Run& run) {
    return static_cast<int>(
        std::count_if(p.steps.begin(), p.steps.end(), [&](const Step& s) { return isDone(run, s.id); }));
}

int nextStep(const Procedure& p, const vault::Run& run) {
    for (std::size_t i = 0; i < p.steps.size(); ++i)
        if (!isDone(run, p.steps[i].id)) return static_cast<int>(i);
    return static_cast<int>(p.steps.size());
}

std::map<std::string, Str> stepErrors(const Procedure&, const kinds::Kind& kind, const Step& step,
                                      const json& values) {
    std::map<std::string, Str> errors;
    for (const std::string& id : step.fills) {
        const kinds::Field* f = kind.field(id);
        if (!f) continue;
        const std::string v = stringAt(values, id);
        if (v.empty()) {
            if (f->required) errors.emplace(id, Str::ErrFieldRequired);
        } else if (auto e = kinds::validateValue(*f, v)) {
            errors.emplace(id, *e);
        }
    }
    return errors;
}

std::vector<std::string> missingValues(const Procedure& p, const kinds::Kind& kind, const vault::Run& run) {
    std::vector<std::string> missing;
    for (const Step& s : p.steps)
        for (const std::string& id : s.fills) {
            const kinds::Field* f = kind.field(id);
            if (f && f->required && stringAt(run.values, id).empty() &&
                std::find(missing.begin(), missing.end(), id) == missing.end())
                missing.push_back(id);
        }
    return missing;
}

std::string defaultTarget(const vault::Data& data, const Procedure& p, const std::string& org,
                          const std::string& preferred) {
    const auto fits = [&](const vault::Entry& e) { return e.kind == p.kind && e.org == org; };
    if (const vault::Entry* e = data.find(preferred); e && fits(*e)) return e->id;
    const vault::Entry* only = nullptr;
    for (const vault::Entry& e : data.entries)
        if (fits(e)) {
            if (only) return {};
            only = &e;
        }
    return only ? only->id : std::string();
}

json finishFields(const kinds::Kind& kind, const vault::Run& run, bool newEntry) {
    json fields = json::object();
    if (newEntry)
        for (const kinds::Field& f : kind.fields)
            if (!f.defaultValue.empty()) fields[f.id] = f.defaultValue;
    for (auto it = run.values.begin(); it != run.values.end(); ++it)
        if (const kinds::Field* f = kind.field(it.key());
            f && it->is_string() && !it->get<std::string>().empty())
            fields[it.key()] = kinds::normalise(*f, it->get<std::string>());
    return fields;
}

} // namespace ts::procedures
