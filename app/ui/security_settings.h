// The security part of the settings: auto-lock, changing the passphrase, and whether the browser
// keeps the vault's storage persistently.
#pragma once

#include "ui/secret_field.h"
#include "ui/slow_action.h"

namespace ts::ui {

struct SecuritySettings {
    SecretField current, next, repeat;
    SlowAction slow;
    std::optional<Str> error;
    bool newReceivingCode = false; // make a new receiving code in the same save

    void Draw(UiContext& ui);
    void Wipe();
};

} // namespace ts::ui
