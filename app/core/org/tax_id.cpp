#include "core/org/tax_id.h"

#include <algorithm>
#include <array>

namespace ts::org {
namespace {

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int weighted(std::string_view digits, std::initializer_list<int> weights) {
    int sum = 0, i = 0;
    for (int w : weights) sum += w * (digits[i++] - '0');
    return sum % 11 % 10;
}

} // namespace

std::string compactTaxId(std::string_view raw) {
    std::string s;
    for (char c : raw)
        if (c != ' ' && c != '\t') s += c;
    for (std::string_view prefix : {"UNP", "unp", "\xD0\xA3\xD0\x9D\xD0\x9F" /* УНП */})
        if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
    // Cyrillic capitals that look like Latin ones (А В Е К М Н О Р С Т), as people type them in УНП.
    static constexpr std::array<std::pair<unsigned char, char>, 10> kMap{{{0x90, 'A'},
                                                                          {0x92, 'B'},
                                                                          {0x95, 'E'},
                                                                          {0x9A, 'K'},
                                                                          {0x9C, 'M'},
                                                                          {0x9D, 'H'},
                                                                          {0x9E, 'O'},
                                                                          {0xA0, 'P'},
                                                                          {0xA1, 'C'},
                                                                          {0xA2, 'T'}}};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xD0 && i + 1 < s.size()) {
            const auto n = static_cast<unsigned char>(s[i + 1]);
            const auto it = std::find_if(kMap.begin(), kMap.end(), [&](auto& m) { return m.first == n; });
            if (it != kMap.end()) {
                out += it->second;
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    return out;
}

std::optional<Str> validateInn(std::string_view raw) {
    const std::string inn = compactTaxId(raw);
    if (!allDigits(inn) || (inn.size() != 10 && inn.size() != 12)) return Str::ErrInnFormat;
    if (inn.size() == 10) {
        if (weighted(inn, {2, 4, 10, 3, 5, 9, 4, 6, 8}) != inn[9] - '0') return Str::ErrInnChecksum;
        return std::nullopt;
    }
    if (weighted(inn, {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) != inn[10] - '0' ||
        weighted(inn, {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) != inn[11] - '0')
        return Str::ErrInnChecksum;
    return std::nullopt;
}

std::optional<Str> validateUnp(std::string_view raw) {
    const std::string unp = compactTaxId(raw);
    if (unp.size() != 9 || !allDigits(unp.substr(2))) return Str::ErrUnpFormat;
    // Organisations: nine digits. Individual entrepreneurs: two letters from this set, then digits.
    constexpr std::string_view kLetters = "ABCEHKMOPT";
    const bool digitsHead = allDigits(unp.substr(0, 2));
    if (!digitsHead &&
        (kLetters.find(unp[0]) == std::string_view::npos || kLetters.find(unp[1]) == std::string_view::npos))
        return Str::ErrUnpFormat;
    if (std::string_view("1234567ABCEHKM").find(unp[0]) == std::string_view::npos) return Str::ErrUnpFormat;
    // Weighted sum mod 11 over the first 8 positions; a letter counts as its index in 0-9A-Z, except
    // the second position, which counts as its index in kLetters.
    constexpr int kWeights[] = {29, 23, 19, 17, 13, 7, 5, 3};
    auto value = [&](int i) {
        const char c = unp[static_cast<std::size_t>(i)];
        if (!digitsHead && i == 1) return static_cast<int>(kLetters.find(c));
        return c <= '9' ? c - '0' : c - 'A' + 10;
    };
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += kWeights[i] * value(i);
    const int check = sum % 11;
    if (check > 9 || check != unp[8] - '0') return Str::ErrUnpChecksum;
    return std::nullopt;
}

} // namespace ts::org
