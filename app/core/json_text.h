// The one way core reads a text member of JSON it did not write itself (vault data, bundles,
// content files, other tools' exports): the string, or empty when it is missing, not a string, or
// `obj` is not an object at all.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ts {

inline std::string stringAt(const nlohmann::json& obj, const std::string& key) {
    const auto it = obj.find(key); // end() for anything but an object
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace ts
