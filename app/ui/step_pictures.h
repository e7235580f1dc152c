// The user's own screenshot for a procedure step: attach one (a PNG or JPEG picked from disk,
// decoded, shrunk and stored as JPEG in the encrypted vault), see it under the schematic, remove it.
// Decoded pictures stay on the GPU while the vault is open and are released on lock.
#pragma once

#include "ui/ui_context.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ts {
class Textures;
}

namespace ts::ui {

struct StepPictures {
    void Draw(UiContext& ui, const std::string& procedure, const std::string& step);
    void Wipe(); // releases the textures

  private:
    struct Shown {
        std::string procedure, step;
        std::int64_t addedAt = 0;
        std::uintptr_t texture = 0;
    };
    std::vector<Shown> shown_;
    Textures* textures_ = nullptr;
    std::uintptr_t TextureFor(UiContext& ui, const std::string& procedure, const std::string& step,
                              std::int64_t addedAt);
};

} // namespace ts::ui
