// Helpers of the KeePass interop tests: the folder the ctest fixtures write into, files, and the
// database every fixture holds (tests/kdbx/make_kdbxweb_files.mjs, tests/kdbx/keepass-sample.xml).
#pragma once

#include "core/kdbx/database.h"
#include "core/kdbx/keys.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace ts::testing {

// Set by CMakeLists.txt for the interop tests; the fixtures that fill it run first.
inline std::string kdbxDir() {
    const char* d = std::getenv("TS_KDBX_DIR");
    REQUIRE_MESSAGE(d != nullptr, "TS_KDBX_DIR is not set: run these tests through ctest");
    return d;
}

inline std::vector<std::uint8_t> readBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "missing " << path);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(f.good());
}

inline crypto::SecretBytes secret(std::string_view s) {
    return crypto::SecretBytes(s.begin(), s.end());
}

inline kdbx::Credentials creds(std::optional<std::string> password,
                               std::optional<std::string> keyFilePath = {}) {
    kdbx::Credentials c;
    if (password) c.password = secret(*password);
    if (keyFilePath) {
        const auto b = readBytes(*keyFilePath);
        c.keyFile = crypto::SecretBytes(b.begin(), b.end());
    }
    return c;
}

inline const kdbx::Group* findGroup(const kdbx::Group& g, std::string_view name) {
    if (g.name == name) return &g;
    for (const kdbx::Group& sub : g.groups)
        if (const kdbx::Group* found = findGroup(sub, name)) return found;
    return nullptr;
}

// Runs a shell command; returns its standard output and sets `status` (its exit status).
inline std::string run(const std::string& command, int& status) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int rc = pclose(p);
    status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

inline std::string shellQuote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

} // namespace ts::testing
