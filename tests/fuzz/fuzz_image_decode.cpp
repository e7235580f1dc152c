// Step pictures (core/images/image.h) as they arrive inside someone else's bundle: PNG or JPEG bytes
// through images::decode, which must refuse what is too large or damaged with one of its three
// errors and never hand back an image whose pixels do not match its size. What decodes is shrunk as
// the app shows it, to reach fitWithin with every size the decoder lets through.
#include "core/images/image.h"

#include <cstddef>
#include <cstdint>
#include <span>

using namespace ts;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Str error = Str::AppName; // a sentinel: a refusal must say why
    const auto img = images::decode(std::span<const std::uint8_t>(data, size), error);
    if (!img) {
        if (error != Str::ErrImageNotImage && error != Str::ErrImageTooLarge && error != Str::ErrImageDamaged)
            __builtin_trap();
        return 0;
    }
    if (img->width <= 0 || img->height <= 0 || img->width > images::kMaxDimension ||
        img->height > images::kMaxDimension ||
        img->rgba.size() != static_cast<std::size_t>(img->width) * static_cast<std::size_t>(img->height) * 4)
        __builtin_trap();
    const images::Image small = images::fitWithin(*img, 64, 48);
    if (small.width > 64 || small.height > 48 ||
        small.rgba.size() !=
            static_cast<std::size_t>(small.width) * static_cast<std::size_t>(small.height) * 4)
        __builtin_trap();
    return 0;
}
