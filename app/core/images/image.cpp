// [SECTION] stb: the one translation unit that compiles stb_image and stb_image_write
// [SECTION] decode
// [SECTION] fitWithin (area-averaging box filter)
// [SECTION] encode
#include "core/images/image.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

// ---------------------------------------------------------------------------------------------------
// [SECTION] stb
// ---------------------------------------------------------------------------------------------------
namespace {

std::atomic<std::uint64_t> g_stbAllocated{0};

// Zeroed: stb reads parts of its decoder state a hostile file never sets (readJpegHeader refuses
// the cases known); what it reads then is a fixed zero, never an earlier allocation's bytes.
void* stbMalloc(std::size_t n) {
    g_stbAllocated += n;
    return std::calloc(1, n);
}
void* stbRealloc(void* p, std::size_t n) {
    g_stbAllocated += n;
    return std::realloc(p, n);
}

} // namespace

#define STBI_MALLOC(sz) stbMalloc(sz)
#define STBI_REALLOC(p, newsz) stbRealloc(p, newsz)
#define STBI_FREE(p) std::free(p)
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC // static: no clash with another copy of stb elsewhere in a link
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
// stb refuses bigger pictures while reading the header, with the reason "too large".
#define STBI_MAX_DIMENSIONS 8192
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_STATIC

// stb is third-party C-style code: its warnings are not ours to fix (our flags are -Werror).
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wall"
#pragma clang diagnostic ignored "-Wextra"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wtype-limits"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <stb_image.h>
#include <stb_image_write.h>
#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static_assert(ts::images::kMaxDimension == STBI_MAX_DIMENSIONS);

namespace ts::images {

namespace testing {
std::uint64_t decoderBytesAllocated() {
    return g_stbAllocated.load();
}
} // namespace testing

namespace {

bool consistent(const Image& img) {
    return img.width > 0 && img.height > 0 &&
           img.rgba.size() == static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4;
}

bool startsWith(std::span<const std::uint8_t> bytes, std::initializer_list<std::uint8_t> magic) {
    return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}

std::uint32_t be16(std::span<const std::uint8_t> b, std::size_t i) {
    return static_cast<std::uint32_t>(b[i] << 8 | b[i + 1]);
}
std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t i) {
    return be16(b, i) << 16 | be16(b, i + 2);
}

constexpr std::uint32_t kMaxSide = kMaxDimension;

struct Size {
    std::uint32_t width = 0, height = 0;
};

// What a header claims, read without stb: the size (PNG's IHDR, a JPEG's first SOF segment), and
// whether the file's structure is one stb is known to mishandle. stbi_info cannot tell "too large"
// from damage reliably (it tries every format in turn and keeps the last one's reason), and it
// allocates while trying.
struct Header {
    std::optional<Size> size; // empty when not found: stb then judges the file
    bool sane = true;
};

// stb allocates an IDAT chunk's declared length before reading it: a 100-byte file could make the
// tab's heap grow by gigabytes (wasm memory never shrinks). Every chunk must fit in the file.
Header readPngHeader(std::span<const std::uint8_t> b) {
    Header h;
    if (b.size() >= 24 && std::equal(b.begin() + 12, b.begin() + 16, "IHDR"))
        h.size = Size{be32(b, 16), be32(b, 20)};
    std::size_t i = 8; // after the signature
    while (i + 8 <= b.size()) {
        const std::uint32_t len = be32(b, i);
        if (len > b.size() - (i + 8)) {
            h.sane = false;
            break;
        }
        if (std::equal(b.begin() + static_cast<std::ptrdiff_t>(i) + 4,
                       b.begin() + static_cast<std::ptrdiff_t>(i) + 8, "IEND"))
            break;
        i += 12 + std::size_t{len};
    }
    return h;
}

// WARNING: stb_image 2.27 (Debian bookworm's libstb) mishandles two kinds of Huffman table, so every
// DHT and SOS segment stb could reach is checked here first:
// - a DHT table declaring more than 256 codes overflows its arrays (fixed upstream in 2.28);
// - a scan that uses a table no DHT defined decodes with whatever its malloc'd decoder state held
//   (an assertion in a debug build; stale heap bytes turned into pixels in ours).
// The walk mirrors stb's reader: bytes past the end read as 0, stray bytes between segments are
// skipped one by one (which also steps through entropy-coded data, where FF 00 and restart markers
// are not segments), and a segment's length says where the next one starts.
Header readJpegHeader(std::span<const std::uint8_t> b) {
    const auto at = [&](std::size_t k) -> std::uint32_t { return k < b.size() ? b[k] : 0; };
    Header h;
    bool defined[2][4] = {}; // [class: 0 DC, 1 AC][table id]
    bool progressive = false;
    std::size_t i = 2; // after SOI
    while (i + 1 < b.size()) {
        if (b[i] != 0xFF) {
            ++i;
            continue;
        }
        const std::uint8_t m = b[i + 1];
        if (m == 0xFF) { // fill byte
            ++i;
            continue;
        }
        if (m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD8)) { // stuffing, markers without a length
            i += 2;
            continue;
        }
        if (m == 0xD9) break; // end of image
        const std::uint32_t len = at(i + 2) << 8 | at(i + 3);
        if (m == 0xC4) {
            std::size_t p = i + 4;
            long left = static_cast<long>(len) - 2;
            while (left > 0) {
                const std::uint32_t q = at(p++);
                if ((q >> 4) > 1 || (q & 15) > 3) break; // stb refuses the file here
                std::uint32_t n = 0;
                for (int k = 0; k < 16; ++k) n += at(p++);
                if (n > 256) {
                    h.sane = false;
                    return h;
                }
                defined[q >> 4][q & 15] = true;
                p += n;
                left -= 17 + static_cast<long>(n);
            }
        } else if (m == 0xDA) {
            // A scan names a DC and an AC table per component. A progressive scan uses only one kind:
            // the first DC pass (Ss 0, Ah 0) its DC tables, an AC pass (Ss > 0) its AC tables.
            const std::uint32_t ns = at(i + 4);
            const std::uint32_t ss = at(i + 5 + 2 * ns), ah = at(i + 7 + 2 * ns) >> 4;
            const bool usesDc = !progressive || (ss == 0 && ah == 0);
            const bool usesAc = !progressive || ss > 0;
            for (std::uint32_t c = 0; c < ns; ++c) {
                const std::uint32_t t = at(i + 6 + 2 * c);
                if ((usesDc && ((t >> 4) > 3 || !defined[0][t >> 4])) ||
                    (usesAc && ((t & 15) > 3 || !defined[1][t & 15]))) {
                    h.sane = false;
                    return h;
                }
            }
        } else if (m >= 0xC0 && m <= 0xCF && m != 0xC8 && m != 0xCC && !h.size) {
            h.size = Size{at(i + 7) << 8 | at(i + 8), at(i + 5) << 8 | at(i + 6)}; // height comes first
            progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE;
        }
        i += 2 + std::max<std::uint32_t>(len, 2);
    }
    return h;
}

