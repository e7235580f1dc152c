// Pictures handed to the GPU so ImGui can draw them (a user's screenshot attached to a step).
#pragma once

#include <cstdint>

namespace ts {

class Textures {
  public:
    virtual ~Textures() = default;
    // 8-bit RGBA, rows top to bottom; returns the id ImGui::Image takes, 0 on failure.
    virtual std::uintptr_t upload(const std::uint8_t* rgba, int width, int height) = 0;
    virtual void release(std::uintptr_t id) = 0;
};

} // namespace ts
