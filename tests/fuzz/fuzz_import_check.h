// What both importer targets ask of an import: the preview the user confirms is what gets saved.
#pragma once

#include "core/bundle/importers.h"
#include "core/vault/model.h"

namespace ts::fuzz {

// An accepted import has entries, and they survive serialize + parse (the next save and unlock).
inline void checkStorable(const bundle::Imported& imported) {
    if (imported.data.entries.empty()) __builtin_trap(); // importers refuse an empty file instead
    vault::Data reread;
    if (vault::parse(vault::serialize(imported.data), reread) != vault::ParseError::None ||
        reread.entries.size() != imported.data.entries.size())
        __builtin_trap();
}

} // namespace ts::fuzz
