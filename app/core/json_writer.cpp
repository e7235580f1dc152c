#include "core/json_writer.h"

#include <charconv>

namespace ts::json_writer {
namespace {

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF): what nlohmann accepts.
bool validUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned lo = 0x80, hi = 0xBF; // the allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) {
            extra = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            extra = 2;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            extra = 3;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(extra) >= s.size()) return false; // cut off
        const auto second = static_cast<unsigned char>(s[i + 1]);
        if (second < lo || second > hi) return false;
        for (int k = 2; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

} // namespace

void string(std::string& out, std::string_view text) {
    if (!validUtf8(text)) {
        out +=
            nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0; // start of the run of bytes copied as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + plain, i - plain);
        plain = i + 1;
        out += '\\';
        switch (c) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '\b':
            out += 'b';
            break;
        case '\f':
            out += 'f';
            break;
        case '\n':
            out += 'n';
            break;
        case '\r':
            out += 'r';
            break;
        case '\t':
            out += 't';
            break;
        default:
            out += "u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    out.append(text.data() + plain, text.size() - plain);
    out += '"';
}

void integer(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void value(std::string& out, const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::string:
        string(out, j.get_ref<const std::string&>());
        return;
    case nlohmann::json::value_t::number_integer:
        integer(out, j.get<std::int64_t>());
        return;
    case nlohmann::json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [k, v] : j.get_ref<const nlohmann::json::object_t&>()) {
            if (!first) out += ',';
            first = false;
            string(out, k);
            out += ':';
            value(out, v);
        }
        out += '}';
        return;
    }
    case nlohmann::json::value_t::array: {
        const auto& items = j.get_ref<const nlohmann::json::array_t&>();
        array(out, items.size(), [&](std::string& o, std::size_t i) { value(o, items[i]); });
        return;
    }
    default: // numbers with a fraction, unsigned, booleans, null: as nlohmann prints them
        out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

void object(std::string& out, std::initializer_list<Member> known, const nlohmann::json& unknown) {
    out += '{';
    bool first = true;
    auto key = [&](std::string_view k) {
        if (!first) out += ',';
        first = false;
        string(out, k);
        out += ':';
    };
    static const nlohmann::json::object_t kNone;
    const auto* kept = unknown.get_ptr<const nlohmann::json::object_t*>();
    if (!kept) kept = &kNone;
    auto extra = kept->begin();
    auto flushUnknownBefore = [&](std::string_view limit, bool all) {
        for (; extra != kept->end() && (all || std::string_view(extra->first) < limit); ++extra) {
            key(extra->first);
            value(out, extra->second);
        }
    };
    for (const Member& m : known) {
        if (!m.present) continue;
        flushUnknownBefore(m.key, false);
        key(m.key);
        m.write(out);
    }
    flushUnknownBefore({}, true);
    out += '}';
}

void array(std::string& out, std::size_t count, const std::function<void(std::string&, std::size_t)>& write) {
    out += '[';
    for (std::size_t i = 0; i < count; ++i) {
        if (i) out += ',';
        write(out, i);
    }
    out += ']';
}

} // namespace ts::json_writer
