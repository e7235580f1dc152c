// The system clipboard as the UI sees it. In the browser, reads only see what the user pasted
// (the page learns clipboard text from the paste event, never by reading it on its own).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace ts {

class Clipboard {
  public:
    virtual ~Clipboard() = default;
    virtual void setText(std::string_view text) = 0;
    // The text of the most recent paste (or of our own latest copy).
    virtual const std::string& text() const = 0;
    // Drops the cached text (it may be a pasted secret); the system clipboard is left alone.
    virtual void forget() = 0;

    enum class ClearResult { Cleared, NotOurs, CannotRead, CannotWrite };
    // Empties the system clipboard if it still holds `text` (what we copied): someone else's text
    // is never wiped. The answer comes later; the browser may refuse to read or to write.
    virtual void clearIfStill(std::string_view text, std::function<void(ClearResult)> done) = 0;
};

} // namespace ts
