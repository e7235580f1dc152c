#include "core/kdbx/bridge.h"

#include "core/images/base64.h"

#include <cstring>

namespace ts::kdbx {

using nlohmann::json;

namespace {

constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

void appendLe32(SecretBytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void appendOptional(SecretBytes& out, const std::optional<SecretBytes>& value) {
    if (!value) return appendLe32(out, kAbsent);
    appendLe32(out, static_cast<std::uint32_t>(value->size()));
    out.insert(out.end(), value->begin(), value->end());
}

bool readLe32(ByteView bytes, std::size_t& at, std::uint32_t& v) {
    if (bytes.size() - at < 4) return false;
    v = static_cast<std::uint32_t>(readLe(bytes.data() + at, 4));
    at += 4;
    return true;
}

bool readOptional(ByteView bytes, std::size_t& at, std::optional<SecretBytes>& out) {
    std::uint32_t n = 0;
    if (!readLe32(bytes, at, n)) return false;
    if (n == kAbsent) return true;
    if (bytes.size() - at < n) return false;
    out.emplace(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                bytes.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
    return true;
}

SecretBytes header(BridgeOp op, const Credentials& creds) {
    SecretBytes out;
    out.push_back(static_cast<std::uint8_t>(op));
    appendOptional(out, creds.password);
    appendOptional(out, creds.keyFile);
    return out;
}

SecretBytes dumpSecret(const json& j) {
    std::string text = j.dump();
    SecretBytes out(text.begin(), text.end());
    crypto::wipeString(text);
    return out;
}

std::string uuidHex(const Uuid& u) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (std::uint8_t b : u) s += kHex[b >> 4], s += kHex[b & 15];
    return s;
}

bool uuidFromHex(const json& j, Uuid& out) {
    if (!j.is_string()) return false;
    const std::string& s = j.get_ref<const std::string&>();
    if (s.size() != 32) return false;
    for (std::size_t i = 0; i < 16; ++i) {
        const auto nib = [](char c) -> int {
            return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        };
        const int hi = nib(s[2 * i]), lo = nib(s[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return true;
}

json timesJson(const Times& t) {
    return {{"creation", t.creation}, {"modified", t.lastModification}, {"accessed", t.lastAccess},
            {"expiry", t.expiry},     {"moved", t.locationChanged},     {"expires", t.expires},
            {"usage", t.usageCount}};
}

bool timesFrom(const json& j, Times& t) {
    if (!j.is_object()) return false;
    try {
        t.creation = j.at("creation").get<std::int64_t>();
        t.lastModification = j.at("modified").get<std::int64_t>();
        t.lastAccess = j.at("accessed").get<std::int64_t>();
        t.expiry = j.at("expiry").get<std::int64_t>();
        t.locationChanged = j.at("moved").get<std::int64_t>();
        t.expires = j.at("expires").get<bool>();
        t.usageCount = j.at("usage").get<std::uint32_t>();
    } catch (const json::exception&) {
        return false;
    }
    return true;
}

json entryJson(const Entry& e) {
    json fields = json::array(), attachments = json::array(), history = json::array();
    for (const Field& f : e.fields)
        fields.push_back({{"key", f.key}, {"value", f.value}, {"protect", f.protect}});
    for (const Attachment& a : e.attachments)
        attachments.push_back({{"name", a.name}, {"data", images::toBase64(a.data)}});
    for (const Entry& h : e.history) history.push_back(entryJson(h));
    return {{"uuid", uuidHex(e.uuid)},     {"icon", e.iconId}, {"tags", e.tags},
            {"times", timesJson(e.times)}, {"fields", fields}, {"attachments", attachments},
            {"history", history}};
}

bool entryFrom(const json& j, Entry& e, bool allowHistory) {
    if (!j.is_object() || !uuidFromHex(j.value("uuid", json()), e.uuid)) return false;
    try {
        e.iconId = j.at("icon").get<int>();
        e.tags = j.at("tags").get<std::string>();
        if (!timesFrom(j.at("times"), e.times)) return false;
        for (const json& f : j.at("fields"))
            e.fields.push_back({f.at("key").get<std::string>(), f.at("value").get<std::string>(),
                                f.at("protect").get<bool>()});
        for (const json& a : j.at("attachments")) {
            std::optional<std::vector<std::uint8_t>> data =
                images::fromBase64(a.at("data").get<std::string>());
            if (!data) return false;
            e.attachments.push_back({a.at("name").get<std::string>(), std::move(*data)});
        }
        const json& history = j.at("history");
        if (!allowHistory && !history.empty()) return false;
        for (const json& h : history) {
            Entry old;
            if (!entryFrom(h, old, false)) return false;
            e.history.push_back(std::move(old));
        }
    } catch (const json::exception&) {
        return false;
    }
    return true;
}

json groupJson(const Group& g) {
    json entries = json::array(), groups = json::array();
    for (const Entry& e : g.entries) entries.push_back(entryJson(e));
    for (const Group& c : g.groups) groups.push_back(groupJson(c));
    return {{"uuid", uuidHex(g.uuid)},     {"name", g.name},     {"notes", g.notes}, {"icon", g.iconId},
            {"times", timesJson(g.times)}, {"entries", entries}, {"groups", groups}};
}

bool groupFrom(const json& j, Group& g, int depth) {
    if (depth > kMaxGroupDepth || !j.is_object() || !uuidFromHex(j.value("uuid", json()), g.uuid))
        return false;
    try {
        g.name = j.at("name").get<std::string>();
        g.notes = j.at("notes").get<std::string>();
        g.iconId = j.at("icon").get<int>();
        if (!timesFrom(j.at("times"), g.times)) return false;
        for (const json& e : j.at("entries")) {
            Entry entry;
            if (!entryFrom(e, entry, true)) return false;
            g.entries.push_back(std::move(entry));
        }
        for (const json& c : j.at("groups")) {
            Group child;
            if (!groupFrom(c, child, depth + 1)) return false;
            g.groups.push_back(std::move(child));
        }
    } catch (const json::exception&) {
        return false;
    }
    return true;
}

} // namespace

SecretBytes encodeOpenRequest(ByteView file, const Credentials& creds) {
    SecretBytes out = header(BridgeOp::Open, creds);
    out.insert(out.end(), file.begin(), file.end());
    return out;
}

SecretBytes encodeWriteRequest(const Database& db, const Credentials& creds, const WriteOptions& options) {
    SecretBytes out = header(BridgeOp::Write, creds);
    const SecretBytes body = dumpSecret(json{{"db", toJson(db)}, {"options", toJson(options)}});
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

bool decodeRequest(ByteView bytes, Request& out) {
    if (bytes.empty() || (bytes[0] != 1 && bytes[0] != 2)) return false;
    out.op = static_cast<BridgeOp>(bytes[0]);
    std::size_t at = 1;
    if (!readOptional(bytes, at, out.creds.password) || !readOptional(bytes, at, out.creds.keyFile))
        return false;
    out.payload.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.end());
    return true;
}

SecretBytes encodeReply(const Error* error, ByteView payload) {
    SecretBytes out;
    appendLe32(out, error ? 1u + static_cast<std::uint32_t>(error->text) : 0u);
    const std::string detail = error ? error->detail : std::string();
    appendLe32(out, static_cast<std::uint32_t>(detail.size()));
    out.insert(out.end(), detail.begin(), detail.end());
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

bool decodeReply(ByteView bytes, Reply& out) {
    std::size_t at = 0;
    std::uint32_t status = 0, detailLen = 0;
    if (!readLe32(bytes, at, status) || !readLe32(bytes, at, detailLen) || bytes.size() - at < detailLen)
        return false;
    if (status > static_cast<std::uint32_t>(Str::Count)) return false;
    out.ok = status == 0;
    out.error = {};
    if (!out.ok) out.error.text = static_cast<Str>(status - 1);
    out.error.detail.assign(reinterpret_cast<const char*>(bytes.data() + at), detailLen);
    at += detailLen;
    out.payload.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.end());
    return true;
}

json toJson(const Database& db) {
    return {{"name", db.name}, {"generator", db.generator}, {"root", groupJson(db.root)}};
}

bool fromJson(const json& j, Database& out) {
    if (!j.is_object() || !j.contains("root")) return false;
    try {
        out.name = j.at("name").get<std::string>();
        out.generator = j.at("generator").get<std::string>();
    } catch (const json::exception&) {
        return false;
    }
    return groupFrom(j.at("root"), out.root, 1);
}

json toJson(const FileInfo& info) {
    return {{"major", info.major}, {"minor", info.minor}, {"cipher", info.cipher}, {"kdf", info.kdf}};
}

json toJson(const WriteOptions& o) {
    return {{"cipher", o.cipher == Cipher::ChaCha20 ? "ChaCha20" : "AES-256"},
            {"kdf", o.kdf == KdfKind::Argon2d ? "Argon2d" : "Argon2id"},
            {"iterations", o.iterations},
            {"memoryBytes", o.memoryBytes},
            {"parallelism", o.parallelism}};
}

bool fromJson(const json& j, WriteOptions& o) {
    try {
        const std::string cipher = j.at("cipher").get<std::string>(), kdf = j.at("kdf").get<std::string>();
        if ((cipher != "AES-256" && cipher != "ChaCha20") || (kdf != "Argon2d" && kdf != "Argon2id"))
            return false;
        o.cipher = cipher == "ChaCha20" ? Cipher::ChaCha20 : Cipher::Aes256;
        o.kdf = kdf == "Argon2d" ? KdfKind::Argon2d : KdfKind::Argon2id;
        o.iterations = j.at("iterations").get<std::uint64_t>();
        o.memoryBytes = j.at("memoryBytes").get<std::uint64_t>();
        o.parallelism = j.at("parallelism").get<std::uint32_t>();
    } catch (const json::exception&) {
        return false;
    }
    return true;
}

bool decodeOpened(ByteView payload, Database& db, FileInfo& info) {
    const json j = json::parse(payload.begin(), payload.end(), nullptr, false);
    if (!j.is_object() || !j.contains("db") || !j.contains("info")) return false;
    try {
        const json& i = j.at("info");
        info.major = i.at("major").get<std::uint16_t>();
        info.minor = i.at("minor").get<std::uint16_t>();
        info.cipher = i.at("cipher").get<std::string>();
        info.kdf = i.at("kdf").get<std::string>();
    } catch (const json::exception&) {
        return false;
    }
    return fromJson(j.at("db"), db);
}

} // namespace ts::kdbx
