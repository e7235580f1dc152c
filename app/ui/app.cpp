#include "ui/app.h"

#include "core/clock.h"
#include "core/crypto/secret.h"
#include "core/team/team_service.h"
#include "core/vault/session.h"
#include "platform/clipboard.h"
#include "ui/forget_secrets.h"
#include "ui/shell_bars.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace ts::ui {
namespace {

// ImGui asks for clipboard text when handling Ctrl+V, and hands over text on Ctrl+C / Ctrl+X.
const char* GetClipboard(void* user) {
    return static_cast<Clipboard*>(user)->text().c_str();
}
void SetClipboard(void* user, const char* text) {
    static_cast<Clipboard*>(user)->setText(text);
}

} // namespace

const char* screenName(Screen s) {
    switch (s) {
    case Screen::Home:
        return "home";
    case Screen::Vault:
        return "vault";
    case Screen::Procedures:
        return "procedures";
    case Screen::Transfer:
        return "transfer";
    case Screen::Settings:
        return "settings";
    }
    return "?";
}

App::App(Services services, TestSeam& seam, ScreenReaderMirror* mirror)
    : services_(services), seam_(seam), mirror_(mirror) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // window layout is not worth a file; nothing is written to disk
    io.LogFilename = nullptr;
    // Everything can be reached with Tab, arrows, Enter, Space and Esc (ui/theme.cpp draws the ring).
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ClipboardUserData = &services_.clipboard;
    io.GetClipboardTextFn = GetClipboard;
    io.SetClipboardTextFn = SetClipboard;
    ApplyTheme();
    recorder_.attach(ImGui::GetCurrentContext());
    state_.settings = SettingsStore(services_.settingsStore).load();
    services_.session.setNotify([this](const vault::Session::Notice& n) {
        state_.status.fromVault(n.text, n.error, n.detail);
        services_.pacer.wake();
    });
}

void App::SetReducedMotion(bool reduce) {
    state_.reducedMotion = reduce;
    ImGui::GetIO().ConfigInputTextCursorBlink = !reduce;
    services_.pacer.wake();
}

void App::OnUpdateReady() {
    state_.updateReady = true;
    state_.status.say({}, Str::UpdateReady);
    services_.pacer.wake();
}

void App::RequestLock() {
    lock_.requestLock();
    CheckLock();
}

void App::CheckLock() {
    const vault::Session& session = services_.session;
    lock_.setIdleMinutes(state_.settings.autoLockMinutes);
    lock_.setUnlocked(session.state() == vault::Session::State::Unlocked);
    lock_.setSaving(session.saving());
    if (lock_.check()) LockNow();
}

void App::OnVisibility(bool hidden) {
    ++visibilitySpell_;
    if (!hidden) {
        lock_.visible();
        CheckLock();
        return;
    }
    lock_.hidden();
    WakeWhileHidden(visibilitySpell_);
}

void App::WakeWhileHidden(unsigned spell) {
    // No frame runs in a hidden tab, so the policy's next check needs a timer of its own; a timer
    // of an earlier spell (the tab was shown in between) does nothing.
    const double at = lock_.nextCheck();
    if (!std::isfinite(at)) return;
    const double wait = std::max(0.0, at - services_.clock.elapsedMillis());
    if (!services_.runLater) return;
    services_.runLater(static_cast<int>(std::ceil(wait)), [this, spell] {
        if (spell != visibilitySpell_) return;
        CheckLock();
        WakeWhileHidden(spell);
    });
}

void App::LockNow() {
    lock_.locked();
    if (services_.session.state() != vault::Session::State::Unlocked &&
        services_.session.state() != vault::Session::State::Creating)
        return;
    services_.session.lock();
    ForgetUnlockedState();
    state_.status.say({}, Str::MsgLocked);
    services_.pacer.wake();
}

void App::ClearCopiedSecret() {
    if (!state_.copied) return;
    std::string text = std::move(state_.copied->text);
    state_.copied.reset();
    services_.clipboard.clearIfStill(text, [this](Clipboard::ClearResult r) {
        static constexpr Str kMessages[] = {Str::MsgClipboardCleared, Str::MsgClipboardNotOurs,
                                            Str::ErrClipboardCannotRead, Str::ErrClipboardCannotWrite};
        const bool error =
            r == Clipboard::ClearResult::CannotRead || r == Clipboard::ClearResult::CannotWrite;
        state_.status.say({}, kMessages[static_cast<int>(r)], error);
        services_.pacer.wake();
    });
    crypto::wipeString(text);
}

