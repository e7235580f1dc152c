// Content files (credential kinds, procedures) embedded in the build by
// scripts/embed_content.py, so the app needs no file access and the tests read the same bytes.
#pragma once

#include <span>
#include <string_view>

namespace ts::content {

struct File {
    std::string_view name; // file name within its folder, e.g. "eis-export-token.json"
    std::string_view text;
};

std::span<const File> kindFiles();
std::span<const File> procedureFiles();

} // namespace ts::content
