#include "ui/entries_panel.h"

#include "core/crypto/secret.h"
#include "core/vault/org_choice.h"
#include "core/vault/session.h"
#include "ui/palette.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include <algorithm>
#include <utility>

namespace ts::ui {
namespace {

constexpr const char* kPickerPopup = "kind-picker";

} // namespace

void EntriesPanel::Wipe() {
    editor.Wipe();
    organisations.Wipe();
    deadlines.Wipe();
    crypto::wipeString(search);
    orgFilter.clear();
    onlyDue = false;
    visible_.clear();
    list_.clear();
    built_ = Built{};
    filtered_ = Filter{};
}

void EntriesPanel::Draw(UiContext& ui) {
    // A finished procedure run points at what it saved: shown in the editor, on the entries tab even
    // when the organisations or deadlines tab was last open (the entry would be out of sight there).
    bool showEntries = false;
    if (!ui.state.openEntry.empty()) {
        if (const vault::Entry* e = ui.services.session.data().find(ui.state.openEntry)) {
            editor.Load(*e);
            showEntries = true;
        }
        ui.state.openEntry.clear();
    }
    if (deadlines.DrawBanner(ui)) showDeadlines_ = true;
    if (!ImGui::BeginTabBar("vault-tabs")) return;
    const std::string entriesLabel = std::string(ui.t(Str::TabEntries)) + "###tab-entries";
    const std::string orgsLabel = std::string(ui.t(Str::TabOrganisations)) + "###tab-organisations";
    const std::string deadlinesLabel = std::string(ui.t(Str::TabDeadlines)) + "###tab-deadlines";
    if (ui.state.focusSearch) showEntries = true; // Ctrl+F searches the entries, wherever it was
    if (ImGui::BeginTabItem(entriesLabel.c_str(), nullptr, showEntries ? ImGuiTabItemFlags_SetSelected : 0)) {
        const Place tab(ui, "entries");
        DrawEntries(ui);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(orgsLabel.c_str())) {
        const Place tab(ui, "organisations");
        organisations.Draw(ui);
        ImGui::EndTabItem();
    }
    const ImGuiTabItemFlags flags = showDeadlines_ ? ImGuiTabItemFlags_SetSelected : 0;
    showDeadlines_ = false;
    if (ImGui::BeginTabItem(deadlinesLabel.c_str(), nullptr, flags)) {
        const Place tab(ui, "deadlines");
        deadlines.Draw(ui);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void EntriesPanel::DrawKindPicker(UiContext& ui) {
    if (!ImGui::BeginPopup(kPickerPopup)) return;
    Text(ui, ui.t(Str::PickKindTitle), ui.fonts.heading);
    const Lang lang = ui.state.settings.language;
    for (const kinds::Kind& k : kinds::Registry::builtIn().all()) {
        const std::string label = k.system.in(lang) + " — " + k.title.in(lang) + "###kind-" + k.id;
        if (ImGui::Selectable(label.c_str())) {
            // The filter's organisation, or the only one (of the portal's country): not «(без
            // организации)» for a user who has organisations. The generic kind has no portal.
            const std::string_view country = k.id == "generic" ? std::string_view() : k.country;
            editor.StartNew(
                vault::newEntryId(), k,
                vault::suggestOrganisation(ui.services.session.data(), country, orgFilter, false));
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndPopup();
}

void EntriesPanel::DrawEntries(UiContext& ui) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stacked = narrow(avail); // on a narrow window the list sits above the editor
    // Wide enough for "organisation · kind" at 1366 px; the user drags its edge for more or less.
    if (listWidth <= 0) listWidth = std::clamp(avail * 0.36f, Px(320.0f), Px(600.0f));
    listWidth = std::clamp(listWidth, Px(220.0f), std::max(Px(220.0f), avail - Px(360.0f)));
    BeginRegion("entries-list", ImVec2(stacked ? avail : listWidth, stacked ? Px(240.0f) : 0.0f),
                ImGuiChildFlags_Border);
    if (Button(ui, Str::EntriesNew, "entry-new")) ImGui::OpenPopup(kPickerPopup);
    DrawKindPicker(ui);
    if (std::exchange(ui.state.focusSearch, false)) ImGui::SetKeyboardFocusHere(0);
    TextField(ui, Str::EntriesSearch, "entries-search", search, -1.0f);
    ImGui::SetNextItemWidth(-1.0f);
    OrganisationCombo(ui, "org-filter", "filter-", orgFilter, Str::AllOrganisations, "all");
    const kinds::Kind* kindShown = kinds::Registry::builtIn().find(kindFilter);
    const Lang lang = ui.state.settings.language;
    ImGui::SetNextItemWidth(-1.0f);
    if (BeginCombo(ui, ui.t(Str::AllKinds), "kind-filter",
                   kindShown ? kindShown->title.in(lang).c_str() : ui.t(Str::AllKinds))) {
        if (ImGui::Selectable((std::string(ui.t(Str::AllKinds)) + "###kind-filter-all").c_str(), !kindShown))
            kindFilter.clear();
        for (const kinds::Kind& k : kinds::Registry::builtIn().all())
            if (ImGui::Selectable((k.title.in(lang) + "###kind-filter-" + k.id).c_str(), k.id == kindFilter))
                kindFilter = k.id;
        ImGui::EndCombo();
    }
    ImGui::Checkbox((std::string(ui.t(Str::OnlyDue)) + "###only-due").c_str(), &onlyDue);
    using kinds::ListOrder;
    constexpr std::pair<ListOrder, Str> kSorts[] = {{ListOrder::Name, Str::SortByName},
                                                    {ListOrder::Expiry, Str::SortByExpiry},
                                                    {ListOrder::Added, Str::SortByAdded}};
    ImGui::SetNextItemWidth(-1.0f);
    if (BeginCombo(ui, ui.t(kSorts[static_cast<int>(sort)].second), "sort",
                   ui.t(kSorts[static_cast<int>(sort)].second))) {
        for (const auto& [value, label] : kSorts) {
            const std::string item =
                std::string(ui.t(label)) + "###sort-" + std::to_string(static_cast<int>(value));
            if (ImGui::Selectable(item.c_str(), sort == value)) sort = value;
        }
        ImGui::EndCombo();
    }
    ImGui::Separator();
    DrawList(ui);
    ImGui::EndChild();
    if (!stacked) {
        // The column's edge: a strip between the list and the editor, dragged with the mouse.
        ImGui::SameLine(0, Px(4));
        ImGui::InvisibleButton("###entries-splitter", ImVec2(Px(12.0f), ImGui::GetContentRegionAvail().y));
        ui.seam.describeLast(ui.t(Str::EntriesSplitter), std::to_string(static_cast<int>(listWidth)));
        if (ImGui::IsItemActive()) listWidth += ImGui::GetIO().MouseDelta.x;
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddLine({(a.x + b.x) / 2, a.y}, {(a.x + b.x) / 2, b.y},
                                                ImGui::GetColorU32(ImGuiCol_SeparatorHovered), 2.0f);
        }
        ImGui::SameLine(0, Px(4));
    }
    BeginRegion("entry-editor", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    if (!editor.id.empty()) editor.Draw(ui);
    ImGui::EndChild();
}

void EntriesPanel::DrawList(UiContext& ui) {
    const vault::Session& session = ui.services.session;
    const vault::Data& data = session.data();
    if (data.entries.empty()) TextMuted(ui, ui.t(Str::EntriesEmpty));
    const Built built{session.dataVersion(),
                      localToday(ui.services.clock.nowMillis(), ui.services.clock.utcOffsetMinutes()),
                      ui.state.settings.language};
    if (built != built_) {
        list_.build(data, kinds::Registry::builtIn(), built.lang, built.day);
        built_ = built;
    }
    const Filter filter{search, orgFilter, kindFilter, onlyDue, sort, built};
    if (filter != filtered_) {
        visible_ = list_.select(data, kinds::ListQuery{search, orgFilter, kindFilter, onlyDue, sort});
        filtered_ = filter;
    }
    DrawRows(ui);
}

void EntriesPanel::DrawRows(UiContext& ui) {
    const vault::Session& session = ui.services.session;
    const auto& entries = session.data().entries;
    const kinds::Registry& registry = kinds::Registry::builtIn();
    const Lang lang = ui.state.settings.language;
    // Up and Down move through the list while it has focus, as in a file manager.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !ImGui::GetIO().WantTextInput &&
        !visible_.empty()) {
        const int step = ImGui::IsKeyPressed(ImGuiKey_DownArrow) ? 1
                         : ImGui::IsKeyPressed(ImGuiKey_UpArrow) ? -1
                                                                 : 0;
        if (step != 0) {
            int at = -1;
            for (std::size_t r = 0; r < visible_.size(); ++r)
                if (entries[static_cast<std::size_t>(visible_[r])].id == editor.id) at = static_cast<int>(r);
            const int next = std::clamp(at + step, 0, static_cast<int>(visible_.size()) - 1);
            if (next != at && !editor.Dirty()) {
                editor.Load(entries[static_cast<std::size_t>(visible_[static_cast<std::size_t>(next)])]);
                scrollToSelection_ = true;
            }
        }
    }
    // Only the rows on screen are drawn: a vault of 10,000 entries scrolls as smoothly as one of 10.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible_.size()));
    if (scrollToSelection_)
        for (std::size_t r = 0; r < visible_.size(); ++r)
            if (entries[static_cast<std::size_t>(visible_[r])].id == editor.id)
                clipper.IncludeItemByIndex(static_cast<int>(r));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const int index = visible_[static_cast<std::size_t>(row)];
            const vault::Entry& e = entries[static_cast<std::size_t>(index)];
            const kinds::Kind* k = registry.find(e.kind);
            const std::string& name = list_.name(index);
            const std::optional<kinds::Due>& due = list_.due(index);
            const bool alert = due && due->level != kinds::Due::Level::Ok;
            if (alert)
                ImGui::PushStyleColor(ImGuiCol_Text, due->level == kinds::Due::Level::Expired
                                                         ? palette::kExpired
                                                         : palette::kExpiring);
            // A name longer than the column is cut at its edge (dragged wider, it shows more); the
            // whole name shows on hover and is the row's name for the test seam and the mirror.
            const float rowWidth = ImGui::GetContentRegionAvail().x;
            const float nameWidth = ImGui::CalcTextSize(name.c_str()).x;
            if (ImGui::Selectable((name + "###entry-" + e.id).c_str(), editor.id == e.id, 0,
                                  ImVec2(rowWidth, 0)))
                editor.Load(e);
            if (nameWidth > rowWidth && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
            if (scrollToSelection_ && editor.id == e.id) {
                ImGui::SetScrollHereY();
                scrollToSelection_ = false;
            }
            if (alert) ImGui::PopStyleColor();
            // The organisation leads the name already: the portal after it.
            const std::string detail = k ? k->system.in(lang) : "";
            // On the same row, so every row has the height the clipper expects; left out where it
            // would not fit beside the name.
            const float detailAt = nameWidth + 2 * ImGui::GetStyle().ItemSpacing.x;
            if (!detail.empty() && detailAt + ImGui::CalcTextSize(detail.c_str()).x <= rowWidth) {
                ImGui::SameLine(detailAt);
                ImGui::TextDisabled("%s", detail.c_str());
            }
        }
    }
}

} // namespace ts::ui
