// Writes compact JSON straight into a string, byte for byte as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) would write the same document — keys in sorted
// order — without building the document first. Saving a vault of 10,000 entries built a copy of all
// of it as nlohmann values only to print it; this prints the model itself.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ts::json_writer {

// A JSON string: quoted and escaped. Text that is not valid UTF-8 is written as nlohmann writes it
// (each bad sequence replaced by U+FFFD).
void string(std::string& out, std::string_view text);
void integer(std::string& out, std::int64_t value);
void value(std::string& out, const nlohmann::json& j);

// One member of an object the model knows; `write` appends its value. Absent members are skipped.
struct Member {
    const char* key;
    std::function<void(std::string&)> write;
    bool present = true;
};

// An object of the known members (given in sorted key order) and the kept unknown ones (an object
// whose keys differ from theirs), merged in key order.
void object(std::string& out, std::initializer_list<Member> known, const nlohmann::json& unknown);

// An array of `count` elements, each appended by write(out, i).
void array(std::string& out, std::size_t count, const std::function<void(std::string&, std::size_t)>& write);

// An array of the items, each appended by write(out, item).
template <class Items, class Write> void list(std::string& out, const Items& items, Write write) {
    array(out, items.size(), [&](std::string& o, std::size_t i) { write(o, items[i]); });
}

} // namespace ts::json_writer
