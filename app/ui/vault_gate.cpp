#include "ui/vault_gate.h"

#include "core/vault/session.h"
#include "core/vault/typing_hint.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <utility>

namespace ts::ui {

void StrengthMeter(UiContext& ui, const SecretField& f) {
    const int score = vault::passphraseStrength(f.bytes());
    static constexpr ImVec4 kColors[] = {{0.75f, 0.15f, 0.15f, 1},
                                         {0.85f, 0.45f, 0.1f, 1},
                                         {0.8f, 0.65f, 0.1f, 1},
                                         {0.35f, 0.6f, 0.2f, 1},
                                         {0.15f, 0.5f, 0.2f, 1}};
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kColors[score]);
    ImGui::ProgressBar(f.empty() ? 0.0f : (score + 1) / 5.0f, ImVec2(Px(420), Px(6)), "");
    ImGui::PopStyleColor();
    std::string label = ui.t(Str::StrengthPrefix);
    label += ' ';
    label += ui.t(vault::strengthLabel(score));
    TextMuted(ui, f.empty() ? std::string() : label);
}

bool PassphraseInput(UiContext& ui, Str label, const char* key, SecretField& field, float width) {
    Text(ui, ui.t(label));
    ImGui::SetNextItemWidth(width);
    std::string id = "###";
    id += key;
    const bool enter = ImGui::InputText(id.c_str(), field.buf.data(), field.buf.size(),
                                        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ui.seam.describeSecret(ui.t(label), field.buf.data());
    return enter;
}

void VaultGate::Wipe() {
    pass.wipe();
    repeat.wipe();
    unlockPass.wipe();
    formError.reset();
    typedHint.reset();
    slow.cancel();
}

void VaultGate::DrawWorking(UiContext& ui, Str what) {
    Text(ui, ui.t(what), ui.fonts.heading);
    // Indeterminate: a block sliding along the bar, or standing in its middle for a person who
    // asked for less motion (ImGui places the block by the fraction's distance below zero).
    const bool still = ui.state.reducedMotion;
    const float t = still ? 0.4f : static_cast<float>(ImGui::GetTime());
    ImGui::ProgressBar(-1.0f * t, ImVec2(Px(420), Px(8)), "");
    ui.seam.addProgress(ui.t(what), -1.0f);
    if (!still) ui.services.pacer.wake(1); // keep the bar moving while it is shown
    slow.step(ui);
}

void VaultGate::DrawCreate(UiContext& ui) {
    if (slow.busy()) return DrawWorking(ui, Str::WorkingKdf);
    Text(ui, ui.t(Str::CreateTitle), ui.fonts.title);
    Text(ui, ui.t(Str::CreateIntro));
    WarningText(ui, ui.t(Str::CreateWarning));
    if (ui.services.filePage) WarningText(ui, ui.t(Str::PersistFilePage));
    ImGui::Spacing();
    // The rules before anything is typed, and the refusal below the button: nothing moves under
    // the pointer when a message appears.
    TextMuted(ui, ui.t(Str::PassphraseRules));
    bool submit = PassphraseInput(ui, Str::FieldPassphrase, "create-pass", pass);
    StrengthMeter(ui, pass);
    submit |= PassphraseInput(ui, Str::FieldPassphraseRepeat, "create-repeat", repeat);
    ImGui::Spacing();
    submit |= Button(ui, Str::ButtonCreateVault, "create-vault", !pass.empty() && !repeat.empty());
    if (formError) ErrorText(ui, *formError);
    if (!submit) return;
    if (std::strcmp(pass.buf.data(), repeat.buf.data()) != 0) {
        formError = Str::ErrPassphraseMismatch;
        ui.tell(Str::ErrPassphraseMismatch, true);
        return;
    }
    formError.reset();
    slow.start(ui, [this](UiContext& ui) {
        const std::optional<Str> err = ui.services.session.create(pass.bytes());
        if (err) {
            formError = err;
            ui.tell(*err, true);
            return;
        }
        Wipe();
    });
}

void VaultGate::DrawUnlock(UiContext& ui) {
    if (slow.busy()) return DrawWorking(ui, Str::WorkingKdf);
    vault::Session& session = ui.services.session;
    Text(ui, ui.t(Str::UnlockTitle), ui.fonts.title);
    Text(ui, ui.t(Str::UnlockIntro));
    ImGui::Spacing();
    const int frame = ImGui::GetFrameCount();
    if (std::exchange(unlockDrawnFrame, frame) != frame - 1) ImGui::SetKeyboardFocusHere(1);
    bool submit = PassphraseInput(ui, Str::FieldPassphrase, "unlock-pass", unlockPass);
    if (formError) ErrorText(ui, *formError);
    if (formError == Str::ErrVaultWrongPassphrase && typedHint) WarningText(ui, ui.t(*typedHint));
    const std::int64_t wait = session.unlockAllowedAt() - ui.services.clock.nowMillis();
    if (wait > 0) ui.services.pacer.wakeAt(ui.now + wait / 1000.0);
    ImGui::Spacing();
    submit |= Button(ui, Str::ButtonUnlock, "unlock", !unlockPass.empty() && wait <= 0);
    if (!submit || unlockPass.empty() || wait > 0) return;
    slow.start(ui, [this](UiContext& ui) {
        const std::optional<Str> err = ui.services.session.unlock(unlockPass.bytes());
        typedHint =
            err == Str::ErrVaultWrongPassphrase ? vault::typingHint(unlockPass.bytes()) : std::nullopt;
        unlockPass.wipe();
        if (err) {
            formError = err;
            ui.tell(*err, true);
            return;
        }
        formError.reset();
    });
}

} // namespace ts::ui
