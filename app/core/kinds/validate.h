// Field validation for the credential kinds: each refusal names the rule that was broken.
#pragma once

#include "core/kinds/kind.h"

#include <map>
#include <optional>
#include <string>

namespace ts::kinds {

// The message for an unacceptable value, or nothing when it is fine. Empty optional fields pass.
std::optional<Str> validateValue(const Field& field, std::string_view value);

// Every field of an entry of this kind: field id → message, only for the fields that fail.
std::map<std::string, Str> validateFields(const Kind& kind, const nlohmann::json& fields);

// What the user typed, in the form stored (dates typed as ДД.ММ.ГГГГ are stored as YYYY-MM-DD;
// GUIDs in lower case; surrounding spaces trimmed from one-line values).
std::string normalise(const Field& field, std::string_view typed);
// And back: the form shown in the field (a stored date as ДД.ММ.ГГГГ).
std::string display(const Field& field, std::string_view stored);

bool isGuid(std::string_view s);

} // namespace ts::kinds
