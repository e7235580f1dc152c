#include "ui/widgets.h"

#include "core/utf8.h"
#include "core/vault/session.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include <string>

namespace ts::ui {
namespace {

std::string withKey(std::string_view label, const char* key) {
    std::string s(label);
    s += "###";
    s += key;
    return s;
}

} // namespace

void Text(UiContext& ui, std::string_view text, ImFont* font) {
    if (font) ImGui::PushFont(font);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (font) ImGui::PopFont();
    ui.seam.addText(text);
    // Screens draw their titles and section names in these fonts: to a screen reader they are the
    // headings to jump between.
    if (font && (font == ui.fonts.title || font == ui.fonts.heading))
        ui.seam.markLast("heading", false, font == ui.fonts.title ? 1 : 2);
}

void TextMuted(UiContext& ui, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    Text(ui, text);
    ImGui::PopStyleColor();
}

void ErrorText(UiContext& ui, Str message) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
    Text(ui, ui.t(message));
    ImGui::PopStyleColor();
    ui.seam.markLast("error"); // the mirror describes the field above it with this message
}

constexpr ImVec4 kWarningColour(0.55f, 0.30f, 0.0f, 1.0f);

void WarningText(UiContext& ui, std::string_view text, ImFont* font) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
    Text(ui, text, font);
    ImGui::PopStyleColor();
}

void NoteBullet(UiContext& ui, std::string_view text, bool warning) {
    if (warning) ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
    Bullet(ui, text);
    if (warning) ImGui::PopStyleColor();
}

void Bullet(UiContext& ui, std::string_view text) {
    ImGui::Bullet();
    ImGui::SameLine();
    Text(ui, text);
}

bool Button(UiContext& ui, Str label, const char* key, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(withKey(ui.t(label), key).c_str());
    ImGui::EndDisabled();
    return pressed;
}

bool Choice(UiContext& ui, std::string_view label, const char* key, bool selected) {
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(withKey(label, key).c_str());
    if (selected) ImGui::PopStyleColor();
    ui.seam.markLast("radio", selected); // one of a row of choices, shown by its colour alone
    return pressed && !selected;
}

std::optional<int> ChoiceRow(UiContext& ui, std::span<const int> values, int current,
                             std::string_view keyPrefix, const std::function<std::string(int)>& label) {
    std::optional<int> picked;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int v = values[i];
        const std::string text = label(v);
        // A choice that would be cut by the column's edge starts the next line instead.
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(text.c_str()).x +
                    2 * style.FramePadding.x >
                right)
                ImGui::NewLine();
        }
        const std::string key = std::string(keyPrefix) + std::to_string(v);
        if (Choice(ui, text, key.c_str(), v == current)) picked = v;
    }
    return picked;
}

bool BeginCombo(UiContext& ui, std::string_view label, const char* key, const char* preview) {
    const std::string id = withKey("", key);
    const ImGuiID itemId = ImGui::GetID(id.c_str());
    const bool open = ImGui::BeginCombo(id.c_str(), preview);
    ui.seam.addUnreported(itemId, withKey(label, key), preview);
    return open;
}

bool OrganisationCombo(UiContext& ui, const char* key, std::string_view prefix, std::string& org,
                       std::optional<Str> none, std::string_view noneKey) {
    const vault::Data& data = ui.services.session.data();
    const vault::Organisation* current = data.organisation(org);
    const char* preview = current ? current->name.c_str() : none ? ui.t(*none) : "";
    if (!BeginCombo(ui, ui.t(Str::FieldOrganisation), key, preview)) return false;
    const std::string before = org;
    const std::string keyPrefix = "###" + std::string(prefix);
    if (none && ImGui::Selectable((ui.t(*none) + keyPrefix + std::string(noneKey)).c_str(), !current))
        org.clear();
    for (const vault::Organisation& o : data.organisations)
        if (ImGui::Selectable((o.name + keyPrefix + o.id).c_str(), o.id == org)) org = o.id;
    ImGui::EndCombo();
    return org != before;
}

bool BeginRegion(const char* id, const ImVec2& size, ImGuiChildFlags childFlags, ImGuiWindowFlags flags) {
    return ImGui::BeginChild(id, size, childFlags, flags | ImGuiWindowFlags_NavFlattened);
}

bool TextField(UiContext& ui, Str label, const char* key, std::string& value, float width) {
    Text(ui, ui.t(label));
    ImGui::SetNextItemWidth(width);
    const bool edited = ImGui::InputText(withKey("", key).c_str(), &value);
    ui.seam.describeLast(ui.t(label), value);
    return edited;
}

std::string Masked(std::string_view value) {
    if (value.empty()) return "—";
    return "•••• (" + std::to_string(utf8Length(value)) + ")";
}

namespace {
// Rows not drawn: empty space of their height (each height includes the item spacing after it).
void emptyRows(float height) {
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (height > spacing) ImGui::Dummy(ImVec2(1.0f, height - spacing));
}
} // namespace

// Positions are the window's own, like the cursor's: they include the scroll.
RowClipper::RowClipper(std::vector<float>& heights) : heights_(heights) {
    const float margin = ImGui::GetTextLineHeightWithSpacing() * 3;
    const float top = ImGui::GetScrollY() - margin;
    bottom_ = ImGui::GetScrollY() + ImGui::GetWindowHeight() + margin;
    const float y = ImGui::GetCursorPosY();
    float skipped = 0;
    while (next_ < heights_.size() && y + skipped + heights_[next_] < top) skipped += heights_[next_++];
    emptyRows(skipped);
    y_ = ImGui::GetCursorPosY();
}

bool RowClipper::Step(std::size_t& row) {
    if (done_) return false;
    if (drawing_) { // the row just drawn, measured from its top to the next row's
        const float after = ImGui::GetCursorPosY();
        heights_[next_ - 1] = after - y_;
        y_ = after;
    }
    if (next_ < heights_.size() && y_ <= bottom_) {
        drawing_ = true;
        row = next_++;
        return true;
    }
    float rest = 0;
    for (; next_ < heights_.size(); ++next_) rest += heights_[next_];
    emptyRows(rest);
    done_ = true;
    return false;
}

} // namespace ts::ui
