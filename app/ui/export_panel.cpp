#include "ui/export_panel.h"

#include "core/clock.h"
#include "core/dates.h"
#include "core/kdbx/bridge.h"
#include "core/kinds/deadlines.h"
#include "core/kinds/kind.h"
#include "core/vault/session.h"
#include "platform/clipboard.h"
#include "platform/file_picker.h"
#include "platform/keepass_module.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace ts::ui {
namespace {

// Only so long a text is shown to the test seam: it is the whole bundle, base64.
constexpr std::size_t kSeamTextLimit = 64 * 1024;

bool Check(const char* label, const std::string& key, bool& value) {
    return ImGui::Checkbox((std::string(label) + "###" + key).c_str(), &value);
}

bool Radio(UiContext& ui, const char* label, const char* key, bool active) {
    const bool pressed = ImGui::RadioButton((std::string(label) + "###" + key).c_str(), active);
    ui.seam.markLast("radio", active);
    return pressed;
}

std::string fileName(UiContext& ui, const char* extension = ".tsb") {
    const Clock& clock = ui.services.clock;
    const std::string day = isoDate(localToday(clock.nowMillis(), clock.utcOffsetMinutes()));
    return "tokensafe-" + day + extension;
}

} // namespace

void ExportPanel::PresetBackup() {
    selection = bundle::Selection{};
    error.reset();
}

void ExportPanel::Wipe() {
    pass.wipe();
    repeat.wipe();
    crypto::wipeString(code);
    crypto::wipeString(text);
    selection.ids.clear();
    error.reset();
    slow.cancel();
    keyFile.reset();
    keyFileName.clear();
    kdbxWaiting = false;
    *alive = false; // a reply still on its way lands nowhere
    alive = std::make_shared<bool>(true);
}

