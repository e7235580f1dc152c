#include "ui/import_panel.h"

#include "core/kinds/deadlines.h"
#include "core/kinds/kind.h"
#include "core/time_format.h"
#include "core/vault/session.h"
#include "platform/file_picker.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include <unordered_map>

namespace ts::ui {
namespace {

constexpr const char* kAccept = ".tsb,.txt,.csv,.json";

Str statusText(vault::MergeStatus s) {
    switch (s) {
    case vault::MergeStatus::New:
        return Str::ImportStatusNew;
    case vault::MergeStatus::Identical:
        return Str::ImportStatusIdentical;
    case vault::MergeStatus::Newer:
        return Str::ImportStatusNewer;
    case vault::MergeStatus::Older:
        return Str::ImportStatusOlder;
    case vault::MergeStatus::Conflict:
        break;
    }
    return Str::ImportStatusConflict;
}

std::span<const std::uint8_t> bytesOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

} // namespace

void ImportPanel::Reset() {
    step = Step::Choose;
    crypto::wipeString(pasted);
    crypto::wipeString(fileName);
    if (!bundleFile.empty()) sodium_memzero(bundleFile.data(), bundleFile.size());
    bundleFile.clear();
    pass.wipe();
    slow.cancel();
    theirs.reset(); // its strings go back to the wiping heap
    preview = {};
    rows.clear();
    rowHeights.clear();
    decisions.clear();
    recognised = skipped = binned = 0;
    from.clear();
    createdAt = 0;
}

void ImportPanel::Wipe() {
    Reset();
    error.reset();
    *alive = false; // a file dialog still open answers into nothing
    alive = std::make_shared<bool>(true);
}

void ImportPanel::Refuse(UiContext& ui, Str text, std::string detail) {
    error = Message{text, detail, true};
    ui.tell(text, true, std::move(detail));
}

void ImportPanel::Read(UiContext& ui, std::string name, std::span<const std::uint8_t> bytes) {
    Reset();
    error.reset();
    fileName = std::move(name);
    source = bundle::identify(bytes, fileName);
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    const std::int64_t now = ui.services.clock.nowMillis();
    bundle::BundleError e = bundle::BundleError::None;
    switch (source) {
    case bundle::Source::Unknown:
        return Refuse(ui, Str::ErrImportUnknownFile, fileName);
    case bundle::Source::BundleText: {
        std::optional<crypto::Bytes> file = bundle::fromText(text, e);
        if (!file) return Refuse(ui, bundle::messageFor(e));
        bundleFile = std::move(*file);
        break;
    }
    case bundle::Source::Bundle:
        bundleFile.assign(bytes.begin(), bytes.end());
        break;
    case bundle::Source::KeePassXcCsv:
    case bundle::Source::BitwardenJson: {
        bundle::ImportError ie;
        const Lang lang = ui.state.settings.language;
        std::optional<bundle::Imported> imported = source == bundle::Source::KeePassXcCsv
                                                       ? bundle::importKeePassXcCsv(text, ie, now, lang)
                                                       : bundle::importBitwardenJson(text, ie, now, lang);
        if (!imported) return Refuse(ui, ie.text, ie.detail(lang));
        recognised = imported->recognised;
        skipped = imported->skipped;
        binned = imported->binned;
        return ShowPreview(ui, std::move(imported->data));
    }
    }
    const std::optional<bundle::Info> i = bundle::inspect(bundleFile, e);
    if (!i) return Refuse(ui, bundle::messageFor(e));
    info = *i;
    if (info.needsPassphrase()) {
        step = Step::Passphrase;
        return;
    }
    OpenBundle(ui);
}

// A recipient bundle opens with this installation's key; a passphrase bundle with what was typed.
void ImportPanel::OpenBundle(UiContext& ui) {
    bundle::BundleError e = bundle::BundleError::None;
    std::optional<bundle::Opened> opened;
    if (info.needsPassphrase()) {
        opened = bundle::openWithPassphrase(bundleFile, pass.bytes(), e);
        pass.wipe();
    } else {
        const std::optional<bundle::KeyPair> keys = bundle::installationKeys(ui.services.session.data());
        if (!keys) return Refuse(ui, Str::ErrImportNoInstallationKey);
        opened = bundle::openWithKeyPair(bundleFile, *keys, e);
    }
    if (!opened) {
        if (e == bundle::BundleError::WrongPassphrase) { // let them try again
            error = Message{bundle::messageFor(e), {}, true};
            return ui.tell(bundle::messageFor(e), true);
        }
        step = Step::Choose;
        return Refuse(ui, bundle::messageFor(e));
    }
    std::optional<vault::Data> data = bundle::payloadData(*opened, e);
    if (!data) {
        step = Step::Choose;
        return Refuse(ui, bundle::messageFor(e));
    }
    createdAt = opened->createdAtMillis;
    from = bundle::workstationOf(*data);
    ShowPreview(ui, std::move(*data));
}

void ImportPanel::ShowPreview(UiContext& ui, vault::Data data) {
    if (!bundleFile.empty()) sodium_memzero(bundleFile.data(), bundleFile.size());
    bundleFile.clear();
    crypto::wipeString(pasted);
    const vault::Session& session = ui.services.session;
    preview = vault::previewMerge(session.data(), data);
    previewedAt = session.dataVersion();
    decisions.clear();
    for (const vault::MergeItem& item : preview.items)
        if (item.status == vault::MergeStatus::Conflict) decisions[item.id] = vault::Decision::KeepBoth;
    theirs = std::move(data);
    MakeRows(ui.state.settings.language);
    step = Step::Preview;
    error.reset();
    ui.tell(Str::MsgImportPreview);
}

void ImportPanel::Picked(UiContext& ui, const PickedFile& file) {
    if (file.tooLarge) return Refuse(ui, Str::ErrBundleTooLarge, file.name);
    Read(ui, file.name, file.bytes);
}

void ImportPanel::DrawChoose(UiContext& ui) {
    TextMuted(ui, ui.t(Str::ImportIntro));
    if (ui.services.files && Button(ui, Str::ButtonImportFile, "import-file")) {
        // The answer comes in a later task, maybe after a lock wiped this panel: `alive` tells.
        std::weak_ptr<bool> weak = alive;
        UiContext at{ui.state, ui.services, ui.seam, ui.fonts, 0};
        ui.services.files->pick(kAccept, [this, weak, at](std::optional<PickedFile> f) mutable {
            const std::shared_ptr<bool> ok = weak.lock();
            if (ok && *ok && f && at.services.session.state() == vault::Session::State::Unlocked)
                Picked(at, *f);
            if (f) sodium_memzero(f->bytes.data(), f->bytes.size());
        });
    }
    ImGui::Spacing();
    Text(ui, ui.t(Str::ImportPasteTitle));
    ImGui::InputTextMultiline("###import-text", &pasted, ImVec2(-1, ImGui::GetTextLineHeight() * 5));
    ui.seam.describeLast(ui.t(Str::ImportPasteTitle), std::to_string(pasted.size()));
    if (Button(ui, Str::ButtonImportText, "import-read-text", !pasted.empty())) {
        const std::string text = pasted;
        Read(ui, ui.t(Str::ImportPastedName), bytesOf(text));
    }
    ImGui::Spacing();
    Text(ui, ui.t(Str::ImportFormats), ui.fonts.heading);
    Bullet(ui, ui.t(Str::ImportFormatBundle));
    Bullet(ui, ui.t(Str::ImportFormatKeePass));
    Bullet(ui, ui.t(Str::ImportFormatBitwarden));
}

void ImportPanel::DrawPassphrase(UiContext& ui) {
    if (slow.busy()) {
        TextMuted(ui, ui.t(Str::WorkingKdf));
        slow.step(ui);
        return;
    }
    Text(ui, fileName);
    Text(ui, ui.t(Str::ImportNeedsPass));
    const bool enter = PassphraseInput(ui, Str::FieldBundlePass, "import-pass", pass);
    if ((Button(ui, Str::ButtonImportOpen, "import-open", !pass.empty()) || (enter && !pass.empty())))
        slow.start(ui, [this](UiContext& ui) { OpenBundle(ui); });
    ImGui::SameLine();
    if (Button(ui, Str::ButtonCancel, "import-cancel")) {
        Reset();
        ui.tell(Str::MsgImportCancelled);
    }
}

void ImportPanel::MakeRows(Lang lang) {
    std::unordered_map<std::string, std::size_t> entries, organisations; // by id: where in theirs
    for (std::size_t i = 0; i < theirs->entries.size(); ++i) entries.emplace(theirs->entries[i].id, i);
    for (std::size_t i = 0; i < theirs->organisations.size(); ++i)
        organisations.emplace(theirs->organisations[i].id, i);
    rows.clear();
    rowHeights.clear();
    rowsLang = lang;
    for (const bool conflicts : {true, false}) {
        for (std::size_t i = 0; i < preview.items.size(); ++i) {
            const vault::MergeItem& item = preview.items[i];
            if ((item.status == vault::MergeStatus::Conflict) != conflicts) continue;
            Row row{i, {}, nullptr};
            if (item.what == vault::MergeItem::What::Organisation) {
                const auto o = organisations.find(item.id);
                row.label = std::string(tr(Str::ImportOrganisation, lang)) + ": " +
                            (o != organisations.end() ? theirs->organisations[o->second].name : "");
            } else if (const auto it = entries.find(item.id); it != entries.end()) {
                const vault::Entry& e = theirs->entries[it->second];
                row.kind = kinds::Registry::builtIn().find(e.kind);
                row.label = row.kind ? kinds::entryName(*row.kind, e, lang) : e.kind;
            }
            row.label += " — ";
            row.label += tr(statusText(item.status), lang);
            rows.push_back(std::move(row));
        }
    }
}

void ImportPanel::DrawItem(UiContext& ui, const Row& row) {
    const Lang lang = ui.state.settings.language;
    const vault::MergeItem& item = preview.items[row.item];
    const kinds::Kind* kind = row.kind;
    const std::string key = "import-item-" + item.id;
    Text(ui, row.label);
    if (item.status != vault::MergeStatus::Conflict) return;
    ImGui::Indent();
    if (ImGui::BeginTable(("###diff-" + item.id).c_str(), 3,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        TextMuted(ui, ui.t(Str::ImportDiffField));
        ImGui::TableNextColumn();
        TextMuted(ui, ui.t(Str::ImportDiffMine));
        ImGui::TableNextColumn();
        TextMuted(ui, ui.t(Str::ImportDiffTheirs));
        for (const vault::FieldDiff& d : item.diffs) {
            const kinds::Field* f = kind ? kind->field(d.field) : nullptr;
            const bool secret = f && f->secret;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            Text(ui, f ? f->label.in(lang) : d.field);
            ImGui::TableNextColumn();
            Text(ui, secret ? Masked(d.mine) : d.mine);
            ImGui::TableNextColumn();
            Text(ui, secret ? Masked(d.theirs) : d.theirs);
        }
        ImGui::EndTable();
    }
    const std::pair<vault::Decision, std::pair<Str, const char*>> choices[] = {
        {vault::Decision::KeepMine, {Str::ImportKeepMine, "mine"}},
        {vault::Decision::TakeTheirs, {Str::ImportTakeTheirs, "theirs"}},
        {vault::Decision::KeepBoth, {Str::ImportKeepBoth, "both"}},
    };
    vault::Decision& chosen = decisions.try_emplace(item.id, vault::Decision::KeepBoth).first->second;
    for (const auto& [decision, label] : choices) {
        // An organisation is a name and a number: two of one would only confuse.
        if (item.what == vault::MergeItem::What::Organisation && decision == vault::Decision::KeepBoth)
            continue;
        const std::string id = std::string(ui.t(label.first)) + "###" + key + "-" + label.second;
        if (ImGui::RadioButton(id.c_str(), chosen == decision)) chosen = decision;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Unindent();
}

void ImportPanel::DrawPreview(UiContext& ui) {
    const Lang lang = ui.state.settings.language;
    Text(ui, fileName, ui.fonts.heading);
    if (createdAt != 0) {
        const std::string when = formatDateTime(createdAt, ui.services.clock.utcOffsetMinutes());
        TextMuted(ui, fill(tr(from.empty() ? Str::ImportMadeAt : Str::ImportMadeAtBy, lang),
                           {{"when", when}, {"workstation", from}}));
    }
    using S = vault::MergeStatus;
    Text(ui, fill(tr(Str::ImportCounts, lang), {{"new", std::to_string(preview.count(S::New))},
                                                {"same", std::to_string(preview.count(S::Identical))},
                                                {"newer", std::to_string(preview.count(S::Newer))},
                                                {"older", std::to_string(preview.count(S::Older))},
                                                {"conflicts", std::to_string(preview.count(S::Conflict))}}));
    if (recognised || skipped || binned)
        TextMuted(ui, fill(tr(Str::ImportForeignCounts, lang), {{"recognised", std::to_string(recognised)},
                                                                {"skipped", std::to_string(skipped)},
                                                                {"binned", std::to_string(binned)}}));
    if (source == bundle::Source::KeePassXcCsv || source == bundle::Source::BitwardenJson)
        WarningText(ui, ui.t(Str::ImportDeletePlainFile));
    if (preview.count(S::Conflict) > 0) WarningText(ui, ui.t(Str::ImportConflictsHint));
    if (previewedAt != ui.services.session.dataVersion()) { // another tab saved: look again
        preview = vault::previewMerge(ui.services.session.data(), *theirs);
        previewedAt = ui.services.session.dataVersion();
        MakeRows(lang);
    }
    if (rowsLang != lang) MakeRows(lang);
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2;
    ImGui::BeginChild("import-preview",
                      ImVec2(0, std::max(160.0f, ImGui::GetContentRegionAvail().y - footer)),
                      ImGuiChildFlags_Border);
    if (rowHeights.size() != rows.size()) { // until drawn: a line, a conflict its table and choices
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float cell = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
        const float choices = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
        rowHeights.clear();
        for (const Row& row : rows) {
            const vault::MergeItem& item = preview.items[row.item];
            rowHeights.push_back(item.status != vault::MergeStatus::Conflict
                                     ? line
                                     : line + cell * static_cast<float>(item.diffs.size() + 1) + choices);
        }
    }
    RowClipper clip(rowHeights);
    for (std::size_t r = 0; clip.Step(r);) DrawItem(ui, rows[r]);
    ImGui::EndChild();
    const bool nothing = preview.count(S::New) + preview.count(S::Newer) + preview.count(S::Conflict) == 0;
    if (Button(ui, Str::ButtonImportConfirm, "import-confirm", !nothing && !ui.services.session.saving())) {
        ui.services.session.submit(vault::importChange(*theirs, decisions));
        Reset();
        ui.tell(Str::MsgImportDone);
        return;
    }
    ImGui::SameLine();
    if (Button(ui, Str::ButtonCancel, "import-cancel")) {
        Reset();
        ui.tell(Str::MsgImportCancelled);
    }
    if (nothing) TextMuted(ui, ui.t(Str::ImportNothingNew));
}

void ImportPanel::Draw(UiContext& ui) {
    if (error) {
        ErrorText(ui, error->text);
        if (!error->detail.empty()) TextMuted(ui, error->detail);
    }
    switch (step) {
    case Step::Choose:
        DrawChoose(ui);
        break;
    case Step::Passphrase:
        DrawPassphrase(ui);
        break;
    case Step::Preview:
        DrawPreview(ui);
        break;
    }
}

} // namespace ts::ui