void App::ForgetUnlockedState() {
    wasUnlocked_ = false;
    ClearCopiedSecret(); // locking does not wait the 30 seconds
    vault_.Wipe();
    procedures_.Wipe();
    transfer_.Wipe();
    settings_.security.Wipe();
    services_.clipboard.forget();
    ForgetImGuiText();
    if (services_.scrubMemory) services_.scrubMemory();
}

void App::OnStorageActivity() {
    // The session may have locked by itself (passphrase changed in another tab), possibly while
    // the tab is hidden and no frame runs.
    const bool unlocked = services_.session.state() == vault::Session::State::Unlocked;
    if (wasUnlocked_ && !unlocked) ForgetUnlockedState();
    wasUnlocked_ = unlocked;
    CheckLock();                                  // a save that held a lock has ended
    if (services_.teams) services_.teams->tick(); // follows unlocks, locks and saves
}

bool App::InputHeld() const {
    const ImGuiIO& io = ImGui::GetIO();
    for (bool down : io.MouseDown)
        if (down) return true;
    // Key repeat is computed by ImGui from frames: keep drawing while a key is held.
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k)
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(k))) return true;
    return false;
}

void App::Tick(Window& window, double now) {
    FramePacer& pacer = services_.pacer;
    const bool resized = window.syncSize();
    const bool input = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || frames_ == 0;
    if (resized) pacer.wake();
    if (input) {
        pacer.wake();
        lock_.input();
    }
    now_ = now;
    OnStorageActivity();
    if (state_.copied && now >= state_.copied->clearAt) ClearCopiedSecret();
    pacer.wakeAt(lock_.nextCheck() / 1000.0);
    savingSince_ = !services_.session.saving() ? -1 : savingSince_ < 0 ? now : savingSince_;
    if (savingSince_ >= 0 && !input && !resized && now < savingSince_ + kSavePauseSeconds) {
        pacer.wakeAt(savingSince_ + kSavePauseSeconds); // the owed frames are kept for then
        return;
    }
    // A new text size (the settings screen) is applied between frames: the atlas cannot change
    // while one is being built.
    const float textScale = static_cast<float>(state_.settings.textSizePercent) / 100.0f;
    if (textScale != fonts_.builtForScale) pacer.wake();
    if (!pacer.shouldRender(now)) return;

    const double frameStart = services_.clock.elapsedMillis();
    if (textScale != fonts_.builtForScale) ApplyTheme(textScale);
    if (fonts_.ensure(window.dpr(), textScale)) window.reloadFontTexture();
    // ImGui applies one change of a button or key per frame (a press and its release in one frame
    // would be lost), so input that arrived together — a click is both — is worked through in
    // frames built back to back; a slow action's progress frame follows the one that started it.
    // Only the last frame is drawn: a click answers a display refresh or two sooner.
    for (int built = 1;; ++built) {
        BuildFrame(window);
        const bool more = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 ||
                          std::exchange(state_.slowActionStarted, false);
        if (!more || built == kMaxFramesPerTick) break;
    }
    if (savingSince_ < 0 && services_.session.saving() && !resized) {
        // A save began in this frame: it is not drawn, so that the browser's rasterizer does not
        // compete with the write; the frame after the save shows its outcome.
        pacer.wake();
    } else {
        window.present();
    }
    ++frames_;
    lastFrameMs_ = services_.clock.elapsedMillis() - frameStart; // for scripts/bench.sh

    const ImGuiIO& io = ImGui::GetIO();
    pacer.afterFrame(now, InputHeld(), io.WantTextInput && io.ConfigInputTextCursorBlink);
    pacer.wakeAt(lock_.nextCheck() / 1000.0); // re-declares the lock's timer for this frame
    if (state_.copied) pacer.wakeAt(state_.copied->clearAt);
    std::string items = recorder_.itemsJson(), state = StateJson();
    if (mirror_) {
        const double mirrorStart = services_.clock.elapsedMillis();
        UpdateMirrorTexts();
        mirror_->frameDrawn(items, state);
        lastMirrorMs_ = services_.clock.elapsedMillis() - mirrorStart; // published with the next frame
    }
    seam_.publish(std::move(items), std::move(state), frames_);
}

