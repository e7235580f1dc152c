// Organisation identifiers with their check digits: the Russian ИНН (10 digits for an
// organisation, 12 for a person) and the Belarusian УНП (9 characters).
#pragma once

#include "core/strings.h"

#include <optional>
#include <string>
#include <string_view>

namespace ts::org {

// Each returns the message to show, or nothing when the number is valid.
std::optional<Str> validateInn(std::string_view inn);
std::optional<Str> validateUnp(std::string_view unp);

// Spaces removed; for УНП, "УНП"/"UNP" prefixes dropped and Cyrillic letters that look Latin mapped.
std::string compactTaxId(std::string_view raw);

} // namespace ts::org
