// The export half of the transfer screen: what goes into the bundle, how it is protected (a bundle
// passphrase or the recipient's receiving code), and where it goes (a .tsb download, or the text
// form to paste into a chat or an e-mail).
#pragma once

#include "core/bundle/transfer.h"
#include "ui/secret_field.h"
#include "ui/slow_action.h"
#include "ui/ui_context.h"

#include <optional>
#include <string>

namespace ts::ui {

struct ExportPanel {
    enum class Protect { Passphrase, Recipient };

    bundle::Selection selection;
    Protect protect = Protect::Passphrase;
    SecretField pass, repeat;
    std::string code; // the recipient's receiving code, as typed
    std::optional<Str> error;
    SlowAction slow;
    std::string text; // the text form of the last bundle made (encrypted, but dropped on lock)

    void Draw(UiContext& ui);
    // Opens the panel ready for a backup: everything, with history.
    void PresetBackup();
    void Wipe();

  private:
    void DrawSelection(UiContext& ui);
    void DrawProtection(UiContext& ui);
    void Make(UiContext& ui, bool asText);
};

} // namespace ts::ui
