#include "core/kdbx/keys.h"

#include "core/kdbx/codec.h"

#include <cctype>
#include <cstring>
#include <pugixml.hpp>
#include <sodium.h>
#include <string>

namespace ts::kdbx {

namespace {
void put(Key32& out, ByteView bytes) {
    std::memcpy(out.data(), bytes.data(), 32);
}

bool isHex(ByteView file) {
    for (std::uint8_t c : file)
        if (!std::isxdigit(c)) return false;
    return true;
}

// -1: not an XML key file (fall through to the binary forms); 0: a broken one; 1: read.
int xmlKeyFile(ByteView file, Key32& out, Error& error) {
    pugi::xml_document doc;
    if (!doc.load_buffer(file.data(), file.size(), pugi::parse_default, pugi::encoding_utf8)) return -1;
    pugi::xml_node root = doc.child("KeyFile");
    if (!root) return -1;
    error = {Str::ErrKdbxBadKeyFile, {}};
    const std::string version = root.child("Meta").child("Version").text().get();
    pugi::xml_node data = root.child("Key").child("Data");
    if (!data) return 0;
    SecretBytes key;
    if (version == "1.0" || version == "1.00") {
        if (!base64Decode(data.text().get(), key) || key.size() != 32) return 0;
    } else if (version == "2.0" || version == "2.00") {
        if (!hexDecode(data.text().get(), key) || key.size() != 32) return 0;
        const Hash32 h = sha256({key});
        const std::string hash = data.attribute("Hash").value();
        if (!hash.empty() && hash != hexEncodeUpper(ByteView(h).first(4))) {
            error = {Str::ErrKdbxKeyFileHash, {}};
            return 0;
        }
    } else {
        return 0;
    }
    put(out, key);
    return 1;
}
} // namespace

bool keyFileKey(ByteView file, Key32& out, Error& error) {
    const int xml = xmlKeyFile(file, out, error);
    if (xml >= 0) return xml == 1;
    if (file.size() == 32) {
        put(out, file);
        return true;
    }
    if (file.size() == 64 && isHex(file)) {
        SecretBytes key;
        if (hexDecode(std::string_view(reinterpret_cast<const char*>(file.data()), file.size()), key)) {
            put(out, key);
            return true;
        }
    }
    Hash32 h = sha256({file});
    put(out, h);
    sodium_memzero(h.data(), h.size());
    return true;
}

bool compositeKey(const Credentials& creds, Key32& out, Error& error) {
    if (!creds.password && !creds.keyFile) {
        error = {Str::ErrKdbxNoCredentials, {}};
        return false;
    }
    Key32 pw, kf;
    if (creds.password) put(pw, sha256({*creds.password}));
    if (creds.keyFile && !keyFileKey(*creds.keyFile, kf, error)) return false;
    Hash32 h = creds.password && creds.keyFile ? sha256({pw.view(), kf.view()})
               : creds.password                ? sha256({pw.view()})
                                               : sha256({kf.view()});
    put(out, h);
    sodium_memzero(h.data(), h.size());
    return true;
}

} // namespace ts::kdbx
