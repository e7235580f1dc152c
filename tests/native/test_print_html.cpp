// The printable handout: a page that holds every text of the procedure in the chosen language,
// escapes what comes from data, marks the call-outs and the quiz answers, and draws each screen
// as balanced SVG. With TS_PRINT_SAMPLE_DIR set, the built-in procedures' pages are written there.
#include "core/procedures/mockup_layout.h"
#include "core/procedures/print_html.h"
#include "core/procedures/screen_svg.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace ts;
using namespace ts::procedures;

namespace {

Text both(const char* ru, const char* en) {
    return Text{ru, en};
}

Element el(Element::Type type, const char* label, int mark = 0) {
    Element e;
    e.type = type;
    e.label = label;
    e.mark = mark;
    return e;
}

kinds::Registry registry() {
    kinds::Registry r;
    kinds::Kind k;
    k.id = "sample-token";
    kinds::Field guid;
    guid.id = "guid";
    guid.label = both("Токен (GUID)", "Token (GUID)");
    kinds::Field until;
    until.id = "validUntil";
    until.label = both("Действует до", "Valid until");
    k.fields = {guid, until};
    r.add(k);
    return r;
}

// Two steps; the first screen has every kind of element, marks on an item, an element nested in a
// row, a table cell and a dialog; the second carries a label that must be escaped.
Procedure sample() {
    Procedure p;
    p.id = "sample";
    p.kind = "sample-token";
    p.system = both("ЕИС", "EIS");
    p.title = both("Получить токен для выгрузки", "Get an export token");
    p.summary = both("Токен нужен программе учёта.", "The accounting program needs the token.");
    p.roles = {
        both("«Администратор организации»", "«Администратор организации» (organisation administrator)")};
    p.before = {both("Электронная подпись", "An electronic signature")};
    p.notes = {{both("Токен показывают один раз.", "The token is shown once."), true},
               {both("Срок — год.", "It lasts a year."), false}};

    Step a;
    a.id = "open";
    a.title = both("Откройте настройки", "Open the settings");
    a.text = both("Нажмите «Настройки».", "Click «Настройки» (Settings).");
    a.warning = both("Не закрывайте окно.", "Do not close the window.");
    a.fills = {"guid", "validUntil"};
    Screen& s = a.screen;
    s.title = "ЕИС — Личный кабинет";
    s.address = "zakupki.gov.ru/lk";
    s.menu = {{"Главная", false, 0}, {"Настройки", true, 1}};
    s.tabs = {{"Общие", true, 0}, {"Интеграция", false, 0}};
    s.sidebar = {{"Профиль", true, 0}, {"Пользователи", false, 0}};
    Element field = el(Element::Type::Field, "Токен");
    field.value = "8c3f…";
    Element secret = el(Element::Type::Field, "Пароль", 2);
    secret.flag = true;
    secret.value = "hunter2";
    Element select = el(Element::Type::Select, "Срок");
    select.value = "1 год";
    Element check = el(Element::Type::Checkbox, "Согласен");
    check.flag = true;
    Element icon = el(Element::Type::Icon, "Обновить");
    icon.value = "refresh";
    Element row = el(Element::Type::Row, "");
    row.children = {el(Element::Type::Button, "Сгенерировать", 3), el(Element::Type::Link, "Справка")};
    Element table = el(Element::Type::Table, "");
    table.columns = {"Система", "Действия"};
    Element gear = el(Element::Type::Icon, "", 4);
    gear.value = "gear";
    table.rows = {{el(Element::Type::Text, "Бухгалтерия"), gear}};
    Element dialog = el(Element::Type::Dialog, "Новый токен");
    dialog.children = {el(Element::Type::Text, "Скопируйте токен"), el(Element::Type::Button, "Закрыть", 5)};
    dialog.children[1].flag = true;
    s.body = {el(Element::Type::Heading, "Интеграция"),
              el(Element::Type::Text, "Настройте доступ"),
              field,
              secret,
              select,
              check,
              icon,
              row,
              table,
              dialog};
    for (int i = 1; i <= 5; ++i)
        s.callouts.push_back(Text{"Выноска " + std::to_string(i), "Callout " + std::to_string(i)});

    Step b;
    b.id = "copy";
    b.title = both("Скопируйте токен", "Copy the token");
    b.text = both("Скопируйте.", "Copy it.");
    b.screen.title = "Окно";
    b.screen.body = {el(Element::Type::Button, "<script>alert('x')</script> & \"Ко\"", 1)};
    b.screen.callouts = {both("Кнопка", "The button")};
    Element icons = el(Element::Type::Row, "");
    for (const std::string& name : iconNames()) {
        icons.children.push_back(el(Element::Type::Icon, ""));
        icons.children.back().value = name;
    }
    b.screen.body.push_back(icons);
    p.steps = {a, b};

    Question q;
    q.question = both("Сколько раз показывают токен?", "How many times is the token shown?");
    q.options = {both("Всегда", "Always"), both("Один раз", "Once"), both("Дважды", "Twice")};
    q.answer = 1;
    q.explain = both("Сразу скопируйте его.", "Copy it at once.");
    p.quiz = {q};
    return p;
}

// A screen whose side column entry and table texts are too long for one line.
Screen longTexts() {
    Screen s;
    s.title = "Окно";
    s.sidebar = {{"Учетные записи пользователя для интеграции с внешними системами", true, 1},
                 {"…", false, 0}};
    Element table = el(Element::Type::Table, "");
    table.columns = {"Наименование информационной системы", "Описание"};
    table.rows = {
        {el(Element::Type::Text, "TPSClient"), el(Element::Type::Text,
                                                  "Передача таможенных документов и сведений о товарах в "
                                                  "таможенные органы в электронном виде через шлюз",
                                                  2)}};
    s.body = {table};
    s.callouts = {Text{"Раздел", "Section"}, Text{"Описание", "Description"}};
    return s;
}

bool has(const std::string& page, const std::string& needle) {
    return page.find(needle) != std::string::npos;
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
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
    // The picture is the app's: every text the layout places is drawn, line by line, and every
    // highlight and mark; the layout, not the painter, decides where.
    for (const Screen& s : {sample().steps[0].screen, sample().steps[1].screen, longTexts()}) {
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
                std::string line = b.text.substr(at, nl - at);
                std::string escaped;
                for (char c : line)
                    escaped += c == '&'    ? "&amp;"
                               : c == '<'  ? "&lt;"
                               : c == '>'  ? "&gt;"
                               : c == '"'  ? "&quot;"
                               : c == '\'' ? "&#39;"
                                           : std::string(1, c);
                CHECK_MESSAGE(has(svg, ">" + escaped + "</text>"), line);
                at = nl + 1;
            }
        }
        CHECK(count(svg, "stroke=\"#e87600\"") == highlights);
        // Texts are measured by the estimate the boxes were sized with: none has to be squeezed.
        CHECK_FALSE(has(svg, "textLength"));
    }
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

