#include "ui/seam_recorder.h"

#include "core/utf8.h"
#include "imgui_internal.h"

#include <cstdarg>
#include <nlohmann/json.hpp>

namespace ts::ui {
namespace {

// Whether an item in view runs past its window's left or right edge. (A part of a screen scrolled
// out of view has a clip rectangle of no height, and what is in it is not in view.) Half a pixel of
// slack: ImGui rounds a window's clip rectangle, not the items in it.
bool cutAtSide(const ImRect& item, const ImRect& clip) {
    const bool inView = clip.Max.y > clip.Min.y && item.Max.y > clip.Min.y && item.Min.y < clip.Max.y;
    return inView && (item.Min.x < clip.Min.x - 0.5f || item.Max.x > clip.Max.x + 0.5f);
}

std::string_view visibleLabel(std::string_view label) {
    const auto cut = label.find("##");
    return cut == std::string_view::npos ? label : label.substr(0, cut);
}

std::string_view stableKey(std::string_view label) {
    const auto at = label.find("###");
    return at == std::string_view::npos ? std::string_view{} : label.substr(at + 3);
}

// The role ImGui's own report implies; the UI's helpers correct it where it cannot tell.
std::string roleOf(ImGuiContext& g, ImGuiWindow* w, ImGuiID id, bool isWindow, ImGuiItemStatusFlags flags,
                   bool& selected) {
    if (isWindow) {
        if (!(w->Flags & ImGuiWindowFlags_Popup)) return "window";
        return (w->Flags & ImGuiWindowFlags_ChildMenu) || std::string_view(w->Name).starts_with("##Combo")
                   ? "listbox"
                   : "dialog";
    }
    if (flags & ImGuiItemStatusFlags_Inputable) return "textbox";
    if (flags & ImGuiItemStatusFlags_Checkable) return "checkbox";
    if (g.CurrentTabBar && ImGui::TabBarFindTabByID(g.CurrentTabBar, id)) {
        selected = g.CurrentTabBar->SelectedTabId == id;
        return "tab";
    }
    if (w && std::string_view(w->RootWindow->Name).starts_with("##Combo")) return "option";
    return "button";
}

ImGuiID dialogOf(const ImGuiWindow* w) {
    if (!w || !(w->RootWindow->Flags & ImGuiWindowFlags_Popup)) return 0;
    if (std::string_view(w->RootWindow->Name).starts_with("##Combo")) return 0;
    return w->RootWindow->ID;
}

SeamRecorder* recorderOf(ImGuiContext* ctx) {
    return static_cast<SeamRecorder*>(ctx->TestEngine);
}

} // namespace

void SeamRecorder::attach(ImGuiContext* ctx) {
    ctx->TestEngine = this;
    ctx->TestEngineHookItems = true; // nothing is reported until this is set
}

void SeamRecorder::beginFrame() {
    pending_.clear();
    infoFirst_.clear();
    items_.clear();
    lastId_ = 0;
}

void SeamRecorder::onItemAdd(ImGuiID id, const ImRect& bb, bool disabled) {
    pending_[id] = Pending{bb, disabled};
    if (const auto it = infoFirst_.find(id); it != infoFirst_.end()) {
        const Info info = std::move(it->second);
        infoFirst_.erase(it);
        addItem(*ImGui::GetCurrentContext(), id, pending_[id], info.label, info.flags);
    }
}

void SeamRecorder::onItemInfo(ImGuiContext& g, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (!label) return;
    const auto it = pending_.find(id);
    if (it == pending_.end()) {
        infoFirst_[id] = Info{label, flags}; // its rectangle comes next
        return;
    }
    addItem(g, id, it->second, label, flags);
}

void SeamRecorder::addItem(ImGuiContext& g, ImGuiID id, const Pending& rect, std::string_view full,
                           ImGuiItemStatusFlags flags) {
    const std::string_view shown = visibleLabel(full);
    const std::string_view key = stableKey(full);
    if (shown.empty() && key.empty()) return; // grips, borders, unlabelled children
    ImGuiWindow* w = g.CurrentWindow;
    const bool isWindow = w && w->ID == id;
    // Report top-level windows (screens, dialogs, popups); child regions are layout, not places.
    if (isWindow && (full == "Debug##Default" || (w->Flags & ImGuiWindowFlags_ChildWindow))) return;
    SeamItem item;
    item.kind = isWindow ? "window" : "widget";
    item.label = shown;
    item.key = key;
    item.window = w ? visibleLabel(w->RootWindow ? w->RootWindow->Name : w->Name) : "";
    item.min = rect.bb.Min;
    item.max = rect.bb.Max;
    item.disabled = rect.disabled;
    item.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    item.role = roleOf(g, w, id, isWindow, flags, item.selected);
    item.id = isWindow ? 0 : id;
    item.windowId = w ? w->ID : 0;
    item.dialog = dialogOf(w);
    // The keyboard's focus: the ring is shown on it, or it is the text field being edited. (ImGui
    // keeps a NavId without a ring after a click too; that is not where the keyboard is.)
    item.focused = !isWindow && ((g.NavId == id && !g.NavDisableHighlight && g.NavWindow &&
                                  g.NavWindow->RootWindow == (w ? w->RootWindow : nullptr)) ||
                                 (g.ActiveId == id && g.InputTextState.ID == id));
    item.shownMin = rect.bb.Min;
    item.shownMax = rect.bb.Max;
    if (w && !isWindow) {
        const ImRect& clip = w->ClipRect;
        item.clipped = rect.bb.Min.y < clip.Min.y || rect.bb.Max.y > clip.Max.y;
        item.cutAtSide = cutAtSide(rect.bb, clip);
        ImRect shown = rect.bb;
        shown.ClipWithFull(clip);
        item.shownMin = shown.Min;
        item.shownMax = shown.Max;
    }
    items_.push_back(std::move(item));
    lastId_ = id;
}

void SeamRecorder::fillPlace(SeamItem& item) const {
    ImGuiWindow* w = ImGui::GetCurrentContext()->CurrentWindow;
    item.window = w ? visibleLabel(w->RootWindow ? w->RootWindow->Name : w->Name) : "";
    item.dialog = dialogOf(w);
    item.min = item.shownMin = ImGui::GetItemRectMin();
    item.max = item.shownMax = ImGui::GetItemRectMax();
    if (w) item.cutAtSide = cutAtSide(ImRect(item.min, item.max), w->ClipRect);
}

void SeamRecorder::addText(std::string_view text) {
    SeamItem item;
    item.kind = "text";
    item.role = "text";
    item.label = text;
    fillPlace(item);
    items_.push_back(std::move(item));
    lastId_ = 0;
}

void SeamRecorder::describeLast(std::string_view label, std::string_view value) {
    if (items_.empty() || lastId_ == 0 || lastId_ != ImGui::GetItemID()) return;
    items_.back().label = label;
    items_.back().value = value;
}

void SeamRecorder::describeSecret(std::string_view label, std::string_view secret) {
    if (items_.empty() || lastId_ == 0 || lastId_ != ImGui::GetItemID()) return;
    items_.back().label = label;
    items_.back().length = secret.size();
    items_.back().chars = utf8Length(secret);
}

void SeamRecorder::addUnreported(ImGuiID id, std::string_view fullLabel, std::string_view value) {
    const auto it = pending_.find(id);
    if (it == pending_.end()) return;
    // ImGui reports an item's rectangle even when its window has scrolled it out of view; a test
    // must not click where it is not.
    ImGuiWindow* w = ImGui::GetCurrentContext()->CurrentWindow;
    if (w && !w->ClipRect.Contains(it->second.bb.GetCenter())) return;
    addItem(*ImGui::GetCurrentContext(), id, it->second, fullLabel, 0);
    if (lastId_ != id) return;
    items_.back().value = value;
    items_.back().role = "combobox";
    // BeginCombo's list is a popup named after the combo's id (imgui_widgets.cpp, BeginCombo).
    items_.back().expanded = ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, id), ImGuiPopupFlags_None);
}

