// The KeePass module's side of the bridge (bridge.h): in ts_kdbx, since only it has the reader, the
// writer and the mapping to and from vault data (core/bundle); the app links bridge.cpp alone.
#include "core/bundle/importers.h"
#include "core/bundle/keepass_export.h"
#include "core/kdbx/bridge.h"

#include <nlohmann/json.hpp>

namespace ts::kdbx {
namespace {

SecretBytes fail(Str text, std::string detail = {}) {
    Error e{text, std::move(detail)};
    return encodeReply(&e, {});
}

void append(SecretBytes& out, std::string_view s) {
    out.insert(out.end(), s.begin(), s.end());
}

SecretBytes open(const Request& request) {
    Database db;
    FileInfo info;
    Error error;
    if (!readKdbx(request.body, request.creds, db, error, &info)) return encodeReply(&error, {});
    bundle::ImportError ie;
    auto plain = bundle::importKeePassDatabase(db, ie, request.now, request.lang, false);
    if (!plain) return fail(ie.text);
    auto orgs = bundle::importKeePassDatabase(db, ie, request.now, request.lang, true);
    if (!orgs) return fail(ie.text);
    const nlohmann::json head = {
        {"info", {{"major", info.major}, {"minor", info.minor}, {"cipher", info.cipher}, {"kdf", info.kdf}}},
        {"groups", plain->groups},
        {"skipped", plain->skippedAttachments},
        {"recognised", plain->recognised},
        {"binned", plain->binned}};
    // The vault data is spliced in as vault::serialize writes it: no second copy of it as text.
    std::string text = head.dump();
    text.pop_back(); // the closing brace
    SecretBytes payload;
    append(payload, text);
    append(payload, ",\"plain\":");
    const SecretBytes a = vault::serialize(plain->data), b = vault::serialize(orgs->data);
    payload.insert(payload.end(), a.begin(), a.end());
    append(payload, ",\"orgs\":");
    payload.insert(payload.end(), b.begin(), b.end());
    append(payload, "}");
    return encodeReply(nullptr, payload);
}

SecretBytes write(const Request& request) {
    vault::Data chosen;
    if (vault::parse(request.body, chosen) != vault::ParseError::None) return fail(Str::ErrKdbxModuleFailed);
    const Database db = bundle::toKeePass(chosen, request.lang);
    Bytes file;
    Error error;
    if (!writeKdbx(db, request.creds, request.options, file, error)) return encodeReply(&error, {});
    return encodeReply(nullptr, file);
}

} // namespace

SecretBytes runRequest(ByteView bytes) {
    Request request;
    if (!decodeRequest(bytes, request)) return fail(Str::ErrKdbxModuleFailed);
    return request.op == BridgeOp::Open ? open(request) : write(request);
}

} // namespace ts::kdbx
