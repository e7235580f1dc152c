// The screen-reader mirror in the page: web/library_mirror.js keeps the DOM tree; requests from it
// wait here until the next frame takes them.
#pragma once

#include "platform/screen_reader.h"

#include <deque>

namespace ts {

class WebMirror : public ScreenReaderMirror {
  public:
    WebMirror();
    ~WebMirror() override;
    void setTexts(const std::string& json) override;
    void frameDrawn(const std::string& itemsJson, const std::string& stateJson) override;
    std::optional<Request> takeRequest() override;

    void request(const Request& r);
    void (*onRequest)(void* user) = nullptr; // wakes the frame loop
    void* user = nullptr;

  private:
    std::deque<Request> requests_;
};

} // namespace ts
