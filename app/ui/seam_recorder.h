// Records, each frame, every labelled widget ImGui submits (through the test-engine item hooks)
// and the texts the UI draws, so browser tests can find widgets by label and click their centres.
// The hooks reach the recorder through ImGuiContext::TestEngine.
#pragma once

#include "imgui.h"
#include "imgui_internal.h" // ImRect, ImGuiItemStatusFlags: the test-engine hook types

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ts::ui {

struct SeamItem {
    std::string kind;   // "widget", "text" or "window"
    std::string label;  // as displayed (the part before "##")
    std::string key;    // stable id after "###", the same in every language; may be empty
    std::string window; // the window it was drawn in
    ImVec2 min, max;    // CSS pixels
    bool disabled = false;
    bool checked = false;
    // Cut off at its window's top or bottom edge (scrolled partly out of view): scrolling shows it.
    // A label too wide for its column is cut at the side instead, and is clicked where it shows.
    bool clipped = false;
    bool cutAtSide = false;    // runs past its window's left or right edge: text too large for its place
    ImVec2 shownMin, shownMax; // the part inside its window's clip rectangle
    std::optional<std::string> value;  // text fields that are not secret
    std::optional<std::size_t> length; // secret fields: how many bytes were typed, never what
    std::size_t chars = 0;             // ... and how many characters, for a screen reader to say
    // What an assistive technology needs (web/library_mirror.js builds the screen-reader mirror
    // from these): the ARIA role, its states, and ImGui's ids to move the keyboard focus back.
    std::string role;       // button, checkbox, radio, textbox, combobox, tab, option, heading, ...
    bool focused = false;   // ImGui's keyboard (nav) focus is on it, or it is the field being edited
    bool selected = false;  // the tab shown, the option chosen
    bool expanded = false;  // a combo box whose list is open
    int level = 0;          // headings: 1 a screen's title, 2 a section
    float progress = -1.0f; // progress bars: 0..1, or -1 when indeterminate
    ImGuiID id = 0, windowId = 0;
    ImGuiID dialog = 0; // drawn in a pop-up (not a combo box's list): the pop-up's window id
};

class SeamRecorder {
  public:
    void attach(ImGuiContext* ctx); // sets TestEngine and TestEngineHookItems
    void beginFrame();

    // Called by the hooks.
    void onItemAdd(ImGuiID id, const ImRect& bb, bool disabled);
    void onItemInfo(ImGuiContext& g, ImGuiID id, const char* label, ImGuiItemStatusFlags flags);

    // Called by the UI's own widgets helpers.
    void addText(std::string_view text); // the item just drawn with ImGui::Text*
    // Names the widget just drawn (a text field labelled by a text above it) and gives its value.
    void describeLast(std::string_view label, std::string_view value);
    // Records the secret's length in bytes and in characters, never the secret.
    void describeSecret(std::string_view label, std::string_view secret);
    // For widgets ImGui does not report (combo boxes): records the item added under `id`.
    void addUnreported(ImGuiID id, std::string_view fullLabel, std::string_view value);
    // Gives the item just recorded a role ImGui cannot tell (a radio button looks like a button to
    // the hooks; a text is a heading or an error message by how the UI draws it).
    void markLast(std::string_view role, bool checked = false, int level = 0);
    // A widget ImGui does not report at all (a progress bar): recorded with the rectangle just drawn.
    void addProgress(std::string_view label, float fraction);

    std::string itemsJson() const;
    bool isDisabled(ImGuiID id) const; // the widget with this id was drawn disabled in this frame
    const std::vector<SeamItem>& items() const { return items_; }

  private:
    struct Pending {
        ImRect bb;
        bool disabled;
    };
    struct Info {
        std::string label;
        ImGuiItemStatusFlags flags;
    };
    void fillPlace(SeamItem& item) const; // window, dialog and rectangle of the item just drawn
    void addItem(ImGuiContext& g, ImGuiID id, const Pending& rect, std::string_view label,
                 ImGuiItemStatusFlags flags);

    std::unordered_map<ImGuiID, Pending> pending_;
    std::unordered_map<ImGuiID, Info> infoFirst_; // tabs report their label before their rectangle
    std::vector<SeamItem> items_;
    ImGuiID lastId_ = 0;
};

} // namespace ts::ui
