// Why a KeePass file was not read (or written): one string-table id per case, so every bad file gets
// its own message, plus a detail that is not translated (the UUID of an unknown cipher or KDF).
#pragma once

#include "core/strings.h"

#include <string>

namespace ts::kdbx {

struct Error {
    Str text = Str::StatusReady;
    std::string detail;
};

} // namespace ts::kdbx
