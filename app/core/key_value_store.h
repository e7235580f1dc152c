// A small synchronous key-value store for non-secret settings (the browser's localStorage;
// an in-memory fake with fault injection in tests). Never give it a secret.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ts {

class KeyValueStore {
  public:
    virtual ~KeyValueStore() = default;
    virtual std::optional<std::string> get(std::string_view key) = 0;
    // False when the browser refuses the write (quota, storage disabled): the caller must tell the user.
    [[nodiscard]] virtual bool put(std::string_view key, std::string_view value) = 0;
};

} // namespace ts
