#include "core/kdbx/xml.h"

#include "core/kdbx/codec.h"
#include "core/kdbx/xml_time.h"

#include <pugixml.hpp>
#include <sstream>

namespace ts::kdbx {

namespace {
struct Out {
    InnerCipher& cipher;
    std::vector<Bytes>& binaries;
};

void add(pugi::xml_node parent, const char* name, const std::string& value) {
    parent.append_child(name).text().set(value.c_str());
}

void addUuid(pugi::xml_node parent, const Uuid& u) {
    add(parent, "UUID", base64Encode(u));
}

void addTimes(pugi::xml_node parent, const Times& t) {
    pugi::xml_node n = parent.append_child("Times");
    add(n, "CreationTime", formatKdbx4Time(t.creation));
    add(n, "LastModificationTime", formatKdbx4Time(t.lastModification));
    add(n, "LastAccessTime", formatKdbx4Time(t.lastAccess));
    add(n, "ExpiryTime", formatKdbx4Time(t.expiry));
    add(n, "Expires", t.expires ? "True" : "False");
    add(n, "UsageCount", std::to_string(t.usageCount));
    add(n, "LocationChanged", formatKdbx4Time(t.locationChanged));
}

void addEntry(Out& o, pugi::xml_node parent, const Entry& e, bool withHistory) {
    pugi::xml_node n = parent.append_child("Entry");
    addUuid(n, e.uuid);
    add(n, "IconID", std::to_string(e.iconId));
    add(n, "ForegroundColor", "");
    add(n, "BackgroundColor", "");
    add(n, "OverrideURL", "");
    add(n, "Tags", e.tags);
    addTimes(n, e.times);
    for (const Field& f : e.fields) {
        pugi::xml_node s = n.append_child("String");
        add(s, "Key", f.key);
        pugi::xml_node v = s.append_child("Value");
        if (f.protect) {
            // Encrypted as it is written: the inner stream's order is the document's order.
            SecretBytes raw(f.value.begin(), f.value.end());
            o.cipher.apply(raw);
            v.append_attribute("Protected").set_value("True");
            v.text().set(base64Encode(raw).c_str());
        } else {
            v.text().set(f.value.c_str());
        }
    }
    for (const Attachment& a : e.attachments) {
        pugi::xml_node b = n.append_child("Binary");
        add(b, "Key", a.name);
        b.append_child("Value").append_attribute("Ref").set_value(std::to_string(o.binaries.size()).c_str());
        o.binaries.push_back(a.data);
    }
    pugi::xml_node autoType = n.append_child("AutoType");
    add(autoType, "Enabled", "True");
    add(autoType, "DataTransferObfuscation", "0");
    if (withHistory) {
        pugi::xml_node h = n.append_child("History");
        for (const Entry& old : e.history) addEntry(o, h, old, false);
    }
}

void addGroup(Out& o, pugi::xml_node parent, const Group& g) {
    pugi::xml_node n = parent.append_child("Group");
    addUuid(n, g.uuid);
    add(n, "Name", g.name);
    add(n, "Notes", g.notes);
    add(n, "IconID", std::to_string(g.iconId));
    addTimes(n, g.times);
    add(n, "IsExpanded", "True");
    for (const Entry& e : g.entries) addEntry(o, n, e, true);
    for (const Group& sub : g.groups) addGroup(o, n, sub);
}
} // namespace

std::string writeXml(const Database& db, InnerCipher& cipher, std::vector<Bytes>& binaries) {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("utf-8");
    decl.append_attribute("standalone").set_value("yes");
    pugi::xml_node file = doc.append_child("KeePassFile");
    pugi::xml_node meta = file.append_child("Meta");
    add(meta, "Generator", db.generator.empty() ? "TokenSafe" : db.generator);
    add(meta, "DatabaseName", db.name);
    pugi::xml_node mp = meta.append_child("MemoryProtection");
    add(mp, "ProtectTitle", "False");
    add(mp, "ProtectUserName", "False");
    add(mp, "ProtectPassword", "True");
    add(mp, "ProtectURL", "False");
    add(mp, "ProtectNotes", "False");
    add(meta, "RecycleBinEnabled", "False");
    Out o{cipher, binaries};
    pugi::xml_node root = file.append_child("Root");
    addGroup(o, root, db.root);
    root.append_child("DeletedObjects");
    std::ostringstream s;
    doc.save(s, "\t", pugi::format_indent, pugi::encoding_utf8);
    return s.str();
}

} // namespace ts::kdbx
