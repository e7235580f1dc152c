// The export half of the transfer screen: what goes into the bundle, how it is protected (a bundle
// passphrase or the recipient's receiving code), and where it goes (a .tsb download, or the text
// form to paste into a chat or an e-mail).
#pragma once

#include "core/bundle/transfer.h"
#include "core/kdbx/writer.h"
#include "ui/secret_field.h"
#include "ui/slow_action.h"
#include "ui/ui_context.h"

#include <memory>
#include <optional>
#include <string>

namespace ts::ui {

struct ExportPanel {
    enum class Protect { Passphrase, Recipient };
    enum class Format { Bundle, KeePass };

    bundle::Selection selection;
    Protect protect = Protect::Passphrase;
    SecretField pass, repeat;
    std::string code; // the recipient's receiving code, as typed
    std::optional<Str> error;
    SlowAction slow;
    std::string text; // the text form of the last bundle made (encrypted, but dropped on lock)

    // A KeePass database instead of a bundle: cipher and KDF shown and chosen here, a password and
    // optionally a key file (or the key file alone).
    Format format = Format::Bundle;
    kdbx::WriteOptions kdbxOptions;
    std::optional<crypto::SecretBytes> keyFile;
    std::string keyFileName;
    bool kdbxWaiting = false;
    std::shared_ptr<bool> alive = std::make_shared<bool>(true); // as ImportPanel's

    void Draw(UiContext& ui);
    // Opens the panel ready for a backup: everything, with history.
    void PresetBackup();
    void Wipe();

  private:
    void DrawSelection(UiContext& ui);
    void DrawProtection(UiContext& ui);
    void Make(UiContext& ui, bool asText);
    void DrawKeePassOptions(UiContext& ui);
    void MakeKeePass(UiContext& ui);
};

} // namespace ts::ui
