// Page-level events the app reacts to: the tab hidden or shown (core/lock_policy.h decides when a
// hidden tab locks), and browser shortcuts that must reach the app (Ctrl+L).
#pragma once

#include <functional>

namespace ts {

class PageEvents {
  public:
    PageEvents();
    ~PageEvents();
    // `onChange` runs each time the tab is hidden (true) or shown again (false).
    void watchVisibility(std::function<void(bool hidden)> onChange);

    void visibilityChanged(bool hidden) {
        if (onVisibility_) onVisibility_(hidden);
    }

    // `onUpdateReady` runs once the service worker has a new version cached and waiting (web/loader.js
    // registers it; never on file://). Nothing changes until applyUpdate().
    void watchUpdates(std::function<void()> onUpdateReady);
    void updateReady() {
        if (onUpdate_) onUpdate_();
    }

    // `onChange` runs now and each time the person's prefers-reduced-motion choice changes.
    void watchReducedMotion(std::function<void(bool reduce)> onChange);
    void reducedMotionChanged(bool reduce) {
        if (onMotion_) onMotion_(reduce);
    }

  private:
    std::function<void(bool reduce)> onMotion_;
    std::function<void(bool hidden)> onVisibility_;
    std::function<void()> onUpdate_;
};

// True when the page was opened from a file (file://), not served: the browser may treat its storage
// differently, and no service worker runs.
bool pageOpenedFromFile();

// Lets the waiting new version take over and reloads the page into it: only when the user asks.
void applyUpdate();

// Runs `fn` once, `delayMs` after now, as a task of its own (not inside a frame).
void runLater(int delayMs, std::function<void()> fn);

// Wipes the unused part of the wasm stack: secrets handled in deeper calls leave copies there.
void scrubFreeStack();

} // namespace ts
