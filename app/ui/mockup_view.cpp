#include "ui/mockup_view.h"

#include "core/procedures/mockup_layout.h"
#include "core/procedures/mockup_paint.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <string>
#include <vector>

namespace ts::ui {
namespace {

using procedures::Box;
using procedures::Shape;
using K = Box::Kind;

ImU32 col(procedures::Colour c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

ImFont* fontFor(const UiContext& ui, float size) {
    if (size >= 26) return ui.fonts.title;
    if (size >= 19) return ui.fonts.heading;
    return ui.fonts.body;
}

// Translates mockup_paint's shapes into draw-list calls; what to draw is decided there.
struct Painter {
    ImDrawList* dl;
    ImFont* font;
    float fs;
    ImVec2 o;

    ImVec2 p(procedures::Point q) const { return {o.x + q.x, o.y + q.y}; }
    ImVec2 min(const procedures::Rect& r) const { return {o.x + r.x, o.y + r.y}; }
    ImVec2 max(const procedures::Rect& r) const { return {o.x + r.right(), o.y + r.bottom()}; }

    void text(const Shape& sh) const {
        const procedures::Rect& r = sh.rect;
        const float size = fs * sh.scale;
        const ImU32 c = col(sh.fill.value_or(procedures::palette::kInk));
        const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, sh.text.c_str());
        float x = r.x, y = r.y;
        if (sh.centre) x += (r.w - ts.x) / 2;
        if (sh.vcentre) y += (r.h - ts.y) / 2;
        dl->PushClipRect(min(r), max(r), true);
        dl->AddText(font, size, {o.x + x, o.y + y}, c, sh.text.c_str());
        // No bold face in the subset: a second pass a fraction of a pixel over reads as bold.
        if (sh.bold) dl->AddText(font, size, {o.x + x + 0.6f, o.y + y}, c, sh.text.c_str());
        dl->PopClipRect();
    }

    void shape(const Shape& sh) const {
        std::vector<ImVec2> pts;
        for (const procedures::Point& q : sh.points) pts.push_back(p(q));
        switch (sh.kind) {
        case Shape::Kind::Rect: {
            const ImDrawFlags corners = sh.topOnly ? ImDrawFlags_RoundCornersTop : 0;
            if (sh.fill) dl->AddRectFilled(min(sh.rect), max(sh.rect), col(*sh.fill), sh.radius, corners);
            if (sh.stroke)
                dl->AddRect(min(sh.rect), max(sh.rect), col(*sh.stroke), sh.radius, corners, sh.strokeWidth);
            break;
        }
        case Shape::Kind::Circle:
            if (sh.fill) dl->AddCircleFilled(pts[0], sh.radius, col(*sh.fill));
            if (sh.stroke) dl->AddCircle(pts[0], sh.radius, col(*sh.stroke), 0, sh.strokeWidth);
            break;
        case Shape::Kind::Line:
        case Shape::Kind::Polyline:
            if (sh.stroke)
                dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col(*sh.stroke), ImDrawFlags_None,
                                sh.strokeWidth);
            break;
        case Shape::Kind::Polygon:
            if (sh.fill) dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), col(*sh.fill));
            break;
        case Shape::Kind::Text:
            text(sh);
            break;
        }
    }
};

} // namespace

void DrawMockup(UiContext& ui, const procedures::Screen& screen, float width, float fontSize,
                const char* key) {
    ImFont* font = fontFor(ui, fontSize);
    procedures::MockupMetrics metrics;
    metrics.fontSize = fontSize;
    metrics.textWidth = [font](std::string_view t, float size) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
    };
    const procedures::Mockup m = procedures::layoutScreen(screen, width, metrics);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Marks may stick out above the frame by half a circle: leave room.
    const float top = fontSize * 0.75f;
    ImGui::InvisibleButton((std::string("###") + key).c_str(), ImVec2(width + fontSize, m.height + top + 6));
    std::string labels;
    for (const Box& b : m.boxes)
        if (!b.text.empty() && b.kind != K::Mark) {
            if (!labels.empty()) labels += " | ";
            labels += b.text;
        }
    ui.seam.describeLast(screen.title, labels);
    const Painter painter{ImGui::GetWindowDrawList(), font, fontSize, ImVec2(origin.x, origin.y + top)};
    for (const Shape& sh : procedures::paintMockup(m, fontSize)) painter.shape(sh);
}

void DrawCallouts(UiContext& ui, const procedures::Screen& screen, ImFont* font) {
    const Lang lang = ui.state.settings.language;
    for (std::size_t i = 0; i < screen.callouts.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(col(procedures::palette::kMark)));
        if (font) ImGui::PushFont(font);
        ImGui::TextUnformatted(n.c_str());
        if (font) ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        Text(ui, screen.callouts[i].in(lang), font);
    }
}

} // namespace ts::ui
