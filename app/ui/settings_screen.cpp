#include "ui/settings_screen.h"

#include "ui/shell_bars.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <utility>

namespace ts::ui {

// One rule for every setting: it applies as soon as it is chosen — a language or a lead time when
// clicked, the workstation's name when the field is left (Enter, Tab or a click elsewhere) with a
// valid name. The security part sits beside the rest on a wide window and is one click away on a
// narrow or short one, so «Сменить парольную фразу» is never below the fold unannounced.
void SettingsScreen::Draw(UiContext& ui) {
    if (!draftLoaded) {
        workstationDraft = ui.state.settings.workstation;
        draftLoaded = true;
    }
    Text(ui, ui.t(Str::SettingsTitle), ui.fonts.title);
    const float width = ImGui::GetContentRegionAvail().x;
    const bool twoColumns = width >= Px(1000.0f);
    if (!twoColumns && Button(ui, Str::SettingsSecurity, "settings-go-security")) scrollToSecurity = true;
    ImGui::Spacing();
    if (twoColumns) BeginRegion("settings-general", ImVec2(width * 0.5f - Px(12.0f), 0));

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
    if (ImGui::IsItemDeactivatedAfterEdit() && !error && workstationDraft != ui.state.settings.workstation) {
        Settings next = ui.state.settings;
        next.workstation = workstationDraft;
        SaveSettings(ui, next, Str::MsgSettingsSaved);
    }
    TextMuted(ui, ui.t(Str::SettingsWorkstationHint));
    if (error) ErrorText(ui, *error);
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
    if (twoColumns) {
        ImGui::EndChild();
        ImGui::SameLine(0, Px(24));
        BeginRegion("settings-security", ImVec2(0, 0));
    } else {
        ImGui::Separator();
        if (std::exchange(scrollToSecurity, false)) ImGui::SetScrollHereY(0.0f);
    }
    security.Draw(ui);
    if (twoColumns) ImGui::EndChild();
}

} // namespace ts::ui
