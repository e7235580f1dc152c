// The window the app draws into, as the UI sees it: in the browser a WebGL2 canvas
// (platform/web/gl_window.h); in native tests a fixed-size window that draws nothing, so screens
// can be built frame by frame and read back through the seam without a browser.
#pragma once

namespace ts {

class Window {
  public:
    virtual ~Window() = default;
    // Matches the drawing surface to the window's size. True when anything changed.
    virtual bool syncSize() = 0;
    // Before ImGui::NewFrame: display size and scale in CSS pixels, the backends' own frame start.
    virtual void newFrame() = 0;
    // Draws ImGui's draw data.
    virtual void present() = 0;
    // After the font atlas was rebuilt (a change of device pixel ratio).
    virtual void reloadFontTexture() = 0;
    virtual float dpr() const = 0;
};

} // namespace ts
