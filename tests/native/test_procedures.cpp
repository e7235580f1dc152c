#include "core/kinds/kind.h"
#include "core/procedures/mockup_layout.h"
#include "core/procedures/procedure.h"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace ts;
using namespace ts::procedures;
using nlohmann::json;

namespace {

// Every label a screen shows, to check none is empty.
void collectLabels(const Element& e, std::vector<std::string>& out) {
    if (e.type == Element::Type::Table)
        for (const std::string& c : e.columns) out.push_back(c);
    else if (e.type != Element::Type::Row)
        out.push_back(e.type == Element::Type::Icon ? e.value : e.label);
    for (const Element& c : e.children) collectLabels(c, out);
    for (const auto& row : e.rows)
        for (const Element& c : row)
            if (c.type != Element::Type::Text) collectLabels(c, out);
}

json minimal() {
    return json::parse(R"({
      "id": "sample", "version": 1, "kind": "eis-export-token",
      "system": {"ru": "ЕИС", "en": "EIS"}, "title": {"ru": "Т", "en": "T"},
      "summary": {"ru": "С", "en": "S"},
      "steps": [{
        "id": "one", "title": {"ru": "Шаг", "en": "Step"}, "text": {"ru": "Текст", "en": "Text"},
        "fills": ["guid"],
        "screen": {"title": "Окно", "tabs": [{"label": "Вкладка", "mark": 1}],
                   "body": [{"type": "button", "label": "Кнопка", "mark": 2},
                            {"type": "table", "columns": ["A", "B"],
                             "rows": [["x", {"type": "icon", "icon": "eye"}]]}],
                   "callouts": [{"ru": "один", "en": "one"}, {"ru": "два", "en": "two"}]}
      }],
      "quiz": [{"question": {"ru": "?", "en": "?"}, "options": [{"ru": "а", "en": "a"}, {"ru": "б", "en": "b"}],
                "answer": 1, "explain": {"ru": "потому", "en": "because"}}]
    })");
}

std::string refusal(json j) {
    std::string error;
    CHECK_FALSE(parseProcedure(j, kinds::Registry::builtIn(), error));
    return error;
}

} // namespace

TEST_CASE("a procedure file is read with its screens, marks, fills and quiz") {
    std::string error;
    const auto p = parseProcedure(minimal(), kinds::Registry::builtIn(), error);
    REQUIRE_MESSAGE(p, error);
    REQUIRE(p->steps.size() == 1);
    const Step& s = p->steps[0];
    CHECK(s.fills == std::vector<std::string>{"guid"});
    CHECK(s.screen.tabs[0].mark == 1);
    CHECK(s.screen.body[0].mark == 2);
    REQUIRE(s.screen.body[1].rows.size() == 1);
    CHECK(s.screen.body[1].rows[0][1].type == Element::Type::Icon);
    CHECK(s.screen.body[1].rows[0][1].value == "eye");
    CHECK(p->quiz[0].answer == 1);
    CHECK(p->stepIndex("one") == 0);
    CHECK(p->step("two") == nullptr);
}

