#include "core/kinds/text_json.h"

#include <algorithm>

namespace ts::kinds {

using nlohmann::json;

bool readTextValue(const json& t, Text& out, std::string& error) {
    if (!t.is_object() || !t.contains("ru") || !t["ru"].is_string() || !t.contains("en") ||
        !t["en"].is_string()) {
        error = "must be {\"ru\": \"...\", \"en\": \"...\"}";
        return false;
    }
    out.ru = t["ru"].get<std::string>();
    out.en = t["en"].get<std::string>();
    if (out.ru.empty() || out.en.empty()) {
        error = "has an empty text";
        return false;
    }
    return true;
}

bool readText(const json& j, const char* key, Text& out, bool required, std::string& error) {
    if (!j.contains(key)) {
        if (required) error = std::string("missing \"") + key + "\"";
        return !required;
    }
    if (!readTextValue(j[key], out, error)) {
        error = std::string("\"") + key + "\" " + error;
        return false;
    }
    return true;
}

bool validId(const std::string& s, bool allowDash) {
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               (allowDash && c == '-');
    });
}

} // namespace ts::kinds
