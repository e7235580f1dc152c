// Pictures attached to steps: decode (PNG/JPEG only, size limits checked from the header before any
// pixel is decoded, damaged files reported, never a crash), shrinking, encoding, base64, and the
// fake file picker that hands a picture over in tests. Runs under ASan/UBSan too (scripts/test.sh).
#include "core/images/base64.h"
#include "core/images/image.h"

#include "platform/native/fake_file_picker.h"
#include <filesystem>
#include <fstream>
#include <iterator>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

using namespace ts;
using namespace ts::images;

namespace {

using Bytes = std::vector<std::uint8_t>;

// A gradient: red across, green down, blue and alpha from both (alpha never 0, so PNG keeps colour).
Image gradient(int w, int h, bool opaque) {
    Image img{w, h, {}};
    img.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
            p[0] = static_cast<std::uint8_t>(x * 255 / (w - 1));
            p[1] = static_cast<std::uint8_t>(y * 255 / (h - 1));
            p[2] = static_cast<std::uint8_t>((x + y) * 255 / (w + h - 2));
            p[3] = opaque ? 255 : static_cast<std::uint8_t>(64 + (x * 191) / (w - 1));
        }
    }
    return img;
}

Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a) {
    Image img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)};
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        img.rgba[i] = r;
        img.rgba[i + 1] = g;
        img.rgba[i + 2] = b;
        img.rgba[i + 3] = a;
    }
    return img;
}

std::optional<Image> decodeOk(const Bytes& bytes) {
    Str error = Str::AppName;
    auto img = decode(bytes, error);
    return img;
}

Str decodeError(const Bytes& bytes) {
    Str error = Str::AppName; // a sentinel: decode must set it
    auto img = decode(bytes, error);
    REQUIRE_FALSE(img);
    return error;
}

std::uint32_t crc32(const std::uint8_t* p, std::size_t n) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

void put32(Bytes& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(v >> s));
}

// The PNG signature and a well-formed IHDR chunk (8-bit RGBA) claiming w x h; no pixel data.
Bytes pngHeader(std::uint32_t w, std::uint32_t h) {
    Bytes out{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    put32(out, 13);
    const std::size_t type = out.size();
    out.insert(out.end(), {'I', 'H', 'D', 'R'});
    put32(out, w);
    put32(out, h);
    out.insert(out.end(), {8, 6, 0, 0, 0}); // depth, colour type RGBA, compression, filter, interlace
    put32(out, crc32(&out[type], out.size() - type));
    return out;
}

Bytes randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    Bytes out(n);
    for (auto& b : out) b = static_cast<std::uint8_t>(rng());
    return out;
}

double meanAbsDiff(const Image& a, const Image& b) {
    REQUIRE(a.rgba.size() == b.rgba.size());
    double sum = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) sum += std::abs(int(a.rgba[i]) - int(b.rgba[i]));
    return sum / static_cast<double>(a.rgba.size());
}

} // namespace

TEST_CASE("a PNG image made in memory decodes back to exactly the same pixels") {
    const Image src = gradient(64, 48, false);
    const Bytes png = encodePng(src);
    REQUIRE(png.size() > 8);
    Str error = Str::AppName;
    auto img = decode(png, error);
    REQUIRE(img);
    CHECK(img->width == 64);
    CHECK(img->height == 48);
    CHECK(img->rgba == src.rgba);
}

TEST_CASE("a JPEG image made in memory decodes back to the same size and nearly the same pixels") {
    const Image src = gradient(64, 48, true);
    const Bytes jpeg = encodeJpeg(src, 90);
    REQUIRE(jpeg.size() > 3);
    CHECK(jpeg[0] == 0xFF);
    CHECK(jpeg[1] == 0xD8);
    auto img = decodeOk(jpeg);
    REQUIRE(img);
    CHECK(img->width == 64);
    CHECK(img->height == 48);
    CHECK(meanAbsDiff(*img, src) < 4.0);
    for (std::size_t i = 3; i < img->rgba.size(); i += 4) REQUIRE(img->rgba[i] == 255);
}

