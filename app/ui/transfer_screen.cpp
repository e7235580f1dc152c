#include "ui/transfer_screen.h"

#include "core/vault/session.h"
#include "platform/clipboard.h"
#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {

void TransferScreen::StartBackup() {
    exporting.PresetBackup();
    select = Tab::Export;
}

void TransferScreen::Wipe() {
    exporting.Wipe();
    importing.Wipe();
    team.Wipe();
    receivingCode_.clear();
    receivingCheck_.clear();
}

void TransferScreen::DrawReceivingCode(UiContext& ui) {
    vault::Session& session = ui.services.session;
    Text(ui, ui.t(Str::ReceivingCodeTitle), ui.fonts.heading);
    TextMuted(ui, ui.t(Str::ReceivingCodeHint));
    if (receivingCodeOf_ != session.dataVersion()) receivingCode_.clear();
    if (receivingCode_.empty()) {
        receivingCodeOf_ = session.dataVersion();
        const std::optional<bundle::KeyPair> keys = bundle::installationKeys(session.data());
        if (keys) {
            receivingCode_ = bundle::receivingCode(keys->publicKey);
            receivingCheck_ = bundle::receivingCodeCheck(keys->publicKey);
        }
    }
    if (receivingCode_.empty()) {
        // Made once per vault, on first need; a second tab doing the same loses in apply().
        if (session.data().installation.secretKey.empty() && !session.saving())
            session.submit(bundle::newInstallationKeyChange());
        TextMuted(ui, ui.t(Str::ReceivingCodeMaking));
        return;
    }
    const std::string& code = receivingCode_;
    ImGui::PushFont(ui.fonts.heading);
    Text(ui, code);
    ImGui::PopFont();
    Text(ui, fill(tr(Str::ReceivingCodeCheck, ui.state.settings.language), {{"check", receivingCheck_}}));
    if (Button(ui, Str::ButtonCopyCode, "copy-receiving-code")) {
        ui.services.clipboard.setText(code);
        ui.tell(Str::MsgReceivingCodeCopied);
    }
}

void TransferScreen::Draw(UiContext& ui) {
    vault::Session& session = ui.services.session;
    Text(ui, ui.t(Str::TransferTitle), ui.fonts.heading);
    if (session.state() != vault::Session::State::Unlocked) {
        const bool noVault = session.state() == vault::Session::State::NoVault; // a new user: create one
        TextMuted(ui, ui.t(noVault ? Str::TransferNeedsNewVault : Str::TransferNeedsVault));
        if (Button(ui, noVault ? Str::ButtonCreateVault : Str::CardVaultButton, "transfer-open-vault"))
            ui.state.screen = Screen::Vault;
        return;
    }
    if (!ImGui::BeginTabBar("transfer-tabs")) return;
    const auto tabFlags = [&](Tab t) {
        return select == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabExport)) + "###tab-export").c_str(), nullptr,
                            tabFlags(Tab::Export))) {
        tab = Tab::Export;
        const Place here(ui, "export");
        BeginRegion("export-body");
        exporting.Draw(ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabImport)) + "###tab-import").c_str(), nullptr,
                            tabFlags(Tab::Import))) {
        tab = Tab::Import;
        const Place here(ui, "import");
        BeginRegion("import-body");
        importing.Draw(ui);
        if (importing.step == ImportPanel::Step::Choose) { // the preview needs the room
            ImGui::Spacing();
            ImGui::Separator();
            DrawReceivingCode(ui);
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabTeam)) + "###tab-team").c_str(), nullptr,
                            tabFlags(Tab::Team))) {
        tab = Tab::Team;
        const Place here(ui, "team");
        BeginRegion("team-body");
        team.Draw(ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    select.reset();
    ImGui::EndTabBar();
}

bool DrawBackupReminder(UiContext& ui) {
    const vault::Session& session = ui.services.session;
    if (session.state() != vault::Session::State::Unlocked) return false;
    const std::int64_t now = ui.services.clock.nowMillis();
    const int days = ui.state.settings.backupReminderDays;
    if (!bundle::backupDue(session.data(), now, days)) return false;
    const int without = bundle::daysWithoutBackup(session.data(), now).value_or(0);
    const Lang lang = ui.state.settings.language;
    const Str text =
        session.data().installation.lastBackupAt == 0 ? Str::BackupReminderNever : Str::BackupReminder;
    ImGui::AlignTextToFramePadding();
    WarningText(ui, fill(tr(text, lang), {{"days", std::to_string(without)}}));
    SameLineIfFits(ButtonWidth(ui.t(Str::ButtonBackupNow))); // under the text at a large text size
    const bool pressed = Button(ui, Str::ButtonBackupNow, "backup-now");
    ImGui::Separator();
    return pressed;
}

} // namespace ts::ui
