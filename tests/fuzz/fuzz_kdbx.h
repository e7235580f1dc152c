// The fixed keys of the KeePass fuzz targets, shared with make_seeds.cpp so that an unmutated seed
// passes the block HMACs and its protected values decrypt: the fuzzer starts behind the checks.
//
// WARNING: public test keys. Never use them for anything but fuzzing.
#pragma once

#include "core/kdbx/inner_stream.h"
#include "core/kdbx/primitives.h"

#include <cstdlib>

namespace ts::fuzz {

inline kdbx::Bytes kdbxHmacBaseKey() {
    return kdbx::Bytes(64, 0x42);
}
inline kdbx::Bytes kdbxInnerStreamKey() {
    return kdbx::Bytes(64, 0x24);
}

inline kdbx::InnerCipher kdbxInnerCipher(kdbx::InnerStream id = kdbx::InnerStream::ChaCha20) {
    kdbx::InnerCipher c;
    if (!c.init(id, kdbxInnerStreamKey())) std::abort();
    return c;
}

} // namespace ts::fuzz
