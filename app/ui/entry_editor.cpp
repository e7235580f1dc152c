#include "ui/entry_editor.h"

#include "core/crypto/secret.h"
#include "core/time_format.h"
#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace ts::ui {
namespace {

void SecretInput(UiContext& ui, const char* key, std::string& value, bool reveal, bool readOnly) {
    Text(ui, ui.t(Str::FieldSecret));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - 120.0f, 480.0f));
    ImGuiInputTextFlags flags = reveal ? 0 : ImGuiInputTextFlags_Password;
    if (readOnly) flags |= ImGuiInputTextFlags_ReadOnly;
    std::string id = "###";
    id += key;
    ImGui::InputText(id.c_str(), &value, flags);
    ui.seam.describeSecret(ui.t(Str::FieldSecret), value.size());
}

std::string dateOf(UiContext& ui, std::int64_t ms) {
    return formatDateTime(ms, ui.services.clock.utcOffsetMinutes());
}

} // namespace

void EntryEditor::StartNew(std::string newId) {
    Wipe();
    id = std::move(newId);
    isNew = true;
}

void EntryEditor::Load(const vault::Entry& e) {
    Wipe();
    id = e.id;
    loadedFields = e.fields;
    title = e.field("title");
    login = e.field("login");
    secret = e.field("secret");
    url = e.field("url");
    notes = e.field("notes");
}

nlohmann::json EntryEditor::Fields() const {
    nlohmann::json f = loadedFields; // fields this editor does not show are kept as they were
    f["title"] = title;
    f["login"] = login;
    f["secret"] = secret;
    f["url"] = url;
    f["notes"] = notes;
    return f;
}

void EntryEditor::Wipe() {
    for (std::string* s : {&title, &login, &secret, &url, &notes}) crypto::wipeString(*s);
    loadedFields = nlohmann::json::object();
    id.clear();
    isNew = false;
    reveal = false;
    confirmDelete = false;
    viewing.reset();
    error.reset();
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
        if (draft == entry->fields) loadedFields = entry->fields; // our save landed: in step again
        // Changes saved elsewhere (a restore, another tab) show up unless the user is mid-edit.
        else if (entry->fields != loadedFields && draft == loadedFields)
            Load(*entry);
    }

    Text(ui, isNew ? ui.t(Str::EntryNewTitle) : (title.empty() ? ui.t(Str::EntryUntitled) : title.c_str()),
         ui.fonts.heading);
    const float w = std::min(ImGui::GetContentRegionAvail().x, 600.0f);
    TextField(ui, Str::FieldTitle, "entry-title", title, w);
    TextField(ui, Str::FieldLogin, "entry-login", login, w);
    SecretInput(ui, "entry-secret", secret, reveal, false);
    ImGui::SameLine();
    if (Button(ui, reveal ? Str::ButtonHide : Str::ButtonReveal, "entry-reveal")) reveal = !reveal;
    TextField(ui, Str::FieldUrl, "entry-url", url, w);
    Text(ui, ui.t(Str::FieldNotes));
    ImGui::InputTextMultiline("###entry-notes", &notes, ImVec2(w, ImGui::GetTextLineHeight() * 4.5f));
    ui.seam.describeLast(ui.t(Str::FieldNotes), notes);

    if (error) {
        ErrorText(ui, *error);
    }
    ImGui::Spacing();
    if (Button(ui, Str::ButtonSaveEntry, "entry-save", (isNew || Dirty()) && !session.saving())) {
        if (title.empty()) {
            error = Str::ErrTitleRequired;
            ui.tell(Str::ErrTitleRequired, true);
        } else {
            error.reset();
            vault::Change c;
            c.id = id;
            c.fields = Fields();
            session.submit(std::move(c));
            ui.services.pacer.wake();
        }
    }
    if (session.saving()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        TextMuted(ui, ui.t(Str::Saving));
    }
    if (!entry) return;
    ImGui::SameLine();
    if (!confirmDelete) {
        if (Button(ui, Str::ButtonDeleteEntry, "entry-delete")) confirmDelete = true;
    } else {
        if (Button(ui, Str::ButtonConfirmDelete, "entry-delete-confirm")) {
            vault::Change c;
            c.kind = vault::Change::Kind::Remove;
            c.id = id;
            session.submit(std::move(c));
            confirmDelete = false;
        }
        ImGui::SameLine();
        if (Button(ui, Str::ButtonCancel, "entry-delete-cancel")) confirmDelete = false;
    }
    ImGui::Spacing();
    DrawHistory(ui, *entry);
}

void EntryEditor::DrawHistory(UiContext& ui, const vault::Entry& e) {
    ImGui::Separator();
    Text(ui, ui.t(Str::HistoryTitle), ui.fonts.heading);
    if (e.history.empty()) {
        TextMuted(ui, ui.t(Str::HistoryEmpty));
        return;
    }
    // Newest first: that is the one people look for.
    for (std::size_t n = e.history.size(); n-- > 0;) {
        ImGui::PushID(static_cast<int>(n));
        ImGui::AlignTextToFramePadding();
        Text(ui, std::string(ui.t(Str::HistorySavedAt)) + " " + dateOf(ui, e.history[n].savedAt));
        ImGui::SameLine();
        const std::string viewKey = "history-view-" + std::to_string(n);
        if (Button(ui, Str::ButtonView, viewKey.c_str()))
            viewing = viewing == n ? std::nullopt : std::optional(n);
        ImGui::SameLine();
        const std::string restoreKey = "history-restore-" + std::to_string(n);
        if (Button(ui, Str::ButtonRestore, restoreKey.c_str(), !ui.services.session.saving())) {
            vault::Change c;
            c.kind = vault::Change::Kind::Restore;
            c.id = e.id;
            c.versionSavedAt = e.history[n].savedAt;
            ui.services.session.submit(std::move(c));
            viewing.reset();
        }
        ImGui::PopID();
    }
    if (viewing && *viewing < e.history.size()) {
        const vault::EntryVersion& v = e.history[*viewing];
        ImGui::BeginChild("history-view", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
        Text(ui, std::string(ui.t(Str::HistoryViewing)) + " " + dateOf(ui, v.savedAt));
        for (const char* name : {"title", "login", "url", "notes"}) {
            const auto it = v.fields.find(name);
            if (it == v.fields.end() || !it->is_string() || it->get<std::string>().empty()) continue;
            TextMuted(ui, it->get<std::string>());
        }
        std::string oldSecret = v.fields.value("secret", std::string());
        SecretInput(ui, "history-secret", oldSecret, reveal, true);
        crypto::wipeString(oldSecret);
        ImGui::EndChild();
    }
}

} // namespace ts::ui
