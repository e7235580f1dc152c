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
    ImVec2 shownMin, shownMax;         // the part inside its window's clip rectangle
    std::optional<std::string> value;  // text fields that are not secret
    std::optional<std::size_t> length; // secret fields: how many bytes were typed, never what
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
    void describeSecret(std::string_view label, std::size_t length);
    // For widgets ImGui does not report (combo boxes): records the item added under `id`.
    void addUnreported(ImGuiID id, std::string_view fullLabel, std::string_view value);

    std::string itemsJson() const;
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
    void addItem(ImGuiContext& g, ImGuiID id, const Pending& rect, std::string_view label,
                 ImGuiItemStatusFlags flags);

    std::unordered_map<ImGuiID, Pending> pending_;
    std::unordered_map<ImGuiID, Info> infoFirst_; // tabs report their label before their rectangle
    std::vector<SeamItem> items_;
    ImGuiID lastId_ = 0;
};

} // namespace ts::ui
