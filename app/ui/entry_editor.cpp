#include "ui/entry_editor.h"

#include "core/crypto/secret.h"
#include "core/kinds/expiry.h"
#include "core/kinds/validate.h"
#include "core/procedures/procedure.h"
#include "core/team/merge_remote.h"
#include "core/time_format.h"
#include "core/vault/session.h"
#include "platform/clipboard.h"
#include "ui/diff_table.h"
#include "ui/expiry_badge.h"
#include "ui/kind_field.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace ts::ui {
namespace {

std::string dateOf(UiContext& ui, std::int64_t ms) {
    return formatDateTime(ms, ui.services.clock.utcOffsetMinutes());
}

} // namespace

// Copies a secret and schedules the clipboard to be cleared (App::ClearCopiedSecret).
void CopySecret(UiContext& ui, const std::string& value) {
    ui.services.clipboard.setText(value);
    if (ui.state.copied) crypto::wipeString(ui.state.copied->text);
    ui.state.copied = AppState::CopiedSecret{value, ui.now + kClipboardClearSeconds};
    ui.tell(Str::MsgCopied);
}

const kinds::Kind& EntryEditor::kind() const {
    const kinds::Registry& r = kinds::Registry::builtIn();
    const kinds::Kind* k = r.find(kindId);
    return k ? *k : *r.find("generic"); // an entry of a kind this version does not know
}

void EntryEditor::StartNew(std::string newId, const kinds::Kind& k, std::string organisation) {
    Wipe();
    id = std::move(newId);
    isNew = true;
    scrollToTop = true;
    kindId = k.id;
    org = loadedOrg = std::move(organisation);
    for (const kinds::Field& f : k.fields) values[f.id] = kinds::display(f, f.defaultValue);
    loadedFields = nlohmann::json::object();
}

void EntryEditor::Load(const vault::Entry& e) {
    Wipe();
    id = e.id;
    kindId = e.kind;
    if (loadedFor != e.id) scrollToTop = true; // not when the same entry reloads after a save
    loadedFor = e.id;
    org = loadedOrg = e.org;
    leadText = loadedLead = kinds::formatLeadDays(e.warnDays);
    loadedFields = e.fields;
    for (const kinds::Field& f : kind().fields) {
        const auto it = e.fields.find(f.id);
        values[f.id] =
            kinds::display(f, it != e.fields.end() && it->is_string() ? it->get<std::string>() : "");
    }
}

nlohmann::json EntryEditor::Fields() const {
    nlohmann::json out = loadedFields; // fields this kind does not show are kept as they were
    for (const kinds::Field& f : kind().fields) {
        const auto it = values.find(f.id);
        out[f.id] = kinds::normalise(f, it != values.end() ? it->second : "");
    }
    return out;
}

void EntryEditor::Wipe() {
    for (auto& [k, v] : values) crypto::wipeString(v);
    values.clear();
    errors.clear();
    revealed.clear();
    loadedFields = nlohmann::json::object();
    id.clear();
    org.clear();
    loadedOrg.clear();
    leadText.clear();
    loadedLead.clear();
    isNew = false;
    confirmDelete = false;
    viewing.reset();
}

void EntryEditor::DrawOrganisation(UiContext& ui) {
    Text(ui, ui.t(Str::FieldOrganisation));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Px(600.0f)));
    OrganisationCombo(ui, "entry-org", "org-", org, Str::NoOrganisation);
}

void EntryEditor::DrawExpiry(UiContext& ui) {
    const kinds::Kind& k = kind();
    if (k.expiry.rule == kinds::Expiry::Rule::None) return;
    const Date today = localToday(ui.services.clock.nowMillis(), ui.services.clock.utcOffsetMinutes());
    const auto own = kinds::parseLeadDays(leadText);
    const auto due = kinds::dueOn(k, Fields(), today, own && !own->empty() ? *own : k.warnDays);
    if (due) ExpiryBadge(ui, *due);
}

void EntryEditor::Save(UiContext& ui) {
    const nlohmann::json fields = Fields();
    std::map<std::string, Str> found = kinds::validateFields(kind(), fields);
    if (!found.empty()) {
        errors = std::move(found);
        ui.tell(Str::ErrFixFields, true);
        return;
    }
    const auto lead = kinds::parseLeadDays(leadText);
    if (!lead) {
        errors["#lead"] = Str::ErrLeadDays;
        ui.tell(Str::ErrFixFields, true);
        return;
    }
    errors.clear();
    ui.services.session.submit(vault::change::UpsertEntry{id, kindId, fields, org, *lead});
    ui.services.pacer.wake();
}

