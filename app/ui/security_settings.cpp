#include "ui/security_settings.h"

#include "core/bundle/transfer.h"
#include "core/vault/session.h"
#include "ui/shell_bars.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <cstring>
#include <string>

namespace ts::ui {
namespace {

Str persistenceText(vault::Persistence p) {
    switch (p) {
    case vault::Persistence::Persistent:
        return Str::PersistPersistent;
    case vault::Persistence::NotPersistent:
        return Str::PersistNot;
    case vault::Persistence::Unsupported:
        return Str::PersistUnsupported;
    case vault::Persistence::Unknown:
        break;
    }
    return Str::PersistUnknown;
}

void DrawAutoLock(UiContext& ui) {
    Text(ui, ui.t(Str::SettingsAutoLock));
    if (const auto m = ChoiceRow(ui, kAutoLockChoices, ui.state.settings.autoLockMinutes, "autolock-",
                                 [](int m) { return std::to_string(m); })) {
        Settings next = ui.state.settings;
        next.autoLockMinutes = *m;
        SaveSettings(ui, next, Str::MsgSettingsSaved);
    }
    TextMuted(ui, ui.t(Str::SettingsHiddenLock));
}

} // namespace

void SecuritySettings::Wipe() {
    current.wipe();
    next.wipe();
    repeat.wipe();
    error.reset();
    newReceivingCode = false;
    slow.cancel();
}

void SecuritySettings::Draw(UiContext& ui) {
    vault::Session& session = ui.services.session;
    Text(ui, ui.t(Str::SettingsSecurity), ui.fonts.heading);
    DrawAutoLock(ui);
    ImGui::Spacing();

    Text(ui, ui.t(Str::ChangePassTitle), ui.fonts.heading);
    if (session.state() != vault::Session::State::Unlocked) {
        TextMuted(ui, ui.t(Str::ChangePassNeedsUnlock));
    } else if (slow.busy()) {
        TextMuted(ui, ui.t(Str::WorkingKdf));
        slow.step(ui);
    } else {
        TextMuted(ui, ui.t(Str::ChangePassWhatHappens));
        PassphraseInput(ui, Str::FieldCurrentPass, "change-current", current);
        PassphraseInput(ui, Str::FieldNewPass, "change-new", next);
        PassphraseInput(ui, Str::FieldNewPassRepeat, "change-repeat", repeat);
        ImGui::Checkbox((std::string(ui.t(Str::ChangePassNewCode)) + "###change-new-code").c_str(),
                        &newReceivingCode);
        TextMuted(ui, ui.t(Str::ChangePassNewCodeHint));
        if (error) {
            ErrorText(ui, *error);
        }
        const bool filled = !current.empty() && !next.empty() && !repeat.empty();
        if (Button(ui, Str::ButtonChangePass, "change-pass", filled && !session.saving())) {
            if (std::strcmp(next.buf.data(), repeat.buf.data()) != 0) {
                error = Str::ErrPassphraseMismatch;
                ui.tell(*error, true);
            } else {
                slow.start(ui, [this](UiContext& ui) {
                    std::optional<vault::Change> alongside;
                    if (newReceivingCode) alongside = bundle::newInstallationKeyChange(true);
                    error = ui.services.session.changePassphrase(current.bytes(), next.bytes(),
                                                                 std::move(alongside));
                    if (error)
                        ui.tell(*error, true);
                    else
                        Wipe();
                });
            }
        }
    }
    ImGui::Spacing();
    Text(ui, ui.t(Str::StorageTitle), ui.fonts.heading);
    Text(ui, ui.t(persistenceText(session.persistence())));
    if (ui.services.filePage) WarningText(ui, ui.t(Str::PersistFilePage));
}

} // namespace ts::ui
