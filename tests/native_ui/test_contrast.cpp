// WCAG 2.1 contrast of every text and background colour pair the UI draws, computed from the
// colours the theme actually sets (ui/theme.cpp) and the text colours of ui/palette.h: 4.5:1 for
// text (1.4.3, AA), 3:1 for what shows a control or its state (1.4.11: field borders, the focus
// ring, check marks, a progress bar's fill). Translucent colours are laid over what is under them.
// Disabled controls are exempt in WCAG and are not checked here.
#include "ui/palette.h"
#include "ui/theme.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

struct Rgb {
    double r, g, b;
};

Rgb over(const ImVec4& top, const Rgb& under) {
    const double a = top.w;
    return {top.x * a + under.r * (1 - a), top.y * a + under.g * (1 - a), top.z * a + under.b * (1 - a)};
}

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const Rgb& c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double ratio(const Rgb& a, const Rgb& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    std::string what;
    double ratio;
};

// ImGui's style after ApplyTheme, without a frame: a context of its own.
struct ThemeContext {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* ctx = ImGui::CreateContext();
    ThemeContext() {
        ImGui::SetCurrentContext(ctx);
        ts::ui::ApplyTheme();
    }
    ~ThemeContext() {
        ImGui::DestroyContext(ctx);
        ImGui::SetCurrentContext(previous);
    }
    const ImVec4& operator[](ImGuiCol c) const { return ImGui::GetStyle().Colors[c]; }
};

} // namespace

TEST_CASE("the formula gives WCAG's own figures") {
    CHECK(ratio({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21.0));
    CHECK(ratio({1, 1, 1}, {1, 1, 1}) == doctest::Approx(1.0));
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    CHECK(ratio({118 / 255.0, 118 / 255.0, 118 / 255.0}, {1, 1, 1}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text colour reaches 4.5:1 and every control's edge 3:1 on what it is drawn on") {
    const ThemeContext c;
    const Rgb window = over(c[ImGuiCol_WindowBg], {1, 1, 1});
    const Rgb card = over(c[ImGuiCol_ChildBg], window);
    const Rgb field = over(c[ImGuiCol_FrameBg], card);
    const Rgb popup = over(c[ImGuiCol_PopupBg], window);
    struct Surface {
        const char* name;
        Rgb rgb;
    };
    // Where text is drawn: the window and the white cards, inside fields and pop-ups, on buttons in
    // each of their states (a chosen one is drawn as pressed), on list rows and tabs.
    std::vector<Surface> surfaces = {{"window", window}, {"card", card}, {"field", field}, {"popup", popup}};
    for (const Surface& s : std::vector<Surface>{{"window", window}, {"card", card}}) {
        for (ImGuiCol col :
             {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive, ImGuiCol_Header,
              ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive, ImGuiCol_Tab, ImGuiCol_TabHovered,
              ImGuiCol_TabActive, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_TextSelectedBg})
            surfaces.push_back({s.name, over(c[col], s.rgb)});
    }
    std::vector<Pair> failing;
    auto text = [&](const char* name, const ImVec4& colour, const std::vector<Surface>& on) {
        for (const Surface& s : on) {
            const double r = ratio(over(colour, s.rgb), s.rgb);
            if (r < 4.5) failing.push_back({std::string(name) + " on " + s.name, r});
        }
    };
    // The body text goes everywhere; the coloured ones are drawn as text on the window, on cards
    // and (the expiry colours) on the entry list's rows, hovered or selected.
    text("text", c[ImGuiCol_Text], surfaces);
    const std::vector<Surface> plain = {{"window", window}, {"card", card}};
    std::vector<Surface> rows = plain;
    for (ImGuiCol col : {ImGuiCol_Header, ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive})
        rows.push_back({"a list row", over(c[col], card)});
    text("muted text", c[ImGuiCol_TextDisabled], plain);
    text("error", ts::ui::palette::kError, plain);
    text("warning", ts::ui::palette::kWarning, plain);
    text("right answer", ts::ui::palette::kRight, plain);
    text("valid until", ts::ui::palette::kValid, plain);
    text("expired", ts::ui::palette::kExpired, rows);
    text("expiring", ts::ui::palette::kExpiring, rows);

    auto edge = [&](const char* name, const ImVec4& colour, const Surface& s) {
        const double r = ratio(over(colour, s.rgb), s.rgb);
        if (r < 3.0) failing.push_back({std::string(name) + " on " + s.name, r});
    };
    for (const Surface& s : std::vector<Surface>{{"window", window}, {"card", card}}) {
        edge("a field's border", c[ImGuiCol_Border], s);
        edge("the focus ring", c[ImGuiCol_NavHighlight], s);
    }
    edge("a check mark", c[ImGuiCol_CheckMark], {"field", field});
    edge("a progress bar's fill", c[ImGuiCol_PlotHistogram], {"field", field});

    for (const Pair& p : failing) MESSAGE(p.what << ": " << p.ratio << ":1");
    CHECK(failing.empty());
}
