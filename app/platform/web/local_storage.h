// KeyValueStore over the browser's localStorage: settings only, never secrets.
#pragma once

#include "core/key_value_store.h"

namespace ts {

class LocalStorage : public KeyValueStore {
  public:
    std::optional<std::string> get(std::string_view key) override;
    [[nodiscard]] bool put(std::string_view key, std::string_view value) override;
};

} // namespace ts
