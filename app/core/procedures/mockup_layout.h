// Lays out a step's screen schematic (procedure.h's Screen) as a flat list of boxes: the window
// frame, bars, tabs, texts, inputs, buttons, table cells, pictograms and the numbered marks. The
// app paints the boxes with ImGui and the printable page writes them as SVG, so both show the same
// picture; neither knows the layout rules.
#pragma once

#include "core/procedures/procedure.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::procedures {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

struct Box {
    enum class Kind {
        Window,      // the frame around everything
        TitleBar,    // text: the window's title
        AddressBar,  // text: the address
        MenuBar,     // the band behind the menu items
        MenuItem,    // text; active
        TabStrip,    // the line under the tabs
        Tab,         // text; active
        Sidebar,     // the column behind its items
        SidebarItem, // text (a long one wrapped: lines split by '\n'); active
        Heading,     // text (one line of it)
        Text,        // text (one line of it), muted
        Label,       // a field's caption above its box; a line of a wrapped table text
        Input,       // text: the value; secret: draw dots
        Select,      // text: the value; a drop-down arrow at the right
        Checkbox,    // the square; checked
        Button,      // text; primary
        Link,        // text, underlined
        Icon,        // icon: the pictogram's name
        TableHeader, // text: one column's title
        TableCell,   // text (empty when an element sits in it)
                     // A header's or cell's text too long for one line wraps into Labels over it.
        Dialog,      // a pop-up's frame
        DialogTitle, // text
        Highlight,   // the outline around a marked element
        Mark,        // the numbered circle: number
    };
    Kind kind = Kind::Text;
    Rect rect;
    std::string text;
    std::string icon;
    bool active = false; // menu item, tab, sidebar item: current; button: primary; checkbox: checked;
                         // input: secret
    int number = 0;      // Mark
};

struct MockupMetrics {
    float fontSize = 15.0f;
    // Width of a one-line text at a font size.
    std::function<float(std::string_view text, float size)> textWidth;
};

struct Mockup {
    std::vector<Box> boxes; // in painting order: later boxes on top
    float width = 0, height = 0;
};

Mockup layoutScreen(const Screen& screen, float width, const MockupMetrics& metrics);

// A width for painters without a font at hand (SVG), calibrated to DejaVu Sans: a little more
// than most fonts need.
float estimateTextWidth(std::string_view text, float size);

} // namespace ts::procedures
