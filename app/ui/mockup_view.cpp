#include "ui/mockup_view.h"

#include "core/procedures/mockup_layout.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <string>

namespace ts::ui {
namespace {

using procedures::Box;
using K = Box::Kind;

// A portal in general rather than any one: a dark title, a blue menu, light panels.
constexpr ImU32 kInk = IM_COL32(33, 37, 41, 255);
constexpr ImU32 kMuted = IM_COL32(108, 117, 125, 255);
constexpr ImU32 kLine = IM_COL32(176, 184, 196, 255);
constexpr ImU32 kPanel = IM_COL32(243, 245, 248, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kBlue = IM_COL32(31, 95, 168, 255);
constexpr ImU32 kBlueLight = IM_COL32(220, 232, 247, 255);
constexpr ImU32 kTitle = IM_COL32(52, 64, 78, 255);
constexpr ImU32 kMark = IM_COL32(232, 118, 0, 255);

ImFont* fontFor(const UiContext& ui, float size) {
    if (size >= 26) return ui.fonts.title;
    if (size >= 19) return ui.fonts.heading;
    return ui.fonts.body;
}

struct Painter {
    ImDrawList* dl;
    ImFont* font;
    float fs;
    ImVec2 o;

    ImVec2 p(float x, float y) const { return {o.x + x, o.y + y}; }
    ImVec2 min(const procedures::Rect& r) const { return p(r.x, r.y); }
    ImVec2 max(const procedures::Rect& r) const { return p(r.right(), r.bottom()); }

    void text(const procedures::Rect& r, const std::string& t, ImU32 col, float scale = 1.0f,
              bool centre = false, bool vcentre = true) const {
        const float size = fs * scale;
        const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, t.c_str());
        float x = r.x, y = r.y;
        if (centre) x += (r.w - ts.x) / 2;
        if (vcentre) y += (r.h - ts.y) / 2;
        dl->PushClipRect(min(r), max(r), true);
        dl->AddText(font, size, p(x, y), col, t.c_str());
        dl->PopClipRect();
    }
    void textIn(const procedures::Rect& r, const std::string& t, ImU32 col) const {
        text({r.x + fs * 0.6f, r.y, r.w - fs * 1.2f, r.h}, t, col);
    }

    void icon(const Box& b) const {
        const ImVec2 c = p(b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2);
        const float r = b.rect.w * 0.5f, k = r * 0.5f, t = std::max(1.5f, fs * 0.1f);
        dl->AddCircleFilled(c, r, kBlueLight);
        const ImU32 col = kBlue;
        const std::string& n = b.icon;
        if (n == "eye") {
            dl->AddBezierQuadratic({c.x - k * 1.3f, c.y}, {c.x, c.y - k * 1.3f}, {c.x + k * 1.3f, c.y}, col,
                                   t);
            dl->AddBezierQuadratic({c.x - k * 1.3f, c.y}, {c.x, c.y + k * 1.3f}, {c.x + k * 1.3f, c.y}, col,
                                   t);
            dl->AddCircleFilled(c, k * 0.35f, col);
        } else if (n == "gear") {
            dl->AddCircle(c, k * 0.8f, col, 0, t);
            for (int i = 0; i < 8; ++i) {
                const float a = static_cast<float>(i) * 3.14159f / 4;
                dl->AddLine({c.x + std::cos(a) * k * 0.8f, c.y + std::sin(a) * k * 0.8f},
                            {c.x + std::cos(a) * k * 1.25f, c.y + std::sin(a) * k * 1.25f}, col, t * 1.4f);
            }
        } else if (n == "plus") {
            dl->AddLine({c.x - k, c.y}, {c.x + k, c.y}, col, t * 1.3f);
            dl->AddLine({c.x, c.y - k}, {c.x, c.y + k}, col, t * 1.3f);
        } else if (n == "arrow-down") {
            dl->AddLine({c.x, c.y - k}, {c.x, c.y + k * 0.6f}, col, t * 1.3f);
            dl->AddTriangleFilled({c.x - k * 0.6f, c.y + k * 0.1f}, {c.x + k * 0.6f, c.y + k * 0.1f},
                                  {c.x, c.y + k}, col);
        } else if (n == "refresh") {
            dl->PathArcTo(c, k * 0.9f, 0.6f, 5.6f, 20);
            dl->PathStroke(col, 0, t);
            const ImVec2 e{c.x + std::cos(0.6f) * k * 0.9f, c.y + std::sin(0.6f) * k * 0.9f};
            dl->AddTriangleFilled({e.x - k * 0.45f, e.y}, {e.x + k * 0.45f, e.y}, {e.x, e.y - k * 0.5f}, col);
        } else if (n == "key") {
            dl->AddCircle({c.x - k * 0.5f, c.y}, k * 0.45f, col, 0, t);
            dl->AddLine({c.x - k * 0.05f, c.y}, {c.x + k, c.y}, col, t);
            dl->AddLine({c.x + k * 0.7f, c.y}, {c.x + k * 0.7f, c.y + k * 0.4f}, col, t);
        } else if (n == "user") {
            dl->AddCircleFilled({c.x, c.y - k * 0.4f}, k * 0.42f, col);
            dl->PathArcTo({c.x, c.y + k * 0.9f}, k * 0.8f, 3.14159f, 6.28318f, 16);
            dl->PathFillConvex(col);
        } else if (n == "mail") {
            dl->AddRect({c.x - k, c.y - k * 0.65f}, {c.x + k, c.y + k * 0.65f}, col, 0, 0, t);
            dl->AddLine({c.x - k, c.y - k * 0.65f}, {c.x, c.y + k * 0.1f}, col, t);
            dl->AddLine({c.x + k, c.y - k * 0.65f}, {c.x, c.y + k * 0.1f}, col, t);
        } else if (n == "check") {
            dl->AddLine({c.x - k * 0.8f, c.y}, {c.x - k * 0.2f, c.y + k * 0.6f}, col, t * 1.4f);
            dl->AddLine({c.x - k * 0.2f, c.y + k * 0.6f}, {c.x + k * 0.9f, c.y - k * 0.6f}, col, t * 1.4f);
        }
    }

    void box(const Box& b) const {
        const ImVec2 a = min(b.rect), z = max(b.rect);
        const float round = fs * 0.25f;
        switch (b.kind) {
        case K::Window:
            dl->AddRectFilled({a.x + 4, a.y + 4}, {z.x + 4, z.y + 4}, IM_COL32(0, 0, 0, 28), round);
            dl->AddRectFilled(a, z, kWhite, round);
            dl->AddRect(a, z, kLine, round);
            break;
        case K::TitleBar:
            dl->AddRectFilled(a, z, kTitle, round, ImDrawFlags_RoundCornersTop);
            for (int i = 0; i < 3; ++i)
                dl->AddCircleFilled({a.x + fs * (0.9f + 0.8f * static_cast<float>(i)), (a.y + z.y) / 2},
                                    fs * 0.22f, IM_COL32(255, 255, 255, 110));
            text({b.rect.x + fs * 3.2f, b.rect.y, b.rect.w - fs * 3.6f, b.rect.h}, b.text, kWhite);
            break;
        case K::AddressBar: {
            dl->AddRectFilled(a, z, kPanel);
            const procedures::Rect in{b.rect.x + fs * 2, b.rect.y + fs * 0.25f, b.rect.w * 0.6f,
                                      b.rect.h - fs * 0.5f};
            dl->AddRectFilled(min(in), max(in), kWhite, in.h / 2);
            dl->AddRect(min(in), max(in), kLine, in.h / 2);
            textIn(in, b.text, kMuted);
            break;
        }
        case K::MenuBar:
            dl->AddRectFilled(a, z, kBlue);
            break;
        case K::MenuItem:
            if (b.active) dl->AddRectFilled(a, z, IM_COL32(255, 255, 255, 60), round);
            text(b.rect, b.text, kWhite, 1.0f, true);
            break;
        case K::TabStrip:
            dl->AddRectFilled(a, z, kLine);
            break;
        case K::Tab:
            dl->AddRectFilled(a, z, b.active ? kWhite : kPanel, round, ImDrawFlags_RoundCornersTop);
            dl->AddRect(a, {z.x, z.y + (b.active ? 1.0f : 0.0f)}, kLine, round, ImDrawFlags_RoundCornersTop);
            if (b.active) dl->AddLine({a.x + 1, z.y}, {z.x - 1, z.y}, kWhite, 2);
            text(b.rect, b.text, b.active ? kBlue : kInk, 1.0f, true);
            break;
        case K::Sidebar:
            dl->AddRectFilled(a, z, kPanel);
            dl->AddLine({z.x, a.y}, {z.x, z.y}, kLine);
            break;
        case K::SidebarItem:
            if (b.active) dl->AddRectFilled(a, z, kBlueLight, round);
            textIn(b.rect, b.text, b.active ? kBlue : kInk);
            break;
        case K::Heading:
            text(b.rect, b.text, kInk, 1.15f, false, false);
            // No bold face in the subset: a second pass one pixel over reads as bold.
            text({b.rect.x + 0.6f, b.rect.y, b.rect.w, b.rect.h}, b.text, kInk, 1.15f, false, false);
            break;
        case K::Text:
            text(b.rect, b.text, kMuted, 1.0f, false, false);
            break;
        case K::Label:
            text(b.rect, b.text, kInk);
            break;
        case K::Input:
        case K::Select:
            dl->AddRectFilled(a, z, kWhite, round);
            dl->AddRect(a, z, kLine, round);
            textIn({b.rect.x, b.rect.y, b.rect.w - (b.kind == K::Select ? fs * 1.4f : 0), b.rect.h},
                   b.active ? std::string(8, '*') : b.text, kInk);
            if (b.kind == K::Select) {
                const float cx = z.x - fs * 0.9f, cy = (a.y + z.y) / 2;
                dl->AddTriangleFilled({cx - fs * 0.35f, cy - fs * 0.15f}, {cx + fs * 0.35f, cy - fs * 0.15f},
                                      {cx, cy + fs * 0.25f}, kMuted);
            }
            break;
        case K::Checkbox:
            dl->AddRectFilled(a, z, b.active ? kBlue : kWhite, round * 0.6f);
            dl->AddRect(a, z, b.active ? kBlue : kLine, round * 0.6f);
            if (b.active) {
                const float w = b.rect.w;
                dl->AddLine(p(b.rect.x + w * 0.2f, b.rect.y + w * 0.5f),
                            p(b.rect.x + w * 0.42f, b.rect.y + w * 0.72f), kWhite, 2);
                dl->AddLine(p(b.rect.x + w * 0.42f, b.rect.y + w * 0.72f),
                            p(b.rect.x + w * 0.8f, b.rect.y + w * 0.28f), kWhite, 2);
            }
            break;
        case K::Button:
            dl->AddRectFilled(a, z, b.active ? kBlue : kWhite, round);
            dl->AddRect(a, z, kBlue, round);
            text(b.rect, b.text, b.active ? kWhite : kBlue, 1.0f, true);
            break;
        case K::Link: {
            text(b.rect, b.text, kBlue);
            const float y = z.y - fs * 0.12f;
            dl->AddLine({a.x, y}, {z.x, y}, kBlue);
            break;
        }
        case K::Icon:
            icon(b);
            break;
        case K::TableHeader:
            dl->AddRectFilled(a, z, kPanel);
            dl->AddRect(a, z, kLine);
            textIn(b.rect, b.text, kInk);
            break;
        case K::TableCell:
            dl->AddRect(a, z, kLine);
            if (!b.text.empty()) textIn({b.rect.x, b.rect.y, b.rect.w, fs * 1.35f * 1.6f}, b.text, kInk);
            break;
        case K::Dialog:
            dl->AddRectFilled({a.x + 6, a.y + 6}, {z.x + 6, z.y + 6}, IM_COL32(0, 0, 0, 40), round);
            dl->AddRectFilled(a, z, kWhite, round);
            dl->AddRect(a, z, kTitle, round, 0, 1.5f);
            break;
        case K::DialogTitle:
            dl->AddRectFilled(a, z, kPanel, round, ImDrawFlags_RoundCornersTop);
            dl->AddLine({a.x, z.y}, {z.x, z.y}, kLine);
            textIn(b.rect, b.text, kInk);
            break;
        case K::Highlight:
            dl->AddRect(a, z, kMark, round, 0, std::max(2.0f, fs * 0.16f));
            break;
        case K::Mark:
            dl->AddCircleFilled({(a.x + z.x) / 2, (a.y + z.y) / 2}, b.rect.w / 2, kMark);
            text(b.rect, b.text, kWhite, 0.85f, true);
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
    Painter painter{ImGui::GetWindowDrawList(), font, fontSize, ImVec2(origin.x, origin.y + top)};
    for (const Box& b : m.boxes) painter.box(b);
}

void DrawCallouts(UiContext& ui, const procedures::Screen& screen, ImFont* font) {
    const Lang lang = ui.state.settings.language;
    for (std::size_t i = 0; i < screen.callouts.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMark));
        if (font) ImGui::PushFont(font);
        ImGui::TextUnformatted(n.c_str());
        if (font) ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        Text(ui, screen.callouts[i].in(lang), font);
    }
}

} // namespace ts::ui