struct StbFree {
    void operator()(stbi_uc* p) const { stbi_image_free(p); }
};

} // namespace

// ---------------------------------------------------------------------------------------------------
// [SECTION] decode
// ---------------------------------------------------------------------------------------------------
std::optional<Image> decode(std::span<const std::uint8_t> bytes, Str& error) {
    const bool png = startsWith(bytes, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    const bool jpeg = startsWith(bytes, {0xFF, 0xD8, 0xFF});
    if (!png && !jpeg) {
        error = Str::ErrImageNotImage;
        return std::nullopt;
    }
    if (bytes.size() > kMaxFileBytes) {
        error = Str::ErrImageTooLarge;
        return std::nullopt;
    }
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int len = static_cast<int>(bytes.size()); // fits: at most kMaxFileBytes

    // The header first: nothing is allocated for pixels until the dimensions are known to be sane.
    const Header header = png ? readPngHeader(bytes) : readJpegHeader(bytes);
    if (header.size && (header.size->width > kMaxSide || header.size->height > kMaxSide)) {
        error = Str::ErrImageTooLarge;
        return std::nullopt;
    }
    if (!header.sane) {
        error = Str::ErrImageDamaged;
        return std::nullopt;
    }
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(data, len, &w, &h, &comp)) {
        const char* why = stbi_failure_reason();
        error = why && std::strcmp(why, "too large") == 0 ? Str::ErrImageTooLarge : Str::ErrImageDamaged;
        return std::nullopt;
    }
    if (w > kMaxDimension || h > kMaxDimension) {
        error = Str::ErrImageTooLarge;
        return std::nullopt;
    }
    if (w <= 0 || h <= 0) {
        error = Str::ErrImageDamaged;
        return std::nullopt;
    }

    int x = 0, y = 0, n = 0;
    std::unique_ptr<stbi_uc, StbFree> pixels(stbi_load_from_memory(data, len, &x, &y, &n, 4));
    if (!pixels || x != w || y != h) {
        error = Str::ErrImageDamaged;
        return std::nullopt;
    }
    Image img;
    img.width = x;
    img.height = y;
    const std::size_t size = static_cast<std::size_t>(x) * static_cast<std::size_t>(y) * 4;
    img.rgba.assign(pixels.get(), pixels.get() + size);
    return img;
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] fitWithin
// ---------------------------------------------------------------------------------------------------
namespace {

// The source pixels (and how much of each) that one destination pixel covers along one axis.
struct Span {
    int first = 0;
    std::vector<float> weights; // weights[i] applies to source index first + i
};

std::vector<Span> coverage(int src, int dst) {
    std::vector<Span> spans(static_cast<std::size_t>(dst));
    const double scale = static_cast<double>(src) / dst;
    for (int d = 0; d < dst; ++d) {
        const double lo = d * scale, hi = std::min<double>(src, (d + 1) * scale);
        Span& s = spans[static_cast<std::size_t>(d)];
        s.first = static_cast<int>(std::floor(lo));
        const int last = std::min(src - 1, static_cast<int>(std::ceil(hi)) - 1);
        for (int i = s.first; i <= last; ++i) {
            const double wgt = std::min<double>(hi, i + 1) - std::max<double>(lo, i);
            s.weights.push_back(static_cast<float>(std::max(0.0, wgt)));
        }
    }
    return spans;
}

std::uint8_t toByte(float v) {
    return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0l, 255l));
}

} // namespace

