// The organisations whose credentials the vault holds: name, country, ИНН or УНП (checked).
#pragma once

#include "ui/ui_context.h"

#include <map>
#include <string>

namespace ts::ui {

struct OrganisationsPanel {
    std::string editingId; // empty: none open
    std::string name, country = "RU", taxId;
    std::map<std::string, Str> errors;

    void Draw(UiContext& ui);
    void Wipe();

  private:
    void Open(const std::string& id, UiContext& ui);
    void DrawForm(UiContext& ui);
};

} // namespace ts::ui
