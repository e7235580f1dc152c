// Why a passphrase that did not open the vault may have been typed wrong: Caps Lock, or the other
// keyboard layout (a Russian phrase typed with the Latin layout is the commonest mistake here).
// A guess from the typed text alone, said beside «Неверная парольная фраза»; it never reveals
// anything of the text itself.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/strings.h"

namespace ts::vault {

// The hint to show, or nothing when the text gives no reason to think so. `capsLockOn`: what the
// browser reported when the key was last pressed (nothing: it did not say).
std::optional<Str> typingHint(std::span<const std::uint8_t> typed,
                              std::optional<bool> capsLockOn = std::nullopt);

} // namespace ts::vault
