// Reading the pieces every content file shares (bilingual texts, ids), with an error that says
// what is wrong, for the content tests.
#pragma once

#include "core/kinds/kind.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ts::kinds {

// Reads j[key] as {"ru": "...", "en": "..."} with both texts non-empty. A missing optional key
// leaves `out` empty and succeeds.
bool readText(const nlohmann::json& j, const char* key, Text& out, bool required, std::string& error);
// The same for a text object itself (an element of an array).
bool readTextValue(const nlohmann::json& t, Text& out, std::string& error);
// [a-zA-Z0-9]+, with '-' too when allowDash.
bool validId(const std::string& s, bool allowDash);

} // namespace ts::kinds
