// The browser clipboard. GLFW's clipboard is an empty stub in Emscripten 3.1.6, so paste comes from
// the page's paste event (it fires during Ctrl+V's keydown, before ImGui handles the key) and copy
// goes to navigator.clipboard.writeText.
#pragma once

#include "platform/clipboard.h"

namespace ts {

class WebClipboard : public Clipboard {
  public:
    WebClipboard(); // installs the paste listener; one instance per page
    ~WebClipboard() override;
    void setText(std::string_view text) override;
    const std::string& text() const override { return text_; }
    void forget() override;
    void clearIfStill(std::string_view text, std::function<void(ClearResult)> done) override;

    void onPaste(const char* text) { text_ = text; }

  private:
    std::string text_;
};

} // namespace ts
