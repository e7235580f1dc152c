// The KeePass module's one call, as bytes: the app and the separately loaded KeePass module
// (app/kdbx_module, web/library_kdbx.js) share no memory, so a request and its reply are single
// buffers that JavaScript only copies from one heap to the other (docs/kdbx.md, "Loading"). The
// module does the reading, the writing and the mapping to and from vault data, so the app needs no
// KeePass code beyond this framing: what crosses is vault data (vault::serialize / vault::parse).
//
// Request: op (1 byte: 1 open, 2 write) ‖ password ‖ key file ‖ lang (1 byte: 0 ru, 1 en) ‖ body,
// where a password or key file is a uint32 LE length then its bytes, or 0xFFFFFFFF for "not given".
// Open's body: now (int64 LE, milliseconds) ‖ the file. Write's: cipher (1 byte: 0 AES-256,
// 1 ChaCha20) ‖ KDF (1 byte: 0 Argon2id, 1 Argon2d) ‖ passes (uint64 LE) ‖ memory in bytes (uint64 LE)
// ‖ lanes (uint32 LE) ‖ the vault data to write (vault::serialize).
// Reply: uint32 LE status (0: done; else 1 + the Str id of the error) ‖ uint32 LE detail length ‖
// detail ‖ payload. Open's payload is JSON (Opened below); write's is the .kdbx file.
//
// WARNING: requests and replies hold passwords and every field value in plaintext; they are
// SecretBytes (wiped when dropped), and the JavaScript side zeroes its copies.
#pragma once

#include "core/kdbx/error.h"
#include "core/kdbx/keys.h"
#include "core/kdbx/reader.h"
#include "core/kdbx/writer.h"
#include "core/vault/model.h"

#include <string>
#include <vector>

namespace ts::kdbx {

enum class BridgeOp : std::uint8_t { Open = 1, Write = 2 };

SecretBytes encodeOpenRequest(ByteView file, const Credentials& creds, Lang lang, std::int64_t nowMillis);
SecretBytes encodeWriteRequest(const vault::Data& chosen, const Credentials& creds,
                               const WriteOptions& options, Lang lang);

struct Request {
    BridgeOp op = BridgeOp::Open;
    Credentials creds;
    Lang lang = Lang::Ru;
    std::int64_t now = 0; // open
    WriteOptions options; // write
    SecretBytes body;     // open: the file; write: the serialized vault data
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

// An opened database, mapped both ways the preview offers (bundle::importKeePassDatabase): its
// groups left in the notes (`plain`) or made organisations (`withOrganisations`).
struct Opened {
    FileInfo info;
    vault::Data plain, withOrganisations;
    std::vector<std::string> groups, skippedAttachments;
    int recognised = 0, binned = 0;
};
[[nodiscard]] bool decodeOpened(ByteView payload, Opened& out);

// What the module runs for a request (in ts_kdbx: the only part that needs the reader, the writer
// and the mapping).
SecretBytes runRequest(ByteView request);

} // namespace ts::kdbx
