// The procedures and kinds say what the seed documents say, and no more: facts a reviewer found
// wrong once (a label the portal does not show, a claim the seed does not make, a masked token the
// portal has just revealed) are pinned here so they cannot come back. See /work/shared/seeds/ (the
// seed file each procedure was written from is named in its "seed" key).
#include "content/embedded.h"
#include "core/kinds/kind.h"
#include "core/procedures/procedure.h"
#include "core/utf8.h"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace ts;
using namespace ts::procedures;
using nlohmann::json;

namespace {

struct Said {
    std::string file, lang, text;
};

// Every text of every content file in both languages: the objects with "ru" and "en".
void collect(const json& j, const std::string& file, std::vector<Said>& out) {
    if (j.is_object()) {
        if (j.contains("ru") && j["ru"].is_string()) out.push_back({file, "ru", j["ru"].get<std::string>()});
        if (j.contains("en") && j["en"].is_string()) out.push_back({file, "en", j["en"].get<std::string>()});
        for (const auto& [key, value] : j.items()) collect(value, file, out);
    } else if (j.is_array()) {
        for (const json& v : j) collect(v, file, out);
    }
}

const std::vector<Said>& everythingSaid() {
    static const std::vector<Said> all = [] {
        std::vector<Said> out;
        for (const content::File& f : content::kindFiles())
            collect(json::parse(f.text), "kinds/" + std::string(f.name), out);
        for (const content::File& f : content::procedureFiles())
            collect(json::parse(f.text), "procedures/" + std::string(f.name), out);
        return out;
    }();
    return all;
}

std::string asciiLower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

const Procedure& procedure(const char* id) {
    const Procedure* p = Library::builtIn().find(id);
    REQUIRE_MESSAGE(p, "procedure " << id << " is built in");
    return *p;
}

// Every element of a screen's body, rows' items, dialogs' bodies and table cells included.
void flatten(const std::vector<Element>& in, std::vector<const Element*>& out) {
    for (const Element& e : in) {
        out.push_back(&e);
        flatten(e.children, out);
        for (const auto& row : e.rows) flatten(row, out);
    }
}

std::vector<const Element*> elements(const Screen& s) {
    std::vector<const Element*> out;
    flatten(s.body, out);
    return out;
}

bool hasTab(const Screen& s, const std::string& label) {
    return std::any_of(s.tabs.begin(), s.tabs.end(), [&](const Item& i) { return i.label == label; });
}

} // namespace

TEST_CASE("no text in either language names what the seeds do not") {
    // Seed 002 says only “the module”; «сервисы отдачи» are the portal's data-output services.
    std::vector<std::string> forbidden = {"procurement module", "export service"};
    for (const char* stem : {"Модул", "модул"})
        for (const char* ending : {"ь", "я", "е", "ю", "ем", "и"})
            forbidden.push_back(std::string(stem) + ending + " закупок");
    forbidden.push_back("Личная"); // seed 001 names only «Организационная» among the account types
    for (const Said& s : everythingSaid())
        for (const std::string& f : forbidden)
            CHECK_MESSAGE(asciiLower(s.text).find(f) == std::string::npos,
                          s.file << " (" << s.lang << ") says \"" << f << "\": " << s.text);
}

TEST_CASE("every quiz option is about as long as the right answer, in both languages") {
    // A right answer that is visibly the longest option gives itself away.
    for (const Procedure& p : Library::builtIn().all()) {
        for (std::size_t q = 0; q < p.quiz.size(); ++q) {
            const Question& question = p.quiz[q];
            for (const bool ru : {true, false}) {
                INFO(p.id << " question " << q + 1 << (ru ? " ru" : " en"));
                auto len = [&](const Text& t) { return static_cast<double>(utf8Length(ru ? t.ru : t.en)); };
                const double answer = len(question.options[static_cast<std::size_t>(question.answer)]);
                double longestOther = 0;
                for (std::size_t o = 0; o < question.options.size(); ++o) {
                    const double l = len(question.options[o]);
                    CHECK_MESSAGE(l >= 0.6 * answer,
                                  "option " << o + 1 << " is much shorter than the answer");
                    CHECK_MESSAGE(l <= 1.75 * answer,
                                  "option " << o + 1 << " is much longer than the answer");
                    if (static_cast<int>(o) != question.answer) longestOther = std::max(longestOther, l);
                }
                CHECK_MESSAGE(longestOther >= 0.8 * answer, "the right answer stands out as the longest");
            }
        }
    }
}

