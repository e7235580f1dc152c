// Page-level events the app reacts to: the tab hidden for too long (lock the vault even though no
// frame runs while hidden), and browser shortcuts that must reach the app (Ctrl+L).
#pragma once

#include <functional>

namespace ts {

class PageEvents {
  public:
    PageEvents();
    ~PageEvents();
    // `onHiddenTooLong` runs when the tab stayed hidden for `minutes` without coming back.
    void watchHidden(int minutes, std::function<void()> onHiddenTooLong);

    void hiddenTooLong() {
        if (onHidden_) onHidden_();
    }

  private:
    std::function<void()> onHidden_;
};

// True when the page was opened from a file (file://), not served: the browser may treat its storage
// differently, and no service worker runs.
bool pageOpenedFromFile();

// Wipes the unused part of the wasm stack: secrets handled in deeper calls leave copies there.
void scrubFreeStack();

} // namespace ts
