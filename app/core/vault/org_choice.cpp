#include "core/vault/org_choice.h"

namespace ts::vault {

std::string suggestOrganisation(const Data& data, std::string_view country, std::string_view preferred,
                                bool required) {
    if (!preferred.empty() && data.organisation(preferred)) return std::string(preferred);
    const Organisation* first = nullptr;
    int inCountry = 0;
    for (const Organisation& o : data.organisations)
        if (country.empty() || o.country == country) {
            if (!first) first = &o;
            ++inCountry;
        }
    if (inCountry == 1) return first->id;
    if (data.organisations.size() == 1) return data.organisations.front().id;
    if (!required || data.organisations.empty()) return {};
    return first ? first->id : data.organisations.front().id;
}

} // namespace ts::vault
