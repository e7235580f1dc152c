#include "core/kinds/validate.h"

#include "core/dates.h"
#include "core/json_text.h"

#include <algorithm>

namespace ts::kinds {
namespace {

bool hasControl(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool isEmail(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = s.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 3 > domain.size()) return false; // a TLD of 2+
    return std::none_of(s.begin(), s.end(),
                        [](char c) { return c == ' ' || static_cast<unsigned char>(c) < 0x21; });
}

bool isSystemName(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    });
}

} // namespace

bool isGuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

std::optional<Str> validateValue(const Field& f, std::string_view value) {
    if (value.empty()) return f.required ? std::optional(Str::ErrFieldRequired) : std::nullopt;
    if (f.type != FieldType::Multiline && hasControl(value)) return Str::ErrOneLine;
    switch (f.type) {
    case FieldType::Guid:
        return isGuid(value) ? std::nullopt : std::optional(Str::ErrGuidFormat);
    case FieldType::Date:
        return parseDate(value) ? std::nullopt : std::optional(Str::ErrDateFormat);
    case FieldType::Email:
        return isEmail(value) ? std::nullopt : std::optional(Str::ErrEmailFormat);
    case FieldType::Login:
        return trim(value).size() == value.size() ? std::nullopt : std::optional(Str::ErrLoginSpaces);
    case FieldType::Choice:
        for (const Option& o : f.options)
            if (o.value == value) return std::nullopt;
        return Str::ErrChoice;
    case FieldType::SystemName:
        return isSystemName(value) ? std::nullopt : std::optional(Str::ErrSystemName);
    case FieldType::Url:
        return value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0 ? std::nullopt
                                                                                 : std::optional(Str::ErrUrl);
    case FieldType::Secret:
    case FieldType::Text:
    case FieldType::Multiline:
        return std::nullopt;
    }
    return std::nullopt;
}

std::map<std::string, Str> validateFields(const Kind& kind, const nlohmann::json& fields) {
    std::map<std::string, Str> errors;
    for (const Field& f : kind.fields) {
        const std::string value = stringAt(fields, f.id);
        if (auto e = validateValue(f, value)) errors.emplace(f.id, *e);
    }
    return errors;
}

std::string normalise(const Field& f, std::string_view typed) {
    if (f.type == FieldType::Multiline) return std::string(typed);
    std::string v(f.type == FieldType::Secret ? typed : trim(typed));
    if (f.type == FieldType::Guid && isGuid(v))
        std::transform(v.begin(), v.end(), v.begin(),
                       [](char c) { return c >= 'A' && c <= 'F' ? c + 32 : c; });
    if (f.type == FieldType::Date)
        if (auto d = parseDate(v)) v = isoDate(*d);
    return v;
}

std::string display(const Field& f, std::string_view stored) {
    if (f.type == FieldType::Date)
        if (auto d = parseDate(stored)) return localDate(*d);
    return std::string(stored);
}

} // namespace ts::kinds
