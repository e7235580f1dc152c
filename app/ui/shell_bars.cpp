#include "ui/shell_bars.h"

#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {

bool SaveSettings(UiContext& ui, const Settings& next, Str savedMessage) {
    SettingsStore store(ui.services.settingsStore);
    if (!store.save(next)) {
        ui.tell(Str::MsgSettingsSaveFailed, true);
        return false;
    }
    ui.state.settings = next;
    ui.tell(savedMessage);
    return true;
}

void SwitchLanguage(UiContext& ui, Lang lang) {
    Settings next = ui.state.settings;
    next.language = lang;
    SaveSettings(ui, next, Str::MsgLanguageChanged);
}

void DrawTopBar(UiContext& ui) {
    ImGui::PushFont(ui.fonts.heading);
    ImGui::AlignTextToFramePadding();
    Text(ui, ui.t(Str::AppName));
    ImGui::PopFont();
    ImGui::SameLine(0, 24);
    if (Choice(ui, ui.t(Str::NavHome), "nav-home", ui.state.screen == Screen::Home)) {
        ui.state.screen = Screen::Home;
    }
    ImGui::SameLine();
    if (Choice(ui, ui.t(Str::NavVault), "nav-vault", ui.state.screen == Screen::Vault)) {
        ui.state.screen = Screen::Vault;
    }
    ImGui::SameLine();
    if (Choice(ui, ui.t(Str::NavProcedures), "nav-procedures", ui.state.screen == Screen::Procedures)) {
        ui.state.screen = Screen::Procedures;
    }
    ImGui::SameLine();
    if (Choice(ui, ui.t(Str::NavTransfer), "nav-transfer", ui.state.screen == Screen::Transfer)) {
        ui.state.screen = Screen::Transfer;
    }
    ImGui::SameLine();
    if (Choice(ui, ui.t(Str::NavSettings), "nav-settings", ui.state.screen == Screen::Settings)) {
        ui.state.screen = Screen::Settings;
    }

    if (ui.services.session.state() == vault::Session::State::Unlocked) {
        ImGui::SameLine(0, 24);
        if (Button(ui, Str::ButtonLock, "lock")) ui.state.lockRequested = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::LockHint));
    }

    // The language switch sits at the right edge, each language named in itself.
    const char* ru = tr(Str::LanguageName, Lang::Ru).data();
    const char* en = tr(Str::LanguageName, Lang::En).data();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w =
        ImGui::CalcTextSize(ru).x + ImGui::CalcTextSize(en).x + st.FramePadding.x * 4 + st.ItemSpacing.x;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - w);
    const Lang cur = ui.state.settings.language;
    if (Choice(ui, ru, "lang-ru", cur == Lang::Ru)) SwitchLanguage(ui, Lang::Ru);
    ImGui::SameLine();
    if (Choice(ui, en, "lang-en", cur == Lang::En)) SwitchLanguage(ui, Lang::En);
    ImGui::Separator();
}

float StatusBarHeight() {
    return ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
}

void DrawStatusBar(UiContext& ui) {
    ImGui::Separator();
    const bool err = ui.state.status.message().error;
    if (err) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
    ImGui::AlignTextToFramePadding();
    Text(ui, ui.messageText());
    if (err) ImGui::PopStyleColor();
    // A new version stays offered until the user takes it; the page never reloads by itself.
    if (ui.state.updateReady && ui.services.applyUpdate) {
        ImGui::SameLine(0, 24);
        if (ui.state.status.message().text != Str::UpdateReady) {
            WarningText(ui, ui.t(Str::UpdateReady));
            ImGui::SameLine();
        }
        if (Button(ui, Str::ButtonApplyUpdate, "apply-update")) ui.services.applyUpdate();
    }
}

} // namespace ts::ui
