// The application: owns the state, the screens and the seam recorder, and draws one frame when
// the frame pacer says one is due.
#pragma once

#include "core/lock_policy.h"
#include "platform/screen_reader.h"
#include "platform/test_seam.h"
#include "platform/window.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/home_screen.h"
#include "ui/procedures_screen.h"
#include "ui/seam_recorder.h"
#include "ui/settings_screen.h"
#include "ui/transfer_screen.h"
#include "ui/vault_screen.h"

#include <cstdint>
#include <utility>

namespace ts::ui {

class App {
  public:
    // `mirror` may be null: no screen-reader mirror (it is the page's, web/library_mirror.js).
    App(Services services, TestSeam& seam, ScreenReaderMirror* mirror = nullptr);
    // One pass of the browser's animation loop: draws a frame only if one is due.
    void Tick(Window& window, double now);
    // True (once) when the frame just drawn asks for the next one as soon as the browser has shown
    // it, rather than at the next display refresh: a slow action's progress is on screen.
    bool TakeTickSoon() { return std::exchange(state_.slowActionShown, false); }
    // Locks the vault and wipes every decrypted or typed secret: keys, data, drafts, ImGui's buffers.
    void LockNow();
    // The same, but while a save is under way it waits for it (core/lock_policy.h).
    void RequestLock();
    // After each answer from storage, which may come while the tab is hidden and draws nothing.
    void OnStorageActivity();
    // The tab was hidden or shown (a hidden tab locks after kHiddenLockMinutes).
    void OnVisibility(bool hidden);
    // The person asked their system for less motion (prefers-reduced-motion): the text cursor stops
    // blinking and the busy bar stands still.
    void SetReducedMotion(bool reduce);
    // The service worker has a new version waiting: announce it, offer the reload, apply nothing.
    void OnUpdateReady();

    // While a save is being written, frames owed to earlier input wait this long at most: drawing
    // competes with the write for the processor (where the browser draws in software, a save of
    // 1,000 entries took several times longer), and there is nothing new to show until it is done.
    static constexpr double kSavePauseSeconds = 0.25;
    // At most this many frames are built in one pass (input that arrived together; see Tick).
    static constexpr int kMaxFramesPerTick = 8;

  private:
    void BuildFrame(Window& window);
    void DrawFrame();
    std::string StateJson() const;
    bool InputHeld() const;
    void CheckLock(); // feeds the lock policy what it needs to know now, and locks if it says so
    void WakeWhileHidden(unsigned spell);
    void ForgetUnlockedState();
    void ClearCopiedSecret();
    void TakeMirrorRequest(); // moves ImGui's focus where the mirror asks, and presses a key there
    void UpdateMirrorTexts();

    Services services_;
    TestSeam& seam_;
    ScreenReaderMirror* mirror_;
    Lang mirrorLang_ = Lang::Ru;
    bool mirrorTextsSent_ = false;
    AppState state_;
    SeamRecorder recorder_;
    Fonts fonts_;
    HomeScreen home_;
    SettingsScreen settings_;
    VaultScreen vault_;
    ProceduresScreen procedures_;
    TransferScreen transfer_;
    std::uint64_t frames_ = 0;
    double now_ = 0;
    double lastFrameMs_ = 0;  // CPU time of the last frame drawn, read by the benchmarks
    double lastMirrorMs_ = 0; // of the screen-reader mirror's update after the frame before
    LockPolicy lock_{services_.clock};
    unsigned visibilitySpell_ = 0; // counts visibility changes: a hidden tab's timer belongs to one
    bool wasUnlocked_ = false;
    double savingSince_ = -1; // when the save under way was first seen; -1: none
};

} // namespace ts::ui
