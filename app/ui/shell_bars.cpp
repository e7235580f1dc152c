#include "ui/shell_bars.h"

#include "core/vault/session.h"
#include "ui/palette.h"
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
    // At a large text size the bar wraps: each button goes to the next line when it does not fit.
    struct Nav {
        Str label;
        const char* key;
        Screen screen;
    };
    static constexpr Nav kNav[] = {{Str::NavHome, "nav-home", Screen::Home},
                                   {Str::NavVault, "nav-vault", Screen::Vault},
                                   {Str::NavProcedures, "nav-procedures", Screen::Procedures},
                                   {Str::NavTransfer, "nav-transfer", Screen::Transfer},
                                   {Str::NavSettings, "nav-settings", Screen::Settings}};
    for (const Nav& n : kNav) {
        SameLineIfFits(ButtonWidth(ui.t(n.label)), &n == kNav ? Px(24) : -1.0f);
        if (Choice(ui, ui.t(n.label), n.key, ui.state.screen == n.screen)) ui.state.screen = n.screen;
    }

    if (ui.services.session.state() == vault::Session::State::Unlocked) {
        SameLineIfFits(ButtonWidth(ui.t(Str::ButtonLock)), Px(24));
        if (Button(ui, Str::ButtonLock, "lock")) ui.state.lockRequested = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::LockHint));
    }

    // The language switch sits at the right edge (of the next line when this one is full), each
    // language named in itself.
    const char* ru = tr(Str::LanguageName, Lang::Ru).data();
    const char* en = tr(Str::LanguageName, Lang::En).data();
    const float w = ButtonWidth(ru) + ImGui::GetStyle().ItemSpacing.x + ButtonWidth(en);
    const float right = ImGui::GetContentRegionMax().x;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + Px(24) + w <= right)
        ImGui::SameLine(right - w);
    else
        ImGui::SetCursorPosX(right - w);
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
    if (err) ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::AlignTextToFramePadding();
    Text(ui, ui.messageText());
    if (err) ImGui::PopStyleColor();
    // A new version stays offered until the user takes it; the page never reloads by itself.
    if (ui.state.updateReady && ui.services.applyUpdate) {
        ImGui::SameLine(0, Px(24));
        if (ui.state.status.message().text != Str::UpdateReady) {
            WarningText(ui, ui.t(Str::UpdateReady));
            ImGui::SameLine();
        }
        if (Button(ui, Str::ButtonApplyUpdate, "apply-update")) ui.services.applyUpdate();
    }
}

} // namespace ts::ui
