#include "platform/native/memory_store.h"

namespace ts {

std::optional<std::string> MemoryStore::get(std::string_view key) {
    auto it = data.find(key);
    if (it == data.end()) return std::nullopt;
    return it->second;
}

bool MemoryStore::put(std::string_view key, std::string_view value) {
    ++putCount;
    if (failNextPuts > 0) {
        --failNextPuts;
        return false;
    }
    data.insert_or_assign(std::string(key), std::string(value));
    return true;
}

} // namespace ts
