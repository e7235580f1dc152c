#include "ui/vault_screen.h"

#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {

void VaultScreen::Wipe() {
    gate.Wipe();
    entries.Wipe();
}

void VaultScreen::Draw(UiContext& ui) {
    using State = vault::Session::State;
    switch (ui.services.session.state()) {
    case State::Loading:
        TextMuted(ui, ui.t(Str::VaultLoading));
        break;
    case State::LoadFailed:
        Text(ui, ui.messageText());
        break;
    case State::NoVault:
        gate.DrawCreate(ui);
        break;
    case State::Creating:
        gate.DrawWorking(ui, Str::WorkingKdf);
        break;
    case State::Locked:
        gate.DrawUnlock(ui);
        break;
    case State::Unlocked:
        entries.Draw(ui);
        break;
    }
}

} // namespace ts::ui
