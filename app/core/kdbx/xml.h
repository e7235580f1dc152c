// The KeePass XML document inside a .kdbx, to and from the Database model. Protected values
// (Protected="True") are XORed with the inner stream in document order, which is why one pass
// over the whole document decrypts them before the model is built.
#pragma once

#include "core/kdbx/database.h"
#include "core/kdbx/error.h"
#include "core/kdbx/inner_stream.h"

#include <string>
#include <vector>

namespace ts::kdbx {

struct XmlSource {
    ByteView xml;
    InnerCipher* cipher = nullptr;
    const std::vector<Bytes>* binaries = nullptr; // KDBX 4: the inner header's attachments pool
    const Hash32* headerHash = nullptr;           // KDBX 3.1: checked against Meta/HeaderHash
};

// Also reads a plain KeePass XML export (no cipher: ProtectInMemory marks protected fields, attachments
// in Meta/Binaries), which is how the tests compare with what keepassxc-cli exports.
// Errors: ErrKdbxBadXml (not XML, no KeePassFile/Root/Group, nesting too deep, a bad protected
// value or attachment reference), ErrKdbxHeaderHash, ErrKdbxBadGzip (a KDBX 3.1 attachment).
[[nodiscard]] bool readXml(const XmlSource& in, Database& out, Error& error);

// KDBX 4 XML: times in base64, attachments moved into `binaries` (for the inner header) and
// referenced by index, protected values through `cipher`.
std::string writeXml(const Database& db, InnerCipher& cipher, std::vector<Bytes>& binaries);

} // namespace ts::kdbx
