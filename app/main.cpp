// Wiring only: the platform services, the window, the app, and the browser's animation loop.
#include "core/frame_pacer.h"
#include "platform/web/gl_window.h"
#include "platform/web/local_storage.h"
#include "platform/web/web_clipboard.h"
#include "platform/web/web_seam.h"
#include "ui/app.h"

#include "imgui.h"

namespace {

// Objects live for the page's lifetime: emscripten_set_main_loop unwinds main's stack.
struct Runtime {
    ts::LocalStorage settings;
    ts::WebClipboard clipboard;
    ts::WebSeam seam;
    ts::FramePacer pacer;
    ts::GlWindow window;
    ts::ui::App* app = nullptr;
};

void Tick(void* user) {
    auto* rt = static_cast<Runtime*>(user);
    rt->app->Tick(rt->window, ts::monotonicSeconds());
}

} // namespace

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    auto* rt = new Runtime();
    if (!rt->window.init("TokenSafe")) {
        ts::showPageFatal("no-webgl2");
        return 1;
    }
    rt->app = new ts::ui::App(ts::ui::Services{rt->settings, rt->clipboard, rt->pacer}, rt->seam);
    ts::runMainLoop(Tick, rt);
    return 0;
}
