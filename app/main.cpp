// Wiring only: the platform services, the vault session, the window, the app, and the browser's
// animation loop.
#include "core/crypto/crypto.h"
#include "core/frame_pacer.h"
#include "core/settings.h"
#include "core/team/team_service.h"
#include "core/vault/session.h"
#include "core/vault/warm_up.h"
#include "platform/web/downloads.h"
#include "platform/web/fetch_dav.h"
#include "platform/web/gl_textures.h"
#include "platform/web/gl_window.h"
#include "platform/web/heap_prefault.h"
#include "platform/web/idb_vault_storage.h"
#include "platform/web/local_storage.h"
#include "platform/web/page_events.h"
#include "platform/web/web_clipboard.h"
#include "platform/web/web_clock.h"
#include "platform/web/web_file_picker.h"
#include "platform/web/web_keepass_module.h"
#include "platform/web/web_mirror.h"
#include "platform/web/web_seam.h"
#include "platform/web/wiping_heap.h"
#include "ui/app.h"

#include "imgui.h"

namespace {

// Objects live for the page's lifetime: emscripten_set_main_loop unwinds main's stack.
struct Runtime {
    ts::LocalStorage settings;
    ts::WebClipboard clipboard;
    ts::WebSeam seam;
    ts::WebMirror mirror;
    ts::WebClock clock;
    ts::FramePacer pacer;
    ts::IdbVaultStorage vaultStorage;
    ts::PageEvents page;
    ts::vault::Session session{vaultStorage, clock, ts::crypto::KdfParams::standard()};
    ts::GlWindow window;
    ts::WebFilePicker files;
    ts::WebKeePassModule keepass;
    ts::GlTextures textures;
    ts::team::TeamService* teams = nullptr;
    ts::ui::App* app = nullptr;
};

constexpr int kWarmUpDelayMs = 300;

void Tick(void* user) {
    auto* rt = static_cast<Runtime*>(user);
    rt->app->Tick(rt->window, ts::monotonicSeconds());
    if (rt->app->TakeTickSoon()) ts::runLater(0, [rt] { Tick(rt); });
}

} // namespace

int main() {
    if (!ts::crypto::init()) {
        ts::showPageFatal("crypto");
        return 1;
    }
    ImGui::SetAllocatorFunctions(ts::wipingAlloc, ts::wipingFree); // freed text is wiped
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    auto* rt = new Runtime();
    if (!rt->window.init("TokenSafe")) {
        ts::showPageFatal("no-webgl2");
        return 1;
    }
    // Each team folder gets its own client, with the login kept in the vault beside it.
    rt->teams = new ts::team::TeamService(
        rt->session, rt->clock,
        [rt](const ts::team::Link& link) -> std::unique_ptr<ts::team::DavClient> {
            auto dav = std::make_unique<ts::FetchDav>();
            if (!dav->setFolder(link.folder)) return nullptr;
            if (!link.login.empty())
                dav->setLogin(ts::crypto::secretFrom(link.login), ts::crypto::secretFrom(link.password));
            dav->onActivity = [rt] { rt->pacer.wake(); };
            return dav;
        },
        [rt](int ms) { ts::runLater(ms, [rt] { rt->pacer.wake(); }); });
    rt->app = new ts::ui::App(ts::ui::Services{rt->settings, rt->clipboard, rt->pacer, rt->session, rt->clock,
                                               ts::scrubFreeStack, ts::downloadFile, &rt->files,
                                               &rt->textures, ts::setFullscreen, ts::pageOpenedFromFile(),
                                               ts::applyUpdate, ts::runLater, &rt->keepass, rt->teams},
                              rt->seam, &rt->mirror);
    rt->mirror.user = rt;
    rt->mirror.onRequest = [](void* user) { static_cast<Runtime*>(user)->pacer.wake(); };
    rt->vaultStorage.onActivity = [rt] {
        rt->pacer.wake();
        rt->app->OnStorageActivity();
    };
    rt->files.onActivity = [rt] { rt->pacer.wake(); };
    rt->keepass.onActivity = [rt] { rt->pacer.wake(); };
    rt->page.watchVisibility([rt](bool hidden) { rt->app->OnVisibility(hidden); });
    rt->page.watchUpdates([rt] { rt->app->OnUpdateReady(); });
    rt->page.watchReducedMotion([rt](bool reduce) { rt->app->SetReducedMotion(reduce); });
    rt->session.start();
    // The first frame is drawn now rather than on the next animation frame: the page can show it
    // one frame sooner.
    Tick(rt);
    // Once the page is up and before the user can have typed a passphrase (core/vault/warm_up.h).
    ts::runLater(kWarmUpDelayMs, [] {
        ts::vault::warmUp();
        // Argon2id's memory and a margin for the vault beside it (platform/web/heap_prefault.h).
        ts::prefaultHeap(ts::crypto::KdfParams::standard().memlimit + (8u << 20));
    });
    ts::runMainLoop(Tick, rt);
    return 0;
}