TEST_CASE("JPEG image encoding puts transparent pixels on white and clamps the quality") {
    const Image clear = solid(16, 16, 0, 0, 0, 0);
    for (int quality : {-5, 0, 1, 75, 100, 500}) {
        auto img = decodeOk(encodeJpeg(clear, quality));
        REQUIRE(img);
        for (std::size_t i = 0; i < img->rgba.size(); ++i) REQUIRE(img->rgba[i] >= 250);
    }
}

TEST_CASE("image encoders refuse an image whose pixels do not match its size") {
    Image bad = gradient(8, 8, true);
    bad.rgba.pop_back();
    CHECK(encodePng(bad).empty());
    CHECK(encodeJpeg(bad, 80).empty());
    CHECK(encodePng(Image{}).empty());
    CHECK(fitWithin(bad, 2, 2).rgba == bad.rgba); // left alone, not read out of bounds
}

TEST_CASE("image decode refuses what is not a PNG or JPEG") {
    CHECK(decodeError({}) == Str::ErrImageNotImage);
    Bytes noise = randomBytes(4096, 1);
    noise[0] = 0x00;
    CHECK(decodeError(noise) == Str::ErrImageNotImage);
    CHECK(decodeError({'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0}) == Str::ErrImageNotImage);
    CHECK(decodeError({0x89, 'P', 'N', 'G'}) == Str::ErrImageNotImage); // a signature cut short
    CHECK(decodeError({0xFF, 0xD8}) == Str::ErrImageNotImage);
    const std::string text = "iVBORw0KGgo="; // base64 of a PNG, not a PNG
    CHECK(decodeError(Bytes(text.begin(), text.end())) == Str::ErrImageNotImage);
}

TEST_CASE("image decode reports noise behind a PNG or JPEG signature as damaged") {
    for (unsigned seed = 0; seed < 64; ++seed) {
        Bytes png = pngHeader(16, 16);
        const Bytes tail = randomBytes(512, seed);
        png.insert(png.end(), tail.begin(), tail.end());
        CHECK(decodeError(png) == Str::ErrImageDamaged);
        Bytes jpeg{0xFF, 0xD8, 0xFF};
        jpeg.insert(jpeg.end(), tail.begin(), tail.end());
        // Noise may happen to look like a frame header claiming a huge size.
        const Str e = decodeError(jpeg);
        CHECK((e == Str::ErrImageDamaged || e == Str::ErrImageTooLarge));
    }
    CHECK(decodeError(pngHeader(16, 16)) == Str::ErrImageDamaged); // a header and no pixel data
    CHECK(decodeError(pngHeader(0, 16)) == Str::ErrImageDamaged);
}

TEST_CASE("every truncation of a small PNG image decodes or is reported damaged") {
    const Bytes png = encodePng(gradient(24, 16, false));
    REQUIRE(png.size() > 60);
    for (std::size_t n = 0; n < png.size(); ++n) {
        const Bytes cut(png.begin(), png.begin() + static_cast<std::ptrdiff_t>(n));
        Str error = Str::AppName;
        auto img = decode(cut, error);
        if (img) {
            // stb does not check CRCs: only cuts into the last chunk's CRC (IEND's) still decode.
            CHECK(n >= png.size() - 4);
            CHECK(img->rgba.size() == static_cast<std::size_t>(img->width) * img->height * 4);
        } else if (n < 8) {
            CHECK(error == Str::ErrImageNotImage);
        } else {
            CHECK(error == Str::ErrImageDamaged);
        }
    }
    CHECK(decodeOk(png));
}

TEST_CASE("a JPEG image whose Huffman table declares over 256 codes is refused as damaged") {
    // stb_image 2.27 would write past its arrays (UBSan/ASan would stop this test): decode checks first.
    Bytes jpeg = encodeJpeg(gradient(16, 16, true), 80);
    REQUIRE(decodeOk(jpeg));
    std::size_t dht = 0;
    for (std::size_t i = 2; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC4) {
            dht = i;
            break;
        }
    REQUIRE(dht > 0);
    for (std::size_t k = 0; k < 16; ++k) jpeg[dht + 5 + k] = 0x20; // 16 lengths x 32 codes = 512
    CHECK(decodeError(jpeg) == Str::ErrImageDamaged);
}

TEST_CASE("a JPEG image whose scan uses a Huffman table no DHT defined is refused as damaged") {
    // stb_image 2.27 would decode with its uninitialised table (an assertion in a debug build).
    Bytes jpeg = encodeJpeg(gradient(16, 16, true), 80);
    REQUIRE(decodeOk(jpeg));
    // stb_image_write puts four tables in one DHT: DC 0, AC 0 (0x10), DC 1, AC 1 (0x11). Renaming
    // AC 0 to AC 2 leaves a table the scan's luma component names undefined.
    int renamed = 0;
    for (std::size_t i = 2; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC4) {
            std::size_t p = i + 4;
            const std::size_t end = i + 2 + (std::size_t{jpeg[i + 2]} << 8 | jpeg[i + 3]);
            while (p < end) {
                std::size_t n = 0;
                for (std::size_t k = 1; k <= 16; ++k) n += jpeg[p + k];
                if (jpeg[p] == 0x10) {
                    jpeg[p] = 0x12;
                    ++renamed;
                }
                p += 17 + n;
            }
        }
    REQUIRE(renamed == 1);
    CHECK(decodeError(jpeg) == Str::ErrImageDamaged);
}

TEST_CASE("the fuzzer's JPEG whose second DHT redefines DC 0 instead of AC 0 is refused as damaged") {
    // Found by scripts/fuzz.sh: the scan then decodes with AC table 0 as stb's decoder state held it,
    // which failed an assertion in stb's Huffman decoder (the old code aborted here).
    const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "fuzz" / "corpus" /
                      "image_decode" / "scan-uses-undefined-table.jpg";
    std::ifstream in(path, std::ios::binary);
    const Bytes jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(jpeg.size() > 400);
    CHECK(decodeError(jpeg) == Str::ErrImageDamaged);
}

TEST_CASE("every truncation of a small JPEG image decodes or is reported damaged") {
    const Bytes jpeg = encodeJpeg(gradient(24, 16, true), 80);
    for (std::size_t n = 0; n < jpeg.size(); ++n) {
        const Bytes cut(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(n));
        Str error = Str::AppName;
        auto img = decode(cut, error);
        if (img) {
            CHECK(img->width == 24);
            CHECK(img->height == 16);
        } else {
            CHECK((error == Str::ErrImageDamaged || (n < 3 && error == Str::ErrImageNotImage)));
        }
    }
}

TEST_CASE("a PNG image header claiming 10000x10000 is refused as too large before anything is allocated") {
    const Bytes header = pngHeader(10000, 10000);
    const std::uint64_t before = testing::decoderBytesAllocated();
    CHECK(decodeError(header) == Str::ErrImageTooLarge);
    CHECK(testing::decoderBytesAllocated() == before);

    CHECK(decodeError(pngHeader(8193, 1)) == Str::ErrImageTooLarge);
    CHECK(decodeError(pngHeader(1, 8193)) == Str::ErrImageTooLarge);
    CHECK(decodeError(pngHeader(100000, 100000)) == Str::ErrImageTooLarge);
    CHECK(testing::decoderBytesAllocated() == before);
    CHECK(decodeError(pngHeader(8192, 8192)) == Str::ErrImageDamaged); // allowed size, but no pixel data
}

TEST_CASE("a JPEG image header claiming 10000x10000 is refused as too large before anything is allocated") {
    // SOI, an APP0 segment to skip, then a baseline SOF0: 8-bit, 10000 high, 10000 wide, 3 components.
    Bytes jpeg{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x27,
               0x10, 0x27, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01};
    const std::uint64_t before = testing::decoderBytesAllocated();
    CHECK(decodeError(jpeg) == Str::ErrImageTooLarge);
    CHECK(testing::decoderBytesAllocated() == before);
    jpeg[13] = 0x00; // height 16
    jpeg[14] = 0x10;
    CHECK(decodeError(jpeg) == Str::ErrImageTooLarge); // still 10000 wide
    jpeg[15] = 0x00;
    jpeg[16] = 0x10;
    CHECK(decodeError(jpeg) == Str::ErrImageDamaged); // 16x16 but no tables or scan
}

TEST_CASE("a tiny PNG image whose chunk claims more bytes than the file holds is refused unallocated") {
    // stb would reserve the claimed 1.5 GB for IDAT before noticing the data is not there.
    Bytes png = pngHeader(16, 16);
    put32(png, 0x60000000u);
    png.insert(png.end(), {'I', 'D', 'A', 'T', 0x78, 0x9C, 0, 0, 0, 0});
    const std::uint64_t before = testing::decoderBytesAllocated();
    CHECK(decodeError(png) == Str::ErrImageDamaged);
    CHECK(testing::decoderBytesAllocated() == before);
}

TEST_CASE("an image file over 10 MB is refused as too large without decoding") {
    Bytes big = encodePng(gradient(16, 16, false));
    big.resize(kMaxFileBytes + 1, 0);
    const std::uint64_t before = testing::decoderBytesAllocated();
    CHECK(decodeError(big) == Str::ErrImageTooLarge);
    CHECK(testing::decoderBytesAllocated() == before);
    big.resize(kMaxFileBytes); // trailing zeros after IEND: allowed, and still decodes
    CHECK(decodeOk(big));
}

TEST_CASE("fitWithin shrinks a 3000x1000 image into 1280x1280 as 1280x427") {
    const Image big = solid(3000, 1000, 10, 200, 30, 255);
    const Image out = fitWithin(big, 1280, 1280);
    CHECK(out.width == 1280);
    CHECK(out.height == 427);
    REQUIRE(out.rgba.size() == 1280u * 427u * 4u);
    CHECK(out.rgba == solid(1280, 427, 10, 200, 30, 255).rgba); // a flat colour stays flat

    const Image tall = fitWithin(solid(1000, 3000, 1, 2, 3, 255), 1280, 1280);
    CHECK(tall.width == 427);
    CHECK(tall.height == 1280);
}

TEST_CASE("fitWithin image box filter averages areas and weights colour by alpha") {
    // Black and white columns → grey.
    Image stripes{4, 2, {}};
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 4; ++x) {
            const std::uint8_t v = x % 2 ? 255 : 0;
            stripes.rgba.insert(stripes.rgba.end(), {v, v, v, 255});
        }
    const Image grey = fitWithin(stripes, 2, 1);
    REQUIRE(grey.width == 2);
    REQUIRE(grey.height == 1);
    for (std::size_t i = 0; i < grey.rgba.size(); i += 4) {
        CHECK(std::abs(int(grey.rgba[i]) - 128) <= 1);
        CHECK(grey.rgba[i + 3] == 255);
    }
    // A transparent black pixel beside an opaque red one: red at half alpha, not dark red.
    const Image pair{2, 1, {0, 0, 0, 0, 255, 0, 0, 255}};
    const Image one = fitWithin(pair, 1, 1);
    REQUIRE(one.rgba.size() == 4);
    CHECK(one.rgba[0] == 255);
    CHECK(one.rgba[1] == 0);
    CHECK(std::abs(int(one.rgba[3]) - 128) <= 1);
    // A non-integer ratio keeps the average: a gradient's mean survives within rounding.
    const Image g = gradient(301, 97, true);
    const Image small = fitWithin(g, 100, 100);
    CHECK(small.width == 100);
    CHECK(small.height == 32);
    double meanSrc = 0, meanDst = 0;
    for (std::size_t i = 0; i < g.rgba.size(); i += 4) meanSrc += g.rgba[i];
    for (std::size_t i = 0; i < small.rgba.size(); i += 4) meanDst += small.rgba[i];
    CHECK(std::abs(meanSrc / (301.0 * 97) - meanDst / (100.0 * 32)) < 1.0);
}

TEST_CASE("fitWithin returns a small image unchanged and never enlarges") {
    const Image g = gradient(50, 40, false);
    const Image same = fitWithin(g, 1280, 1280);
    CHECK(same.width == 50);
    CHECK(same.height == 40);
    CHECK(same.rgba == g.rgba);
    const Image edge = fitWithin(g, 50, 40);
    CHECK(edge.rgba == g.rgba);
    const Image tiny = fitWithin(g, 0, -3); // nonsense limits: treated as 1x1
    CHECK(tiny.width == 1);
    CHECK(tiny.height == 1);
}

TEST_CASE("base64 round trip of random bytes and known vectors") {
    CHECK(toBase64({}).empty());
    const std::string foobar = "foobar";
    const Bytes fb(foobar.begin(), foobar.end());
    CHECK(toBase64(fb) == "Zm9vYmFy");
    CHECK(toBase64(std::span(fb).first(4)) == "Zm9vYg==");
    CHECK(toBase64(std::span(fb).first(5)) == "Zm9vYmE=");
    CHECK(fromBase64("Zm9vYg==") == Bytes(fb.begin(), fb.begin() + 4));
    CHECK(fromBase64("")->empty());
    for (std::size_t n = 0; n < 200; ++n) {
        const Bytes b = randomBytes(n, static_cast<unsigned>(n) + 7);
        const std::string text = toBase64(b);
        CHECK(text.size() == (n + 2) / 3 * 4);
        const auto back = fromBase64(text);
        REQUIRE(back);
        CHECK(*back == b);
    }
    const Bytes png = encodePng(gradient(20, 20, false));
    CHECK(fromBase64(toBase64(png)) == png);
}

TEST_CASE("base64 decoding refuses malformed text") {
    CHECK_FALSE(fromBase64("Zm9v!mFy"));
    CHECK_FALSE(fromBase64("Zm9vYmF"));   // missing padding
    CHECK_FALSE(fromBase64("Zm9vYg="));   // short padding
    CHECK_FALSE(fromBase64("Zm9v YmFy")); // whitespace
    CHECK_FALSE(fromBase64("Zm9vYmFy\n"));
    CHECK_FALSE(fromBase64("Zm9vYg==Zm9v")); // data after the padding
    CHECK_FALSE(fromBase64("Zm9v_mFy"));     // the URL-safe alphabet is not this one
}

TEST_CASE("fake file picker hands over the image a test set, or cancels") {
    FakeFilePicker picker;
    CHECK_FALSE(picker.answer());

    const Bytes png = encodePng(gradient(10, 10, false));
    picker.next = PickedFile{"скриншот.png", png};
    std::optional<PickedFile> got;
    int calls = 0;
    picker.pick("image/png,image/jpeg", [&](std::optional<PickedFile> f) {
        ++calls;
        got = std::move(f);
    });
    CHECK(calls == 0); // never answered inside pick()
    CHECK(picker.lastAccept() == "image/png,image/jpeg");
    REQUIRE(picker.answer());
    REQUIRE(calls == 1);
    REQUIRE(got);
    CHECK(got->name == "скриншот.png");
    auto img = decodeOk(got->bytes);
    REQUIRE(img);
    CHECK(img->width == 10);

    // Cancelled.
    picker.next.reset();
    picker.pick("image/*", [&](std::optional<PickedFile> f) {
        ++calls;
        got = std::move(f);
    });
    REQUIRE(picker.answer());
    CHECK(calls == 2);
    CHECK_FALSE(got);

    // Too large for the picker: not read, but named, so the user hears why.
    picker.next = PickedFile{"huge.png", Bytes(FilePicker::kMaxBytes + 1), false};
    picker.pick("image/*", [&](std::optional<PickedFile> f) {
        ++calls;
        got = std::move(f);
    });
    REQUIRE(picker.answer());
    CHECK(calls == 3);
    REQUIRE(got);
    CHECK(got->tooLarge);
    CHECK(got->name == "huge.png");
    CHECK(got->bytes.empty());

    // A second pick replaces the first: the first hears "nothing", the second gets the file.
    picker.next = PickedFile{"a.jpg", {0xFF, 0xD8, 0xFF}};
    std::optional<PickedFile> first = PickedFile{}, second;
    picker.pick("image/*", [&](std::optional<PickedFile> f) { first = std::move(f); });
    picker.pick("image/*", [&](std::optional<PickedFile> f) { second = std::move(f); });
    CHECK(picker.picks() == 5);
    REQUIRE(picker.answer());
    CHECK_FALSE(first);
    REQUIRE(second);
    CHECK(second->name == "a.jpg");
    CHECK_FALSE(picker.pending());
}
