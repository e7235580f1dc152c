// FilePicker over a hidden <input type="file"> (web/library_file_picker.js). The file is read in
// JavaScript and copied into the wasm heap; the answer comes back through
// ts_file_picker_on_picked() by request id, so no C++ pointer is ever handed to JavaScript.
#pragma once

#include "platform/file_picker.h"

namespace ts {

class WebFilePicker : public FilePicker {
  public:
    WebFilePicker() = default;
    ~WebFilePicker() override; // forgets this picker's pending requests: their answers are dropped
    WebFilePicker(const WebFilePicker&) = delete;
    WebFilePicker& operator=(const WebFilePicker&) = delete;

    // Must run within the user's click (transient activation), or the browser shows no dialog and
    // only a newer pick() or a page reload ends the request.
    void pick(std::string_view accept, std::function<void(std::optional<PickedFile>)> done) override;

    // Runs after each answer, so the app draws the outcome (wake the frame pacer here).
    std::function<void()> onActivity;
};

} // namespace ts