Image fitWithin(const Image& img, int maxW, int maxH) {
    maxW = std::max(1, maxW);
    maxH = std::max(1, maxH);
    if (!consistent(img) || (img.width <= maxW && img.height <= maxH)) return img;

    const double scale =
        std::min(static_cast<double>(maxW) / img.width, static_cast<double>(maxH) / img.height);
    Image out;
    out.width = std::clamp(static_cast<int>(std::lround(img.width * scale)), 1, maxW);
    out.height = std::clamp(static_cast<int>(std::lround(img.height * scale)), 1, maxH);
    out.rgba.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);

    const auto cols = coverage(img.width, out.width);
    const auto rows = coverage(img.height, out.height);
    const std::size_t ow = static_cast<std::size_t>(out.width);
    // One destination row at a time: memory stays at two rows of floats, whatever the source size.
    // Colours are weighted by alpha so transparent pixels do not darken their neighbours.
    std::vector<float> acc(ow * 4), line(ow * 4);
    for (int oy = 0; oy < out.height; ++oy) {
        std::fill(acc.begin(), acc.end(), 0.0f);
        const Span& rs = rows[static_cast<std::size_t>(oy)];
        for (std::size_t r = 0; r < rs.weights.size(); ++r) {
            const float wy = rs.weights[r];
            if (wy <= 0.0f) continue;
            const std::uint8_t* src =
                img.rgba.data() + static_cast<std::size_t>(rs.first + static_cast<int>(r)) * img.width * 4;
            std::fill(line.begin(), line.end(), 0.0f);
            for (std::size_t ox = 0; ox < ow; ++ox) {
                const Span& cs = cols[ox];
                float* l = &line[ox * 4];
                for (std::size_t c = 0; c < cs.weights.size(); ++c) {
                    const std::uint8_t* p =
                        src + static_cast<std::size_t>(cs.first + static_cast<int>(c)) * 4;
                    const float wa = cs.weights[c] * p[3];
                    l[0] += wa * p[0];
                    l[1] += wa * p[1];
                    l[2] += wa * p[2];
                    l[3] += wa;
                }
            }
            for (std::size_t i = 0; i < acc.size(); ++i) acc[i] += wy * line[i];
        }
        const float area = static_cast<float>((static_cast<double>(img.width) / out.width) *
                                              (static_cast<double>(img.height) / out.height));
        std::uint8_t* dst = out.rgba.data() + static_cast<std::size_t>(oy) * ow * 4;
        for (std::size_t ox = 0; ox < ow; ++ox) {
            const float* a = &acc[ox * 4];
            const float alpha = a[3];
            for (int ch = 0; ch < 3; ++ch) dst[ox * 4 + ch] = alpha > 0.0f ? toByte(a[ch] / alpha) : 0;
            dst[ox * 4 + 3] = toByte(alpha / area);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] encode
// ---------------------------------------------------------------------------------------------------
namespace {

void appendTo(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}

} // namespace

std::vector<std::uint8_t> encodeJpeg(const Image& img, int quality) {
    if (!consistent(img)) return {};
    const std::size_t pixels = static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height);
    std::vector<std::uint8_t> rgb(pixels * 3);
    for (std::size_t i = 0; i < pixels; ++i) {
        const std::uint8_t* p = &img.rgba[i * 4];
        const unsigned a = p[3];
        for (int c = 0; c < 3; ++c)
            rgb[i * 3 + c] = static_cast<std::uint8_t>((p[c] * a + 255u * (255u - a)) / 255u);
    }
    std::vector<std::uint8_t> out;
    if (!stbi_write_jpg_to_func(appendTo, &out, img.width, img.height, 3, rgb.data(),
                                std::clamp(quality, 1, 100)))
        return {};
    return out;
}

std::vector<std::uint8_t> encodePng(const Image& img) {
    if (!consistent(img)) return {};
    std::vector<std::uint8_t> out;
    if (!stbi_write_png_to_func(appendTo, &out, img.width, img.height, 4, img.rgba.data(), img.width * 4))
        return {};
    return out;
}

} // namespace ts::images
