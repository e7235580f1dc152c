#include "ui/home_screen.h"

#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {
namespace {

struct EntryCard {
    Str title, text, button;
    const char* key;
    Screen screen;
};

// The three areas of the product.
constexpr EntryCard kCards[] = {
    {Str::CardVaultTitle, Str::CardVaultText, Str::CardVaultButton, "open-vault", Screen::Vault},
    {Str::CardProceduresTitle, Str::CardProceduresText, Str::CardProceduresButton, "open-procedures",
     Screen::Procedures},
    {Str::CardBundlesTitle, Str::CardBundlesText, Str::CardBundlesButton, "open-bundles", Screen::Transfer},
};

constexpr Str kKnownKinds[] = {Str::KnowsEisExport, Str::KnowsEisHttps, Str::KnowsEisParticipant,
                               Str::KnowsOais,      Str::KnowsTps,      Str::KnowsOther};

// Returns true when the card's button was pressed.
bool DrawCard(UiContext& ui, const EntryCard& card, Str button, float width, float height) {
    BeginRegion(card.key, ImVec2(width, height), ImGuiChildFlags_Border);
    Text(ui, ui.t(card.title), ui.fonts.heading);
    ImGui::Spacing();
    Text(ui, ui.t(card.text));
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() -
                         ImGui::GetStyle().WindowPadding.y + ImGui::GetStyle().ItemSpacing.y);
    const bool pressed = Button(ui, button, card.key);
    ImGui::EndChild();
    return pressed;
}

} // namespace

void HomeScreen::Draw(UiContext& ui) {
    Text(ui, ui.t(Str::AppName), ui.fonts.title);
    Text(ui, ui.t(Str::AppTagline));
    ImGui::Spacing();
    // A new user's first step is a vault of their own, not "opening" one they do not have.
    const bool noVault = ui.services.session.state() == vault::Session::State::NoVault;
    if (noVault) WarningText(ui, ui.t(Str::HomeStartHere), ui.fonts.heading);
    ImGui::Spacing();

    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    const bool stacked = narrow(avail);
    const float w = stacked ? avail : (avail - gap * 2) / 3.0f;
    const float h = ImGui::GetTextLineHeightWithSpacing() * 7.5f;
    for (const EntryCard& card : kCards) {
        const Str button = noVault && card.screen == Screen::Vault ? Str::ButtonCreateVault : card.button;
        if (DrawCard(ui, card, button, w, h)) ui.state.screen = card.screen;
        if (!stacked && &card != &kCards[std::size(kCards) - 1]) ImGui::SameLine(0, gap);
    }

    ImGui::Spacing();
    ImGui::Spacing();
    Text(ui, ui.t(Str::KnowsTitle), ui.fonts.heading);
    for (Str s : kKnownKinds) Bullet(ui, ui.t(s));
    ImGui::Spacing();
    TextMuted(ui, ui.t(Str::PrivacyNote));
}

} // namespace ts::ui
