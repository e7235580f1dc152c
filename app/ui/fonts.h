// The UI's fonts, rasterised at the display's pixel ratio so text stays crisp on HiDPI screens
// (the atlas is built at size × DPR and drawn at 1/DPR).
#pragma once

struct ImFont;

namespace ts::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    float builtForDpr = 0;

    // Rebuilds the atlas when the DPR changed; true when the GPU texture must be reloaded.
    bool ensure(float dpr);
};

} // namespace ts::ui
