// Which organisation a new entry or a procedure run starts with, so that a user with one
// organisation — or one in the portal's country — never has to pick it, and a Russian portal's
// procedure does not start on a Belarusian organisation only because it was added first.
#pragma once

#include "core/vault/model.h"

#include <string>
#include <string_view>

namespace ts::vault {

// `preferred` when it names an organisation (the entry list's filter, the entry a run renews);
// else the only organisation of `country` ("RU" for EIS, "BY" for OAIS; empty: any); else the only
// organisation there is; else, when one is `required` (a run needs one), the first of `country`,
// or the first. Empty: none is suggested.
std::string suggestOrganisation(const Data& data, std::string_view country, std::string_view preferred,
                                bool required);

} // namespace ts::vault
