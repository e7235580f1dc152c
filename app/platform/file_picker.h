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
    bool tooLarge = false; // over kMaxBytes: not read (no bytes), so the user can be told why
};

class FilePicker {
  public:
    // Larger files are not read: the answer names the file with tooLarge set. A whole vault's
    // bundle with its pictures may be large; each caller applies its own, smaller limit after.
    static constexpr std::size_t kMaxBytes = 64u << 20; // 64 MiB, bundle::kMaxFileBytes

    virtual ~FilePicker() = default;
    // `accept` is an HTML accept list, e.g. "image/png,image/jpeg" or ".tsbundle".
    // `done` runs exactly once, later (never inside pick()), with the file (possibly tooLarge), or
    // with nullopt when the user cancelled or the file could not be read. A second pick() while one is
    // open answers the first with nullopt. Destroying the picker drops pending answers unheard.
    virtual void pick(std::string_view accept, std::function<void(std::optional<PickedFile>)> done) = 0;
};

} // namespace ts
