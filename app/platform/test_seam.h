// The read-only test seam: after each frame the UI publishes what it drew (widgets with labels and
// rectangles, the app's visible state) and the platform makes it readable to browser tests as
// window.tokensafe. Publishing never takes input back: the seam cannot change the app.
#pragma once

#include <cstdint>
#include <string>

namespace ts {

class TestSeam {
  public:
    virtual ~TestSeam() = default;
    virtual void publish(std::string itemsJson, std::string stateJson, std::uint64_t frames) = 0;
};

} // namespace ts
