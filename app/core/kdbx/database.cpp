#include "core/kdbx/database.h"

#include <utility>

namespace ts::kdbx {

const Field* Entry::field(std::string_view key) const {
    for (const Field& f : fields)
        if (f.key == key) return &f;
    return nullptr;
}

std::string Entry::value(std::string_view key) const {
    const Field* f = field(key);
    return f ? f->value : std::string();
}

void Entry::set(std::string_view key, std::string value, bool protect) {
    for (Field& f : fields)
        if (f.key == key) {
            f.value = std::move(value);
            f.protect = protect;
            return;
        }
    fields.push_back({std::string(key), std::move(value), protect});
}

} // namespace ts::kdbx