void EntryEditor::Draw(UiContext& ui) {
    vault::Session& session = ui.services.session;
    const vault::Entry* entry = session.data().find(id);
    if (!isNew && !entry) {
        Wipe(); // deleted, here or in another tab
        return;
    }
    if (entry && isNew) isNew = false; // the first save landed
    if (entry) {
        const nlohmann::json draft = Fields();
        if (draft == entry->fields && org == entry->org &&
            leadText == kinds::formatLeadDays(entry->warnDays)) { // our save landed: in step again
            loadedFields = entry->fields;
            loadedOrg = entry->org;
            loadedLead = leadText;
        } else if ((entry->fields != loadedFields || entry->org != loadedOrg ||
                    kinds::formatLeadDays(entry->warnDays) != loadedLead) &&
                   !Dirty()) {
            Load(*entry); // saved elsewhere (a restore, another tab) while the user was not editing
        }
    }
    const Lang lang = ui.state.settings.language;
    const kinds::Kind& k = kind();
    Text(ui, k.title.in(lang), ui.fonts.heading);
    TextMuted(ui, k.summary.in(lang));
    DrawExpiry(ui);
    if (entry) DrawTeamReplaced(ui, *entry);
    if (const procedures::Procedure* how = procedures::Library::builtIn().forKind(k.id);
        how && Button(ui, Str::ButtonHowToRenew, "entry-how-to")) {
        ui.state.openProcedure = AppState::ProcedureRequest{how->id, org, isNew ? std::string() : id};
        ui.state.screen = Screen::Procedures;
    }
    // Three tabs keep a long kind on one screen: the data, where it goes, and its history.
    if (!ImGui::BeginTabBar("entry-tabs")) return;
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabData)) + "###tab-data").c_str())) {
        DrawFields(ui, entry);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(ui.t(Str::WhereItGoes)) + "###tab-where").c_str())) {
        Text(ui, k.whereItGoes.in(lang));
        for (const kinds::Note& n : k.notes) NoteBullet(ui, n.text.in(lang), n.warning);
        ImGui::EndTabItem();
    }
    if (entry) {
        const std::string historyLabel = std::string(ui.t(Str::HistoryTitle)) + " (" +
                                         std::to_string(entry->history.size()) + ")###tab-history";
        if (ImGui::BeginTabItem(historyLabel.c_str())) {
            DrawHistory(ui, *entry);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

void EntryEditor::DrawFields(UiContext& ui, const vault::Entry* entry) {
    vault::Session& session = ui.services.session;
    // The fields scroll; the buttons stay in view below them.
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    if (scrollToTop) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    scrollToTop = false;
    BeginRegion("entry-fields", ImVec2(0, -footer), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    DrawOrganisation(ui);
    for (const kinds::Field& f : kind().fields) DrawKindField(ui, f, values[f.id], errors, revealed);
    DrawOtherFields(ui);
    if (kind().expiry.rule != kinds::Expiry::Rule::None) {
        if (TextField(ui, Str::FieldLeadDays, "entry-lead-days", leadText,
                      std::min(ImGui::GetContentRegionAvail().x, Px(600.0f))) ||
            errors.count("#lead")) {
            if (kinds::parseLeadDays(leadText))
                errors.erase("#lead");
            else
                errors["#lead"] = Str::ErrLeadDays;
        }
        if (errors.count("#lead"))
            ErrorText(ui, Str::ErrLeadDays);
        else
            TextMuted(ui,
                      std::string(ui.t(Str::KindLeadDays)) + " " + kinds::formatLeadDays(kind().warnDays));
    }
    ImGui::EndChild();
    ImGui::Separator();
    if (Button(ui, Str::ButtonSaveEntry, "entry-save", (isNew || Dirty()) && !session.saving())) Save(ui);
    // «Отмена» drops a new entry's draft, or an entry's unsaved edits.
    ImGui::SameLine();
    if (Button(ui, Str::ButtonCancel, "entry-cancel", isNew || Dirty())) {
        if (entry)
            Load(*entry);
        else
            Wipe();
        return;
    }
    if (session.saving()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        TextMuted(ui, ui.t(Str::Saving));
    }
    if (!entry) return;
    ImGui::SameLine();
    if (!confirmDelete) {
        if (Button(ui, Str::ButtonDeleteEntry, "entry-delete", !session.saving())) confirmDelete = true;
        return;
    }
    if (Button(ui, Str::ButtonConfirmDelete, "entry-delete-confirm", !session.saving())) {
        session.submit(vault::change::RemoveEntry{id});
        confirmDelete = false;
    }
    ImGui::SameLine();
    if (Button(ui, Str::ButtonCancel, "entry-delete-cancel")) confirmDelete = false;
}

// Fields the entry has and its kind does not — an import keeps another tool's title, address and
// notes beside a token it recognised: shown (not edited here) so that nothing brought in is hidden.
void EntryEditor::DrawOtherFields(UiContext& ui) {
    const Lang lang = ui.state.settings.language;
    bool first = true;
    const auto show = [&](const std::string& fieldId, const kinds::Field* known) {
        const auto it = loadedFields.find(fieldId);
        if (kind().field(fieldId) || it == loadedFields.end() || !it->is_string() ||
            it->get_ref<const std::string&>().empty())
            return;
        if (first) {
            ImGui::Spacing();
            TextMuted(ui, ui.t(Str::EntryOtherFields));
            first = false;
        }
        // A field of no kind this version knows (a newer version's) might be a secret: its length only.
        const std::string& value = it->get_ref<const std::string&>();
        const std::string shown = !known ? Masked(value) : known->secret ? std::string(8, '*') : value;
        Text(ui, (known ? known->label.in(lang) : fieldId) + ": " + shown);
    };
    // In the generic kind's order (title, login, secret, address, notes), then any others by name.
    const kinds::Kind* generic = kinds::Registry::builtIn().find("generic");
    if (generic)
        for (const kinds::Field& f : generic->fields) show(f.id, &f);
    for (const auto& [fieldId, value] : loadedFields.items())
        if (!generic || !generic->field(fieldId)) show(fieldId, nullptr);
}

// A team sync kept both versions of an entry two members changed (core/team/merge_remote.h): the
// one that lost is in the history, and this says so, field by field, where the entry is opened.
void EntryEditor::DrawTeamReplaced(UiContext& ui, const vault::Entry& e) {
    const auto marker = e.unknown.find(team::kReplacedMarker);
    if (marker == e.unknown.end() || !marker->is_object() || !marker->contains("savedAt") ||
        !(*marker)["savedAt"].is_number_integer())
        return;
    const std::int64_t savedAt = (*marker)["savedAt"].get<std::int64_t>();
    const auto v = std::find_if(e.history.begin(), e.history.end(),
                                [&](const vault::EntryVersion& h) { return h.savedAt == savedAt; });
    if (v == e.history.end()) return;
    vault::Entry replaced = e;
    replaced.fields = v->fields;
    const std::vector<vault::FieldDiff> diffs = vault::fieldDiffs(replaced, e);
    if (diffs.empty()) return;
    WarningText(
        ui, fill(tr(Str::TeamReplacedNotice, ui.state.settings.language), {{"date", dateOf(ui, savedAt)}}));
    const vault::Data& data = ui.services.session.data();
    DrawFieldDiffs(ui, "team-replaced", diffs, Str::TeamReplacedOld, Str::TeamReplacedNew, &kind(), false,
                   [&](const std::string& id) {
                       const vault::Organisation* o = data.organisation(id);
                       return o ? o->name : id;
                   });
}

void EntryEditor::DrawHistory(UiContext& ui, const vault::Entry& e) {
    if (e.history.empty()) {
        TextMuted(ui, ui.t(Str::HistoryEmpty));
        return;
    }
    // Newest first: that is the one people look for.
    for (std::size_t n = e.history.size(); n-- > 0;) {
        const vault::EntryVersion& v = e.history[n];
        ImGui::PushID(static_cast<int>(n));
        ImGui::AlignTextToFramePadding();
        Text(ui, std::string(ui.t(Str::HistorySavedAt)) + " " + dateOf(ui, v.savedAt));
        ImGui::SameLine();
        const std::string viewKey = "history-view-" + std::to_string(n);
        if (Button(ui, Str::ButtonView, viewKey.c_str()))
            viewing = viewing == v.savedAt ? std::nullopt : std::optional(v.savedAt);
        ImGui::SameLine();
        const std::string restoreKey = "history-restore-" + std::to_string(n);
        if (Button(ui, Str::ButtonRestore, restoreKey.c_str(), !ui.services.session.saving())) {
            ui.services.session.submit(vault::change::RestoreVersion{e.id, v.savedAt});
            viewing.reset();
        }
        ImGui::PopID();
        if (viewing != v.savedAt) continue;
        // The old version, read-only; secrets stay masked.
        ImGui::Indent();
        for (const kinds::Field& f : kind().fields) {
            const auto it = v.fields.find(f.id);
            if (it == v.fields.end() || !it->is_string() || it->get<std::string>().empty()) continue;
            const std::string shown =
                f.secret ? std::string(8, '*') : kinds::display(f, it->get<std::string>());
            TextMuted(ui, f.label.in(ui.state.settings.language) + ": " + shown);
        }
        ImGui::Unindent();
    }
}

} // namespace ts::ui
