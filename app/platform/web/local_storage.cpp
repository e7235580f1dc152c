#include "platform/web/local_storage.h"

#include <cstdlib>
#include <string>

extern "C" {
// web/library_tokensafe.js
char* ts_storage_get(const char* key); // malloc'd copy or null
int ts_storage_put(const char* key, const char* value);
}

namespace ts {

std::optional<std::string> LocalStorage::get(std::string_view key) {
    char* v = ts_storage_get(std::string(key).c_str());
    if (!v) return std::nullopt;
    std::string out(v);
    std::free(v);
    return out;
}

bool LocalStorage::put(std::string_view key, std::string_view value) {
    return ts_storage_put(std::string(key).c_str(), std::string(value).c_str()) != 0;
}

} // namespace ts
