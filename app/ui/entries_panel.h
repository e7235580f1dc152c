// The unlocked vault: tabs for the entries (list with search and filters beside the editor),
// the organisations and the deadlines, and the banner when anything needs attention.
#pragma once

#include "core/kinds/entry_list.h"
#include "ui/deadlines_panel.h"
#include "ui/entry_editor.h"
#include "ui/organisations_panel.h"

#include <vector>

namespace ts::ui {

struct EntriesPanel {
    std::string search;
    std::string orgFilter;  // empty: all organisations
    std::string kindFilter; // empty: all kinds
    kinds::ListOrder sort = kinds::ListOrder::Name;
    bool onlyDue = false;
    float listWidth = 0; // the list column, dragged by its edge; 0: a third of the window
    EntryEditor editor;
    OrganisationsPanel organisations;
    DeadlinesPanel deadlines;

    void Draw(UiContext& ui);
    void Wipe();

  private:
    void DrawEntries(UiContext& ui);
    void DrawList(UiContext& ui);
    void DrawKindPicker(UiContext& ui);
    void DrawRows(UiContext& ui);
    bool showDeadlines_ = false;
    bool scrollToSelection_ = false;
    // What the list was built for (the vault, the day, the language): rebuilt when one changes.
    struct Built {
        std::uint64_t dataVersion = ~0ull;
        Date day;
        Lang lang = Lang::Ru;
        bool operator==(const Built&) const = default;
    } built_;
    kinds::EntryList list_;
    // What visible_ was selected for: selected again only when one of these changes.
    struct Filter {
        std::string search, org, kind;
        bool onlyDue = false;
        kinds::ListOrder sort = kinds::ListOrder::Name;
        Built built;
        bool operator==(const Filter&) const = default;
    } filtered_;
    std::vector<int> visible_; // indices of the entries shown
};

} // namespace ts::ui
