// Runs what unlocking and saving run — Argon2id, the key unwrap, decryption, parsing, a change,
// serialization and encryption — once on a small made-up vault.
//
// Why: a browser compiles WebAssembly functions with a quick baseline compiler first and re-compiles
// them optimised only after they have run for a while, in the background. A function whose first
// call is the user's unlock of a 4 MB vault runs that whole call in the slow version (in Chromium
// parsing 10,000 entries cold took twice as long; encrypting 400 KB, ten times). Running them once
// early, while the user reads the page or types the passphrase, leaves the optimised versions ready.
#pragma once

#include <cstddef>

namespace ts::vault {

// Nothing of the user's is touched. True when the made-up vault came back exactly as written.
bool warmUp(std::size_t entries = 100);

} // namespace ts::vault