void App::UpdateMirrorTexts() {
    const Lang lang = state_.settings.language;
    if (mirrorTextsSent_ && lang == mirrorLang_) return;
    mirrorTextsSent_ = true;
    mirrorLang_ = lang;
    const nlohmann::json j = {{"lang", langCode(lang)},
                              {"enable", tr(Str::MirrorEnable, lang)},
                              {"disable", tr(Str::MirrorDisable, lang)},
                              {"secret", tr(Str::MirrorSecret, lang)},
                              {"region", tr(Str::MirrorRegion, lang)}};
    mirror_->setTexts(j.dump());
}

void App::TakeMirrorRequest() {
    const auto r = mirror_ ? mirror_->takeRequest() : std::nullopt;
    if (!r) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (r->press == ScreenReaderMirror::Request::Press::Leave) {
        // No ring while the keyboard is outside; ImGui keeps its place, and Tab back in (with no
        // ring shown) resumes on that widget rather than the one after it.
        g.NavDisableHighlight = true;
        return;
    }
    ImGuiWindow* window = ImGui::FindWindowByID(r->window);
    if (!window || !window->WasActive) return; // drawn no more since the mirror showed it
    // What Tab would do to reach the item: a text field being edited lets go (else the key pressed
    // below would be typed into it), and the keyboard focus (with its ring) is set on the item...
    if (g.ActiveId != 0 && g.ActiveId != r->item) ImGui::ClearActiveID();
    ImGui::FocusWindow(window);
    ImGui::SetFocusID(r->item, window);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = g.NavMousePosDirty = true;
    // ...and a press is a key press there, through ImGui's input queue like the keyboard's own.
    if (r->press == ScreenReaderMirror::Request::Press::None) return;
    const ImGuiKey key =
        r->press == ScreenReaderMirror::Request::Press::Space ? ImGuiKey_Space : ImGuiKey_Enter;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
}

void App::BuildFrame(Window& window) {
    window.newFrame();
    ImGui::NewFrame();
    TakeMirrorRequest();
    recorder_.beginFrame();
    DrawFrame();
    ImGui::Render();
    // The widget the keyboard was on is gone (its form closed, a button was hidden): Tab would have
    // nothing to go on from and do nothing, so it starts again from the top of the window.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // (Its window may be a part of the screen, which Tab does not start from: the screen's is used.)
    // A widget disabled under the keyboard (a form's «Сохранить» once saved) is the same: ImGui's
    // Tab does not go on from a disabled widget.
    if (g.NavId != 0 && g.ActiveId == 0 && (!g.NavIdIsAlive || recorder_.isDisabled(g.NavId))) {
        if (ImGuiWindow* root = g.NavWindow ? g.NavWindow->RootWindowForNav : nullptr) {
            ImGui::FocusWindow(root);
            root->NavLastIds[ImGuiNavLayer_Main] = 0;
        }
        g.NavId = 0;
        g.NavDisableHighlight = true; // so that Tab takes the first widget (imgui.cpp: tabbing, case 1)
    }
    if (state_.lockRequested) {
        state_.lockRequested = false;
        // The user locked (the button, Ctrl+L): the next thing typed is the passphrase, so the unlock
        // form is shown, with the keyboard in its field (VaultGate::DrawUnlock).
        state_.screen = Screen::Vault;
        RequestLock();
    }
}

