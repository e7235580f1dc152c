#include "platform/web/gl_window.h"

#include <GLES3/gl3.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <cfloat>
#include <cmath>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

extern "C" void ts_canvas_resize(int width, int height); // web/library_tokensafe.js

namespace ts {
namespace {

constexpr const char* kCanvas = "#canvas";

// GLFW reports the cursor in backing-store pixels; ImGui works in CSS pixels.
void onCursorPos(GLFWwindow* w, double x, double y) {
    int fbw = 0, fbh = 0;
    glfwGetWindowSize(w, &fbw, &fbh);
    double cw = 0, ch = 0;
    emscripten_get_element_css_size(kCanvas, &cw, &ch);
    const double sx = fbw > 0 ? cw / fbw : 1.0, sy = fbh > 0 ? ch / fbh : 1.0;
    ImGui_ImplGlfw_CursorPosCallback(w, x * sx, y * sy);
}

// Forwarding a leave makes the backend poll glfwGetCursorPos (unscaled) each frame, so the
// cursor would jump and the input queue would never empty; report "no mouse" ourselves.
void onCursorEnter(GLFWwindow* w, int entered) {
    if (entered)
        ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    else
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

} // namespace

bool GlWindow::init(const char* title) {
    if (!glfwInit()) return false;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // At the size syncSize() wants: resizing the canvas once its WebGL context exists costs a
    // reallocation of the drawing buffer on the first frame's path.
    double cw = 0, ch = 0;
    emscripten_get_element_css_size(kCanvas, &cw, &ch);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = static_cast<int>(std::lround(cw * dpr)), h = static_cast<int>(std::lround(ch * dpr));
    win_ = glfwCreateWindow(w > 0 ? w : 640, h > 0 ? h : 480, title, nullptr, nullptr);
    if (!win_) return false;
    glfwMakeContextCurrent(win_);
    ImGui_ImplGlfw_InitForOpenGL(win_, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    glfwSetCursorPosCallback(win_, onCursorPos);
    glfwSetCursorEnterCallback(win_, onCursorEnter);
    syncSize();
    return true;
}

bool GlWindow::syncSize() {
    double cw = 0, ch = 0;
    emscripten_get_element_css_size(kCanvas, &cw, &ch);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int fbw = static_cast<int>(std::lround(cw * dpr)), fbh = static_cast<int>(std::lround(ch * dpr));
    const bool changed = fbw != fbW_ || fbh != fbH_ || static_cast<float>(dpr) != dpr_ ||
                         static_cast<float>(cw) != cssW_ || static_cast<float>(ch) != cssH_;
    int gw = 0, gh = 0;
    glfwGetWindowSize(win_, &gw, &gh);
    if (fbw != gw || fbh != gh) ts_canvas_resize(fbw, fbh);
    cssW_ = static_cast<float>(cw);
    cssH_ = static_cast<float>(ch);
    dpr_ = static_cast<float>(dpr);
    fbW_ = fbw;
    fbH_ = fbh;
    return changed;
}

void GlWindow::newFrame() {
    ImGui_ImplOpenGL3_NewFrame(); // the first one creates the device objects, the font texture too
    deviceObjects_ = true;
    ImGui_ImplGlfw_NewFrame();
    // The GLFW backend sets both from the backing store every frame; put them back in CSS pixels.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(cssW_, cssH_);
    io.DisplayFramebufferScale = ImVec2(cssW_ > 0 ? fbW_ / cssW_ : 1.0f, cssH_ > 0 ? fbH_ / cssH_ : 1.0f);
}

void GlWindow::present() {
    glViewport(0, 0, fbW_, fbH_);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlWindow::reloadFontTexture() {
    // Before the first frame the backend has no texture yet; its first NewFrame uploads the atlas.
    // Uploading here too would do it twice (and leak the first texture).
    if (!deviceObjects_) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void runMainLoop(void (*tick)(void*), void* user) {
    emscripten_set_main_loop_arg(tick, user, 0, true);
}

double monotonicSeconds() {
    return emscripten_get_now() / 1000.0;
}

} // namespace ts

extern "C" void ts_page_fatal(const char* kind); // web/library_tokensafe.js

namespace ts {
void showPageFatal(const char* kind) {
    ts_page_fatal(kind);
}
} // namespace ts
