// The few widget helpers every screen uses: they take text from the string table, give widgets a
// stable id that does not change with the language, and report texts and values to the test seam.
#pragma once

#include "ui/ui_context.h"

#include "imgui.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace ts::ui {

// Wrapped text, recorded for the seam. `font` may be null for the body font.
void Text(UiContext& ui, std::string_view text, ImFont* font = nullptr);
void TextMuted(UiContext& ui, std::string_view text);
void Bullet(UiContext& ui, std::string_view text);
// A validation or failure message, in the error colour.
void ErrorText(UiContext& ui, Str message);
// Something the user must not miss (a portal's trap, a rule), in the warning colour.
void WarningText(UiContext& ui, std::string_view text, ImFont* font = nullptr);
// A note of a kind or a procedure: a bullet, in the warning colour when it is a warning.
void NoteBullet(UiContext& ui, std::string_view text, bool warning);

// A button labelled from the table; `key` is its id in every language.
bool Button(UiContext& ui, Str label, const char* key, bool enabled = true);
// A toggle-like button that shows whether it is the current choice.
bool Choice(UiContext& ui, std::string_view label, const char* key, bool selected);

// A row of Choice buttons, one per number, keyed `keyPrefix` + the number; returns the number
// clicked when it is not the current one.
std::optional<int> ChoiceRow(UiContext& ui, std::span<const int> values, int current,
                             std::string_view keyPrefix, const std::function<std::string(int)>& label);

// ImGui::BeginCombo, also reported to the seam (ImGui does not report combo boxes): `label` is
// what the seam calls it, `preview` the current choice shown in it.
bool BeginCombo(UiContext& ui, std::string_view label, const char* key, const char* preview);

// The organisation chooser (the entry list's filter, the entry form, a run): `org` is an
// organisation's id, or empty for the choice `none` when there is one (the filter's "all", the
// form's "none"). Each choice's key is `prefix` + the organisation's id, `prefix` + `noneKey` for
// none. Returns true when the user chose another.
bool OrganisationCombo(UiContext& ui, const char* key, std::string_view prefix, std::string& org,
                       std::optional<Str> none = std::nullopt, std::string_view noneKey = "none");

// ImGui::BeginChild for a part of a screen: its widgets join the screen's keyboard order (Tab goes
// through them in turn, as if the part were not a window of its own). Ended with ImGui::EndChild.
bool BeginRegion(const char* id, const ImVec2& size = ImVec2(0, 0), ImGuiChildFlags childFlags = 0,
                 ImGuiWindowFlags flags = 0);

// A one-line text field over a std::string; the value is readable through the seam (not for
// secrets). Returns true when edited this frame.
bool TextField(UiContext& ui, Str label, const char* key, std::string& value, float width = -1.0f);

// A secret shown without showing it — its length, enough to tell two apart at a glance.
std::string Masked(std::string_view value);

// Rows of differing heights in a scrolling child, of which only those in view (and a little
// around) are drawn — ImGuiListClipper wants rows of one height. `heights` holds one per row: a
// guess until the row is drawn, then what it measured (kept by the caller from frame to frame).
//     RowClipper clip(heights);
//     for (std::size_t r = 0; clip.Step(r);) DrawRow(r);
class RowClipper {
  public:
    explicit RowClipper(std::vector<float>& heights);
    // The next row to draw; false once the rest are out of view (their space is then left empty).
    bool Step(std::size_t& row);

  private:
    std::vector<float>& heights_;
    std::size_t next_ = 0;
    float y_ = 0, bottom_ = 0;
    bool drawing_ = false, done_ = false;
};

// A layout size written for 100 % text, at the user's text size.
inline float Px(float size) {
    return size * TextScale();
}

// Keeps the next item, `width` wide, on the current line when it fits there, else lets it start the
// next line: rows of buttons wrap rather than run off the window at a large text size.
void SameLineIfFits(float width, float spacing = -1.0f);
// The width of a button with this label.
float ButtonWidth(std::string_view label);

// Centres of attention on small screens: true when the window is narrower than a layout needs.
inline bool narrow(float width) {
    return width < Px(760.0f);
}

} // namespace ts::ui
