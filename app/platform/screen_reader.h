// The screen-reader mirror: a hidden DOM tree that shadows what each frame drew (roles, names,
// states, positions) so assistive technology can read and operate the canvas. The platform builds
// it from the seam's records; what the user does in it comes back here as requests that the app
// carries out through ImGui's own keyboard navigation, never through a second path to an action.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ts {

class ScreenReaderMirror {
  public:
    struct Request {
        std::uint32_t item = 0, window = 0; // ImGui ids, as the seam records them
        // The key pressed on the item once it has the focus: none (just move the focus there), Space
        // (press a button, tick a box) or Enter (start editing a text field). Leave: the keyboard
        // went from the app back to the page (Shift+Tab on its first widget); no item.
        enum class Press : std::uint8_t { None, Space, Enter, Leave } press = Press::None;
    };
    virtual ~ScreenReaderMirror() = default;
    // The texts the page's own controls need, in the user's language (a JSON object).
    virtual void setTexts(const std::string& json) = 0;
    // A frame was drawn: the mirror updates from these records (cheap when the mirror is off).
    virtual void frameDrawn(const std::string& itemsJson, const std::string& stateJson) = 0;
    virtual std::optional<Request> takeRequest() = 0;
};

} // namespace ts
