// The test seam's browser side: keeps the last published snapshot for web/seam.js to read.
#pragma once

#include "platform/test_seam.h"

namespace ts {

class WebSeam : public TestSeam {
  public:
    WebSeam();
    ~WebSeam() override;
    void publish(std::string itemsJson, std::string stateJson, std::uint64_t frames) override;

    std::string items, state;
    std::uint64_t frames = 0;
};

} // namespace ts
