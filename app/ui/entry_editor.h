// Editing one entry of the generic kind: title, login, secret (masked unless shown), URL, notes;
// save, delete, and the entry's history of saved versions (view one, restore it).
#pragma once

#include "core/vault/model.h"
#include "ui/ui_context.h"

#include <optional>
#include <string>

namespace ts::ui {

struct EntryEditor {
    std::string id; // empty: nothing open
    bool isNew = false;
    nlohmann::json loadedFields = nlohmann::json::object();
    std::string title, login, secret, url, notes;
    bool reveal = false;
    bool confirmDelete = false;
    std::optional<std::size_t> viewing; // index into the entry's history
    std::optional<Str> error;

    void StartNew(std::string newId);
    void Load(const vault::Entry& e);
    nlohmann::json Fields() const;
    bool Dirty() const { return Fields() != loadedFields; }
    void Draw(UiContext& ui);
    void Wipe();

  private:
    void DrawHistory(UiContext& ui, const vault::Entry& e);
};

} // namespace ts::ui
