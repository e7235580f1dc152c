// How core reads members of JSON it did not write itself (vault data, bundles, content files, other
// tools' exports), without trusting their types or sizes.
#pragma once

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <optional>
#include <string>

namespace ts {

inline std::string stringAt(const nlohmann::json& obj, const std::string& key) {
    const auto it = obj.find(key); // end() for anything but an object
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A whole number that fits an int — versions, lead times, sizes, choices — or nothing: get<int>()
// would wrap a larger one round (4294967301 reads as 5), so a crafted file could pass a range check.
inline std::optional<int> intOf(const nlohmann::json& v) {
    if (v.is_number_unsigned()) {
        const std::uint64_t u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(INT_MAX)) return std::nullopt;
        return static_cast<int>(u);
    }
    if (!v.is_number_integer()) return std::nullopt;
    const std::int64_t i = v.get<std::int64_t>();
    if (i < INT_MIN || i > INT_MAX) return std::nullopt;
    return static_cast<int>(i);
}

} // namespace ts