TEST_CASE("a procedure file with mistakes is refused with a reason") {
    json j = minimal();
    j["kind"] = "no-such-kind";
    CHECK(refusal(j).find("kind") != std::string::npos);

    j = minimal();
    j["steps"][0]["fills"] = json::array({"token"});
    CHECK(refusal(j).find("does not have") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["callouts"].erase(1);
    CHECK(refusal(j).find("mark 2 has no callout") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["callouts"].push_back({{"ru", "три"}, {"en", "three"}});
    CHECK(refusal(j).find("callout 3") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["body"][1]["rows"][0][1]["icon"] = "smile";
    CHECK(refusal(j).find("unknown icon") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["body"][0]["type"] = "slider";
    CHECK(refusal(j).find("unknown \"type\"") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["body"][0]["label"] = "";
    CHECK(refusal(j).find("without a \"label\"") != std::string::npos);

    j = minimal();
    j["steps"][0].erase("screen");
    CHECK(refusal(j).find("screen") != std::string::npos);

    j = minimal();
    j["steps"].push_back(j["steps"][0]);
    CHECK(refusal(j).find("appears twice") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["body"][0]["align"] = "middle";
    CHECK(refusal(j).find("\"align\"") != std::string::npos);

    j = minimal();
    j["quiz"][0]["answer"] = 2;
    CHECK(refusal(j).find("answer") != std::string::npos);

    j = minimal();
    j["steps"][0]["title"]["en"] = "";
    CHECK(refusal(j).find("empty text") != std::string::npos);

    j = minimal();
    j["steps"][0]["screen"]["body"][1]["rows"][0] = json::array({"only one cell"});
    CHECK(refusal(j).find("one cell per column") != std::string::npos);
}

TEST_CASE("every built-in procedure loads and is complete") {
    const Library& lib = Library::builtIn();
    for (const std::string& e : lib.errors()) FAIL_CHECK(e);
    CHECK(lib.errors().empty());
    std::set<std::string> kindsCovered;
    for (const Procedure& p : lib.all()) {
        INFO("procedure " << p.id);
        const kinds::Kind* kind = kinds::Registry::builtIn().find(p.kind);
        REQUIRE(kind);
        kindsCovered.insert(p.kind);
        CHECK_FALSE(p.roles.empty());
        CHECK(p.quiz.size() >= 3);
        CHECK(p.steps.size() >= 4);
        std::set<std::string> filled;
        for (const Step& s : p.steps) {
            INFO("step " << s.id);
            filled.insert(s.fills.begin(), s.fills.end());
            CHECK_FALSE(s.screen.body.empty());
            CHECK_FALSE(s.screen.callouts.empty()); // each illustration points at something
            std::vector<std::string> labels;
            for (const Element& e : s.screen.body) collectLabels(e, labels);
            for (const std::string& l : labels) CHECK_FALSE(l.empty());
        }
        // A run must be able to produce every required field of its credential.
        for (const kinds::Field& f : kind->fields)
            if (f.required && f.defaultValue.empty()) CHECK_MESSAGE(filled.count(f.id), "unfilled " << f.id);
    }
    // The five seed documents: one procedure each.
    CHECK(kindsCovered == std::set<std::string>{"eis-export-token", "eis-https-login",
                                                "eis-participant-token-key", "oais-system-token",
                                                "oais-tpsclient-token"});
    CHECK(lib.forKind("oais-tpsclient-token") == lib.find("oais-tpsclient-token"));
}

TEST_CASE("a row's item with \"align\": \"right\" is drawn at the screen's right edge") {
    // Seed 002's «Ещё» button sits on the right of the module's window.
    auto buttonRight = [](const char* align) {
        json j = minimal();
        j["steps"][0]["screen"]["body"] = json::parse(R"([{"type": "row", "items": [
            {"type": "text", "label": "…"}, {"type": "button", "label": "Ещё", "mark": 1}]}])");
        j["steps"][0]["screen"]["callouts"].erase(1);
        j["steps"][0]["screen"]["tabs"][0].erase("mark");
        j["steps"][0]["screen"]["body"][0]["items"][1]["align"] = align;
        std::string error;
        const auto p = parseProcedure(j, kinds::Registry::builtIn(), error);
        REQUIRE_MESSAGE(p, error);
        const MockupMetrics metrics{15.0f, estimateTextWidth};
        const Mockup m = layoutScreen(p->steps[0].screen, 600, metrics);
        for (const Box& b : m.boxes)
            if (b.kind == Box::Kind::Button) return std::pair{b.rect.right(), m.width};
        FAIL("no button drawn");
        return std::pair{0.0f, 0.0f};
    };
    const auto [left, width] = buttonRight("left");
    const auto [right, width2] = buttonRight("right");
    CHECK(left < width * 0.4f);
    CHECK(right > width2 * 0.85f);
    CHECK(right <= width2);
}
