#include "ui/import_panel.h"

#include "core/kdbx/bridge.h"
#include "core/kinds/deadlines.h"
#include "core/kinds/kind.h"
#include "core/kinds/validate.h"
#include "core/procedures/procedure.h"
#include "core/time_format.h"
#include "core/vault/session.h"
#include "platform/file_picker.h"
#include "platform/keepass_module.h"
#include "ui/diff_table.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include <algorithm>

namespace ts::ui {
namespace {

constexpr const char* kAccept = ".tsb,.txt,.csv,.json,.kdbx";

// A run or a picture is not a record: what happens to it reads differently.
Str carriedStatusText(vault::MergeStatus s) {
    switch (s) {
    case vault::MergeStatus::New:
        return Str::ImportCarriedNew;
    case vault::MergeStatus::Identical:
        return Str::ImportCarriedIdentical;
    default:
        return Str::ImportCarriedSkipped;
    }
}

Str statusText(const vault::MergeItem& item) {
    using W = vault::MergeItem::What;
    if (item.what == W::Run || item.what == W::Attachment) return carriedStatusText(item.status);
    switch (item.status) {
    case vault::MergeStatus::New:
        return Str::ImportStatusNew;
    case vault::MergeStatus::Identical:
        return Str::ImportStatusIdentical;
    case vault::MergeStatus::Newer:
        return Str::ImportStatusNewer;
    case vault::MergeStatus::Older:
        return Str::ImportStatusOlder;
    case vault::MergeStatus::Skipped:
        return Str::ImportStatusSkipped;
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
    carried.clear();
    decisions.clear();
    leftOut.clear();
    recognised = skipped = binned = 0;
    datesFromText.clear();
    datesTyped.clear();
    orgOffers.clear();
    again = false;
    from.clear();
    createdAt = 0;
    sealedToUs = false;
    kdbxPass.wipe();
    keyFile.reset();
    keyFileName.clear();
    kdbxWaiting = false;
    keepass.reset();
    groupsAsOrganisations = false;
}

void ImportPanel::Wipe() {
    Reset();
    error.reset();
    *alive = false; // a file dialog still open answers into nothing
    alive = std::make_shared<bool>(true);
}

void ImportPanel::Refuse(UiContext& ui, Str text, std::string detail) {
    error = Message{text, detail, true, {}};
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
    case bundle::Source::KeePass:
        if (!ui.services.keepass) return Refuse(ui, Str::ErrImportUnknownFile, fileName);
        bundleFile.assign(bytes.begin(), bytes.end());
        step = Step::KeePass;
        return;
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
        datesFromText = std::move(imported->datesFromText);
        for (auto& [name, entries] : imported->organisations) {
            OrgOffer offer{name, "RU", std::move(entries), false};
            // The country of the portal its first entry is for: an OAIS token's organisation is Belarusian.
            for (const vault::Entry& e : imported->data.entries)
                if (e.id == offer.entries.front())
                    if (const kinds::Kind* k = kinds::Registry::builtIn().find(e.kind);
                        k && !k->country.empty())
                        offer.country = k->country;
            orgOffers.push_back(std::move(offer));
        }
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
            error = Message{bundle::messageFor(e), {}, true, {}};
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
    sealedToUs = opened->mode == bundle::Mode::Recipient;
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
    MakeRows(session.data(), ui.state.settings.language);
    step = Step::Preview;
    error.reset();
    ui.tell(Str::MsgImportPreview);
}

void ImportPanel::Picked(UiContext& ui, const PickedFile& file) {
    if (file.tooLarge) return Refuse(ui, Str::ErrBundleTooLarge, file.name);
    Read(ui, file.name, file.bytes);
}

// --- KeePass: the module opens the file; the mapping (bundle::importKeePassDatabase) is core's ---

void ImportPanel::OpenKeePass(UiContext& ui) {
    kdbx::Credentials creds;
    if (!kdbxPass.empty()) creds.password = kdbxPass.bytes();
    creds.keyFile = keyFile;
    kdbxPass.wipe();
    kdbxWaiting = true;
    error.reset();
    // The reply comes in a later task, maybe after a lock wiped this panel: `alive` tells.
    std::weak_ptr<bool> weak = alive;
    UiContext at{ui.state, ui.services, ui.seam, ui.fonts, 0, ui.here};
    ui.services.keepass->call(
        kdbx::encodeOpenRequest(bundleFile, creds, ui.state.settings.language, ui.services.clock.nowMillis()),
        [this, weak, at](std::optional<crypto::SecretBytes> reply) mutable {
            const std::shared_ptr<bool> ok = weak.lock();
            if (ok && *ok && at.services.session.state() == vault::Session::State::Unlocked)
                KeePassReplied(at, std::move(reply));
        });
    ui.services.pacer.wake();
}

void ImportPanel::KeePassReplied(UiContext& ui, std::optional<crypto::SecretBytes> bytes) {
    kdbxWaiting = false;
    kdbx::Reply reply;
    if (!bytes || !kdbx::decodeReply(*bytes, reply)) return Refuse(ui, Str::ErrKdbxModuleFailed);
    if (!reply.ok) {
        const Str e = reply.error.text;
        // The same file with other credentials may open: stay, and let them try again.
        if (e == Str::ErrKdbxWrongCredentials || e == Str::ErrKdbxNoCredentials ||
            e == Str::ErrKdbxBadKeyFile || e == Str::ErrKdbxKeyFileHash)
            return Refuse(ui, e, reply.error.detail);
        const std::string name = fileName;
        Reset();
        return Refuse(ui, e, reply.error.detail.empty() ? name : reply.error.detail);
    }
    kdbx::Opened opened;
    if (!kdbx::decodeOpened(reply.payload, opened)) return Refuse(ui, Str::ErrKdbxModuleFailed);
    if (!bundleFile.empty()) sodium_memzero(bundleFile.data(), bundleFile.size());
    bundleFile.clear();
    keyFile.reset();
    keepass = std::move(opened);
    recognised = keepass->recognised;
    skipped = static_cast<int>(keepass->skippedAttachments.size());
    binned = keepass->binned;
    MapKeePass(ui);
}

// The module mapped the database both ways; the user's choice picks one (a copy: they may change it).
void ImportPanel::MapKeePass(UiContext& ui) {
    ShowPreview(ui, groupsAsOrganisations ? keepass->withOrganisations : keepass->plain);
}

void ImportPanel::DrawKeePass(UiContext& ui) {
    if (kdbxWaiting) {
        const bool loaded = ui.services.keepass && ui.services.keepass->loaded();
        TextMuted(ui, ui.t(loaded ? Str::WorkingKdbxOpen : Str::WorkingKdbxModule));
        return;
    }
    Text(ui, fileName);
    Text(ui, ui.t(Str::ImportKdbxNeedsPass));
    const bool enter = PassphraseInput(ui, Str::FieldKdbxPassword, "import-kdbx-pass", kdbxPass);
    if (keyFile) {
        Text(ui, fill(tr(Str::KdbxKeyFileChosen, ui.state.settings.language), {{"name", keyFileName}}));
        ImGui::SameLine();
        if (Button(ui, Str::ButtonKdbxNoKeyFile, "import-kdbx-no-key")) keyFile.reset(), keyFileName.clear();
    } else if (ui.services.files && Button(ui, Str::ButtonKdbxKeyFile, "import-kdbx-key")) {
        std::weak_ptr<bool> weak = alive;
        ui.services.files->pick("", [this, weak](std::optional<PickedFile> f) {
            const std::shared_ptr<bool> ok = weak.lock();
            if (ok && *ok && f && !f->tooLarge && step == Step::KeePass) {
                keyFile.emplace(f->bytes.begin(), f->bytes.end());
                keyFileName = f->name;
            }
            if (f) sodium_memzero(f->bytes.data(), f->bytes.size());
        });
    }
    const bool ready = !kdbxPass.empty() || keyFile;
    if (Button(ui, Str::ButtonKdbxOpen, "import-kdbx-open", ready) || (enter && ready)) OpenKeePass(ui);
    ImGui::SameLine();
    if (Button(ui, Str::ButtonCancel, "import-cancel")) {
        Reset();
        ui.tell(Str::MsgImportCancelled);
    }
}

// What only a KeePass preview has: the file's format, the groups offered as organisations, and the
// attachments left out.
void ImportPanel::DrawKeePassPreview(UiContext& ui) {
    const Lang lang = ui.state.settings.language;
    const kdbx::FileInfo& info = keepass->info;
    TextMuted(ui, fill(tr(Str::ImportKdbxInfo, lang),
                       {{"version", std::to_string(info.major) + "." + std::to_string(info.minor)},
                        {"cipher", info.cipher},
                        {"kdf", info.kdf}}));
    if (!keepass->groups.empty()) {
        std::string names;
        for (const std::string& g : keepass->groups) names += (names.empty() ? "" : ", ") + g;
        const std::string label =
            fill(tr(Str::ImportKdbxGroupsAsOrgs, lang), {{"names", names}}) + "###import-kdbx-orgs";
        bool on = groupsAsOrganisations;
        if (ImGui::Checkbox(label.c_str(), &on)) {
            groupsAsOrganisations = on;
            MapKeePass(ui);
        }
        ui.seam.markLast("check", groupsAsOrganisations);
    }
    if (!keepass->skippedAttachments.empty()) {
        std::string list;
        for (const std::string& a : keepass->skippedAttachments) list += (list.empty() ? "" : "; ") + a;
        WarningText(ui, fill(tr(Str::ImportKdbxSkippedAttachments, lang), {{"list", list}}));
    }
}

void ImportPanel::DrawChoose(UiContext& ui) {
    TextMuted(ui, ui.t(Str::ImportIntro));
    if (ui.services.files && Button(ui, Str::ButtonImportFile, "import-file")) {
        // The answer comes in a later task, maybe after a lock wiped this panel: `alive` tells.
        std::weak_ptr<bool> weak = alive;
        UiContext at{ui.state, ui.services, ui.seam, ui.fonts, 0, ui.here}; // said where it was asked
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
    if (ui.services.keepass) Bullet(ui, ui.t(Str::ImportFormatKdbx));
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

std::string ImportPanel::OrganisationName(const vault::Data& mine, const std::string& id) const {
    if (id.empty()) return "—";
    if (const vault::Organisation* o = mine.organisation(id)) return o->name;
    if (const vault::Organisation* o = theirs->organisation(id)) return o->name;
    return id;
}

void ImportPanel::MakeRows(const vault::Data& mine, Lang lang) {
    using What = vault::MergeItem::What;
    const procedures::Library& library = procedures::Library::builtIn();
    rows.clear();
    rowHeights.clear();
    rowsLang = lang;
    for (const bool conflicts : {true, false}) {
        for (std::size_t i = 0; i < preview.items.size(); ++i) {
            const vault::MergeItem& item = preview.items[i];
            if ((item.status == vault::MergeStatus::Conflict) != conflicts) continue;
            Row row{i, {}, nullptr};
            switch (item.what) {
            case What::Organisation:
                row.label = std::string(tr(Str::ImportOrganisation, lang)) + ": " +
                            theirs->organisations[item.index].name;
                break;
            case What::Entry: {
                const vault::Entry& e = theirs->entries[item.index];
                row.kind = kinds::Registry::builtIn().find(e.kind);
                row.label = row.kind ? kinds::entryName(*row.kind, e, lang) : e.kind;
                break;
            }
            case What::Run: {
                const vault::Run& r = theirs->runs[item.index];
                const procedures::Procedure* p = library.find(r.procedure);
                row.label = fill(
                    tr(Str::ImportRun, lang),
                    {{"procedure", p ? p->title.in(lang) : r.procedure},
                     {"org", OrganisationName(mine, r.org)},
                     {"state", std::string(tr(r.open() ? Str::ImportRunOpen : Str::ImportRunDone, lang))}});
                break;
            }
            case What::Attachment: {
                const vault::Attachment& a = theirs->attachments[item.index];
                const procedures::Procedure* p = library.find(a.procedure);
                const int n = p ? p->stepIndex(a.step) : -1;
                row.label =
                    fill(tr(Str::ImportPicture, lang),
                         {{"n", n >= 0 ? std::to_string(n + 1) : "?"},
                          {"step", n >= 0 ? p->steps[static_cast<std::size_t>(n)].title.in(lang) : a.step},
                          {"procedure", p ? p->title.in(lang) : a.procedure}});
                break;
            }
            }
            row.label += " — ";
            row.label += tr(statusText(item), lang);
            rows.push_back(std::move(row));
        }
    }
    using S = vault::MergeStatus;
    carried.clear();
    if (!theirs->runs.empty() || !theirs->attachments.empty())
        carried = fill(tr(Str::ImportCarriedCounts, lang),
                       {{"runs", std::to_string(theirs->runs.size())},
                        {"runsNew", std::to_string(preview.count(What::Run, S::New))},
                        {"pictures", std::to_string(theirs->attachments.size())},
                        {"picturesNew", std::to_string(preview.count(What::Attachment, S::New))}});
}

void ImportPanel::DrawItem(UiContext& ui, const Row& row) {
    const Lang lang = ui.state.settings.language;
    const vault::MergeItem& item = preview.items[row.item];
    const kinds::Kind* kind = row.kind;
    const std::string key = "import-item-" + item.id;
    const bool conflict = item.status == vault::MergeStatus::Conflict;
    // A new or newer entry can be left out: ticked by default, as the preview lists it.
    if (item.what == vault::MergeItem::What::Entry &&
        (item.status == vault::MergeStatus::New || item.status == vault::MergeStatus::Newer)) {
        bool take = !leftOut.count(item.id);
        if (ImGui::Checkbox((row.label + "###import-take-" + item.id).c_str(), &take)) {
            if (take)
                leftOut.erase(item.id);
            else
                leftOut.insert(item.id);
        }
    } else {
        Text(ui, row.label);
    }
    if (item.what == vault::MergeItem::What::Entry) DrawDatesFromText(ui, item);
    if (item.diffs.empty() && !conflict && item.versions == 0) return;
    ImGui::Indent();
    // A later version is shown like a conflict: a bundle can be forged, and what it replaces should
    // not go unseen.
    if (conflict || !item.diffs.empty()) {
        const vault::Data& mine = ui.services.session.data();
        DrawFieldDiffs(ui, item.id, item.diffs, Str::ImportDiffMine, Str::ImportDiffTheirs, kind,
                       item.what == vault::MergeItem::What::Organisation,
                       [&](const std::string& id) { return OrganisationName(mine, id); });
    }
    if (item.versions > 0)
        TextMuted(ui, fill(tr(Str::ImportDiffVersions, lang), {{"n", std::to_string(item.versions)}}));
    if (!conflict) {
        ImGui::Unindent();
        return;
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
        ui.seam.markLast("radio", chosen == decision);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Unindent();
}

// A date the import read from a record's notes is a guess: shown under the entry, to be corrected.
void ImportPanel::DrawDatesFromText(UiContext& ui, const vault::MergeItem& item) {
    const auto found = datesFromText.find(item.id);
    if (found == datesFromText.end() || item.status != vault::MergeStatus::New) return;
    vault::Entry& e = theirs->entries[item.index];
    const kinds::Kind* kind = kinds::Registry::builtIn().find(e.kind);
    if (!kind) return;
    ImGui::Indent();
    for (const std::string& fieldId : found->second) {
        const kinds::Field* f = kind->field(fieldId);
        if (!f) continue;
        const std::string key = "import-date-" + item.id + "-" + fieldId;
        auto [typed, fresh] = datesTyped.try_emplace(item.id + "\n" + fieldId);
        if (fresh) typed->second = kinds::display(*f, e.field(fieldId.c_str()));
        const std::string label =
            fill(ui.t(Str::ImportDateFromText), {{"field", f->label.in(ui.state.settings.language)}});
        ImGui::AlignTextToFramePadding();
        TextMuted(ui, label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("00.00.00000").x + ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::InputTextWithHint(("###" + key).c_str(), ui.t(Str::DateHint), &typed->second)) {
            const std::string stored = kinds::normalise(*f, typed->second);
            if (!kinds::validateValue(*f, stored) && !stored.empty()) {
                e.fields[fieldId] = stored;
                again = true;
            }
        }
        ui.seam.describeLast(label, typed->second);
        const std::string stored = kinds::normalise(*f, typed->second);
        if (stored.empty() || kinds::validateValue(*f, stored)) {
            ImGui::SameLine();
            ErrorText(ui, Str::ErrDateFormat);
        }
    }
    ImGui::Unindent();
}

// Organisations named by the export's groups: each offered with a tick, none taken by default.
void ImportPanel::DrawOffers(UiContext& ui) {
    const vault::Data& mine = ui.services.session.data();
    Text(ui, ui.t(Str::ImportOrgOffers));
    for (std::size_t i = 0; i < orgOffers.size(); ++i) {
        OrgOffer& offer = orgOffers[i];
        const bool exists = std::any_of(mine.organisations.begin(), mine.organisations.end(),
                                        [&](const vault::Organisation& o) { return o.name == offer.name; });
        const std::string label = fill(ui.t(exists ? Str::ImportOrgOfferExisting : Str::ImportOrgOfferNew),
                                       {{"name", offer.name}, {"n", std::to_string(offer.entries.size())}});
        const std::string key = "import-org-offer-" + std::to_string(i);
        if (ImGui::Checkbox((label + "###" + key).c_str(), &offer.taken)) {
            TakeOffer(mine, offer);
            again = true;
        }
    }
}

// Ticked: the offer's entries go to the organisation of that name (added to their data when this
// vault has none); unticked: back to none, and an organisation the offer added is gone again.
void ImportPanel::TakeOffer(const vault::Data& mine, const OrgOffer& offer) {
    std::string orgId;
    if (offer.taken) {
        for (const vault::Organisation& o : mine.organisations)
            if (o.name == offer.name) orgId = o.id;
        if (orgId.empty()) {
            orgId = vault::newEntryId();
            theirs->organisations.push_back(vault::Organisation{orgId, offer.name, offer.country, "", {}});
        }
    } else {
        std::erase_if(theirs->organisations, [&](const vault::Organisation& o) {
            return o.name == offer.name && !mine.organisation(o.id);
        });
    }
    for (vault::Entry& e : theirs->entries)
        if (std::find(offer.entries.begin(), offer.entries.end(), e.id) != offer.entries.end()) e.org = orgId;
}

void ImportPanel::Again(UiContext& ui) {
    again = false;
    const vault::Session& session = ui.services.session;
    preview = vault::previewMerge(session.data(), *theirs);
    previewedAt = session.dataVersion();
    MakeRows(session.data(), ui.state.settings.language);
}

void ImportPanel::DrawPreview(UiContext& ui) {
    const Lang lang = ui.state.settings.language;
    Text(ui, fileName, ui.fonts.heading);
    if (createdAt != 0) { // both only what the sender wrote: nothing in a bundle proves them
        const std::string when = formatDateTime(createdAt, ui.services.clock.utcOffsetMinutes());
        TextMuted(ui, fill(tr(from.empty() ? Str::ImportMadeAt : Str::ImportMadeAtBy, lang),
                           {{"when", when}, {"workstation", from}}));
    }
    if (sealedToUs) WarningText(ui, ui.t(Str::ImportFromAnyoneWithCode));
    if (keepass) DrawKeePassPreview(ui);
    using S = vault::MergeStatus;
    using W = vault::MergeItem::What;
    // Counted as the export counted them: entries and organisations apart.
    Text(ui, fill(tr(Str::ImportContents, lang),
                  {{"entries", std::to_string(theirs->entries.size())},
                   {"orgs", std::to_string(theirs->organisations.size())},
                   {"entriesNew", std::to_string(preview.count(W::Entry, S::New))},
                   {"orgsNew", std::to_string(preview.count(W::Organisation, S::New))}}));
    Text(ui, fill(tr(Str::ImportCounts, lang), {{"new", std::to_string(preview.count(S::New))},
                                                {"same", std::to_string(preview.count(S::Identical))},
                                                {"newer", std::to_string(preview.count(S::Newer))},
                                                {"older", std::to_string(preview.count(S::Older))},
                                                {"conflicts", std::to_string(preview.count(S::Conflict))}}));
    if (!carried.empty()) Text(ui, carried);
    if (recognised || skipped || binned)
        TextMuted(ui, fill(tr(Str::ImportForeignCounts, lang), {{"recognised", std::to_string(recognised)},
                                                                {"skipped", std::to_string(skipped)},
                                                                {"binned", std::to_string(binned)}}));
    if (source == bundle::Source::KeePassXcCsv || source == bundle::Source::BitwardenJson)
        WarningText(ui, ui.t(Str::ImportDeletePlainFile));
    if (!orgOffers.empty()) DrawOffers(ui);
    if (preview.count(S::Conflict) > 0) WarningText(ui, ui.t(Str::ImportConflictsHint));
    if (previewedAt != ui.services.session.dataVersion()) { // another tab saved: look again
        preview = vault::previewMerge(ui.services.session.data(), *theirs);
        previewedAt = ui.services.session.dataVersion();
        MakeRows(ui.services.session.data(), lang);
    }
    if (rowsLang != lang) MakeRows(ui.services.session.data(), lang);
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2;
    BeginRegion("import-preview", ImVec2(0, std::max(Px(160.0f), ImGui::GetContentRegionAvail().y - footer)),
                ImGuiChildFlags_Border);
    if (rowHeights.size() != rows.size()) { // until drawn: a line, the differences, a conflict's choices
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float cell = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
        const float choices = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
        rowHeights.clear();
        for (const Row& row : rows) {
            const vault::MergeItem& item = preview.items[row.item];
            const bool conflict = item.status == vault::MergeStatus::Conflict;
            float h = line;
            if (conflict || !item.diffs.empty()) h += cell * static_cast<float>(item.diffs.size() + 1);
            if (item.versions > 0) h += line;
            if (conflict) h += choices;
            rowHeights.push_back(h);
        }
    }
    RowClipper clip(rowHeights);
    for (std::size_t r = 0; clip.Step(r);) DrawItem(ui, rows[r]);
    ImGui::EndChild();
    if (again) Again(ui);
    const bool nothing = !preview.changesAnything();
    if (!leftOut.empty())
        TextMuted(ui, fill(tr(Str::ImportLeftOut, lang), {{"n", std::to_string(leftOut.size())}}));
    if (Button(ui, Str::ButtonImportConfirm, "import-confirm", !nothing && !ui.services.session.saving())) {
        // What is imported: the preview without the entries the user unticked.
        vault::MergePreview taken = preview;
        std::erase_if(taken.items, [&](const vault::MergeItem& i) { return leftOut.count(i.id) > 0; });
        ui.services.session.submit(vault::importChange(*theirs, taken, decisions));
        Reset();
        ui.tellWithSave(Str::MsgImportDone);
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
    case Step::KeePass:
        DrawKeePass(ui);
        break;
    case Step::Preview:
        DrawPreview(ui);
        break;
    }
}

} // namespace ts::ui
