#include "core/procedures/mockup_paint.h"

#include <algorithm>
#include <cmath>

namespace ts::procedures {
namespace {

using K = Box::Kind;
using namespace palette;

constexpr float kPi = 3.14159265f;

Colour withAlpha(Colour c, std::uint8_t a) {
    c.a = a;
    return c;
}

// Points along a quadratic Bézier curve, for the pictograms' curves: both back ends then draw the
// same polyline instead of each its own curve.
void bezier(std::vector<Point>& out, Point a, Point c, Point b, int segments = 10) {
    for (int i = out.empty() ? 0 : 1; i <= segments; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(segments), u = 1 - t;
        out.push_back(
            {u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y});
    }
}

void arc(std::vector<Point>& out, Point c, float r, float from, float to, int segments = 16) {
    for (int i = 0; i <= segments; ++i) {
        const float a = from + (to - from) * static_cast<float>(i) / static_cast<float>(segments);
        out.push_back({c.x + std::cos(a) * r, c.y + std::sin(a) * r});
    }
}

struct Painter {
    std::vector<Shape> out;
    float fs;

    Shape& add(Shape::Kind kind) {
        out.push_back({});
        out.back().kind = kind;
        return out.back();
    }
    void rect(const Rect& r, std::optional<Colour> fill, std::optional<Colour> stroke = {}, float radius = 0,
              float width = 1, bool topOnly = false) {
        Shape& s = add(Shape::Kind::Rect);
        s.rect = r;
        s.fill = fill;
        s.stroke = stroke;
        s.radius = radius;
        s.strokeWidth = width;
        s.topOnly = topOnly;
    }
    void circle(Point c, float r, std::optional<Colour> fill, std::optional<Colour> stroke = {},
                float width = 1) {
        Shape& s = add(Shape::Kind::Circle);
        s.points = {c};
        s.radius = r;
        s.fill = fill;
        s.stroke = stroke;
        s.strokeWidth = width;
    }
    void line(Point a, Point b, Colour c, float width = 1) {
        Shape& s = add(Shape::Kind::Line);
        s.points = {a, b};
        s.stroke = c;
        s.strokeWidth = width;
    }
    void polyline(std::vector<Point> pts, Colour c, float width) {
        Shape& s = add(Shape::Kind::Polyline);
        s.points = std::move(pts);
        s.stroke = c;
        s.strokeWidth = width;
    }
    void polygon(std::vector<Point> pts, Colour c) {
        Shape& s = add(Shape::Kind::Polygon);
        s.points = std::move(pts);
        s.fill = c;
    }
    void text(const Rect& r, const std::string& t, Colour c, float scale = 1, bool centre = false,
              bool vcentre = true, bool bold = false) {
        Shape& s = add(Shape::Kind::Text);
        s.rect = r;
        s.text = t;
        s.fill = c;
        s.scale = scale;
        s.centre = centre;
        s.vcentre = vcentre;
        s.bold = bold;
    }
    void textIn(const Rect& r, const std::string& t, Colour c) {
        text({r.x + fs * 0.6f, r.y, r.w - fs * 1.2f, r.h}, t, c);
    }

