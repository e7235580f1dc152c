// Writes the printable handouts for a person to look at (in a browser, or printed to PDF): every
// built-in procedure in both languages, the print test's sample procedure (every kind of mock-up
// element) and its screen of over-long texts. The native print tests check the same pages.
//
// usage: ts_print_samples OUT_DIR
#include "core/kinds/kind.h"
#include "core/procedures/print_html.h"
#include "core/procedures/screen_svg.h"
#include "print_sample.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace ts;
using namespace ts::procedures;

namespace {

bool write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", path.string().c_str());
        return false;
    }
    std::printf("%s\n", path.string().c_str());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "cannot create %s: %s\n", dir.string().c_str(), ec.message().c_str());
        return 1;
    }
    const Library& library = Library::builtIn();
    for (const std::string& error : library.errors())
        std::fprintf(stderr, "procedure not loaded: %s\n", error.c_str());
    bool ok = library.errors().empty();
    const kinds::Registry& kinds = kinds::Registry::builtIn();
    for (Lang lang : {Lang::Ru, Lang::En}) {
        const std::string code(langCode(lang));
        for (const Procedure& p : library.all())
            ok = write(dir / (p.id + "." + code + ".html"), printableHtml(p, kinds, lang)) && ok;
        ok = write(dir / ("test-sample." + code + ".html"),
                   printableHtml(print_sample::sample(), print_sample::registry(), lang)) &&
             ok;
    }
    ok = write(dir / "test-long-texts.html",
               "<!doctype html><meta charset=\"utf-8\"><figure class=\"screen\">" +
                   screenSvg(print_sample::longTexts()) + "</figure>") &&
         ok;
    return ok ? 0 : 1;
}