void ExportPanel::DrawSelection(UiContext& ui) {
    using Scope = bundle::Selection::Scope;
    const vault::Data& data = ui.services.session.data();
    const Lang lang = ui.state.settings.language;
    Text(ui, ui.t(Str::ExportWhat), ui.fonts.heading);
    const std::pair<Scope, std::pair<Str, const char*>> scopes[] = {
        {Scope::All, {Str::ExportScopeAll, "export-scope-all"}},
        {Scope::Organisations, {Str::ExportScopeOrgs, "export-scope-orgs"}},
        {Scope::Entries, {Str::ExportScopeEntries, "export-scope-entries"}},
    };
    for (const auto& [scope, label] : scopes) {
        if (Radio(ui, ui.t(label.first), label.second, selection.scope == scope) &&
            selection.scope != scope) {
            selection.scope = scope;
            selection.ids.clear();
            error.reset();
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    const auto toggle = [&](const std::string& label, const std::string& key, const std::string& id) {
        bool on = selection.ids.count(id) > 0;
        if (Check(label.c_str(), key, on)) {
            if (on)
                selection.ids.insert(id);
            else
                selection.ids.erase(id);
        }
    };
    const float listHeight = ImGui::GetTextLineHeightWithSpacing() * 8;
    if (selection.scope == Scope::Organisations) {
        if (data.organisations.empty()) TextMuted(ui, ui.t(Str::ExportNoOrganisations));
        BeginRegion("export-orgs", ImVec2(0, data.organisations.empty() ? 1 : listHeight),
                    ImGuiChildFlags_Border);
        for (const vault::Organisation& o : data.organisations) toggle(o.name, "export-org-" + o.id, o.id);
        ImGui::EndChild();
    } else if (selection.scope == Scope::Entries) {
        BeginRegion("export-entries", ImVec2(0, listHeight), ImGuiChildFlags_Border);
        const kinds::Registry& registry = kinds::Registry::builtIn();
        // Only the rows on screen are drawn: a vault of thousands of entries stays quick to show.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(data.entries.size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const vault::Entry& e = data.entries[static_cast<std::size_t>(row)];
                const kinds::Kind* k = registry.find(e.kind);
                std::string label = k ? kinds::entryName(*k, e, lang) : e.kind;
                if (const vault::Organisation* o = data.organisation(e.org)) label += " — " + o->name;
                toggle(label, "export-entry-" + e.id, e.id);
            }
        ImGui::EndChild();
    }
    Check(ui.t(Str::ExportWithHistory), "export-history", selection.withHistory);

    const bundle::SelectionSize size = bundle::sizeOf(data, selection);
    Text(ui, fill(tr(Str::ExportSummary, lang),
                  {{"entries", std::to_string(size.entries)}, {"orgs", std::to_string(size.organisations)}}));
}

void ExportPanel::DrawProtection(UiContext& ui) {
    Text(ui, ui.t(Str::ExportProtection), ui.fonts.heading);
    if (Radio(ui, ui.t(Str::ExportByPassphrase), "export-by-pass", protect == Protect::Passphrase))
        protect = Protect::Passphrase, error.reset();
    ImGui::SameLine();
    if (Radio(ui, ui.t(Str::ExportByCode), "export-by-code", protect == Protect::Recipient))
        protect = Protect::Recipient, error.reset();
    if (protect == Protect::Passphrase) {
        TextMuted(ui, ui.t(Str::ExportPassHint));
        PassphraseInput(ui, Str::FieldBundlePass, "export-pass", pass);
        StrengthMeter(ui, pass); // as for the vault's: a bundle travels, so it is guessed at offline
        PassphraseInput(ui, Str::FieldBundlePassRepeat, "export-repeat", repeat);
        return;
    }
    TextMuted(ui, ui.t(Str::ExportCodeHint));
    TextField(ui, Str::FieldReceivingCode, "export-code", code, Px(560.0f));
    if (code.empty()) return;
    bundle::BundleError e = bundle::BundleError::None;
    if (const std::optional<bundle::PublicKey> key = bundle::parseReceivingCode(code, e)) {
        TextMuted(ui, ui.t(Str::ExportCodeOk));
        // A code can be swapped on its way (a forwarded e-mail, a chat): the digits read on the phone tell.
        Text(ui, fill(tr(Str::ExportCodeCheck, ui.state.settings.language),
                      {{"check", bundle::receivingCodeCheck(*key)}}));
    } else {
        ErrorText(ui, bundle::messageFor(e));
    }
}

void ExportPanel::DrawKeePassOptions(UiContext& ui) {
    const Lang lang = ui.state.settings.language;
    TextMuted(ui, ui.t(Str::ExportKdbxHint));
    Text(ui, ui.t(Str::ExportKdbxCipher));
    ImGui::SameLine();
    if (Radio(ui, "AES-256", "export-kdbx-aes", kdbxOptions.cipher == kdbx::Cipher::Aes256))
        kdbxOptions.cipher = kdbx::Cipher::Aes256;
    ImGui::SameLine();
    if (Radio(ui, "ChaCha20", "export-kdbx-chacha", kdbxOptions.cipher == kdbx::Cipher::ChaCha20))
        kdbxOptions.cipher = kdbx::Cipher::ChaCha20;
    Text(ui, ui.t(Str::ExportKdbxKdf));
    ImGui::SameLine();
    if (Radio(ui, "Argon2id", "export-kdbx-argon2id", kdbxOptions.kdf == kdbx::KdfKind::Argon2id))
        kdbxOptions.kdf = kdbx::KdfKind::Argon2id;
    ImGui::SameLine();
    if (Radio(ui, "Argon2d", "export-kdbx-argon2d", kdbxOptions.kdf == kdbx::KdfKind::Argon2d))
        kdbxOptions.kdf = kdbx::KdfKind::Argon2d;
    // Within what a reader (ours included, core/kdbx/kdf.h) accepts: 1-12 passes, 1-256 MiB, 1-8 lanes.
    int passes = static_cast<int>(kdbxOptions.iterations),
        memory = static_cast<int>(kdbxOptions.memoryBytes >> 20),
        lanes = static_cast<int>(kdbxOptions.parallelism);
    ImGui::SetNextItemWidth(120);
    if (ImGui::SliderInt((std::string(ui.t(Str::FieldKdbxIterations)) + "###export-kdbx-passes").c_str(),
                         &passes, 1, 12))
        kdbxOptions.iterations = static_cast<std::uint64_t>(passes);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::SliderInt((std::string(ui.t(Str::FieldKdbxMemory)) + "###export-kdbx-memory").c_str(), &memory,
                         1, 256))
        kdbxOptions.memoryBytes = static_cast<std::uint64_t>(memory) << 20;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    if (ImGui::SliderInt((std::string(ui.t(Str::FieldKdbxLanes)) + "###export-kdbx-lanes").c_str(), &lanes, 1,
                         8))
        kdbxOptions.parallelism = static_cast<std::uint32_t>(lanes);
    TextMuted(ui, fill(tr(Str::ExportKdbxParamsNote, lang),
                       {{"kdf", kdbxOptions.kdf == kdbx::KdfKind::Argon2d ? "Argon2d" : "Argon2id"},
                        {"passes", std::to_string(kdbxOptions.iterations)},
                        {"memory", std::to_string(kdbxOptions.memoryBytes >> 20)},
                        {"lanes", std::to_string(kdbxOptions.parallelism)}}));
    PassphraseInput(ui, Str::FieldKdbxPassword, "export-pass", pass);
    StrengthMeter(ui, pass);
    PassphraseInput(ui, Str::FieldBundlePassRepeat, "export-repeat", repeat);
    if (keyFile) {
        Text(ui, fill(tr(Str::KdbxKeyFileChosen, lang), {{"name", keyFileName}}));
        ImGui::SameLine();
        if (Button(ui, Str::ButtonKdbxNoKeyFile, "export-kdbx-no-key")) keyFile.reset(), keyFileName.clear();
    } else if (ui.services.files && Button(ui, Str::ButtonKdbxKeyFile, "export-kdbx-key")) {
        std::weak_ptr<bool> weak = alive;
        ui.services.files->pick("", [this, weak](std::optional<PickedFile> f) {
            const std::shared_ptr<bool> ok = weak.lock();
            if (ok && *ok && f && !f->tooLarge) {
                keyFile.emplace(f->bytes.begin(), f->bytes.end());
                keyFileName = f->name;
            }
            if (f) sodium_memzero(f->bytes.data(), f->bytes.size());
        });
    }
}

