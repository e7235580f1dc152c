#include "ui/diff_table.h"

#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {

void DrawFieldDiffs(UiContext& ui, const std::string& id, const std::vector<vault::FieldDiff>& diffs,
                    Str mineHeader, Str theirsHeader, const kinds::Kind* kind, bool organisation,
                    const std::function<std::string(const std::string&)>& orgName) {
    if (!ImGui::BeginTable(("###diff-" + id).c_str(), 3,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame))
        return;
    const Lang lang = ui.state.settings.language;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextMuted(ui, ui.t(Str::ImportDiffField));
    ImGui::TableNextColumn();
    TextMuted(ui, ui.t(mineHeader));
    ImGui::TableNextColumn();
    TextMuted(ui, ui.t(theirsHeader));
    const kinds::Registry& registry = kinds::Registry::builtIn();
    const auto kindTitle = [&](const std::string& k) {
        const kinds::Kind* found = registry.find(k);
        return found ? found->title.in(lang) : k;
    };
    for (const vault::FieldDiff& d : diffs) {
        std::string label, a = d.mine, b = d.theirs;
        if (d.field == "#kind") {
            label = ui.t(Str::ImportDiffKind);
            a = kindTitle(a), b = kindTitle(b);
        } else if (d.field == "#org") {
            label = ui.t(Str::ImportOrganisation);
            a = orgName(a), b = orgName(b);
        } else if (organisation) {
            label = d.field;
        } else {
            // A field no kind of this version knows may be a newer version's secret: its length only.
            const kinds::Field* f = kind ? kind->field(d.field) : nullptr;
            label = f ? f->label.in(lang) : d.field;
            if (!f || f->secret) a = Masked(a), b = Masked(b);
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        Text(ui, label);
        ImGui::TableNextColumn();
        Text(ui, a);
        ImGui::TableNextColumn();
        Text(ui, b);
    }
    ImGui::EndTable();
}

} // namespace ts::ui
