// The way into the vault: create one (first run) or unlock it; progress while Argon2 runs.
#pragma once

#include "ui/secret_field.h"
#include "ui/slow_action.h"

namespace ts::ui {

struct VaultGate {
    SecretField pass, repeat, unlockPass;
    SlowAction slow;
    std::optional<Str> formError;
    std::optional<Str> typedHint; // after a wrong passphrase: Caps Lock, or the other keyboard layout
    // The frame the unlock form was last drawn in: drawn again after a gap (start-up, Ctrl+L, the
    // other screens), it puts the keyboard in the passphrase field, so typing is never lost.
    int unlockDrawnFrame = -2;

    void DrawCreate(UiContext& ui);
    void DrawUnlock(UiContext& ui);
    void DrawWorking(UiContext& ui, Str what);
    void Wipe();
};

} // namespace ts::ui
