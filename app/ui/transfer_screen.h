// The transfer screen: exporting bundles, importing them (and other tools' exports), this
// installation's receiving code, and team folders shared with colleagues. Needs the vault open: everything
// here reads or writes it.
#pragma once

#include "ui/export_panel.h"
#include "ui/import_panel.h"
#include "ui/team_panel.h"

namespace ts::ui {

struct TransferScreen {
    enum class Tab { Export, Import, Team };
    Tab tab = Tab::Export;
    std::optional<Tab> select; // a tab to bring forward on the next frame (the backup reminder)
    ExportPanel exporting;
    ImportPanel importing;
    TeamPanel team;

    void Draw(UiContext& ui);
    // The backup reminder's button: the export tab, everything selected.
    void StartBackup();
    void Wipe();

  private:
    void DrawReceivingCode(UiContext& ui);

    // The code of the vault's key pair, derived again only when the vault's data changed (a
    // passphrase change may make a new pair), not on every frame.
    std::string receivingCode_;
    std::string receivingCheck_;        // its check digits, read out on the phone
    std::uint64_t receivingCodeOf_ = 0; // the session's dataVersion() both were derived from
};

// Under the top bar while the vault is open: "no backup for N days", with a button to make one.
// True when the button was pressed.
bool DrawBackupReminder(UiContext& ui);

} // namespace ts::ui
