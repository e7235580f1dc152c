// Everything the screens share, owned by App. Screens keep their own drafts in their structs.
#pragma once

#include "core/frame_pacer.h"
#include "core/settings.h"
#include "core/status_line.h"
#include "core/strings.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ts {
class KeyValueStore;
class Clipboard;
class Clock;
class FilePicker;
class KeePassModule;
class Textures;
namespace vault {
class Session;
}
namespace team {
class TeamService;
}
} // namespace ts

namespace ts::ui {

enum class Screen { Home, Vault, Procedures, Transfer, Settings };
const char* screenName(Screen s); // as reported by the test seam

// What the app told the user, with its place (core/status_line.h): a message said on one screen or
// tab is not shown on another.
using Message = StatusLine::Message;

struct AppState {
    Screen screen = Screen::Home;
    Settings settings;
    StatusLine status;
    bool lockRequested = false; // by a button or Ctrl+L; App locks after the frame
    bool updateReady = false;   // a new version waits: the status bar offers the reload
    bool reducedMotion = false; // prefers-reduced-motion: nothing moves by itself
    // A slow action (ui/slow_action.h) was started: its progress is built at once, in the same pass;
    // then it was drawn: the action runs as soon as the browser has shown it, not a refresh later.
    bool slowActionStarted = false;
    bool slowActionShown = false;
    // A secret copied to the clipboard, to be cleared at `clearAt` (pacer seconds) if still there.
    struct CopiedSecret {
        std::string text; // wiped once cleared
        double clearAt = 0;
    };
    std::optional<CopiedSecret> copied;
    // Requests from one screen to another, taken by the screen they are for.
    std::string openEntry;    // the vault opens this entry in its editor
    bool focusSearch = false; // Ctrl+F: the entry list's search field takes the keyboard focus
    struct ProcedureRequest {
        std::string procedure, org, entry; // the entry a run should update
    };
    std::optional<ProcedureRequest> openProcedure;
};

inline constexpr double kClipboardClearSeconds = 30.0;

// The platform services the screens may use.
struct Services {
    KeyValueStore& settingsStore;
    Clipboard& clipboard;
    FramePacer& pacer;
    vault::Session& session;
    const Clock& clock;
    std::function<void()> scrubMemory; // wipes what the platform can (the free stack); may be empty
    std::function<bool(std::string_view name, std::string_view bytes, const char* mime)> download;
    FilePicker* files = nullptr;             // may be null: nothing can be picked
    Textures* textures = nullptr;            // may be null: pictures are not shown
    std::function<void(bool on)> fullscreen; // may be empty: presentations fill the window only
    bool filePage = false;             // opened from a file (file://): storage may not be durable, say so
    std::function<void()> applyUpdate; // may be empty: no service worker (file://, tests)
    // Runs a function once, after a delay in milliseconds, as a task of its own (a hidden tab draws no
    // frames, so its timers need this). May be empty: nothing runs while no frame is drawn.
    std::function<void(int delayMs, std::function<void()> fn)> runLater;
    KeePassModule* keepass = nullptr;   // may be null: .kdbx files are not offered
    team::TeamService* teams = nullptr; // may be null: no team folders (tests of other screens)
};

} // namespace ts::ui