    // A pictogram drawn in a 24×24 square scaled to its box: a light disc, strokes in blue.
    void pictogram(const Box& b) {
        const float k = b.rect.w / 24;
        const auto at = [&](float x, float y) { return Point{b.rect.x + x * k, b.rect.y + y * k}; };
        const auto stroke = [&](std::vector<Point> pts, float w = 1.8f) {
            for (Point& p : pts) p = at(p.x, p.y);
            polyline(std::move(pts), kBlue, w * k);
        };
        const auto ring = [&](float x, float y, float r, float w = 1.8f) {
            circle(at(x, y), r * k, std::nullopt, kBlue, w * k);
        };
        circle(at(12, 12), 12 * k, kBlueLight);
        const std::string& n = b.icon;
        if (n == "eye") {
            std::vector<Point> lid;
            bezier(lid, {5, 12}, {12, 5}, {19, 12});
            bezier(lid, {19, 12}, {12, 19}, {5, 12});
            stroke(lid);
            circle(at(12, 12), 2.2f * k, kBlue);
        } else if (n == "gear") {
            for (int i = 0; i < 8; ++i) {
                const float a = static_cast<float>(i) * kPi / 4, c = std::cos(a), s = std::sin(a);
                stroke({{12 + c * 4.5f, 12 + s * 4.5f}, {12 + c * 7.5f, 12 + s * 7.5f}}, 2.4f);
            }
            ring(12, 12, 4.5f);
        } else if (n == "plus") {
            stroke({{6, 12}, {18, 12}}, 2);
            stroke({{12, 6}, {12, 18}}, 2);
        } else if (n == "arrow-down") {
            stroke({{12, 5}, {12, 18}});
            stroke({{7, 13}, {12, 18}, {17, 13}});
        } else if (n == "refresh") {
            std::vector<Point> bend;
            arc(bend, {12, 12}, 6.5f, -0.4f, -0.4f + 1.8f * kPi);
            stroke(bend);
            stroke({{14, 9}, {18.5f, 10}, {19, 5}});
        } else if (n == "key") {
            ring(8.5f, 12, 3.5f);
            stroke({{12, 12}, {19.5f, 12}});
            stroke({{17, 12}, {17, 15.5f}});
            stroke({{19.5f, 12}, {19.5f, 15}});
        } else if (n == "user") {
            ring(12, 9, 3.3f);
            std::vector<Point> shoulders;
            bezier(shoulders, {6, 19}, {6, 13.5f}, {12, 13.5f});
            bezier(shoulders, {12, 13.5f}, {18, 13.5f}, {18, 19});
            stroke(shoulders);
        } else if (n == "mail") {
            stroke({{5, 7}, {19, 7}, {19, 17}, {5, 17}, {5, 7}}, 1.5f);
            stroke({{5, 7}, {12, 13}, {19, 7}}, 1.5f);
        } else if (n == "check") {
            stroke({{6, 12}, {10, 16.5f}, {18, 7.5f}}, 2.2f);
        } else {
            circle(at(12, 12), 3 * k, kBlue);
        }
    }

