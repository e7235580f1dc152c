// Settings that are not secret: the interface language, text size and the workstation's name.
#pragma once

#include "ui/security_settings.h"
#include "ui/ui_context.h"

#include <optional>
#include <string>

namespace ts::ui {

struct SettingsScreen {
    std::string workstationDraft;
    bool draftLoaded = false;
    std::optional<Str> error; // validation message for the draft
    bool scrollToSecurity = false;
    SecuritySettings security;

    void Draw(UiContext& ui);
};

} // namespace ts::ui