TEST_CASE("print page of every built-in procedure holds each step title in both languages") {
    const kinds::Registry& kinds = kinds::Registry::builtIn();
    for (const Procedure& p : Library::builtIn().all()) {
        CAPTURE(p.id);
        for (Lang lang : {Lang::Ru, Lang::En}) {
            const std::string page = printableHtml(p, kinds, lang);
            CHECK(has(page, "<title>"));
            for (const Step& s : p.steps) {
                CAPTURE(s.id);
                std::string title = s.title.in(lang);
                // The page escapes; compare against the escaped form.
                std::string escaped;
                for (char c : title) {
                    if (c == '&')
                        escaped += "&amp;";
                    else if (c == '<')
                        escaped += "&lt;";
                    else if (c == '>')
                        escaped += "&gt;";
                    else if (c == '"')
                        escaped += "&quot;";
                    else if (c == '\'')
                        escaped += "&#39;";
                    else
                        escaped += c;
                }
                CHECK(has(page, "<h2>" + escaped + "</h2>"));
            }
            std::string why;
            CHECK_MESSAGE(svgBalanced(page, why), why);
        }
    }
}

TEST_CASE("print samples are written to TS_PRINT_SAMPLE_DIR when it is set") {
    const char* dir = std::getenv("TS_PRINT_SAMPLE_DIR");
    if (!dir || !*dir) return;
    std::filesystem::create_directories(dir);
    const kinds::Registry& kinds = kinds::Registry::builtIn();
    auto write = [&](const Procedure& p, Lang lang) {
        const std::filesystem::path path =
            std::filesystem::path(dir) / (p.id + "." + std::string(langCode(lang)) + ".html");
        std::ofstream out(path, std::ios::binary);
        out << printableHtml(p, kinds, lang);
        CHECK_MESSAGE(out.good(), path.string());
    };
    for (const Procedure& p : Library::builtIn().all())
        for (Lang lang : {Lang::Ru, Lang::En}) write(p, lang);
    {
        std::ofstream out(std::filesystem::path(dir) / "test-long-texts.html", std::ios::binary);
        out << "<!doctype html><meta charset=\"utf-8\"><figure class=\"screen\">" << screenSvg(longTexts())
            << "</figure>";
    }
    // The test's own sample too, which has every element type.
    for (Lang lang : {Lang::Ru, Lang::En}) {
        const std::filesystem::path path =
            std::filesystem::path(dir) / ("test-sample." + std::string(langCode(lang)) + ".html");
        std::ofstream out(path, std::ios::binary);
        out << printableHtml(sample(), registry(), lang);
    }
}