void App::DrawFrame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("TokenSafe###main", nullptr, kFlags);
    ImGui::PushFont(fonts_.body);
    UiContext ui{state_, services_, recorder_, fonts_, now_};
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_L)) state_.lockRequested = true;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F) &&
        services_.session.state() == vault::Session::State::Unlocked) {
        state_.screen = Screen::Vault;
        state_.focusSearch = true;
    }
    {
        const Place shown(ui, screenName(state_.screen)); // the bars speak for the screen shown
        DrawTopBar(ui);
        if (DrawBackupReminder(ui)) {
            transfer_.StartBackup();
            state_.screen = Screen::Transfer;
        }
    }

    BeginRegion("content", ImVec2(0, -StatusBarHeight()), ImGuiChildFlags_None,
                ImGuiWindowFlags_NoBackground);
    // Long lines are hard to read on wide monitors: the home screen's text keeps to 1100 px; the
    // screens with a list beside a form, a checklist beside its step, or two columns use the window.
    const float maxWidth = Px(state_.screen == Screen::Home ? 1100.0f : 1760.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > maxWidth) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - maxWidth) / 2);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(std::min(avail, maxWidth));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(avail, maxWidth));
    BeginRegion("screen", ImVec2(std::min(avail, maxWidth), 0), ImGuiChildFlags_None,
                ImGuiWindowFlags_NoBackground);
    {
        const Place shown(ui, screenName(state_.screen));
        switch (state_.screen) {
        case Screen::Home:
            home_.Draw(ui);
            break;
        case Screen::Vault:
            vault_.Draw(ui);
            break;
        case Screen::Procedures:
            procedures_.Draw(ui);
            break;
        case Screen::Transfer:
            transfer_.Draw(ui);
            break;
        case Screen::Settings:
            settings_.Draw(ui);
            break;
        }
    }
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::EndChild();

    state_.status.enter(ui.at); // what was said on a screen or tab the user has left is dropped
    DrawStatusBar(ui);
    ImGui::PopFont();
    ImGui::End();
    if (procedures_.presentation.Active()) procedures_.presentation.Draw(ui);
}

static const char* vaultStateName(vault::Session::State s) {
    using State = vault::Session::State;
    switch (s) {
    case State::Loading:
        return "loading";
    case State::LoadFailed:
        return "failed";
    case State::NoVault:
        return "absent";
    case State::Creating:
        return "creating";
    case State::Locked:
        return "locked";
    case State::Unlocked:
        return "unlocked";
    }
    return "?";
}

static const char* persistenceName(vault::Persistence p) {
    switch (p) {
    case vault::Persistence::Persistent:
        return "persistent";
    case vault::Persistence::NotPersistent:
        return "not-persistent";
    case vault::Persistence::Unsupported:
        return "unsupported";
    case vault::Persistence::Unknown:
        break;
    }
    return "unknown";
}

std::string App::StateJson() const {
    // The body text's size in CSS pixels as rasterised in the atlas and as drawn: equal when the
    // text size is built into the fonts rather than scaled up from a smaller bitmap.
    const float dpr = fonts_.builtForDpr > 0 ? fonts_.builtForDpr : 1.0f;
    const nlohmann::json textPx = {
        {"atlas", fonts_.body ? fonts_.body->FontSize / dpr : 0.0f},
        {"drawn", fonts_.body ? fonts_.body->FontSize * ImGui::GetIO().FontGlobalScale : 0.0f}};
    const vault::Session& session = services_.session;
    const Message& said = state_.status.message();
    std::string message = tr(said.text, state_.settings.language).data();
    if (!said.detail.empty()) message += " (" + said.detail + ")";
    const nlohmann::json j = {
        {"screen", screenName(state_.screen)},
        {"language", langCode(state_.settings.language)},
        {"message", message},
        {"messageIsError", said.error},
        {"messagePlace", said.place},
        {"place", state_.status.here()},
        {"locked", session.state() != vault::Session::State::Unlocked},
        {"vault", vaultStateName(session.state())},
        {"revision", session.revision()},
        {"entries", session.data().entries.size()},
        {"saving", session.saving()},
        {"lastSaveMs", session.lastSaveMillis()},
        {"persistence", persistenceName(session.persistence())},
        {"filePage", services_.filePage},
        {"updateReady", state_.updateReady},
        {"reducedMotion", state_.reducedMotion},
        {"textPx", textPx},
        {"frameMs", lastFrameMs_},
        {"mirrorMs", lastMirrorMs_},
        {"presenting", procedures_.presentation.procedure},
        {"slide", procedures_.presentation.slide},
        {"unlockRetryInMs",
         std::max<std::int64_t>(0, session.unlockAllowedAt() - services_.clock.nowMillis())},
    };
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace ts::ui
