// The team tab of the transfer screen: the teams this vault belongs to (status, members, add and
// remove, sync now), creating a team and joining one. What happens is core/team/team_service.h's.
#pragma once

#include "ui/secret_field.h"
#include "ui/ui_context.h"

#include <optional>
#include <set>
#include <string>

namespace ts::ui {

struct TeamPanel {
    // Creating a team
    std::string name, folder, login, codes, myName;
    SecretField password;
    std::set<std::string> organisations;
    // Joining one
    std::string joinFolder, joinLogin;
    SecretField joinPassword;
    // Adding a member to a team shown
    std::string memberCode, memberName;
    std::optional<Str> error; // the form's own check (an address, a code)

    void Draw(UiContext& ui);
    void Wipe();

  private:
    void DrawTeam(UiContext& ui, std::size_t index);
    void DrawCreate(UiContext& ui);
    void DrawJoin(UiContext& ui);
    void DrawAction(UiContext& ui);
};

} // namespace ts::ui
