// TestSeam fake for native tests: keeps the last published snapshot.
#pragma once

#include "platform/test_seam.h"

namespace ts {

class MemorySeam : public TestSeam {
  public:
    void publish(std::string items, std::string state, std::uint64_t frames) override {
        itemsJson = std::move(items);
        stateJson = std::move(state);
        frameCount = frames;
    }
    std::string itemsJson, stateJson;
    std::uint64_t frameCount = 0;
};

} // namespace ts
