#include "core/kdbx/xml.h"

#include "core/kdbx/codec.h"
#include "core/kdbx/gzip.h"
#include "core/kdbx/xml_time.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <sodium.h>
#include <string_view>

namespace ts::kdbx {

namespace {
using Decrypted = std::map<const void*, std::string>;

struct Ctx {
    Decrypted plain;                           // protected values, by node
    std::map<std::string, Bytes> metaBinaries; // KDBX 3.1 Meta/Binaries by ID
    const std::vector<Bytes>* binaries = nullptr;
    bool bad = false;
};

bool isTrue(pugi::xml_attribute a) {
    const std::string_view v = a.value();
    return v == "True" || v == "true" || v == "1";
}

// Every Protected="True" element, in document order (iterative: a deep document cannot exhaust the stack).
bool decryptProtected(pugi::xml_node root, InnerCipher* cipher, Decrypted& out) {
    pugi::xml_node n = root.first_child();
    while (n) {
        if (n.type() == pugi::node_element && isTrue(n.attribute("Protected"))) {
            if (!cipher) return false;
            SecretBytes raw;
            if (!base64Decode(n.text().get(), raw)) return false;
            cipher->apply(raw);
            out[n.internal_object()] = std::string(raw.begin(), raw.end());
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && !n.next_sibling() && n != root) n = n.parent();
        if (!n || n == root) break;
        n = n.next_sibling();
    }
    return true;
}

std::string text(const Ctx& c, pugi::xml_node n) {
    auto it = c.plain.find(n.internal_object());
    return it != c.plain.end() ? it->second : std::string(n.text().get());
}

Uuid uuid(pugi::xml_node n) {
    Uuid u{};
    SecretBytes raw;
    if (base64Decode(n.text().get(), raw) && raw.size() == 16) std::memcpy(u.data(), raw.data(), 16);
    return u;
}

Times times(pugi::xml_node t) {
    Times out;
    auto get = [&](const char* name) { return parseKdbxTime(t.child(name).text().get()).value_or(0); };
    out.creation = get("CreationTime");
    out.lastModification = get("LastModificationTime");
    out.lastAccess = get("LastAccessTime");
    out.expiry = get("ExpiryTime");
    out.locationChanged = get("LocationChanged");
    const std::string_view expires = t.child("Expires").text().get();
    out.expires = expires == "True" || expires == "true" || expires == "1";
    out.usageCount =
        static_cast<std::uint32_t>(std::strtoul(t.child("UsageCount").text().get(), nullptr, 10));
    return out;
}

Entry entry(Ctx& c, pugi::xml_node e, bool withHistory) {
    Entry out;
    out.uuid = uuid(e.child("UUID"));
    out.iconId = e.child("IconID").text().as_int();
    out.tags = e.child("Tags").text().get();
    out.times = times(e.child("Times"));
    for (pugi::xml_node s : e.children("String")) {
        pugi::xml_node v = s.child("Value");
        // ProtectInMemory: the same flag in a plain KeePass XML export, where nothing is encrypted.
        const bool protect = isTrue(v.attribute("Protected")) || isTrue(v.attribute("ProtectInMemory"));
        out.fields.push_back({s.child("Key").text().get(), text(c, v), protect});
    }
    for (pugi::xml_node b : e.children("Binary")) {
        pugi::xml_node v = b.child("Value");
        Attachment a{b.child("Key").text().get(), {}};
        if (pugi::xml_attribute ref = v.attribute("Ref")) {
            if (c.binaries) {
                char* end = nullptr;
                const unsigned long i = std::strtoul(ref.value(), &end, 10);
                if (*ref.value() == '\0' || *end != '\0' || i >= c.binaries->size()) {
                    c.bad = true;
                    continue;
                }
                a.data = (*c.binaries)[i];
            } else {
                auto it = c.metaBinaries.find(ref.value());
                if (it == c.metaBinaries.end()) {
                    c.bad = true;
                    continue;
                }
                a.data = it->second;
            }
        } else {
            const std::string inline_ = text(c, v);
            a.data.assign(inline_.begin(), inline_.end());
        }
        out.attachments.push_back(std::move(a));
    }
    if (withHistory)
        for (pugi::xml_node h : e.child("History").children("Entry"))
            out.history.push_back(entry(c, h, false));
    return out;
}

bool group(Ctx& c, pugi::xml_node g, Group& out, int depth) {
    if (depth > kMaxGroupDepth) return false;
    out.uuid = uuid(g.child("UUID"));
    out.name = g.child("Name").text().get();
    out.notes = g.child("Notes").text().get();
    out.iconId = g.child("IconID").text().as_int();
    out.times = times(g.child("Times"));
    for (pugi::xml_node e : g.children("Entry")) out.entries.push_back(entry(c, e, true));
    for (pugi::xml_node sub : g.children("Group")) {
        out.groups.emplace_back();
        if (!group(c, sub, out.groups.back(), depth + 1)) return false;
    }
    return !c.bad;
}

bool fail(Error& e, Str s) {
    e = {s, {}};
    return false;
}
} // namespace

bool readXml(const XmlSource& in, Database& out, Error& error) {
    pugi::xml_document doc;
    const unsigned opts = pugi::parse_default | pugi::parse_ws_pcdata_single;
    if (!doc.load_buffer(in.xml.data(), in.xml.size(), opts, pugi::encoding_utf8))
        return fail(error, Str::ErrKdbxBadXml);
    pugi::xml_node file = doc.child("KeePassFile");
    pugi::xml_node rootGroup = file.child("Root").child("Group");
    if (!rootGroup) return fail(error, Str::ErrKdbxBadXml);
    Ctx c;
    c.binaries = in.binaries;
    if (!decryptProtected(doc, in.cipher, c.plain)) return fail(error, Str::ErrKdbxBadXml);

    pugi::xml_node meta = file.child("Meta");
    if (in.headerHash) {
        const char* stored = meta.child("HeaderHash").text().get();
        SecretBytes raw;
        if (*stored && (!base64Decode(stored, raw) || raw.size() != 32 ||
                        sodium_memcmp(raw.data(), in.headerHash->data(), 32) != 0))
            return fail(error, Str::ErrKdbxHeaderHash);
    }
    if (!in.binaries)
        for (pugi::xml_node b : meta.child("Binaries").children("Binary")) {
            const std::string raw64 = text(c, b);
            SecretBytes raw;
            if (isTrue(b.attribute("Protected")))
                raw.assign(raw64.begin(), raw64.end());
            else if (!base64Decode(raw64, raw))
                return fail(error, Str::ErrKdbxBadXml);
            if (isTrue(b.attribute("Compressed"))) {
                SecretBytes inflated;
                if (gunzip(raw, inflated) != GunzipResult::Ok) return fail(error, Str::ErrKdbxBadGzip);
                raw.swap(inflated);
            }
            c.metaBinaries[b.attribute("ID").value()] = Bytes(raw.begin(), raw.end());
        }

    out = {};
    out.name = meta.child("DatabaseName").text().get();
    out.generator = meta.child("Generator").text().get();
    if (!group(c, rootGroup, out.root, 1)) return fail(error, Str::ErrKdbxBadXml);
    return true;
}

} // namespace ts::kdbx
