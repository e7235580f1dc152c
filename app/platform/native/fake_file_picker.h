// A FilePicker for native tests: the test sets what the "user" will choose, and decides when the
// answer arrives (answer()), as the browser would deliver it in a later task.
#pragma once

#include "platform/file_picker.h"

#include <deque>

namespace ts {

class FakeFilePicker : public FilePicker {
  public:
    // What the next answer hands over; nullopt = the user cancels.
    std::optional<PickedFile> next;

    void pick(std::string_view accept, std::function<void(std::optional<PickedFile>)> done) override;
    // Delivers what is waiting, in order: nullopt to picks a later pick() replaced, then the open
    // pick's answer (`next`, without its bytes and marked tooLarge when over kMaxBytes). False when nothing
    // was waiting.
    bool answer();

    bool pending() const { return static_cast<bool>(pending_) || !replaced_.empty(); }
    const std::string& lastAccept() const { return lastAccept_; }
    int picks() const { return picks_; }

  private:
    std::function<void(std::optional<PickedFile>)> pending_;
    std::deque<std::function<void(std::optional<PickedFile>)>> replaced_;
    std::string lastAccept_;
    int picks_ = 0;
};

} // namespace ts
