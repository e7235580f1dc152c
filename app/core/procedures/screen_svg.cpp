// Paints mockup_layout's boxes as SVG elements, one case per box kind, in the order and with the
// colours, roundings and pictograms of ui/mockup_view.cpp. Text is measured by estimateTextWidth
// (calibrated to DejaVu Sans, the app's own font and the widest usual sans-serif), so boxes fit the
// text in whatever font the printing machine has; a line the layout gave too little room is
// squeezed to its box (the app clips it).
#include "core/procedures/screen_svg.h"

#include "core/procedures/mockup_layout.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace ts::procedures {
namespace {

using K = Box::Kind;

constexpr float kWidth = 860, kFontSize = 14;

// The palette of ui/mockup_view.cpp.
constexpr const char* kInk = "#212529";
constexpr const char* kMuted = "#6c757d";
constexpr const char* kLine = "#b0b8c4";
constexpr const char* kPanel = "#f3f5f8";
constexpr const char* kWhite = "#ffffff";
constexpr const char* kBlue = "#1f5fa8";
constexpr const char* kBlueLight = "#dce8f7";
constexpr const char* kTitle = "#34404e";
constexpr const char* kMark = "#e87600";

// A coordinate for an SVG attribute: one decimal, no trailing ".0".
std::string num(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

// The nine pictograms in a 24×24 square, stroked in the group's colour (see pictogram()).
struct Pictogram {
    const char* name;
    const char* shapes;
};
constexpr Pictogram kPictograms[] = {
    {"eye", R"(<path d="M5 12Q12 5 19 12Q12 19 5 12"/><circle cx="12" cy="12" r="2.2" fill="#1f5fa8"/>)"},
    {"gear", R"(<path stroke-width="2.4" d="M12 7.5V4.5M15.2 8.8L17.3 6.7M16.5 12H19.5M15.2 15.2L17.3 17.3)"
             R"(M12 16.5V19.5M8.8 15.2L6.7 17.3M7.5 12H4.5M8.8 8.8L6.7 6.7"/>)"
             R"(<circle cx="12" cy="12" r="4.5" fill="#dce8f7"/>)"},
    {"plus", R"(<path stroke-width="2" d="M6 12H18M12 6V18"/>)"},
    {"arrow-down", R"(<path d="M12 5V18M7 13L12 18L17 13"/>)"},
    {"refresh", R"(<path d="M18 10A6.5 6.5 0 1 0 17 16M14 9L18.5 10L19 5"/>)"},
    {"key", R"(<circle cx="8.5" cy="12" r="3.5"/><path d="M12 12H19.5M17 12V15.5M19.5 12V15"/>)"},
    {"user", R"(<circle cx="12" cy="9" r="3.3"/><path d="M6 19Q6 13.5 12 13.5Q18 13.5 18 19"/>)"},
    {"mail", R"(<path stroke-width="1.5" d="M5 7H19V17H5ZM5 7L12 13L19 7"/>)"},
    {"check", R"(<path stroke-width="2.2" d="M6 12L10 16.5L18 7.5"/>)"},
};

struct Painter {
    std::string s;
    float fs = kFontSize;

    void rect(const Rect& r, std::string_view fill, std::string_view stroke = {}, float rx = 0,
              float strokeWidth = 1, std::string_view opacity = {}) {
        s += "<rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) + "\" width=\"" + num(r.w) + "\" height=\"" +
             num(r.h) + "\"";
        if (rx > 0) s += " rx=\"" + num(rx) + "\"";
        if (!opacity.empty()) s += " fill-opacity=\"" + std::string(opacity) + "\"";
        s += " fill=\"" + std::string(fill) + "\"";
        if (!stroke.empty())
            s += " stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + num(strokeWidth) + "\"";
        s += "/>";
    }
    // A rectangle with only its top corners rounded (title bars, tabs).
    void topRounded(const Rect& r, float rx, std::string_view fill, std::string_view stroke = {}) {
        s += "<path d=\"M" + num(r.x) + " " + num(r.bottom()) + "V" + num(r.y + rx) + "Q" + num(r.x) + " " +
             num(r.y) + " " + num(r.x + rx) + " " + num(r.y) + "H" + num(r.right() - rx) + "Q" +
             num(r.right()) + " " + num(r.y) + " " + num(r.right()) + " " + num(r.y + rx) + "V" +
             num(r.bottom()) + "Z\" fill=\"" + std::string(fill) + "\"";
        if (!stroke.empty()) s += " stroke=\"" + std::string(stroke) + "\"";
        s += "/>";
    }
    void line(float x1, float y1, float x2, float y2, std::string_view stroke, float width = 1) {
        s += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
             "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + num(width) + "\"/>";
    }
    void circle(float cx, float cy, float r, std::string_view fill, std::string_view opacity = {}) {
        s += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"";
        if (!opacity.empty()) s += " fill-opacity=\"" + std::string(opacity) + "\"";
        s += " fill=\"" + std::string(fill) + "\"/>";
    }

    // Text in a box, as mockup_view's text(): at its left or centred, at its top or vertically
    // centred; lines split at '\n'. The baseline sits 0.8 em below a line's top, as in a font whose
    // ascent and descent span one em (ImGui's). A line wider than its box is squeezed into it.
    void text(const Rect& r, const std::string& t, std::string_view col, float scale = 1.0f,
              bool centre = false, bool vcentre = true, bool bold = false) {
        const float size = fs * scale, advance = size * 1.2f;
        std::vector<std::string_view> lines;
        for (std::size_t at = 0;;) {
            const std::size_t nl = t.find('\n', at);
            lines.push_back(
                std::string_view(t).substr(at, nl == std::string::npos ? std::string::npos : nl - at));
            if (nl == std::string::npos) break;
            at = nl + 1;
        }
        const float height = size + advance * static_cast<float>(lines.size() - 1);
        float y = (vcentre ? r.y + (r.h - height) / 2 : r.y) + size * 0.8f;
        for (std::string_view l : lines) {
            s += "<text x=\"" + num(centre ? r.x + r.w / 2 : r.x) + "\" y=\"" + num(y) + "\" font-size=\"" +
                 num(size) + "\"";
            if (centre) s += " text-anchor=\"middle\"";
            if (estimateTextWidth(l, size) > r.w + 0.5f && r.w > 0)
                s += " textLength=\"" + num(r.w) + "\" lengthAdjust=\"spacingAndGlyphs\"";
            // The app has no bold face and smears a heading by a pixel; a thin outline does that here.
            if (bold) s += " stroke=\"" + std::string(col) + "\" stroke-width=\"0.6\"";
            s += " fill=\"" + std::string(col) + "\">" + escapeMarkup(l) + "</text>";
            y += advance;
        }
    }
    void textIn(const Rect& r, const std::string& t, std::string_view col) {
        text({r.x + fs * 0.6f, r.y, r.w - fs * 1.2f, r.h}, t, col);
    }

    void pictogram(const Box& b) {
        const Pictogram* p = nullptr;
        for (const Pictogram& q : kPictograms)
            if (b.icon == q.name) p = &q;
        char scale[16];
        std::snprintf(scale, sizeof scale, "%.3f", static_cast<double>(b.rect.w / 24));
        s += "<g transform=\"translate(" + num(b.rect.x) + " " + num(b.rect.y) + ") scale(" + scale +
             ")\" fill=\"none\" stroke=\"" + kBlue +
             "\" stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\">";
        s +=
            std::string("<circle cx=\"12\" cy=\"12\" r=\"12\" stroke=\"none\" fill=\"") + kBlueLight + "\"/>";
        // A name the format does not know (the parser rejects it): a plain dot.
        s += p ? p->shapes : R"(<circle cx="12" cy="12" r="3" fill="#1f5fa8"/>)";
        s += "</g>";
    }

    void box(const Box& b) {
        const Rect& r = b.rect;
        const float round = fs * 0.25f;
        switch (b.kind) {
        case K::Window:
            rect({r.x + 4, r.y + 4, r.w, r.h}, "#000000", {}, round, 1, "0.11");
            rect(r, kWhite, kLine, round);
            break;
        case K::TitleBar:
            topRounded(r, round, kTitle);
            for (int i = 0; i < 3; ++i)
                circle(r.x + fs * (0.9f + 0.8f * static_cast<float>(i)), r.y + r.h / 2, fs * 0.22f, kWhite,
                       "0.43");
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
            if (b.active) rect(r, kWhite, {}, round, 1, "0.24");
            text(r, b.text, kWhite, 1.0f, true);
            break;
        case K::TabStrip:
            rect(r, kLine);
            break;
        case K::Tab:
            topRounded({r.x, r.y, r.w, r.h + (b.active ? 1.0f : 0.0f)}, round, b.active ? kWhite : kPanel,
                       kLine);
            if (b.active) line(r.x + 1, r.bottom(), r.right() - 1, r.bottom(), kWhite, 2);
            text(r, b.text, b.active ? kBlue : kInk, 1.0f, true);
            break;
        case K::Sidebar:
            rect(r, kPanel);
            line(r.right(), r.y, r.right(), r.bottom(), kLine);
            break;
        case K::SidebarItem:
            if (b.active) rect(r, kBlueLight, {}, round);
            textIn(r, b.text, b.active ? kBlue : kInk);
            break;
        case K::Heading:
            text(r, b.text, kInk, 1.15f, false, false, true);
            break;
        case K::Text:
            text(r, b.text, kMuted, 1.0f, false, false);
            break;
        case K::Label:
            text(r, b.text, kInk);
            break;
        case K::Input:
        case K::Select:
            rect(r, kWhite, kLine, round);
            if (b.active) // a secret: dots instead of the value
                for (int i = 0; i < 8; ++i)
                    circle(r.x + fs * (0.85f + 0.6f * static_cast<float>(i)), r.y + r.h / 2, fs * 0.18f,
                           kInk);
            else
                textIn({r.x, r.y, r.w - (b.kind == K::Select ? fs * 1.4f : 0), r.h}, b.text, kInk);
            if (b.kind == K::Select) {
                const float cx = r.right() - fs * 0.9f, cy = r.y + r.h / 2;
                s += "<path d=\"M" + num(cx - fs * 0.35f) + " " + num(cy - fs * 0.15f) + "H" +
                     num(cx + fs * 0.35f) + "L" + num(cx) + " " + num(cy + fs * 0.25f) + "Z\" fill=\"" +
                     kMuted + "\"/>";
            }
            break;
        case K::Checkbox:
            rect(r, b.active ? kBlue : kWhite, b.active ? kBlue : kLine, round * 0.6f);
            if (b.active)
                s += "<path d=\"M" + num(r.x + r.w * 0.2f) + " " + num(r.y + r.w * 0.5f) + "L" +
                     num(r.x + r.w * 0.42f) + " " + num(r.y + r.w * 0.72f) + "L" + num(r.x + r.w * 0.8f) +
                     " " + num(r.y + r.w * 0.28f) + "\" fill=\"none\" stroke=\"" + kWhite +
                     "\" stroke-width=\"2\"/>";
            break;
        case K::Button:
            rect(r, b.active ? kBlue : kWhite, kBlue, round);
            text(r, b.text, b.active ? kWhite : kBlue, 1.0f, true);
            break;
        case K::Link:
            text(r, b.text, kBlue);
            line(r.x, r.bottom() - fs * 0.12f, r.right(), r.bottom() - fs * 0.12f, kBlue);
            break;
        case K::Icon:
            pictogram(b);
            break;
        case K::TableHeader:
            rect(r, kPanel, kLine);
            textIn(r, b.text, kInk);
            break;
        case K::TableCell:
            rect(r, "none", kLine);
            if (!b.text.empty()) textIn({r.x, r.y, r.w, fs * 1.35f * 1.6f}, b.text, kInk);
            break;
        case K::Dialog:
            rect({r.x + 6, r.y + 6, r.w, r.h}, "#000000", {}, round, 1, "0.16");
            rect(r, kWhite, kTitle, round, 1.5f);
            break;
        case K::DialogTitle:
            topRounded(r, round, kPanel);
            line(r.x, r.bottom(), r.right(), r.bottom(), kLine);
            textIn(r, b.text, kInk);
            break;
        case K::Highlight:
            rect(r, "none", kMark, round, std::max(2.0f, fs * 0.16f));
            break;
        case K::Mark:
            circle(r.x + r.w / 2, r.y + r.h / 2, r.w / 2, kMark);
            text(r, b.text, kWhite, 0.85f, true);
            break;
        }
    }
};

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
    Painter painter;
    // The picture's extent: the window and its shadow, and marks that stick out of it.
    float x0 = 0, y0 = 0, x1 = m.width + 4, y1 = m.height + 4;
    for (const Box& b : m.boxes) {
        painter.box(b);
        x0 = std::min(x0, b.rect.x);
        y0 = std::min(y0, b.rect.y);
        x1 = std::max(x1, b.rect.right());
        y1 = std::max(y1, b.rect.bottom());
    }
    x0 -= 2, y0 -= 2, x1 += 2, y1 += 2;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(x0) + " " + num(y0) + " " +
           num(x1 - x0) + " " + num(y1 - y0) + "\" width=\"" + num(x1 - x0) + "\" height=\"" + num(y1 - y0) +
           "\" role=\"img\" aria-label=\"" + escapeMarkup(screen.title) +
           "\" font-family=\"DejaVu Sans, Segoe UI, Arial, Liberation Sans, sans-serif\">" + painter.s +
           "</svg>";
}

} // namespace ts::procedures
