// The unlocked vault: the list of entries (search, select, new) beside the editor.
#pragma once

#include "ui/entry_editor.h"

#include <vector>

namespace ts::ui {

struct EntriesPanel {
    std::string search;
    EntryEditor editor;

    void Draw(UiContext& ui);
    void Wipe();

  private:
    std::vector<int> visible_; // indices of the entries that match the search, rebuilt each frame
};

} // namespace ts::ui
