// The browser window: a GLFW window on the page's #canvas, a WebGL2 context, and the ImGui
// GLFW/OpenGL3 backends — with the HiDPI handling GLFW in Emscripten 3.1.6 lacks: the canvas is
// backed at CSS size × devicePixelRatio while ImGui works in CSS pixels.
#pragma once

#include "platform/window.h"

struct GLFWwindow;

namespace ts {

class GlWindow : public Window {
  public:
    // Requires an ImGui context. False when WebGL2 cannot be created.
    bool init(const char* title);
    // Matches the canvas backing store to its CSS size × DPR. True when anything changed.
    bool syncSize() override;
    void newFrame() override;          // backends' NewFrame, then display size and scale in CSS pixels
    void present() override;           // draws ImGui's draw data
    void reloadFontTexture() override; // after the font atlas was rebuilt (DPR change)

    float dpr() const override { return dpr_; }
    float cssWidth() const { return cssW_; }
    float cssHeight() const { return cssH_; }

  private:
    GLFWwindow* win_ = nullptr;
    float cssW_ = 0, cssH_ = 0, dpr_ = 1;
    int fbW_ = 0, fbH_ = 0;
    bool deviceObjects_ = false; // the OpenGL backend's shaders and font texture exist
};

// Runs `tick` on every animation frame of the browser; never returns.
void runMainLoop(void (*tick)(void* user), void* user);
// Seconds since start, monotonic.
double monotonicSeconds();

} // namespace ts

namespace ts {
// Shows the page's start-up error for `kind` (see web/loader.js), instead of a blank page.
void showPageFatal(const char* kind);
} // namespace ts
