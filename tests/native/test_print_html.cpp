// The printable handout: a page that holds every text of the procedure in the chosen language,
// escapes what comes from data, marks the call-outs and the quiz answers, and draws each screen
// as balanced SVG — for the test's sample (print_sample.h) and for every built-in procedure.
// tests/tools/print_samples.cpp writes the same pages for a person to look at.
#include "core/procedures/mockup_layout.h"
#include "core/procedures/print_html.h"
#include "core/procedures/screen_svg.h"
#include "print_sample.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>
#include <set>
#include <string>
#include <vector>

using namespace ts;
using namespace ts::procedures;
using namespace ts::procedures::print_sample;

namespace {

bool has(const std::string& page, const std::string& needle) {
    return page.find(needle) != std::string::npos;
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

// The test's own escaping of a text as the page must show it (not the code under test's).
std::string escaped(std::string_view text) {
    std::string out;
    for (char c : text)
        out += c == '&'    ? "&amp;"
               : c == '<'  ? "&lt;"
               : c == '>'  ? "&gt;"
               : c == '"'  ? "&quot;"
               : c == '\'' ? "&#39;"
                           : std::string(1, c);
    return out;
}

// The whole page is well-formed: after the doctype every tag opens and closes in order (void and
// self-closing tags aside), each tag's attribute quotes pair up, no '>' stands in text, and every
// '&' starts one of the entities the page uses. The style sheet's text is not markup.
bool htmlWellFormed(const std::string& page, std::string& why) {
    static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link"};
    static const std::string kDoctype = "<!doctype html>";
    if (!page.starts_with(kDoctype)) return why = "no doctype", false;
    std::vector<std::string> open;
    for (std::size_t i = kDoctype.size(); i < page.size();) {
        const char c = page[i];
        if (c == '&') {
            bool entity = false;
            for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
                entity = entity || page.compare(i, std::string_view(e).size(), e) == 0;
            if (!entity) return why = "a bare & at " + page.substr(i, 20), false;
            ++i;
            continue;
        }
        if (c == '>') return why = "a > in text at " + page.substr(i > 20 ? i - 20 : 0, 40), false;
        if (c != '<') {
            ++i;
            continue;
        }
        const std::size_t close = page.find('>', i);
        if (close == std::string::npos) return why = "a tag is cut off", false;
        const std::string tag = page.substr(i + 1, close - i - 1);
        if (tag.empty()) return why = "an empty tag", false;
        if (std::count(tag.begin(), tag.end(), '"') % 2 != 0)
            return why = "unpaired quotes in <" + tag + ">", false;
        i = close + 1;
        if (tag[0] == '/') {
            const std::string name = tag.substr(1);
            if (open.empty() || open.back() != name)
                return why = "</" + name + "> closes nothing open", false;
            open.pop_back();
            continue;
        }
        const std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
        if (tag.back() != '/' && !kVoid.contains(name)) open.push_back(name);
        if (name == "style") {
            i = page.find("</style>", i);
            if (i == std::string::npos) return why = "<style> is not closed", false;
        }
    }
    if (!open.empty()) return why = "<" + open.back() + "> is not closed", false;
    return true;
}

// Every element of a mock-up's body, nested ones (rows, dialogs, table cells) included.
void forEachElement(std::vector<Element>& elements, const std::function<void(Element&)>& fn) {
    for (Element& e : elements) {
        fn(e);
        forEachElement(e.children, fn);
        for (std::vector<Element>& row : e.rows) forEachElement(row, fn);
    }
}

// The picture is the app's: every text the layout places is drawn, line by line, and every
// highlight and mark; the layout, not the painter, decides where.
void checkPaintsEveryBox(const Screen& s) {
    CAPTURE(s.title);
    MockupMetrics metrics;
    metrics.fontSize = 14;
    metrics.textWidth = estimateTextWidth;
    const Mockup m = layoutScreen(s, 860, metrics);
    const std::string svg = screenSvg(s);
    std::size_t highlights = 0;
    for (const Box& b : m.boxes) {
        if (b.kind == Box::Kind::Highlight) ++highlights;
        if (b.kind == Box::Kind::Input && b.active) continue; // a secret: dots
        std::size_t at = 0;
        while (at <= b.text.size() && !b.text.empty()) {
            const std::size_t nl = std::min(b.text.find('\n', at), b.text.size());
            const std::string line = b.text.substr(at, nl - at);
            CHECK_MESSAGE(has(svg, ">" + escaped(line) + "</text>"), line);
            at = nl + 1;
        }
    }
    CHECK(count(svg, "stroke=\"#e87600\"") == highlights);
    // Texts are measured by the estimate the boxes were sized with: none has to be squeezed.
    CHECK_FALSE(has(svg, "textLength"));
}

// Every tag in the SVG parts of a page opens and closes in order (self-closing tags aside).
bool svgBalanced(const std::string& page, std::string& why) {
    std::size_t at = 0;
    while ((at = page.find("<svg", at)) != std::string::npos) {
        const std::size_t end = page.find("</svg>", at);
        if (end == std::string::npos) return why = "an <svg> is not closed", false;
        const std::string svg = page.substr(at, end + 6 - at);
        std::vector<std::string> open;
        for (std::size_t i = svg.find('<'); i != std::string::npos; i = svg.find('<', i + 1)) {
            const std::size_t close = svg.find('>', i);
            if (close == std::string::npos) return why = "a tag is cut off", false;
            const std::string tag = svg.substr(i + 1, close - i - 1);
            if (tag.empty()) return why = "an empty tag", false;
            if (tag.back() == '/') continue;
            if (tag[0] == '/') {
                const std::string name = tag.substr(1);
                if (open.empty() || open.back() != name)
                    return why = "</" + name + "> closes nothing open", false;
                open.pop_back();
            } else {
                open.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
            }
        }
        if (!open.empty()) return why = "<" + open.back() + "> is not closed", false;
        at = end;
    }
    return true;
}

} // namespace

TEST_CASE("print page holds the title, steps, callouts, screen labels and marks") {
    const Procedure p = sample();
    const std::string page = printableHtml(p, registry(), Lang::Ru);
    CHECK(page.starts_with("<!doctype html>"));
    CHECK(has(page, "<html lang=\"ru\">"));
    CHECK(has(page, "<meta charset=\"utf-8\">"));
    CHECK(has(page, "<title>Получить токен для выгрузки</title>"));
    CHECK(has(page, "<h1>Получить токен для выгрузки</h1>"));
    CHECK(has(page, "break-inside: avoid"));
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "<link"));
    CHECK_FALSE(has(page, "http://127"));
    for (const char* text :
         {"ЕИС", "Токен нужен программе учёта.", "«Администратор организации»", "Электронная подпись",
          "Срок — год.", "Нажмите «Настройки».", "Не закрывайте окно.", "Шаг 1 из 2", "Шаг 2 из 2",
          "Откройте настройки", "Скопируйте токен"})
        CHECK_MESSAGE(has(page, text), text);
    // The warning note is marked, the other is not.
    CHECK(has(page, "<li class=\"warn\"><strong>Внимание:</strong> Токен показывают один раз.</li>"));
    CHECK(has(page, "<li>Срок — год.</li>"));
    // The fields the step gives, named by the kind.
    CHECK(has(page, "<span class=\"chip\">Токен (GUID)</span><span class=\"chip\">Действует до</span>"));
    // Every callout with its number in a circle.
    for (int i = 1; i <= 5; ++i)
        CHECK(has(page,
                  "<span class=\"num\">" + std::to_string(i) + "</span><span>Выноска " + std::to_string(i)));
    // Every label drawn on the first screen, and the marks' numbers in the SVG.
    for (const char* label : {"ЕИС — Личный кабинет",
                              "zakupki.gov.ru/lk",
                              "Главная",
                              "Настройки",
                              "Общие",
                              "Интеграция",
                              "Профиль",
                              "Пользователи",
                              "Настройте доступ",
                              "Токен",
                              "8c3f…",
                              "Пароль",
                              "Срок",
                              "1 год",
                              "Согласен",
                              "Обновить",
                              "Сгенерировать",
                              "Справка",
                              "Система",
                              "Действия",
                              "Бухгалтерия",
                              "Новый токен",
                              "Скопируйте токен",
                              "Закрыть"})
        CHECK_MESSAGE(has(page, std::string(">") + label + "</text>"), label);
    CHECK_FALSE(has(page, "hunter2")); // a secret field shows dots
    for (int i = 1; i <= 5; ++i) CHECK(has(page, "fill=\"#ffffff\">" + std::to_string(i) + "</text>"));
    CHECK(count(page, "stroke=\"#e87600\"") == 6); // five marks on step 1, one on step 2
    CHECK(has(page, "<footer>Памятка подготовлена"));
}

