// Decides, on each pass of the browser's animation loop, whether to build and draw a frame.
// Idle means idle: with no input, no timer due and nothing animating, no frame is drawn and the
// canvas keeps the last one. Input owes a few frames (ImGui settles layout over 2–3 frames);
// timers are re-declared by the UI on every frame it draws (wakeAt), so a stale one never fires.
#pragma once

#include <limits>

namespace ts {

class FramePacer {
  public:
    static constexpr int kSettleFrames = 4;

    // Something changed (input, resize, a state change the UI made): draw a few frames.
    void wake(int frames = kSettleFrames) {
        if (frames > owed_) owed_ = frames;
    }
    // Draw once at or after time t (seconds, same clock as shouldRender). The earliest request wins.
    void wakeAt(double t) {
        if (t < nextAt_) nextAt_ = t;
    }
    // True when a frame is due now; consumes what made it due.
    bool shouldRender(double now);
    // After drawing a frame: keep drawing while a key or mouse button is held (ImGui computes key
    // repeat and drags from frames), and wake for the text cursor's blink while a field has focus.
    void afterFrame(double now, bool inputHeld, bool textFocused) {
        if (inputHeld) wake(1);
        if (textFocused) wakeAt(now + kCursorBlinkStep);
    }

    static constexpr double kCursorBlinkStep = 0.4; // ImGui's cursor: 0.8 s shown, 0.4 s hidden

    int owedFrames() const { return owed_; }
    double nextWake() const { return nextAt_; }

  private:
    int owed_ = kSettleFrames; // the first frames after start-up
    double nextAt_ = std::numeric_limits<double>::infinity();
};

} // namespace ts
