// Pictures a user attaches to a procedure step (their own screenshot of a portal): decoding PNG and
// JPEG with stb_image, shrinking for display and storage, and encoding back with stb_image_write.
//
// WARNING: stb_image is not hardened against hostile files. decode() keeps it to PNG and JPEG,
// refuses big files and big dimensions from the header alone (before any pixel is decoded), and the
// native tests run every truncation of a picture under ASan/UBSan — but treat pictures from someone
// else's bundle as untrusted all the same.
#pragma once

#include "core/strings.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace ts::images {

inline constexpr std::size_t kMaxFileBytes = 10u << 20; // 10 MB
inline constexpr int kMaxDimension = 8192;              // pixels, each side

// 8-bit RGBA, rows top to bottom, no padding: rgba.size() == width * height * 4.
struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};

// PNG or JPEG only, told apart by their magic bytes. Errors (through `error`, result empty):
//   Str::ErrImageNotImage  neither a PNG nor a JPEG signature (also: empty input)
//   Str::ErrImageTooLarge  over kMaxFileBytes, or the header claims a side over kMaxDimension
//   Str::ErrImageDamaged   anything the decoder fails on (truncated, corrupt, out of memory)
[[nodiscard]] std::optional<Image> decode(std::span<const std::uint8_t> bytes, Str& error);

// Shrinks to fit inside maxW x maxH keeping the aspect ratio (area-averaging box filter, alpha
// weighted); a picture already small enough comes back as an unchanged copy. Never enlarges.
Image fitWithin(const Image& img, int maxW, int maxH);

// JPEG has no alpha: the picture is composited over white first. quality is clamped to 1..100.
// Both return an empty vector for an image whose rgba size does not match its dimensions.
std::vector<std::uint8_t> encodeJpeg(const Image& img, int quality);
std::vector<std::uint8_t> encodePng(const Image& img);

namespace testing {
// Bytes the decoder has requested from the heap since start-up: lets tests check that a refused
// picture was refused before anything was allocated for it.
std::uint64_t decoderBytesAllocated();
} // namespace testing

} // namespace ts::images
