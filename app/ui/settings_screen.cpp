#include "ui/settings_screen.h"

#include "ui/shell_bars.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace ts::ui {

void SettingsScreen::Draw(UiContext& ui) {
    if (!draftLoaded) {
        workstationDraft = ui.state.settings.workstation;
        draftLoaded = true;
    }
    Text(ui, ui.t(Str::SettingsTitle), ui.fonts.title);
    ImGui::Spacing();

    Text(ui, ui.t(Str::SettingsLanguage), ui.fonts.heading);
    const Lang cur = ui.state.settings.language;
    if (Choice(ui, tr(Str::LanguageName, Lang::Ru), "settings-lang-ru", cur == Lang::Ru))
        SwitchLanguage(ui, Lang::Ru);
    ImGui::SameLine();
    if (Choice(ui, tr(Str::LanguageName, Lang::En), "settings-lang-en", cur == Lang::En))
        SwitchLanguage(ui, Lang::En);
    ImGui::Spacing();

    Text(ui, ui.t(Str::SettingsTextSize), ui.fonts.heading);
    const auto percent = [](int p) { return std::to_string(p) + " %"; };
    if (const auto p =
            ChoiceRow(ui, kTextSizeChoices, ui.state.settings.textSizePercent, "text-size-", percent)) {
        Settings next = ui.state.settings;
        next.textSizePercent = *p;
        SaveSettings(ui, next, Str::MsgSettingsSaved);
    }
    TextMuted(ui, ui.t(Str::SettingsTextSizeHint));
    ImGui::Spacing();
    ImGui::Spacing();

    const float fieldWidth = std::min(ImGui::GetContentRegionAvail().x, Px(480.0f));
    if (TextField(ui, Str::SettingsWorkstation, "workstation", workstationDraft, fieldWidth))
        error = validateWorkstation(workstationDraft);
    TextMuted(ui, ui.t(Str::SettingsWorkstationHint));
    if (error) {
        ErrorText(ui, *error);
    }
    const bool changed = workstationDraft != ui.state.settings.workstation;
    if (Button(ui, Str::SettingsSave, "settings-save", changed && !error)) {
        Settings next = ui.state.settings;
        next.workstation = workstationDraft;
        SaveSettings(ui, next, Str::MsgSettingsSaved);
    }
    ImGui::Spacing();
    Text(ui, ui.t(Str::SettingsBackupReminder), ui.fonts.heading);
    const auto days = [&](int d) {
        return d == 0 ? std::string(ui.t(Str::SettingsBackupNever))
                      : fill(tr(Str::SettingsBackupDays, cur), {{"n", std::to_string(d)}});
    };
    if (const auto d = ChoiceRow(ui, kBackupReminderChoices, ui.state.settings.backupReminderDays,
                                 "backup-reminder-", days)) {
        Settings next = ui.state.settings;
        next.backupReminderDays = *d;
        SaveSettings(ui, next, Str::MsgSettingsSaved);
    }
    TextMuted(ui, ui.t(Str::SettingsBackupHint));
    ImGui::Spacing();
    ImGui::Separator();
    security.Draw(ui);
}

} // namespace ts::ui
