// Editing one entry, drawn from its credential kind's data: each field with its label, hint and
// input by type, validated with a specific message; the organisation; when it expires and where it
// goes; save, delete, and the history of saved versions (view one, restore it).
#pragma once

#include "core/kinds/kind.h"
#include "core/vault/model.h"
#include "ui/ui_context.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace ts::ui {

void CopySecret(UiContext& ui, const std::string& value);

struct EntryEditor {
    std::string id; // empty: nothing open
    bool isNew = false;
    std::string kindId = "generic";
    std::string org;
    nlohmann::json loadedFields = nlohmann::json::object();
    std::string loadedOrg;
    std::string leadText, loadedLead;          // the entry's own lead times as typed ("30, 7, 1")
    std::map<std::string, std::string> values; // field id → as shown (dates as ДД.ММ.ГГГГ)
    std::map<std::string, Str> errors;         // field id → message, after an edit or a save attempt
    std::set<std::string> revealed;            // secret fields shown in clear
    bool confirmDelete = false;
    std::optional<std::int64_t> viewing; // savedAt of the history version shown
    bool scrollToTop = false;            // another entry was opened: start at its first field
    std::string loadedFor;               // the entry last loaded, to tell a reload from a switch

    void StartNew(std::string newId, const kinds::Kind& kind, std::string organisation);
    void Load(const vault::Entry& e);
    // The values in stored form (dates as YYYY-MM-DD), plus fields this editor does not show.
    nlohmann::json Fields() const;
    bool Dirty() const { return Fields() != loadedFields || org != loadedOrg || leadText != loadedLead; }
    void Draw(UiContext& ui);
    void Wipe();

  private:
    const kinds::Kind& kind() const;
    void DrawOrganisation(UiContext& ui);
    void DrawExpiry(UiContext& ui);
    void Save(UiContext& ui);
    void DrawOtherFields(UiContext& ui);
    void DrawFields(UiContext& ui, const vault::Entry* entry);
    void DrawTeamReplaced(UiContext& ui, const vault::Entry& e);
    void DrawHistory(UiContext& ui, const vault::Entry& e);
};

} // namespace ts::ui
