#include "ui/entries_panel.h"

#include "core/crypto/secret.h"
#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include <algorithm>
#include <cctype>

namespace ts::ui {
namespace {

// Case-insensitive for Latin; Cyrillic is matched as typed (good enough until the kinds issue
// brings proper search).
bool matches(const vault::Entry& e, const std::string& q) {
    if (q.empty()) return true;
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string needle = lower(q);
    for (const char* f : {"title", "login", "url", "notes"})
        if (lower(e.field(f)).find(needle) != std::string::npos) return true;
    return false;
}

} // namespace

void EntriesPanel::Wipe() {
    editor.Wipe();
    crypto::wipeString(search);
}

void EntriesPanel::Draw(UiContext& ui) {
    vault::Session& session = ui.services.session;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stacked = narrow(avail); // on a narrow window the list sits above the editor
    ImGui::BeginChild("entries-list", ImVec2(stacked ? avail : 300.0f, stacked ? 220.0f : 0.0f),
                      ImGuiChildFlags_Border);
    if (Button(ui, Str::EntriesNew, "entry-new")) editor.StartNew(vault::newEntryId());
    TextField(ui, Str::EntriesSearch, "entries-search", search, -1.0f);
    ImGui::Separator();
    const auto& entries = session.data().entries;
    if (entries.empty()) TextMuted(ui, ui.t(Str::EntriesEmpty));
    visible_.clear();
    for (int i = 0; i < static_cast<int>(entries.size()); ++i)
        if (matches(entries[i], search)) visible_.push_back(i);
    // Only the rows on screen are drawn: a vault of 10,000 entries scrolls as smoothly as one of 10.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible_.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const vault::Entry& e = entries[visible_[row]];
            std::string title = e.field("title");
            if (title.empty()) title = ui.t(Str::EntryUntitled);
            const float titleWidth = ImGui::CalcTextSize(title.c_str()).x;
            if (ImGui::Selectable((title + "###entry-" + e.id).c_str(), editor.id == e.id)) editor.Load(e);
            const std::string login = e.field("login");
            if (!login.empty()) { // on the same row, so every row has the height the clipper expects
                ImGui::SameLine(titleWidth + 2 * ImGui::GetStyle().ItemSpacing.x);
                ImGui::TextDisabled("%s", login.c_str());
            }
        }
    }
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine(0, 20);
    ImGui::BeginChild("entry-editor", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    if (!editor.id.empty()) editor.Draw(ui);
    ImGui::EndChild();
}

} // namespace ts::ui
