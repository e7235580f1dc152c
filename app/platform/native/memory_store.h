// In-memory KeyValueStore for native tests, with fault injection: refuse writes on demand, as a
// browser does when storage is full or disabled.
#pragma once

#include "core/key_value_store.h"

#include <map>
#include <string>

namespace ts {

class MemoryStore : public KeyValueStore {
  public:
    std::optional<std::string> get(std::string_view key) override;
    [[nodiscard]] bool put(std::string_view key, std::string_view value) override;

    int failNextPuts = 0; // each failing put decrements it; the stored value stays as it was
    int putCount = 0;
    std::map<std::string, std::string, std::less<>> data;
};

} // namespace ts
