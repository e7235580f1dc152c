// The UI's fonts, rasterised at the display's pixel ratio so text stays crisp on HiDPI screens
// (the atlas is built at size × DPR and drawn at 1/DPR), and at the user's text size: a larger
// size is a new atlas, never a scaled bitmap.
#pragma once

struct ImFont;

namespace ts::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    float builtForDpr = 0;
    float builtForScale = 0;

    // Rebuilds the atlas when the DPR or the text scale (1 = 100 %) changed; true when the GPU
    // texture must be reloaded.
    bool ensure(float dpr, float scale = 1.0f);
};

// The text scale the fonts were last built at: layout sizes written for 100 % are multiplied by it
// (see Px in ui/widgets.h), so that larger text gets wider columns rather than clipped ones.
float TextScale();

} // namespace ts::ui
