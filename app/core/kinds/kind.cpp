#include "core/kinds/kind.h"

#include "content/embedded.h"
#include "core/kinds/text_json.h"

#include <algorithm>
#include <map>

namespace ts::kinds {
namespace {

using nlohmann::json;

const std::map<std::string, FieldType, std::less<>> kTypes = {{"guid", FieldType::Guid},
                                                              {"date", FieldType::Date},
                                                              {"email", FieldType::Email},
                                                              {"login", FieldType::Login},
                                                              {"secret", FieldType::Secret},
                                                              {"text", FieldType::Text},
                                                              {"multiline", FieldType::Multiline},
                                                              {"choice", FieldType::Choice},
                                                              {"system-name", FieldType::SystemName},
                                                              {"url", FieldType::Url}};

bool readField(const json& j, Field& f, std::string& error) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() ||
        !validId(j["id"].get<std::string>(), false)) {
        error = "a field without a valid \"id\"";
        return false;
    }
    f.id = j["id"].get<std::string>();
    const auto type = j.contains("type") && j["type"].is_string() ? kTypes.find(j["type"].get<std::string>())
                                                                  : kTypes.end();
    if (type == kTypes.end()) {
        error = "field " + f.id + ": unknown \"type\"";
        return false;
    }
    f.type = type->second;
    if (!readText(j, "label", f.label, true, error) || !readText(j, "hint", f.hint, false, error)) {
        error = "field " + f.id + ": " + error;
        return false;
    }
    f.required = j.value("required", false);
    f.secret = j.value("secret", false) || f.type == FieldType::Secret;
    if (f.type == FieldType::Choice) {
        if (!j.contains("options") || !j["options"].is_array() || j["options"].empty()) {
            error = "field " + f.id + ": a choice needs \"options\"";
            return false;
        }
        for (const json& o : j["options"]) {
            Option opt;
            if (!o.is_object() || !o.contains("value") || !o["value"].is_string() ||
                !readText(o, "label", opt.label, true, error)) {
                error = "field " + f.id + ": bad option " + error;
                return false;
            }
            opt.value = o["value"].get<std::string>();
            f.options.push_back(std::move(opt));
        }
    }
    if (j.contains("default")) {
        if (!j["default"].is_string()) {
            error = "field " + f.id + ": \"default\" must be a string";
            return false;
        }
        f.defaultValue = j["default"].get<std::string>();
    }
    return true;
}

bool readExpiry(const json& j, Kind& k, std::string& error) {
    if (!j.is_object() || !j.contains("rule") || !j["rule"].is_string()) {
        error = "\"expiry\" needs a \"rule\"";
        return false;
    }
    const std::string rule = j["rule"].get<std::string>();
    if (rule == "none") return true;
    k.expiry.field = j.value("field", std::string());
    const Field* f = k.field(k.expiry.field);
    if (!f || f->type != FieldType::Date) {
        error = "\"expiry\" must name a date field of this kind";
        return false;
    }
    if (rule == "date-field") {
        k.expiry.rule = Expiry::Rule::DateField;
        return true;
    }
    if (rule == "months-after" && j.contains("months") && j["months"].is_number_integer() &&
        j["months"].get<int>() > 0) {
        k.expiry.rule = Expiry::Rule::MonthsAfter;
        k.expiry.months = j["months"].get<int>();
        if (j.contains("portal")) {
            const Field* p = j["portal"].is_string() ? k.field(j["portal"].get<std::string>()) : nullptr;
            if (!p || p->type != FieldType::Date || p->id == k.expiry.field) {
                error = "\"expiry\".\"portal\" must name another date field of this kind";
                return false;
            }
            k.expiry.portalField = p->id;
        }
        return true;
    }
    error = "unknown \"expiry\" rule or missing \"months\"";
    return false;
}

} // namespace