void ExportPanel::MakeKeePass(UiContext& ui) {
    vault::Data chosen = bundle::selectForExport(ui.services.session.data(), selection);
    if (chosen.entries.empty() && chosen.organisations.empty()) {
        error = Str::ErrExportNothing;
        return ui.tell(*error, true);
    }
    // A key file alone is enough; a password, when given, must be one a bundle would accept.
    if (!(keyFile && pass.empty() && repeat.empty()))
        if (const std::optional<Str> problem =
                bundle::bundlePassphraseProblem(pass.bytes(), repeat.bytes())) {
            error = *problem;
            return ui.tell(*error, true);
        }
    error.reset();
    kdbx::Credentials creds;
    if (!pass.empty()) creds.password = pass.bytes();
    creds.keyFile = keyFile;
    kdbxWaiting = true;
    std::weak_ptr<bool> weak = alive;
    UiContext at{ui.state, ui.services, ui.seam, ui.fonts, 0, ui.here};
    ui.services.keepass->call(
        kdbx::encodeWriteRequest(chosen, creds, kdbxOptions, ui.state.settings.language),
        [this, weak, at](std::optional<crypto::SecretBytes> bytes) mutable {
            const std::shared_ptr<bool> ok = weak.lock();
            if (!ok || !*ok) return;
            kdbxWaiting = false;
            kdbx::Reply reply;
            if (!bytes || !kdbx::decodeReply(*bytes, reply)) {
                error = Str::ErrKdbxModuleFailed;
                return at.tell(*error, true);
            }
            if (!reply.ok) {
                error = reply.error.text;
                return at.tell(*error, true, reply.error.detail);
            }
            const std::string_view file(reinterpret_cast<const char*>(reply.payload.data()),
                                        reply.payload.size());
            if (!at.services.download ||
                !at.services.download(fileName(at, ".kdbx"), file, "application/octet-stream")) {
                error = Str::ErrExportDownload;
                return at.tell(*error, true);
            }
            pass.wipe();
            repeat.wipe();
            at.tell(Str::MsgExportKdbxDownloaded);
        });
    ui.services.pacer.wake();
}

