// The KeePass module's side of the bridge (bridge.h): in ts_kdbx, since only it has the reader and
// writer; the app links bridge.cpp alone.
#include "core/kdbx/bridge.h"

namespace ts::kdbx {

SecretBytes runRequest(ByteView bytes) {
    Request request;
    Error error;
    if (!decodeRequest(bytes, request)) {
        error.text = Str::ErrKdbxModuleFailed;
        return encodeReply(&error, {});
    }
    if (request.op == BridgeOp::Open) {
        Database db;
        FileInfo info;
        if (!readKdbx(request.payload, request.creds, db, error, &info)) return encodeReply(&error, {});
        std::string text = nlohmann::json{{"db", toJson(db)}, {"info", toJson(info)}}.dump();
        const SecretBytes body(text.begin(), text.end());
        crypto::wipeString(text);
        return encodeReply(nullptr, body);
    }
    const nlohmann::json j =
        nlohmann::json::parse(request.payload.begin(), request.payload.end(), nullptr, false);
    Database db;
    WriteOptions options;
    if (!j.is_object() || !j.contains("db") || !j.contains("options") || !fromJson(j.at("db"), db) ||
        !fromJson(j.at("options"), options)) {
        error.text = Str::ErrKdbxModuleFailed;
        return encodeReply(&error, {});
    }
    Bytes file;
    if (!writeKdbx(db, request.creds, options, file, error)) return encodeReply(&error, {});
    return encodeReply(nullptr, file);
}

} // namespace ts::kdbx
