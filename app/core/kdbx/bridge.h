// The KeePass module's one call, as bytes: the app and the separately loaded KeePass module
// (app/kdbx_module, web/library_kdbx.js) share no memory, so a request and its reply are single
// buffers that JavaScript only copies from one heap to the other (docs/kdbx.md, "Loading").
//
// Request: op (1 byte: 1 open, 2 write) ‖ password ‖ key file ‖ payload, where a password or key
// file is a uint32 LE length then its bytes, or 0xFFFFFFFF for "not given". Open's payload is the
// file; write's is JSON {"db": …, "options": …}.
// Reply: uint32 LE status (0: done; else 1 + the Str id of the error) ‖ uint32 LE detail length ‖
// detail ‖ payload. Open's payload is JSON {"db": …, "info": …}; write's is the .kdbx file.
//
// WARNING: requests and replies hold passwords and every field value in plaintext; they are
// SecretBytes (wiped when dropped), and the JavaScript side zeroes its copies.
#pragma once

#include "core/kdbx/database.h"
#include "core/kdbx/error.h"
#include "core/kdbx/keys.h"
#include "core/kdbx/reader.h"
#include "core/kdbx/writer.h"

#include <nlohmann/json.hpp>

namespace ts::kdbx {

enum class BridgeOp : std::uint8_t { Open = 1, Write = 2 };

SecretBytes encodeOpenRequest(ByteView file, const Credentials& creds);
SecretBytes encodeWriteRequest(const Database& db, const Credentials& creds, const WriteOptions& options);

struct Request {
    BridgeOp op = BridgeOp::Open;
    Credentials creds;
    SecretBytes payload;
};
[[nodiscard]] bool decodeRequest(ByteView bytes, Request& out);

SecretBytes encodeReply(const Error* error, ByteView payload); // error null: done

struct Reply {
    bool ok = false;
    Error error;
    SecretBytes payload;
};
// False for bytes that are no reply (reported by the caller as ErrKdbxModuleFailed).
[[nodiscard]] bool decodeReply(ByteView bytes, Reply& out);

// The database as JSON and back (attachments in base64, times as seconds). fromJson is false on
// any shape it does not expect.
nlohmann::json toJson(const Database& db);
[[nodiscard]] bool fromJson(const nlohmann::json& j, Database& out);
nlohmann::json toJson(const FileInfo& info);
nlohmann::json toJson(const WriteOptions& options);
[[nodiscard]] bool fromJson(const nlohmann::json& j, WriteOptions& out);

// The open reply's payload read back: false on a payload that is not one.
[[nodiscard]] bool decodeOpened(ByteView payload, Database& db, FileInfo& info);

// What the module runs for a request (in ts_kdbx: the only part that needs the reader and writer).
SecretBytes runRequest(ByteView request);

} // namespace ts::kdbx
