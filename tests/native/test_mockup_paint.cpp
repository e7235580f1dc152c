// The one painting of a step's schematic (core/procedures/mockup_paint): what the app draws with
// ImGui and the printed page writes as SVG are the same shapes.
#include "core/procedures/mockup_layout.h"
#include "core/procedures/mockup_paint.h"
#include "core/procedures/screen_svg.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace ts::procedures;

namespace {

Element element(Element::Type type, std::string label, std::string value = {}, bool flag = false) {
    Element e;
    e.type = type;
    e.label = std::move(label);
    e.value = std::move(value);
    e.flag = flag;
    return e;
}

Mockup layout(const Screen& s) {
    MockupMetrics metrics;
    metrics.fontSize = 14;
    metrics.textWidth = estimateTextWidth;
    return layoutScreen(s, 860, metrics);
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

bool inside(const Point& p, const Rect& r) {
    return p.x >= r.x - 0.01f && p.x <= r.right() + 0.01f && p.y >= r.y - 0.01f && p.y <= r.bottom() + 0.01f;
}

} // namespace

TEST_CASE("a secret field is painted as dots: its value reaches no shape, on screen or in print") {
    Screen s;
    s.title = "Вход";
    s.body = {element(Element::Type::Field, "Пароль", "s3cr3t-пароль", true),
              element(Element::Type::Field, "Логин", "buh-ivanova")};
    const std::vector<Shape> shapes = paintMockup(layout(s), 14);
    bool loginShown = false;
    int dots = 0;
    for (const Shape& sh : shapes) {
        CHECK(sh.text.find("s3cr3t") == std::string::npos);
        CHECK(sh.text.find('*') == std::string::npos); // the old ImGui painter wrote ********
        if (sh.kind == Shape::Kind::Text && sh.text == "buh-ivanova") loginShown = true;
        if (sh.kind == Shape::Kind::Circle && sh.fill == palette::kInk) ++dots;
    }
    CHECK(loginShown);
    CHECK(dots == 8);
    const std::string svg = screenSvg(s);
    CHECK(svg.find("s3cr3t") == std::string::npos);
    CHECK(svg.find("buh-ivanova") != std::string::npos);
}

TEST_CASE("every pictogram is drawn inside its box, each differently; an unknown name is a dot") {
    std::vector<std::vector<Shape>> drawn;
    for (const std::string& name : iconNames()) {
        CAPTURE(name);
        Box b;
        b.kind = Box::Kind::Icon;
        b.rect = {100, 50, 24, 24};
        b.icon = name;
        const Mockup m{{b}, 200, 100};
        const std::vector<Shape> shapes = paintMockup(m, 14);
        REQUIRE(shapes.size() >= 2); // the disc and at least one stroke
        CHECK(shapes[0].kind == Shape::Kind::Circle);
        CHECK(shapes[0].fill == palette::kBlueLight);
        for (const Shape& sh : shapes) {
            for (const Point& p : sh.points) {
                CHECK(inside({p.x - sh.radius, p.y - sh.radius}, b.rect));
                CHECK(inside({p.x + sh.radius, p.y + sh.radius}, b.rect));
            }
            CHECK((sh.fill == palette::kBlue || sh.stroke == palette::kBlue || &sh == &shapes[0]));
        }
        drawn.push_back(shapes);
    }
    for (std::size_t i = 0; i < drawn.size(); ++i)
        for (std::size_t j = i + 1; j < drawn.size(); ++j) {
            bool same = drawn[i].size() == drawn[j].size();
            for (std::size_t k = 0; same && k < drawn[i].size(); ++k)
                same = drawn[i][k].kind == drawn[j][k].kind &&
                       drawn[i][k].points.size() == drawn[j][k].points.size();
            const std::string pair = iconNames()[i] + " and " + iconNames()[j];
            CHECK_MESSAGE(!same, pair);
        }
    Box unknown;
    unknown.kind = Box::Kind::Icon;
    unknown.rect = {0, 0, 24, 24};
    unknown.icon = "no-such-icon";
    const std::vector<Shape> dot = paintMockup(Mockup{{unknown}, 24, 24}, 14);
    REQUIRE(dot.size() == 2);
    CHECK(dot[1].kind == Shape::Kind::Circle);
}

TEST_CASE("the printed SVG writes one element per painted shape (a text one per line)") {
    Screen s;
    s.title = "Личный кабинет";
    s.address = "zakupki.gov.ru";
    s.menu = {{"Главная", false}, {"Настройки", true}};
    Element icon = element(Element::Type::Icon, "", "gear");
    icon.mark = 1;
    s.body = {element(Element::Type::Heading, "Токен"),
              element(Element::Type::Checkbox, "Согласен", {}, true),
              element(Element::Type::Select, "Роль", "Администратор"), icon,
              element(Element::Type::Button, "Сохранить", {}, true)};
    const std::vector<Shape> shapes = paintMockup(layout(s), 14);
    std::size_t elements = 0;
    for (const Shape& sh : shapes)
        elements += sh.kind == Shape::Kind::Text
                        ? static_cast<std::size_t>(std::count(sh.text.begin(), sh.text.end(), '\n') + 1)
                        : 1;
    const std::string svg = screenSvg(s);
    const std::size_t written = count(svg, "<rect") + count(svg, "<circle") + count(svg, "<line") +
                                count(svg, "<path") + count(svg, "<text");
    CHECK(written == elements);
}