const Field* Kind::field(std::string_view fieldId) const {
    for (const Field& f : fields)
        if (f.id == fieldId) return &f;
    return nullptr;
}

const Field* Kind::nameField() const {
    for (const Field& f : fields)
        if (!f.secret &&
            (f.type == FieldType::Text || f.type == FieldType::SystemName || f.type == FieldType::Login))
            return &f;
    return nullptr;
}

std::optional<Kind> parseKind(const json& j, std::string& error) {
    Kind k;
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() ||
        !validId(j["id"].get<std::string>(), true)) {
        error = "missing or invalid \"id\"";
        return std::nullopt;
    }
    k.id = j["id"].get<std::string>();
    k.country = j.value("country", std::string());
    if (k.country != "RU" && k.country != "BY") {
        error = "\"country\" must be \"RU\" or \"BY\"";
        return std::nullopt;
    }
    if (!readText(j, "system", k.system, true, error) || !readText(j, "title", k.title, true, error) ||
        !readText(j, "summary", k.summary, true, error) ||
        !readText(j, "whereItGoes", k.whereItGoes, true, error) ||
        !readText(j, "short", k.shortTitle, false, error))
        return std::nullopt;
    if (!j.contains("fields") || !j["fields"].is_array() || j["fields"].empty()) {
        error = "\"fields\" must be a non-empty array";
        return std::nullopt;
    }
    for (const json& jf : j["fields"]) {
        Field f;
        if (!readField(jf, f, error)) return std::nullopt;
        if (k.field(f.id)) {
            error = "field " + f.id + " appears twice";
            return std::nullopt;
        }
        k.fields.push_back(std::move(f));
    }
    if (!j.contains("expiry") || !readExpiry(j["expiry"], k, error)) {
        if (error.empty()) error = "missing \"expiry\"";
        return std::nullopt;
    }
    if (j.contains("warnDays")) {
        if (!j["warnDays"].is_array()) {
            error = "\"warnDays\" must be an array";
            return std::nullopt;
        }
        for (const json& d : j["warnDays"]) {
            if (!d.is_number_integer() || d.get<int>() < 0 || d.get<int>() > 366) {
                error = "\"warnDays\" must hold whole days between 0 and 366";
                return std::nullopt;
            }
            k.warnDays.push_back(d.get<int>());
        }
        std::sort(k.warnDays.rbegin(), k.warnDays.rend());
    }
    if (j.contains("notes")) {
        for (const json& n : j["notes"]) {
            Note note;
            if (!n.is_object()) {
                error = "a note must be an object";
                return std::nullopt;
            }
            Text t;
            if (!n.contains("ru") || !n.contains("en") || !n["ru"].is_string() || !n["en"].is_string()) {
                error = "a note needs \"ru\" and \"en\"";
                return std::nullopt;
            }
            note.text = Text{n["ru"].get<std::string>(), n["en"].get<std::string>()};
            note.warning = n.value("warning", false);
            k.notes.push_back(std::move(note));
        }
    }
    return k;
}

const Kind* Registry::find(std::string_view id) const {
    for (const Kind& k : kinds_)
        if (k.id == id) return &k;
    return nullptr;
}

const Registry& Registry::builtIn() {
    static const Registry registry = [] {
        Registry r;
        for (const content::File& f : content::kindFiles()) {
            std::string error;
            const json j = json::parse(f.text, nullptr, false);
            if (j.is_discarded()) {
                r.errors_.push_back(std::string(f.name) + ": not valid JSON");
                continue;
            }
            if (auto k = parseKind(j, error))
                r.kinds_.push_back(std::move(*k));
            else
                r.errors_.push_back(std::string(f.name) + ": " + error);
        }
        // The generic kind goes last in pickers: the specific ones are what people look for.
        std::stable_partition(r.kinds_.begin(), r.kinds_.end(),
                              [](const Kind& k) { return k.id != "generic"; });
        return r;
    }();
    return registry;
}

} // namespace ts::kinds
