// What model.cpp, runs.cpp and attachments.cpp share: reading and writing the vault's JSON, keeping unknown
// keys.
#pragma once

#include "core/vault/model.h"

#include <initializer_list>
#include <nlohmann/json.hpp>

namespace ts::vault {

// Splits an object into the keys we know and the rest, returned to be kept verbatim.
nlohmann::json takeUnknown(const nlohmann::json& obj, std::initializer_list<const char*> known);
bool isStringObject(const nlohmann::json& j);

nlohmann::json toJson(const Run& r);
bool fromJson(const nlohmann::json& j, Run& r);

nlohmann::json toJson(const Attachment& a);
bool fromJson(const nlohmann::json& j, Attachment& a);

} // namespace ts::vault
