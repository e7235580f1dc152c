#include "core/procedures/procedure.h"

#include "content/embedded.h"
#include "core/json_text.h"
#include "core/kinds/text_json.h"

#include <algorithm>
#include <map>
#include <set>

namespace ts::procedures {
namespace {

using kinds::readText;
using kinds::readTextValue;
using kinds::validId;
using nlohmann::json;

const std::map<std::string, Element::Type, std::less<>> kTypes = {
    {"heading", Element::Type::Heading},   {"text", Element::Type::Text},
    {"field", Element::Type::Field},       {"select", Element::Type::Select},
    {"checkbox", Element::Type::Checkbox}, {"button", Element::Type::Button},
    {"link", Element::Type::Link},         {"icon", Element::Type::Icon},
    {"table", Element::Type::Table},       {"row", Element::Type::Row},
    {"dialog", Element::Type::Dialog}};

// Marks seen while reading one screen, to check them against its callouts.
using Marks = std::set<int>;

bool readMark(const json& j, int& mark, Marks& marks, std::string& error) {
    if (!j.contains("mark")) return true;
    if (!j["mark"].is_number_integer() || j["mark"].get<int>() < 1) {
        error = "\"mark\" must be a number from 1";
        return false;
    }
    mark = j["mark"].get<int>();
    marks.insert(mark);
    return true;
}

bool readItems(const json& j, const char* key, std::vector<Item>& out, Marks& marks, std::string& error) {
    if (!j.contains(key)) return true;
    if (!j[key].is_array()) {
        error = std::string("\"") + key + "\" must be an array";
        return false;
    }
    for (const json& ji : j[key]) {
        Item item;
        item.label = ji.is_object() ? stringAt(ji, "label") : std::string();
        if (item.label.empty()) {
            error = std::string("an item of \"") + key + "\" has no \"label\"";
            return false;
        }
        item.active = ji.value("active", false);
        if (!readMark(ji, item.mark, marks, error)) return false;
        out.push_back(std::move(item));
    }
    return true;
}

bool readElement(const json& j, Element& e, Marks& marks, std::string& error);

bool readElements(const json& j, const char* key, std::vector<Element>& out, Marks& marks,
                  std::string& error) {
    if (!j.contains(key) || !j[key].is_array() || j[key].empty()) {
        error = std::string("\"") + key + "\" must be a non-empty array";
        return false;
    }
    for (const json& je : j[key]) {
        Element e;
        if (!readElement(je, e, marks, error)) return false;
        out.push_back(std::move(e));
    }
    return true;
}

bool readTable(const json& j, Element& e, Marks& marks, std::string& error) {
    if (!j.contains("columns") || !j["columns"].is_array() || j["columns"].empty() || !j.contains("rows") ||
        !j["rows"].is_array()) {
        error = "a table needs \"columns\" and \"rows\"";
        return false;
    }
    for (const json& c : j["columns"]) {
        if (!c.is_string()) {
            error = "table columns must be strings";
            return false;
        }
        e.columns.push_back(c.get<std::string>());
    }
    for (const json& jr : j["rows"]) {
        if (!jr.is_array() || jr.size() != e.columns.size()) {
            error = "each table row needs one cell per column";
            return false;
        }
        std::vector<Element> row;
        for (const json& cell : jr) {
            Element c;
            if (cell.is_string()) {
                c.type = Element::Type::Text;
                c.label = cell.get<std::string>();
            } else if (!readElement(cell, c, marks, error)) {
                return false;
            }
            row.push_back(std::move(c));
        }
        e.rows.push_back(std::move(row));
    }
    return true;
}

bool readElement(const json& j, Element& e, Marks& marks, std::string& error) {
    const auto type = j.is_object() ? kTypes.find(stringAt(j, "type")) : kTypes.end();
    if (type == kTypes.end()) {
        error = "an element with an unknown \"type\": " + (j.is_object() ? stringAt(j, "type") : j.dump());
        return false;
    }
    e.type = type->second;
    e.label = stringAt(j, "label");
    if (!readMark(j, e.mark, marks, error)) return false;
    if (j.contains("align")) {
        const std::string align = stringAt(j, "align");
        if (align != "left" && align != "right") {
            error = "\"align\" must be \"left\" or \"right\"";
            return false;
        }
        e.right = align == "right";
    }
    switch (e.type) {
    case Element::Type::Icon:
        e.value = stringAt(j, "icon");
        if (std::find(iconNames().begin(), iconNames().end(), e.value) == iconNames().end()) {
            error = "unknown icon \"" + e.value + "\"";
            return false;
        }
        return true;
    case Element::Type::Table:
        return readTable(j, e, marks, error);
    case Element::Type::Row:
        return readElements(j, "items", e.children, marks, error);
    case Element::Type::Dialog:
        e.label = stringAt(j, "title");
        if (e.label.empty()) {
            error = "a dialog needs a \"title\"";
            return false;
        }
        return readElements(j, "body", e.children, marks, error);
    case Element::Type::Field:
        e.value = stringAt(j, "value");
        e.flag = j.value("secret", false);
        break;
    case Element::Type::Select:
        e.value = stringAt(j, "value");
        break;
    case Element::Type::Checkbox:
        e.flag = j.value("checked", false);
        break;
    case Element::Type::Button:
        e.flag = j.value("primary", false);
        break;
    default:
        break;
    }
    if (e.label.empty()) {
        error = "a \"" + stringAt(j, "type") + "\" element without a \"label\"";
        return false;
    }
    return true;
}

bool readScreen(const json& j, Screen& s, std::string& error) {
    if (!j.is_object()) {
        error = "missing \"screen\"";
        return false;
    }
    s.title = stringAt(j, "title");
    s.address = stringAt(j, "address");
    if (s.title.empty()) {
        error = "a screen without a \"title\"";
        return false;
    }
    Marks marks;
    if (!readItems(j, "menu", s.menu, marks, error) || !readItems(j, "tabs", s.tabs, marks, error) ||
        !readItems(j, "sidebar", s.sidebar, marks, error) || !readElements(j, "body", s.body, marks, error))
        return false;
    if (j.contains("callouts")) {
        if (!j["callouts"].is_array()) {
            error = "\"callouts\" must be an array";
            return false;
        }
        for (const json& c : j["callouts"]) {
            Text t;
            if (!readTextValue(c, t, error)) {
                error = "a callout " + error;
                return false;
            }
            s.callouts.push_back(std::move(t));
        }
    }
    for (int n = 1; n <= static_cast<int>(s.callouts.size()); ++n)
        if (!marks.count(n)) {
            error = "callout " + std::to_string(n) + " has no element marked " + std::to_string(n);
            return false;
        }
    if (!marks.empty() && *marks.rbegin() > static_cast<int>(s.callouts.size())) {
        error = "mark " + std::to_string(*marks.rbegin()) + " has no callout";
        return false;
    }
    return true;
}

bool readStep(const json& j, const kinds::Kind& kind, Step& s, std::string& error) {
    s.id = j.is_object() ? stringAt(j, "id") : std::string();
    if (!validId(s.id, true)) {
        error = "a step without a valid \"id\"";
        return false;
    }
    if (!readText(j, "title", s.title, true, error) || !readText(j, "text", s.text, true, error) ||
        !readText(j, "warning", s.warning, false, error))
        return false;
    if (j.contains("fills")) {
        if (!j["fills"].is_array()) {
            error = "\"fills\" must be an array";
            return false;
        }
        for (const json& f : j["fills"]) {
            if (!f.is_string() || !kind.field(f.get<std::string>())) {
                error = "\"fills\" names " + f.dump() + ", which kind " + kind.id + " does not have";
                return false;
            }
            s.fills.push_back(f.get<std::string>());
        }
    }
    return readScreen(j.contains("screen") ? j["screen"] : json(), s.screen, error);
}

bool readQuestion(const json& j, Question& q, std::string& error) {
    if (!readText(j, "question", q.question, true, error) || !readText(j, "explain", q.explain, true, error))
        return false;
    if (!j.contains("options") || !j["options"].is_array() || j["options"].size() < 2 ||
        j["options"].size() > 5) {
        error = "a question needs 2 to 5 \"options\"";
        return false;
    }
    for (const json& o : j["options"]) {
        Text t;
        if (!readTextValue(o, t, error)) {
            error = "an option " + error;
            return false;
        }
        q.options.push_back(std::move(t));
    }
    if (!j.contains("answer") || !j["answer"].is_number_integer() || j["answer"].get<int>() < 0 ||
        j["answer"].get<int>() >= static_cast<int>(q.options.size())) {
        error = "\"answer\" must be the index of one of the options";
        return false;
    }
    q.answer = j["answer"].get<int>();
    return true;
}

bool readTexts(const json& j, const char* key, std::vector<Text>& out, std::string& error) {
    if (!j.contains(key)) return true;
    if (!j[key].is_array()) {
        error = std::string("\"") + key + "\" must be an array";
        return false;
    }
    for (const json& t : j[key]) {
        Text text;
        if (!readTextValue(t, text, error)) {
            error = std::string("an item of \"") + key + "\" " + error;
            return false;
        }
        out.push_back(std::move(text));
    }
    return true;
}

} // namespace

const std::vector<std::string>& iconNames() {
    static const std::vector<std::string> names = {"eye", "gear", "plus", "arrow-down", "refresh",
                                                   "key", "user", "mail", "check"};
    return names;
}

const Step* Procedure::step(std::string_view stepId) const {
    const int i = stepIndex(stepId);
    return i < 0 ? nullptr : &steps[static_cast<std::size_t>(i)];
}

int Procedure::stepIndex(std::string_view stepId) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == stepId) return static_cast<int>(i);
    return -1;
}

