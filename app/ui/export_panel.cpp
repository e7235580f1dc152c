#include "ui/export_panel.h"

#include "core/clock.h"
#include "core/dates.h"
#include "core/kinds/deadlines.h"
#include "core/kinds/kind.h"
#include "core/vault/session.h"
#include "platform/clipboard.h"
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

std::string fileName(UiContext& ui) {
    const Clock& clock = ui.services.clock;
    const std::string day = isoDate(localToday(clock.nowMillis(), clock.utcOffsetMinutes()));
    return "tokensafe-" + day + ".tsb";
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
    DrawSelection(ui);
    ImGui::Spacing();
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