TEST_CASE("seed 000: the RIS window's tab is drawn as the screen shows it, «Сервисы ЕИС»") {
    const Procedure& p = procedure("eis-export-token");
    int risScreens = 0;
    for (const Step& s : p.steps) {
        if (!hasTab(s.screen, "Права доступа РИС")) continue;
        INFO("step " << s.id);
        ++risScreens;
        CHECK(hasTab(s.screen, "Сервисы ЕИС"));
        CHECK_FALSE(hasTab(s.screen, "Сервисы РИС"));
    }
    CHECK(risScreens >= 4);
    // The step that opens the tab tells the user the instruction may call it «Сервисы РИС».
    const Step* tab = p.step("open-ris-tab");
    REQUIRE(tab);
    CHECK(tab->title.ru.find("«Сервисы ЕИС»") != std::string::npos);
    CHECK(tab->text.ru.find("«Сервисы РИС»") != std::string::npos);
    CHECK(tab->text.en.find("«Сервисы РИС»") != std::string::npos);
}

TEST_CASE("seed 000: the accounting-systems block is not said to need a different token") {
    for (const Said& s : everythingSaid()) {
        if (s.file != "procedures/eis-export-token.json" && s.file != "kinds/eis-export-token.json" &&
            s.file != "kinds/eis-accounting-token.json")
            continue;
        for (const char* claim :
             {"другой токен", "другому токену", "свой токен", "самостоятельный", "отдельный токен",
              "different token", "separate token", "its own token", "independent token"})
            CHECK_MESSAGE(asciiLower(s.text).find(claim) == std::string::npos, s.file << ": " << s.text);
    }
    for (const Question& q : procedure("eis-export-token").quiz)
        CHECK(q.question.ru.find("бухгалтерского учета»?") == std::string::npos);
}

TEST_CASE("seed 001: one entry holds both connection codes, and the shown data is saved in EIS") {
    const kinds::Kind* k = kinds::Registry::builtIn().find("eis-https-login");
    REQUIRE(k);
    const auto field = std::find_if(k->fields.begin(), k->fields.end(),
                                    [](const kinds::Field& f) { return f.id == "connectionType"; });
    REQUIRE(field != k->fields.end());
    CHECK(field->defaultValue == "5,6");
    CHECK(std::any_of(field->options.begin(), field->options.end(),
                      [](const kinds::Option& o) { return o.value == "5,6"; }));

    const Procedure& p = procedure("eis-https-login");
    const Step* codes = p.step("choose-connection-type");
    REQUIRE(codes);
    CHECK(codes->text.ru.find("Коды 5 и 6") != std::string::npos); // says which choice holds both
    const Step* shown = p.step("copy-login-password");
    REQUIRE(shown);
    CHECK(shown->text.ru.find("сохранить или подтвердить") != std::string::npos);
    // Figure captions are not window titles, and the seed gives the organisation's select no label.
    for (const Step& s : p.steps)
        for (const Element* e : elements(s.screen)) {
            INFO("step " << s.id << ": " << e->label);
            CHECK(e->label != "Данные для альтернативной интеграции");
            CHECK(e->label != "Создание новой записи");
            CHECK(e->label != "Регистрационные данные");
            if (e->type == Element::Type::Select) CHECK(e->label != "Организации");
        }
}

