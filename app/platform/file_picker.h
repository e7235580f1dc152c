// Picking one file from the user's disk: a picture to attach to a step now, a bundle to import later.
// In the browser this opens the system file dialog, which browsers allow only during a user
// gesture: call pick() in the frame that handles the click, not later.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

struct PickedFile {
    std::string name; // the file's base name as the browser gives it (no directory)
    std::vector<std::uint8_t> bytes;
};

class FilePicker {
  public:
    // Larger files are refused before they are read (the answer is then "nothing picked").
    static constexpr std::size_t kMaxBytes = 20u << 20; // 20 MB

    virtual ~FilePicker() = default;
    // `accept` is an HTML accept list, e.g. "image/png,image/jpeg" or ".tsbundle".
    // `done` runs exactly once, later (never inside pick()), with the file, or with nullopt when the
    // user cancelled, the file was too large or could not be read. A second pick() while one is
    // open answers the first with nullopt. Destroying the picker drops pending answers unheard.
    virtual void pick(std::string_view accept, std::function<void(std::optional<PickedFile>)> done) = 0;
};

} // namespace ts
