// The vault screen: whatever the vault's state calls for — reading it, creating it, unlocking it,
// or the entries once it is open.
#pragma once

#include "ui/entries_panel.h"
#include "ui/vault_gate.h"

namespace ts::ui {

struct VaultScreen {
    VaultGate gate;
    EntriesPanel entries;

    void Draw(UiContext& ui);
    void Wipe();
};

} // namespace ts::ui
