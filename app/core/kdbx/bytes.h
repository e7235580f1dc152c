// Little-endian fields and a bounds-checked cursor over untrusted bytes: every read says whether
// the bytes were there, so a truncated file is an error, never a read past the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ts::kdbx {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline std::uint64_t readLe(const std::uint8_t* p, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
    return v;
}

inline void appendLe(Bytes& out, std::uint64_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

inline void append(Bytes& out, ByteView bytes) {
    out.insert(out.end(), bytes.begin(), bytes.end());
}

class Cursor {
  public:
    explicit Cursor(ByteView data) : data_(data) {}
    std::size_t offset() const { return pos_; }
    std::size_t left() const { return data_.size() - pos_; }
    bool le(std::size_t n, std::uint64_t& v) {
        if (left() < n) return false;
        v = readLe(data_.data() + pos_, n);
        pos_ += n;
        return true;
    }
    bool take(std::size_t n, ByteView& out) {
        if (left() < n) return false;
        out = data_.subspan(pos_, n);
        pos_ += n;
        return true;
    }
    ByteView rest() const { return data_.subspan(pos_); }

  private:
    ByteView data_;
    std::size_t pos_ = 0;
};

} // namespace ts::kdbx
