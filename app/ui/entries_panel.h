// The unlocked vault: tabs for the entries (list with search and filters beside the editor),
// the organisations and the deadlines, and the banner when anything needs attention.
#pragma once

#include "ui/deadlines_panel.h"
#include "ui/entry_editor.h"
#include "ui/organisations_panel.h"

#include <vector>

namespace ts::ui {

struct EntriesPanel {
    std::string search;
    std::string orgFilter; // empty: all organisations
    bool onlyDue = false;
    EntryEditor editor;
    OrganisationsPanel organisations;
    DeadlinesPanel deadlines;

    void Draw(UiContext& ui);
    void Wipe();

  private:
    void DrawEntries(UiContext& ui);
    void DrawList(UiContext& ui);
    void DrawKindPicker(UiContext& ui);
    bool showDeadlines_ = false;
    std::vector<int> visible_; // indices of the entries shown, rebuilt each frame
};

} // namespace ts::ui