TEST_CASE("seed 002: the «ЕИС» node holds only «Токен», and an open node is not drawn with +") {
    const Procedure& p = procedure("eis-participant-token-key");
    for (const Step& s : p.steps) {
        INFO("step " << s.id);
        CHECK(std::find(s.fills.begin(), s.fills.end(), "eisLogin") == s.fills.end());
        const std::vector<Element>& body = s.screen.body;
        for (std::size_t i = 0; i < body.size(); ++i) {
            CHECK_FALSE((body[i].type == Element::Type::Field && body[i].label == "Логин"));
            const bool plusNode = body[i].type == Element::Type::Row && !body[i].children.empty() &&
                                  body[i].children[0].type == Element::Type::Icon &&
                                  body[i].children[0].value == "plus";
            if (plusNode && i + 1 < body.size()) CHECK(body[i + 1].type != Element::Type::Field);
        }
    }
}

TEST_CASE("seed 003: the modernised-OAIS services are out of the procedure, not free of registration") {
    for (const Said& s : everythingSaid()) {
        if (s.file.find("oais-system-token") == std::string::npos) continue;
        CHECK_MESSAGE(s.text.find("не нужны") == std::string::npos, s.file << ": " << s.text);
        CHECK_MESSAGE(s.text.find("is needed") == std::string::npos, s.file << ": " << s.text);
    }
}

TEST_CASE("seeds 003 and 004: a token the portal has just shown is drawn unmasked") {
    for (const char* id : {"oais-system-token", "oais-tpsclient-token"})
        for (const Step& s : procedure(id).steps) {
            if (s.screen.address != "account.gov.by") continue;
            for (const Element* e : elements(s.screen)) {
                INFO(id << " step " << s.id);
                if (e->type == Element::Type::Field && e->label == "Токен") CHECK_FALSE(e->flag);
            }
        }
}

TEST_CASE(
    "seed 004: the sign-in screen offers its four ways, and the subscription call-out marks the drop-down") {
    const Procedure& p = procedure("oais-tpsclient-token");
    std::vector<std::string> buttons;
    for (const Element* e : elements(p.steps.front().screen))
        if (e->type == Element::Type::Button) buttons.push_back(e->label);
    for (const char* way : {"Электронная цифровая подпись", "ID-карта", "Атрибутный сертификат",
                            "Атрибутный сертификат ID-карты"})
        CHECK_MESSAGE(std::find(buttons.begin(), buttons.end(), way) != buttons.end(), way);

    const Step* sub = p.step("add-subscription");
    REQUIRE(sub);
    bool selectMarked = false;
    for (const Element* e : elements(sub->screen)) {
        CHECK_FALSE(
            (e->type == Element::Type::Icon && e->value == "arrow-down")); // the drop-down has its own
        if (e->type == Element::Type::Select && e->mark) selectMarked = true;
    }
    CHECK(selectMarked);
}

TEST_CASE("the English texts explain the abbreviations ЕС ИФЮЛ, ИСЗЛ and ПИК where they use them") {
    struct Abbr {
        const char* abbr;
        const char* explained; // a phrase the explanation carries
    };
    for (const Abbr a : {Abbr{"ЕС ИФЮЛ", "unified system for identifying individuals and legal entities"},
                         Abbr{"ИСЗЛ", "ИСЗЛ (the instruction's abbreviation"},
                         Abbr{"ПИК", "system the module connects to"}}) {
        std::vector<std::string> files;
        for (const Said& s : everythingSaid())
            if (s.lang == "en" && s.text.find(a.abbr) != std::string::npos &&
                std::find(files.begin(), files.end(), s.file) == files.end())
                files.push_back(s.file);
        CHECK_FALSE(files.empty());
        for (const std::string& file : files) {
            const bool explained =
                std::any_of(everythingSaid().begin(), everythingSaid().end(), [&](const Said& s) {
                    return s.file == file && s.lang == "en" && s.text.find(a.explained) != std::string::npos;
                });
            CHECK_MESSAGE(explained, file << " uses " << a.abbr << " in English without explaining it");
        }
    }
}
