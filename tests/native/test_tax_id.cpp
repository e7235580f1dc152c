#include "core/org/tax_id.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::org;

TEST_CASE("ИНН: 10 digits for an organisation, 12 for a person, with check digits") {
    CHECK_FALSE(validateInn("7707083893")); // ПАО Сбербанк
    CHECK_FALSE(validateInn("7736207543"));
    CHECK_FALSE(validateInn("500100732259"));
    CHECK_FALSE(validateInn("7707 083 893")); // spaces as people copy them
    CHECK(validateInn("7707083894") == Str::ErrInnChecksum);
    CHECK(validateInn("500100732258") == Str::ErrInnChecksum);
    CHECK(validateInn("770708389") == Str::ErrInnFormat);
    CHECK(validateInn("77070838931") == Str::ErrInnFormat);
    CHECK(validateInn("77070838a3") == Str::ErrInnFormat);
    CHECK(validateInn("") == Str::ErrInnFormat);
}

TEST_CASE("УНП: nine characters, with the check digit") {
    CHECK_FALSE(validateUnp("200988541"));
    CHECK_FALSE(validateUnp("УНП 200988541"));
    CHECK_FALSE(validateUnp("MA1953684")); // an individual entrepreneur: two letters first
    CHECK_FALSE(validateUnp("МА1953684")); // the same typed with Cyrillic М and А
    CHECK(validateUnp("200988542") == Str::ErrUnpChecksum);
    CHECK(validateUnp("20098854") == Str::ErrUnpFormat);
    CHECK(validateUnp("900988541") == Str::ErrUnpFormat); // no region 9
    CHECK(validateUnp("MZ1953684") == Str::ErrUnpFormat);
    CHECK(validateUnp("") == Str::ErrUnpFormat);
}
