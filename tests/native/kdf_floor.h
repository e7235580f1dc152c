// The app's KDF floor for the length of one test: tests/native/main.cpp lowers it for the whole
// suite (crypto::acceptFastKdfForTests), so what the shipped app refuses must be tested under this.
#pragma once

#include "core/crypto/crypto.h"

namespace ts::testing {

struct AppKdfFloor {
    AppKdfFloor() { crypto::acceptFastKdfForTests(false); }
    ~AppKdfFloor() { crypto::acceptFastKdfForTests(true); }
    AppKdfFloor(const AppKdfFloor&) = delete;
    AppKdfFloor& operator=(const AppKdfFloor&) = delete;
};

} // namespace ts::testing