TEST_CASE("print page marks the right quiz answer and explains it") {
    const std::string page = printableHtml(sample(), registry(), Lang::Ru);
    CHECK(has(page, "<h2>Проверьте себя</h2>"));
    CHECK(has(page, "Сколько раз показывают токен?"));
    CHECK(has(page, "<li>Всегда</li>"));
    CHECK(has(page, "<li class=\"right\">Один раз</li>"));
    CHECK(has(page, "<li>Дважды</li>"));
    CHECK(count(page, "class=\"right\"") == 1);
    CHECK(has(page, "<strong>Ответ:</strong> Один раз. Сразу скопируйте его."));
}

TEST_CASE("print page escapes what comes from data") {
    Procedure p = sample();
    p.title = both("A <b>&</b> \"q\" 'x'", "A <b>&</b>");
    const std::string page = printableHtml(p, registry(), Lang::Ru);
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "<b>"));
    CHECK(has(page, "<title>A &lt;b&gt;&amp;&lt;/b&gt; &quot;q&quot; &#39;x&#39;</title>"));
    CHECK(has(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Ко&quot;</text>"));
    CHECK_FALSE(has(page, " & "));
}

TEST_CASE("print page picks the texts of its language") {
    const Procedure p = sample();
    const std::string ru = printableHtml(p, registry(), Lang::Ru);
    const std::string en = printableHtml(p, registry(), Lang::En);
    CHECK(has(en, "<html lang=\"en\">"));
    CHECK(has(en, "<h1>Get an export token</h1>"));
    CHECK_FALSE(has(en, "Получить токен для выгрузки"));
    CHECK_FALSE(has(ru, "Get an export token"));
    for (const char* text : {"Step 1 of 2", "Open the settings", "Copy the token", "Callout 3",
                             "Caution:", "This step gives you", "Token (GUID)", "Check yourself",
                             "<li class=\"right\">Once</li>", "Answer:", "Handout made with TokenSafe",
                             "Who may do it", "What to have ready"})
        CHECK_MESSAGE(has(en, text), text);
    for (const char* text : {"Callout 3", "Step 1 of 2", "Open the settings", "Token (GUID)"})
        CHECK_MESSAGE(!has(ru, text), text);
    // Portal labels on the screens are the portal's own words in both languages.
    CHECK(has(en, ">Сгенерировать</text>"));
}

TEST_CASE("print page falls back to field ids when the kind is unknown") {
    Procedure p = sample();
    p.kind = "no-such-kind";
    const std::string page = printableHtml(p, registry(), Lang::Ru);
    CHECK(has(page, "<span class=\"chip\">guid</span><span class=\"chip\">validUntil</span>"));
}

TEST_CASE("print page draws one balanced svg per step") {
    const Procedure p = sample();
    const std::string page = printableHtml(p, registry(), Lang::Ru);
    CHECK(count(page, "<svg") == p.steps.size());
    CHECK(count(page, "</svg>") == p.steps.size());
    CHECK(count(page, "<text") == count(page, "</text>"));
    std::string why;
    CHECK_MESSAGE(svgBalanced(page, why), why);
    CHECK_MESSAGE(htmlWellFormed(page, why), why);
    // Content that does not fit wraps; the window grows and stays balanced.
    Screen s;
    s.title = "Окно";
    s.body = {el(Element::Type::Text, "очень длинный текст который не помещается в одну строку окна ни при "
                                      "каком разумном размере шрифта и поэтому переносится на следующую")};
    const std::string svg = screenSvg(s);
    CHECK(count(svg, "<text") >= 3);
    CHECK(svgBalanced(svg, why));
}

TEST_CASE("print mock-up paints every box of the shared layout") {
    for (const Screen& s : {sample().steps[0].screen, sample().steps[1].screen, longTexts()})
        checkPaintsEveryBox(s);
}

TEST_CASE("print mock-up wraps long side column entries and table texts") {
    MockupMetrics metrics;
    metrics.fontSize = 14;
    metrics.textWidth = estimateTextWidth;
    const Mockup m = layoutScreen(longTexts(), 860, metrics);
    bool wrappedEntry = false;
    int cellLines = 0;
    float sideRight = 0;
    for (const Box& b : m.boxes) {
        if (b.kind == Box::Kind::Sidebar) sideRight = b.rect.right();
        if (b.kind == Box::Kind::SidebarItem && b.text.find('\n') != std::string::npos) {
            wrappedEntry = true;
            CHECK(b.rect.right() <= sideRight);
            for (std::size_t at = 0, nl = 0; nl != std::string::npos; at = nl + 1) {
                nl = b.text.find('\n', at);
                CHECK(estimateTextWidth(b.text.substr(at, nl - at), 14) <= b.rect.w - 14 * 1.2f + 0.01f);
            }
        }
        if (b.kind == Box::Kind::Label) ++cellLines;
        CHECK(b.rect.right() <= 860 + 20); // nothing runs far out of the window (a mark may stick out)
    }
    CHECK(wrappedEntry);
    CHECK(cellLines >= 2);
    std::string why;
    CHECK_MESSAGE(svgBalanced(screenSvg(longTexts()), why), why);
}

TEST_CASE("print page of every built-in procedure holds all its texts and screens, well-formed") {
    const kinds::Registry& kinds = kinds::Registry::builtIn();
    REQUIRE_FALSE(Library::builtIn().all().empty());
    for (const Procedure& p : Library::builtIn().all()) {
        CAPTURE(p.id);
        const kinds::Kind* kind = kinds.find(p.kind);
        for (Lang lang : {Lang::Ru, Lang::En}) {
            CAPTURE(langCode(lang));
            const std::string page = printableHtml(p, kinds, lang);
            CHECK(has(page, "<title>" + escaped(p.title.in(lang)) + "</title>"));
            CHECK(has(page, "<h1>" + escaped(p.title.in(lang)) + "</h1>"));
            // Every text of the procedure, the portal's labels the steps quote in «» among them.
            std::vector<std::string> texts = {p.system.in(lang), p.summary.in(lang)};
            for (const std::vector<Text>* list : {&p.roles, &p.before})
                for (const Text& t : *list) texts.push_back(t.in(lang));
            for (const kinds::Note& n : p.notes) texts.push_back(n.text.in(lang));
            for (const Question& q : p.quiz) {
                texts.push_back(q.question.in(lang));
                texts.push_back(q.explain.in(lang));
                for (const Text& o : q.options) texts.push_back(o.in(lang));
            }
            for (const std::string& t : texts)
                if (!t.empty()) CHECK_MESSAGE(has(page, escaped(t)), t);
            for (const Step& s : p.steps) {
                CAPTURE(s.id);
                CHECK(has(page, "<h2>" + escaped(s.title.in(lang)) + "</h2>"));
                CHECK(has(page, "<p>" + escaped(s.text.in(lang)) + "</p>"));
                if (!s.warning.in(lang).empty()) CHECK(has(page, escaped(s.warning.in(lang)) + "</p>"));
                for (const std::string& id : s.fills) {
                    const kinds::Field* f = kind ? kind->field(id) : nullptr;
                    CHECK(
                        has(page, "<span class=\"chip\">" + escaped(f ? f->label.in(lang) : id) + "</span>"));
                }
                for (std::size_t i = 0; i < s.screen.callouts.size(); ++i)
                    CHECK(has(page, "<span class=\"num\">" + std::to_string(i + 1) + "</span><span>" +
                                        escaped(s.screen.callouts[i].in(lang)) + "</span>"));
            }
            CHECK(count(page, "<svg") == p.steps.size());
            std::string why;
            CHECK_MESSAGE(svgBalanced(page, why), why);
            CHECK_MESSAGE(htmlWellFormed(page, why), why);
        }
        for (const Step& s : p.steps) checkPaintsEveryBox(s.screen);
    }
}

TEST_CASE("print page of a built-in procedure shows no secret field's value, and other fields' values") {
    const kinds::Registry& kinds = kinds::Registry::builtIn();
    int secrets = 0;
    for (Procedure p : Library::builtIn().all()) {
        CAPTURE(p.id);
        // Values no other text holds, so that finding one on the page can only mean it was painted.
        std::vector<std::string> hidden, shown;
        for (Step& s : p.steps)
            forEachElement(s.screen.body, [&](Element& e) {
                if (e.type != Element::Type::Field) return;
                std::vector<std::string>& list = e.flag ? hidden : shown;
                e.value =
                    std::string(e.flag ? "SECRET-VALUE-" : "PLAIN-VALUE-") + std::to_string(list.size());
                list.push_back(e.value);
            });
        secrets += static_cast<int>(hidden.size());
        for (Lang lang : {Lang::Ru, Lang::En}) {
            const std::string page = printableHtml(p, kinds, lang);
            for (const std::string& v : hidden) CHECK_MESSAGE(!has(page, v), v);
            for (const std::string& v : shown) CHECK_MESSAGE(has(page, ">" + v + "</text>"), v);
        }
    }
    CHECK(secrets > 0); // the built-in screens have password fields: the check above was exercised
}
