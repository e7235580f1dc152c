#include "core/kdbx/bridge.h"

#include <nlohmann/json.hpp>

namespace ts::kdbx {

namespace {

constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

void appendLe(SecretBytes& out, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void appendOptional(SecretBytes& out, const std::optional<SecretBytes>& value) {
    if (!value) return appendLe(out, kAbsent, 4);
    appendLe(out, value->size(), 4);
    out.insert(out.end(), value->begin(), value->end());
}

bool readLeN(ByteView bytes, std::size_t& at, std::uint64_t& v, std::size_t n) {
    if (bytes.size() - at < n) return false;
    v = readLe(bytes.data() + at, n);
    at += n;
    return true;
}

bool readOptional(ByteView bytes, std::size_t& at, std::optional<SecretBytes>& out) {
    std::uint64_t n = 0;
    if (!readLeN(bytes, at, n, 4)) return false;
    if (n == kAbsent) return true;
    if (bytes.size() - at < n) return false;
    out.emplace(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                bytes.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
    return true;
}

SecretBytes header(BridgeOp op, const Credentials& creds, Lang lang) {
    SecretBytes out;
    out.push_back(static_cast<std::uint8_t>(op));
    appendOptional(out, creds.password);
    appendOptional(out, creds.keyFile);
    out.push_back(lang == Lang::En ? 1 : 0);
    return out;
}

} // namespace

SecretBytes encodeOpenRequest(ByteView file, const Credentials& creds, Lang lang, std::int64_t nowMillis) {
    SecretBytes out = header(BridgeOp::Open, creds, lang);
    appendLe(out, static_cast<std::uint64_t>(nowMillis), 8);
    out.insert(out.end(), file.begin(), file.end());
    return out;
}

SecretBytes encodeWriteRequest(const vault::Data& chosen, const Credentials& creds, const WriteOptions& o,
                               Lang lang) {
    SecretBytes out = header(BridgeOp::Write, creds, lang);
    out.push_back(o.cipher == Cipher::ChaCha20 ? 1 : 0);
    out.push_back(o.kdf == KdfKind::Argon2d ? 1 : 0);
    appendLe(out, o.iterations, 8);
    appendLe(out, o.memoryBytes, 8);
    appendLe(out, o.parallelism, 4);
    const SecretBytes data = vault::serialize(chosen);
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

bool decodeRequest(ByteView bytes, Request& out) {
    if (bytes.empty() || (bytes[0] != 1 && bytes[0] != 2)) return false;
    out.op = static_cast<BridgeOp>(bytes[0]);
    std::size_t at = 1;
    if (!readOptional(bytes, at, out.creds.password) || !readOptional(bytes, at, out.creds.keyFile) ||
        at >= bytes.size() || bytes[at] > 1)
        return false;
    out.lang = bytes[at++] == 1 ? Lang::En : Lang::Ru;
    std::uint64_t v = 0;
    if (out.op == BridgeOp::Open) {
        if (!readLeN(bytes, at, v, 8)) return false;
        out.now = static_cast<std::int64_t>(v);
    } else {
        if (bytes.size() - at < 2 || bytes[at] > 1 || bytes[at + 1] > 1) return false;
        out.options.cipher = bytes[at++] == 1 ? Cipher::ChaCha20 : Cipher::Aes256;
        out.options.kdf = bytes[at++] == 1 ? KdfKind::Argon2d : KdfKind::Argon2id;
        if (!readLeN(bytes, at, out.options.iterations, 8) ||
            !readLeN(bytes, at, out.options.memoryBytes, 8) || !readLeN(bytes, at, v, 4))
            return false;
        out.options.parallelism = static_cast<std::uint32_t>(v);
    }
    out.body.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.end());
    return true;
}

SecretBytes encodeReply(const Error* error, ByteView payload) {
    SecretBytes out;
    appendLe(out, error ? 1u + static_cast<std::uint32_t>(error->text) : 0u, 4);
    const std::string detail = error ? error->detail : std::string();
    appendLe(out, detail.size(), 4);
    out.insert(out.end(), detail.begin(), detail.end());
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

bool decodeReply(ByteView bytes, Reply& out) {
    std::size_t at = 0;
    std::uint64_t status = 0, detailLen = 0;
    if (!readLeN(bytes, at, status, 4) || !readLeN(bytes, at, detailLen, 4) || bytes.size() - at < detailLen)
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

// The payload: {"info": {"major", "minor", "cipher", "kdf"}, "groups": [...], "skipped": [...],
// "recognised": n, "binned": n, "plain": vault data, "orgs": vault data}.
bool decodeOpened(ByteView payload, Opened& out) {
    using nlohmann::json;
    json j = json::parse(payload.begin(), payload.end(), nullptr, false);
    if (!j.is_object()) return false;
    const auto str = [](const json& o, const char* k) {
        const auto it = o.find(k);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto num = [](const json& o, const char* k) {
        const auto it = o.find(k);
        return it != o.end() && it->is_number_integer() ? it->get<int>() : -1;
    };
    const auto strings = [](const json& o, const char* k, std::vector<std::string>& v) {
        const auto it = o.find(k);
        if (it == o.end() || !it->is_array()) return false;
        for (const json& s : *it) {
            if (!s.is_string()) return false;
            v.push_back(s.get<std::string>());
        }
        return true;
    };
    const auto data = [&](const char* k, vault::Data& d) {
        const auto it = j.find(k);
        if (it == j.end() || !it->is_object()) return false;
        std::string text = it->dump();
        const bool ok = vault::parse({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, d) ==
                        vault::ParseError::None;
        crypto::wipeString(text);
        return ok;
    };
    const auto info = j.find("info");
    if (info == j.end() || !info->is_object()) return false;
    const int major = num(*info, "major"), minor = num(*info, "minor");
    out.recognised = num(j, "recognised");
    out.binned = num(j, "binned");
    if (major < 0 || minor < 0 || out.recognised < 0 || out.binned < 0) return false;
    out.info.major = static_cast<std::uint16_t>(major);
    out.info.minor = static_cast<std::uint16_t>(minor);
    out.info.cipher = str(*info, "cipher");
    out.info.kdf = str(*info, "kdf");
    const bool ok = strings(j, "groups", out.groups) && strings(j, "skipped", out.skippedAttachments) &&
                    data("plain", out.plain) && data("orgs", out.withOrganisations);
    // Every string in the parsed tree is a secret or near one: wipe before it is freed.
    for (const char* k : {"plain", "orgs"}) j.erase(k);
    return ok;
}

} // namespace ts::kdbx
