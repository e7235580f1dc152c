// Clipboard fake for native tests: remembers what was copied; paste() simulates the user pasting.
#pragma once

#include "platform/clipboard.h"

namespace ts {

class MemoryClipboard : public Clipboard {
  public:
    void setText(std::string_view t) override { text_ = t; }
    const std::string& text() const override { return text_; }
    void forget() override { text_.clear(); }
    void clearIfStill(std::string_view t, std::function<void(ClearResult)> done) override {
        if (text_ != t) return done(ClearResult::NotOurs);
        text_.clear();
        done(ClearResult::Cleared);
    }
    void paste(std::string_view t) { text_ = t; }

  private:
    std::string text_;
};

} // namespace ts