void SeamRecorder::markLast(std::string_view role, bool checked, int level) {
    if (items_.empty()) return;
    items_.back().role = role;
    items_.back().checked = checked;
    items_.back().level = level;
}

void SeamRecorder::addProgress(std::string_view label, float fraction) {
    SeamItem item;
    item.kind = "text";
    item.role = "progressbar";
    item.label = label;
    item.progress = fraction;
    fillPlace(item);
    items_.push_back(std::move(item));
    lastId_ = 0;
}

bool SeamRecorder::isDisabled(ImGuiID id) const {
    for (const SeamItem& i : items_)
        if (i.id == id) return i.disabled;
    return false;
}

std::string SeamRecorder::itemsJson() const {
    nlohmann::json out = nlohmann::json::array();
    for (const SeamItem& i : items_) {
        nlohmann::json j = {{"kind", i.kind},
                            {"label", i.label},
                            {"key", i.key},
                            {"window", i.window},
                            {"x", i.min.x},
                            {"y", i.min.y},
                            {"w", i.max.x - i.min.x},
                            {"h", i.max.y - i.min.y},
                            {"disabled", i.disabled},
                            {"clipped", i.clipped},
                            {"cutAtSide", i.cutAtSide},
                            {"checked", i.checked},
                            // where a click lands on the item: the middle of the part that shows
                            {"cx", (i.shownMin.x + i.shownMax.x) / 2},
                            {"cy", (i.shownMin.y + i.shownMax.y) / 2}};
        if (i.value) j["value"] = *i.value;
        if (i.length) {
            j["length"] = *i.length;
            j["chars"] = i.chars;
        }
        j["role"] = i.role;
        if (i.focused) j["focused"] = true;
        if (i.selected) j["selected"] = true;
        if (i.expanded) j["expanded"] = true;
        if (i.level) j["level"] = i.level;
        if (i.role == "progressbar") j["progress"] = i.progress;
        if (i.id) j["id"] = i.id;
        if (i.windowId) j["wid"] = i.windowId;
        if (i.dialog) j["dialog"] = i.dialog;
        out.push_back(std::move(j));
    }
    // Text typed by the user may be any bytes ImGui accepted; never throw on odd UTF-8.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace ts::ui

// The four hooks imgui_internal.h declares when IMGUI_ENABLE_TEST_ENGINE is defined.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item) {
    if (auto* r = ts::ui::recorderOf(ctx))
        r->onItemAdd(id, item ? item->Rect : bb, item && (item->InFlags & ImGuiItemFlags_Disabled));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    if (auto* r = ts::ui::recorderOf(ctx)) r->onItemInfo(*ctx, id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
