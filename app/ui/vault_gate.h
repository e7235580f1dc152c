// The way into the vault: create one (first run) or unlock it; progress while Argon2 runs.
#pragma once

#include "ui/secret_field.h"
#include "ui/slow_action.h"

namespace ts::ui {

struct VaultGate {
    SecretField pass, repeat, unlockPass;
    SlowAction slow;
    std::optional<Str> formError;

    void DrawCreate(UiContext& ui);
    void DrawUnlock(UiContext& ui);
    void DrawWorking(UiContext& ui, Str what);
    void Wipe();
};

} // namespace ts::ui
