// Paints a step's screen schematic (laid out by core/procedures/mockup_layout) with ImGui's draw
// list: the portal window in miniature, the element to use outlined, numbered call-outs.
#pragma once

#include "core/procedures/procedure.h"
#include "ui/ui_context.h"

namespace ts::ui {

// Draws the schematic `width` wide at `fontSize` (logical pixels) as one item with id `key`; the
// seam sees it labelled with the window title, its value all the labels it shows.
void DrawMockup(UiContext& ui, const procedures::Screen& screen, float width, float fontSize,
                const char* key);

// The numbered explanations under a schematic.
void DrawCallouts(UiContext& ui, const procedures::Screen& screen, ImFont* font = nullptr);

} // namespace ts::ui