std::optional<Procedure> parseProcedure(const json& j, const kinds::Registry& kinds, std::string& error) {
    Procedure p;
    p.id = j.is_object() ? stringAt(j, "id") : std::string();
    if (!validId(p.id, true)) {
        error = "missing or invalid \"id\"";
        return std::nullopt;
    }
    p.seed = stringAt(j, "seed");
    p.kind = stringAt(j, "kind");
    const kinds::Kind* kind = kinds.find(p.kind);
    if (!kind) {
        error = "\"kind\" names no known credential kind: \"" + p.kind + "\"";
        return std::nullopt;
    }
    if (!readText(j, "system", p.system, true, error) || !readText(j, "title", p.title, true, error) ||
        !readText(j, "summary", p.summary, true, error) || !readTexts(j, "roles", p.roles, error) ||
        !readTexts(j, "before", p.before, error))
        return std::nullopt;
    if (j.contains("notes")) {
        for (const json& n : j["notes"]) {
            kinds::Note note;
            if (!readTextValue(n, note.text, error)) {
                error = "a note " + error;
                return std::nullopt;
            }
            note.warning = n.value("warning", false);
            p.notes.push_back(std::move(note));
        }
    }
    if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty()) {
        error = "\"steps\" must be a non-empty array";
        return std::nullopt;
    }
    for (const json& js : j["steps"]) {
        Step s;
        if (!readStep(js, *kind, s, error)) {
            error = "step " + (s.id.empty() ? std::to_string(p.steps.size() + 1) : s.id) + ": " + error;
            return std::nullopt;
        }
        if (p.step(s.id)) {
            error = "step " + s.id + " appears twice";
            return std::nullopt;
        }
        p.steps.push_back(std::move(s));
    }
    if (j.contains("quiz")) {
        if (!j["quiz"].is_array()) {
            error = "\"quiz\" must be an array";
            return std::nullopt;
        }
        for (const json& jq : j["quiz"]) {
            Question q;
            if (!readQuestion(jq, q, error)) {
                error = "question " + std::to_string(p.quiz.size() + 1) + ": " + error;
                return std::nullopt;
            }
            p.quiz.push_back(std::move(q));
        }
    }
    return p;
}

const Procedure* Library::find(std::string_view id) const {
    for (const Procedure& p : procedures_)
        if (p.id == id) return &p;
    return nullptr;
}

const Procedure* Library::forKind(std::string_view kindId) const {
    for (const Procedure& p : procedures_)
        if (p.kind == kindId) return &p;
    return nullptr;
}

const Library& Library::builtIn() {
    static const Library library = [] {
        Library l;
        for (const content::File& f : content::procedureFiles()) {
            const json j = json::parse(f.text, nullptr, /*allow_exceptions=*/false);
            std::string error;
            if (j.is_discarded()) {
                l.errors_.push_back(std::string(f.name) + ": not valid JSON");
                continue;
            }
            if (auto p = parseProcedure(j, kinds::Registry::builtIn(), error))
                l.procedures_.push_back(std::move(*p));
            else
                l.errors_.push_back(std::string(f.name) + ": " + error);
        }
        return l;
    }();
    return library;
}

} // namespace ts::procedures
