// The unlocked vault: the list of entries (search, select, new) beside the editor.
#pragma once

#include "ui/entry_editor.h"

namespace ts::ui {

struct EntriesPanel {
    std::string search;
    EntryEditor editor;

    void Draw(UiContext& ui);
    void Wipe();
};

} // namespace ts::ui
