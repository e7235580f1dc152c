// Everything the screens share, owned by App. Screens keep their own drafts in their structs.
#pragma once

#include "core/frame_pacer.h"
#include "core/settings.h"
#include "core/strings.h"

#include <optional>

namespace ts {
class KeyValueStore;
class Clipboard;
} // namespace ts

namespace ts::ui {

enum class Screen { Home, Settings };
const char* screenName(Screen s); // as reported by the test seam

// The last thing the app told the user, shown in the status bar until the next one.
struct Message {
    Str text = Str::StatusReady;
    bool error = false;
};

struct AppState {
    Screen screen = Screen::Home;
    Settings settings;
    Message message;
};

// The platform services the screens may use.
struct Services {
    KeyValueStore& settingsStore;
    Clipboard& clipboard;
    FramePacer& pacer;
};

} // namespace ts::ui