    void box(const Box& b) {
        const Rect& r = b.rect;
        const float round = fs * 0.25f;
        switch (b.kind) {
        case K::Window:
            rect({r.x + 4, r.y + 4, r.w, r.h}, Colour{0, 0, 0, 28}, {}, round);
            rect(r, kWhite, kLine, round);
            break;
        case K::TitleBar:
            rect(r, kTitle, {}, round, 1, true);
            for (int i = 0; i < 3; ++i)
                circle({r.x + fs * (0.9f + 0.8f * static_cast<float>(i)), r.y + r.h / 2}, fs * 0.22f,
                       withAlpha(kWhite, 110));
            text({r.x + fs * 3.2f, r.y, r.w - fs * 3.6f, r.h}, b.text, kWhite);
            break;
        case K::AddressBar: {
            rect(r, kPanel);
            const Rect in{r.x + fs * 2, r.y + fs * 0.25f, r.w * 0.6f, r.h - fs * 0.5f};
            rect(in, kWhite, kLine, in.h / 2);
            textIn(in, b.text, kMuted);
            break;
        }
        case K::MenuBar:
            rect(r, kBlue);
            break;
        case K::MenuItem:
            if (b.active) rect(r, withAlpha(kWhite, 60), {}, round);
            text(r, b.text, kWhite, 1, true);
            break;
        case K::TabStrip:
            rect(r, kLine);
            break;
        case K::Tab:
            rect({r.x, r.y, r.w, r.h + (b.active ? 1.0f : 0.0f)}, b.active ? kWhite : kPanel, kLine, round, 1,
                 true);
            if (b.active) line({r.x + 1, r.bottom()}, {r.right() - 1, r.bottom()}, kWhite, 2);
            text(r, b.text, b.active ? kBlue : kInk, 1, true);
            break;
        case K::Sidebar:
            rect(r, kPanel);
            line({r.right(), r.y}, {r.right(), r.bottom()}, kLine);
            break;
        case K::SidebarItem:
            if (b.active) rect(r, kBlueLight, {}, round);
            textIn(r, b.text, b.active ? kBlue : kInk);
            break;
        case K::Heading:
            text(r, b.text, kInk, 1.15f, false, false, true);
            break;
        case K::Text:
            text(r, b.text, kMuted, 1, false, false);
            break;
        case K::Label:
            text(r, b.text, kInk);
            break;
        case K::Input:
        case K::Select:
            rect(r, kWhite, kLine, round);
            if (b.active) // a secret: dots, never its text
                for (int i = 0; i < 8; ++i)
                    circle({r.x + fs * (0.85f + 0.6f * static_cast<float>(i)), r.y + r.h / 2}, fs * 0.18f,
                           kInk);
            else
                textIn({r.x, r.y, r.w - (b.kind == K::Select ? fs * 1.4f : 0), r.h}, b.text, kInk);
            if (b.kind == K::Select) {
                const float cx = r.right() - fs * 0.9f, cy = r.y + r.h / 2;
                polygon({{cx - fs * 0.35f, cy - fs * 0.15f},
                         {cx + fs * 0.35f, cy - fs * 0.15f},
                         {cx, cy + fs * 0.25f}},
                        kMuted);
            }
            break;
        case K::Checkbox:
            rect(r, b.active ? kBlue : kWhite, b.active ? kBlue : kLine, round * 0.6f);
            if (b.active)
                polyline({{r.x + r.w * 0.2f, r.y + r.w * 0.5f},
                          {r.x + r.w * 0.42f, r.y + r.w * 0.72f},
                          {r.x + r.w * 0.8f, r.y + r.w * 0.28f}},
                         kWhite, 2);
            break;
        case K::Button:
            rect(r, b.active ? kBlue : kWhite, kBlue, round);
            text(r, b.text, b.active ? kWhite : kBlue, 1, true);
            break;
        case K::Link:
            text(r, b.text, kBlue);
            line({r.x, r.bottom() - fs * 0.12f}, {r.right(), r.bottom() - fs * 0.12f}, kBlue);
            break;
        case K::Icon:
            pictogram(b);
            break;
        case K::TableHeader:
            rect(r, kPanel, kLine);
            textIn(r, b.text, kInk);
            break;
        case K::TableCell:
            rect(r, std::nullopt, kLine);
            if (!b.text.empty()) textIn({r.x, r.y, r.w, fs * 1.35f * 1.6f}, b.text, kInk);
            break;
        case K::Dialog:
            rect({r.x + 6, r.y + 6, r.w, r.h}, Colour{0, 0, 0, 40}, {}, round);
            rect(r, kWhite, kTitle, round, 1.5f);
            break;
        case K::DialogTitle:
            rect(r, kPanel, {}, round, 1, true);
            line({r.x, r.bottom()}, {r.right(), r.bottom()}, kLine);
            textIn(r, b.text, kInk);
            break;
        case K::Highlight:
            rect(r, std::nullopt, kMark, round, std::max(2.0f, fs * 0.16f));
            break;
        case K::Mark:
            circle({r.x + r.w / 2, r.y + r.h / 2}, r.w / 2, kMark);
            text(r, b.text, kWhite, 0.85f, true);
            break;
        }
    }
};

} // namespace

std::vector<Shape> paintMockup(const Mockup& mockup, float fontSize) {
    Painter p{{}, fontSize};
    p.out.reserve(mockup.boxes.size() * 2);
    for (const Box& b : mockup.boxes) p.box(b);
    return std::move(p.out);
}

} // namespace ts::procedures
