// Writes mockup_paint's shapes as SVG elements: the same shapes the app draws with ImGui. Text is
// measured by estimateTextWidth
// (calibrated to DejaVu Sans, the app's own font and the widest usual sans-serif), so boxes fit the
// text in whatever font the printing machine has; a line the layout gave too little room is
// squeezed to its box (the app clips it).
#include "core/procedures/screen_svg.h"

#include "core/procedures/mockup_layout.h"
#include "core/procedures/mockup_paint.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace ts::procedures {
namespace {

constexpr float kWidth = 860, kFontSize = 14;

// A coordinate for an SVG attribute: one decimal, no trailing ".0".
std::string num(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

std::string hex(Colour c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

std::string opacity(Colour c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(c.a) / 255);
    return buf;
}

// fill="…" (and its opacity) or fill="none"; stroke="…" stroke-width="…" when there is one.
std::string paint(const Shape& sh) {
    std::string s;
    if (sh.fill) {
        if (sh.fill->a != 255) s += " fill-opacity=\"" + opacity(*sh.fill) + "\"";
        s += " fill=\"" + hex(*sh.fill) + "\"";
    } else {
        s += " fill=\"none\"";
    }
    if (sh.stroke) s += " stroke=\"" + hex(*sh.stroke) + "\" stroke-width=\"" + num(sh.strokeWidth) + "\"";
    return s;
}

std::string pathOf(const std::vector<Point>& pts, bool closed) {
    std::string d;
    for (std::size_t i = 0; i < pts.size(); ++i)
        d += (i == 0 ? "M" : "L") + num(pts[i].x) + " " + num(pts[i].y);
    if (closed) d += "Z";
    return d;
}

// Text in its box as the app places it: at its left or centred, at its top or vertically centred;
// lines split at '\n'. The baseline sits 0.8 em below a line's top, as in a font whose ascent and
// descent span one em (ImGui's). A line wider than its box is squeezed into it.
void text(std::string& s, const Shape& sh, float fs) {
    const Rect& r = sh.rect;
    const std::string col = hex(sh.fill.value_or(palette::kInk));
    const float size = fs * sh.scale, advance = size * 1.2f;
    std::vector<std::string_view> lines;
    for (std::size_t at = 0;;) {
        const std::size_t nl = sh.text.find('\n', at);
        lines.push_back(
            std::string_view(sh.text).substr(at, nl == std::string::npos ? std::string::npos : nl - at));
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    const float height = size + advance * static_cast<float>(lines.size() - 1);
    float y = (sh.vcentre ? r.y + (r.h - height) / 2 : r.y) + size * 0.8f;
    for (std::string_view l : lines) {
        s += "<text x=\"" + num(sh.centre ? r.x + r.w / 2 : r.x) + "\" y=\"" + num(y) + "\" font-size=\"" +
             num(size) + "\"";
        if (sh.centre) s += " text-anchor=\"middle\"";
        if (estimateTextWidth(l, size) > r.w + 0.5f && r.w > 0)
            s += " textLength=\"" + num(r.w) + "\" lengthAdjust=\"spacingAndGlyphs\"";
        if (sh.bold) s += " stroke=\"" + col + "\" stroke-width=\"0.6\"";
        s += " fill=\"" + col + "\">" + escapeMarkup(l) + "</text>";
        y += advance;
    }
}

void shape(std::string& s, const Shape& sh, float fs) {
    switch (sh.kind) {
    case Shape::Kind::Rect: {
        const Rect& r = sh.rect;
        const float rx = sh.radius;
        if (sh.topOnly && rx > 0) {
            s += "<path d=\"M" + num(r.x) + " " + num(r.bottom()) + "V" + num(r.y + rx) + "Q" + num(r.x) +
                 " " + num(r.y) + " " + num(r.x + rx) + " " + num(r.y) + "H" + num(r.right() - rx) + "Q" +
                 num(r.right()) + " " + num(r.y) + " " + num(r.right()) + " " + num(r.y + rx) + "V" +
                 num(r.bottom()) + "Z\"" + paint(sh) + "/>";
        } else {
            s += "<rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) + "\" width=\"" + num(r.w) + "\" height=\"" +
                 num(r.h) + "\"";
            if (rx > 0) s += " rx=\"" + num(rx) + "\"";
            s += paint(sh) + "/>";
        }
        break;
    }
    case Shape::Kind::Circle:
        s += "<circle cx=\"" + num(sh.points[0].x) + "\" cy=\"" + num(sh.points[0].y) + "\" r=\"" +
             num(sh.radius) + "\"" + paint(sh) + "/>";
        break;
    case Shape::Kind::Line:
        s += "<line x1=\"" + num(sh.points[0].x) + "\" y1=\"" + num(sh.points[0].y) + "\" x2=\"" +
             num(sh.points[1].x) + "\" y2=\"" + num(sh.points[1].y) + "\"" + paint(sh) + "/>";
        break;
    case Shape::Kind::Polyline:
        s += "<path d=\"" + pathOf(sh.points, false) + "\"" + paint(sh) +
             " stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";
        break;
    case Shape::Kind::Polygon:
        s += "<path d=\"" + pathOf(sh.points, true) + "\"" + paint(sh) + "/>";
        break;
    case Shape::Kind::Text:
        text(s, sh, fs);
        break;
    }
}

} // namespace

std::string escapeMarkup(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string screenSvg(const Screen& screen) {
    MockupMetrics metrics;
    metrics.fontSize = kFontSize;
    metrics.textWidth = estimateTextWidth;
    const Mockup m = layoutScreen(screen, kWidth, metrics);
    std::string body;
    for (const Shape& sh : paintMockup(m, kFontSize)) shape(body, sh, kFontSize);
    // The picture's extent: the window and its shadow, and marks that stick out of it.
    float x0 = 0, y0 = 0, x1 = m.width + 4, y1 = m.height + 4;
    for (const Box& b : m.boxes) {
        x0 = std::min(x0, b.rect.x);
        y0 = std::min(y0, b.rect.y);
        x1 = std::max(x1, b.rect.right());
        y1 = std::max(y1, b.rect.bottom());
    }
    x0 -= 2, y0 -= 2, x1 += 2, y1 += 2;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(x0) + " " + num(y0) + " " +
           num(x1 - x0) + " " + num(y1 - y0) + "\" width=\"" + num(x1 - x0) + "\" height=\"" + num(y1 - y0) +
           "\" role=\"img\" aria-label=\"" + escapeMarkup(screen.title) +
           "\" font-family=\"DejaVu Sans, Segoe UI, Arial, Liberation Sans, sans-serif\">" + body + "</svg>";
}

} // namespace ts::procedures
