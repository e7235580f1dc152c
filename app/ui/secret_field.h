// A passphrase input: a fixed buffer that ImGui edits in place and that is wiped when dropped, on
// lock, and after use. Its value never reaches the test seam (only its length does).
#pragma once

#include "core/crypto/secret.h"
#include "ui/ui_context.h"

#include <array>
#include <cstring>

namespace ts::ui {

struct SecretField {
    std::array<char, 256> buf{};

    SecretField() = default;
    SecretField(const SecretField&) = delete;
    SecretField& operator=(const SecretField&) = delete;
    ~SecretField() { wipe(); }

    bool empty() const { return buf[0] == 0; }
    crypto::SecretBytes bytes() const { return crypto::secretFrom({buf.data(), std::strlen(buf.data())}); }
    void wipe() { sodium_memzero(buf.data(), buf.size()); }
};

// Draws the label and a masked field. Returns true when Enter was pressed in it.
bool PassphraseInput(UiContext& ui, Str label, const char* key, SecretField& field, float width = 420.0f);
// The strength estimate of a new passphrase (vault::passphraseStrength): a bar and its label.
void StrengthMeter(UiContext& ui, const SecretField& field);

} // namespace ts::ui
