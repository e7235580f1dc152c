#include "core/bundle/keepass_export.h"

#include "core/dates.h"
#include "core/images/base64.h"
#include "core/kinds/deadlines.h"
#include "core/kinds/kind.h"

#include <sodium.h>

#include <map>

namespace ts::bundle {
namespace {

kdbx::Uuid uuidOf(std::string_view id, std::string_view salt) {
    const std::string in = std::string(salt) + ":" + std::string(id);
    kdbx::Uuid u{};
    crypto_generichash(u.data(), u.size(), reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                       nullptr, 0);
    return u;
}

std::string str(const nlohmann::json& fields, const std::string& id) {
    const auto it = fields.find(id);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// One version's fields as KeePass strings, and its expiry.
void putFields(kdbx::Entry& out, const kinds::Kind* kind, const vault::Entry& e, const nlohmann::json& fields,
               Lang lang) {
    static const std::map<std::string, std::string> kStandard = {{"title", "Title"},
                                                                 {"login", "UserName"},
                                                                 {"secret", "Password"},
                                                                 {"url", "URL"},
                                                                 {"notes", "Notes"}};
    const bool generic = e.kind == "generic";
    vault::Entry version = e;
    version.fields = fields;
    out.set("Title", kind ? kinds::entryName(*kind, version, lang) : str(fields, "title"));
    for (const char* k : {"UserName", "Password", "URL", "Notes"})
        out.set(k, "", std::string(k) == "Password");
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it->is_string() || it->get<std::string>().empty() || it.key() == "validUntil") continue;
        const std::string& id = it.key();
        const auto standard = kStandard.find(id);
        if (standard != kStandard.end() && (generic || id == "title" || id == "url" || id == "notes")) {
            if (id != "title" || generic) out.set(standard->second, it->get<std::string>(), id == "secret");
            continue;
        }
        const kinds::Field* f = kind ? kind->field(id) : nullptr;
        out.set(f ? f->label.in(lang) : id, it->get<std::string>(), !f || f->secret);
    }
    if (const std::optional<Date> d = parseDate(str(fields, "validUntil"))) {
        out.times.expires = true;
        out.times.expiry = daysFromCivil(*d) * 86400;
    }
}

kdbx::Entry entryOf(const vault::Entry& e, Lang lang) {
    const kinds::Kind* kind = kinds::Registry::builtIn().find(e.kind);
    kdbx::Entry out;
    out.uuid = uuidOf(e.id, "entry");
    out.times.creation = out.times.lastAccess = out.times.locationChanged = e.createdAt / 1000;
    out.times.lastModification = e.updatedAt / 1000;
    putFields(out, kind, e, e.fields, lang);
    for (const vault::EntryVersion& v : e.history) {
        kdbx::Entry h;
        h.uuid = out.uuid;
        h.times.creation = out.times.creation;
        h.times.lastModification = h.times.lastAccess = h.times.locationChanged = v.savedAt / 1000;
        putFields(h, kind, e, v.fields, lang);
        out.history.push_back(std::move(h));
    }
    if (const auto p = e.unknown.find("kdbxPictures"); p != e.unknown.end() && p->is_array())
        for (const nlohmann::json& a : *p) {
            if (!a.is_object() || !a.contains("name") || !a.contains("data")) continue;
            if (auto bytes = images::fromBase64(a["data"].is_string() ? a["data"].get<std::string>() : ""))
                out.attachments.push_back(
                    {a["name"].is_string() ? a["name"].get<std::string>() : "", *bytes});
        }
    return out;
}

} // namespace

kdbx::Database toKeePass(const vault::Data& chosen, Lang lang) {
    kdbx::Database db;
    db.name = std::string(tr(Str::AppName, lang));
    db.generator = "TokenSafe";
    db.root.uuid = uuidOf("root", "group");
    db.root.name = db.name;
    std::map<std::string, std::size_t> groupOf; // organisation id → index in root.groups
    for (const vault::Organisation& o : chosen.organisations) {
        kdbx::Group g;
        g.uuid = uuidOf(o.id, "group");
        g.name = o.name;
        if (!o.taxId.empty()) g.notes = o.taxId;
        groupOf[o.id] = db.root.groups.size();
        db.root.groups.push_back(std::move(g));
    }
    for (const vault::Entry& e : chosen.entries) {
        const auto g = groupOf.find(e.org);
        (g == groupOf.end() ? db.root : db.root.groups[g->second]).entries.push_back(entryOf(e, lang));
    }
    return db;
}

} // namespace ts::bundle