void ExportPanel::Make(UiContext& ui, bool asText) {
    const vault::Data& data = ui.services.session.data();
    vault::Data chosen = bundle::selectForExport(data, selection);
    bundle::setWorkstation(chosen, ui.state.settings.workstation);
    if (chosen.entries.empty() && chosen.organisations.empty()) {
        error = Str::ErrExportNothing;
        return ui.tell(*error, true);
    }
    std::optional<bundle::PublicKey> recipient;
    if (protect == Protect::Passphrase) {
        if (const std::optional<Str> problem =
                bundle::bundlePassphraseProblem(pass.bytes(), repeat.bytes())) {
            error = *problem;
            return ui.tell(*error, true);
        }
    } else {
        bundle::BundleError e = bundle::BundleError::None;
        recipient = bundle::parseReceivingCode(code, e);
        if (!recipient) {
            error = bundle::messageFor(e);
            return ui.tell(*error, true);
        }
    }
    error.reset();
    const bool backup = bundle::isBackup(selection, !recipient);
    const auto write = [this, chosen, recipient, asText, backup](UiContext& ui) {
        const crypto::SecretBytes payload = vault::serialize(chosen);
        bundle::BundleError e = bundle::BundleError::None;
        const std::int64_t now = ui.services.clock.nowMillis();
        const std::optional<crypto::Bytes> file =
            recipient ? bundle::writeForRecipient(payload, *recipient, now, e)
                      : bundle::writeWithPassphrase(payload, pass.bytes(), ui.services.session.kdf(), now, e);
        if (!file) {
            error = bundle::messageFor(e);
            return ui.tell(*error, true);
        }
        if (asText) {
            crypto::wipeString(text);
            text = bundle::toText(*file);
        } else {
            const std::string_view bytes(reinterpret_cast<const char*>(file->data()), file->size());
            if (!ui.services.download ||
                !ui.services.download(fileName(ui), bytes, "application/octet-stream")) {
                error = Str::ErrExportDownload;
                return ui.tell(*error, true);
            }
        }
        pass.wipe();
        repeat.wipe();
        if (backup) ui.services.session.submit(vault::change::NoteBackup{});
        // Said after the backup's date was submitted: its «Сохранено» must not hide where the file is.
        ui.tellWithSave(asText ? Str::MsgExportTextReady : Str::MsgExportDownloaded);
    };
    if (recipient)
        write(ui); // no Argon2: quick
    else
        slow.start(ui, write);
}

void ExportPanel::Draw(UiContext& ui) {
    if (slow.busy()) {
        TextMuted(ui, ui.t(Str::WorkingExport));
        slow.step(ui);
        return;
    }
    if (kdbxWaiting) {
        const bool loaded = ui.services.keepass && ui.services.keepass->loaded();
        TextMuted(ui, ui.t(loaded ? Str::WorkingKdbxWrite : Str::WorkingKdbxModule));
        return;
    }
    DrawSelection(ui);
    ImGui::Spacing();
    if (ui.services.keepass) {
        Text(ui, ui.t(Str::ExportFormat), ui.fonts.heading);
        if (Radio(ui, ui.t(Str::ExportFormatBundle), "export-format-tsb", format == Format::Bundle))
            format = Format::Bundle, error.reset();
        ImGui::SameLine();
        if (Radio(ui, ui.t(Str::ExportFormatKdbx), "export-format-kdbx", format == Format::KeePass))
            format = Format::KeePass, error.reset();
        ImGui::Spacing();
    }
    if (format == Format::KeePass && ui.services.keepass) {
        DrawKeePassOptions(ui);
        ImGui::Spacing();
        if (error) ErrorText(ui, *error);
        if (Button(ui, Str::ButtonExportKdbx, "export-kdbx")) MakeKeePass(ui);
        return;
    }
    DrawProtection(ui);
    ImGui::Spacing();
    if (error) ErrorText(ui, *error);
    if (Button(ui, Str::ButtonExportFile, "export-file")) Make(ui, false);
    ImGui::SameLine();
    if (Button(ui, Str::ButtonExportText, "export-text")) Make(ui, true);
    if (text.empty()) return;
    ImGui::Spacing();
    Text(ui, ui.t(Str::ExportTextTitle), ui.fonts.heading);
    TextMuted(ui, ui.t(Str::ExportTextHint));
    ImGui::InputTextMultiline("###export-text-value", &text, ImVec2(-1, ImGui::GetTextLineHeight() * 8),
                              ImGuiInputTextFlags_ReadOnly);
    ui.seam.describeLast(ui.t(Str::ExportTextTitle),
                         text.size() <= kSeamTextLimit ? std::string_view(text) : std::string_view());
    if (Button(ui, Str::ButtonCopyText, "export-copy")) {
        ui.services.clipboard.setText(text);
        ui.tell(Str::MsgExportTextCopied);
    }
}

} // namespace ts::ui
