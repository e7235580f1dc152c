#include "ui/fonts.h"

#include "assets/ui_font.h"
#include "imgui.h"

namespace ts::ui {
namespace {
constexpr float kBodyPx = 16.0f, kHeadingPx = 21.0f, kTitlePx = 30.0f;
float gTextScale = 1.0f;
} // namespace

float TextScale() {
    return gTextScale;
}

bool Fonts::ensure(float dpr, float scale) {
    if (dpr == builtForDpr && scale == builtForScale) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the bytes are static data in the wasm
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    auto add = [&](float px) {
        return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(assets::kUiFontTtf),
                                              static_cast<int>(assets::kUiFontTtfSize), px * scale * dpr,
                                              &cfg, assets::kUiGlyphRanges);
    };
    body = add(kBodyPx);
    heading = add(kHeadingPx);
    title = add(kTitlePx);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;
    builtForDpr = dpr;
    builtForScale = scale;
    gTextScale = scale;
    return true;
}

} // namespace ts::ui
