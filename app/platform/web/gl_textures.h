// Textures in the page's WebGL2 context, in the form ImGui's OpenGL3 backend draws (a GLuint).
#pragma once

#include "platform/textures.h"

namespace ts {

class GlTextures : public Textures {
  public:
    std::uintptr_t upload(const std::uint8_t* rgba, int width, int height) override;
    void release(std::uintptr_t id) override;
};

} // namespace ts
