#include "core/vault/org_choice.h"

#include <doctest/doctest.h>

using ts::vault::Data;
using ts::vault::Organisation;
using ts::vault::suggestOrganisation;

namespace {

Data withOrganisations(std::initializer_list<std::pair<const char*, const char*>> idCountry) {
    Data d;
    for (const auto& [id, country] : idCountry) {
        Organisation o;
        o.id = id;
        o.name = id;
        o.country = country;
        d.organisations.push_back(o);
    }
    return d;
}

} // namespace

TEST_CASE("suggested organisation: the one asked for, when it exists") {
    const Data d = withOrganisations({{"by1", "BY"}, {"ru1", "RU"}, {"ru2", "RU"}});
    CHECK(suggestOrganisation(d, "RU", "ru2", false) == "ru2");
    CHECK(suggestOrganisation(d, "RU", "by1", true) == "by1");   // a renewal keeps the entry's organisation
    CHECK(suggestOrganisation(d, "BY", "gone", false) == "by1"); // deleted: as if none was asked for
}

TEST_CASE("suggested organisation: the only one of the portal's country, else the only one") {
    const Data d = withOrganisations({{"by1", "BY"}, {"ru1", "RU"}, {"ru2", "RU"}});
    CHECK(suggestOrganisation(d, "BY", "", false) == "by1");
    CHECK(suggestOrganisation(d, "RU", "", false).empty()); // two Russian ones: the user picks
    CHECK(suggestOrganisation(withOrganisations({{"by1", "BY"}}), "RU", "", false) == "by1");
    CHECK(suggestOrganisation(Data{}, "RU", "", true).empty());
}

TEST_CASE("suggested organisation: a run, which needs one, starts on the portal's country first") {
    const Data d = withOrganisations({{"by1", "BY"}, {"by2", "BY"}, {"ru1", "RU"}, {"ru2", "RU"}});
    CHECK(suggestOrganisation(d, "RU", "", true) == "ru1"); // not by1, though it was added first
    CHECK(suggestOrganisation(d, "BY", "", true) == "by1");
    CHECK(suggestOrganisation(withOrganisations({{"by1", "BY"}, {"by2", "BY"}}), "RU", "", true) == "by1");
    CHECK(suggestOrganisation(d, "", "", true) == "by1");
    CHECK(suggestOrganisation(d, "", "", false).empty());
}
