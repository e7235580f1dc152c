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
    std::string orgFilter;  // empty: all organisations
    std::string kindFilter; // empty: all kinds
    enum class Sort { Name, Expiry, Added };
    Sort sort = Sort::Name;
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
    void RebuildVisible(UiContext& ui, const Date& today);
    void DrawRows(UiContext& ui, const Date& today);
    bool showDeadlines_ = false;
    bool scrollToSelection_ = false;
    std::vector<int> visible_; // indices of the entries shown
    // What visible_ was computed for: recomputed only when one of these changes.
    struct Filter {
        std::string search, org, kind;
        bool onlyDue = false;
        Sort sort = Sort::Name;
        std::uint64_t dataVersion = ~0ull;
        Date day;
        bool operator==(const Filter&) const = default;
    } filtered_;
};

} // namespace ts::ui
