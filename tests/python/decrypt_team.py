#!/usr/bin/python3
"""Verifies and decrypts a TokenSafe team folder (manifest.tst and shard-*.tst) and prints the
team's entries as JSON.

Written from docs/team-format.md alone, with PyNaCl, hashlib and base64: if this script can read
what the app writes, the document describes the format completely. Do not "fix" it by reading the C++.

usage:
  decrypt_team.py DIR --secret-key HEX [--expect-token TOKEN]
DIR holds the folder's files; HEX is a member's X25519 secret key. With --expect-token it exits 1
unless some entry's current field "token" is TOKEN. Run it with Debian's /usr/bin/python3.
"""
import argparse
import base64
import hashlib
import json
import os
import struct
import sys

import nacl.bindings
import nacl.exceptions
import nacl.signing

MAGIC = b"TSTEAMFL"
MAX_FILE = 64 << 20
HEADER, SIGNATURE = 112, 64
MAX_CLEAR = 1 << 20


class TeamError(Exception):
    pass


def b64(text, size):
    raw = base64.b64decode(text, validate=True)
    if len(raw) != size:
        raise TeamError("Damaged")
    return raw


def unwrap(f):
    """Checks 1-11: the layout and the signature."""
    if len(f) > MAX_FILE:
        raise TeamError("TooLarge")
    if len(f) < 8 or f[:8] != MAGIC:
        raise TeamError("NotTeamFile")
    if len(f) < 10:
        raise TeamError("Truncated")
    (version,) = struct.unpack_from("<H", f, 8)
    if version == 0:
        raise TeamError("UnsupportedVersion")
    if version > 1:
        raise TeamError("NewerVersion")
    if len(f) < HEADER + SIGNATURE:
        raise TeamError("Truncated")
    kind, shard = f[10], f[11]
    if kind not in (1, 2) or (kind == 1 and shard != 0) or shard > 15:
        raise TeamError("Damaged")
    (clear_len,) = struct.unpack_from("<I", f, 76)
    (cipher_len,) = struct.unpack_from("<Q", f, 80)
    room = len(f) - HEADER - SIGNATURE
    if clear_len + cipher_len > room:
        raise TeamError("Truncated")
    if clear_len + cipher_len < room:
        raise TeamError("TrailingData")
    if cipher_len < 16 or (kind == 2 and clear_len != 0) or clear_len > MAX_CLEAR:
        raise TeamError("Damaged")
    signer = f[44:76]
    try:
        nacl.signing.VerifyKey(signer).verify(f[:-SIGNATURE], f[-SIGNATURE:])
    except nacl.exceptions.BadSignatureError:
        raise TeamError("BadSignature")
    epoch, sequence = struct.unpack_from("<QQ", f, 28)
    return {
        "kind": kind, "shard": shard, "team": f[12:28], "epoch": epoch, "sequence": sequence,
        "signer": signer, "clear": f[HEADER:HEADER + clear_len], "ad": f[:HEADER + clear_len],
        "nonce": f[88:112], "cipher": f[HEADER + clear_len:HEADER + clear_len + cipher_len],
    }


def decrypt(e, key):
    try:
        return nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(e["cipher"], e["ad"], e["nonce"], key)
    except nacl.exceptions.CryptoError:
        raise TeamError("Damaged")


def read_manifest(f, public_key, secret_key):
    """A first read (no manifest accepted before): checks 13, 14, 17, 18, 19, 21."""
    e = unwrap(f)
    if e["kind"] != 1:
        raise TeamError("Damaged")
    members = json.loads(e["clear"].decode("utf-8"))["members"]
    if not 1 <= len(members) <= 1000:
        raise TeamError("Damaged")
    boxes = [b64(m["box"], 32) for m in members]
    if len(set(boxes)) != len(boxes):
        raise TeamError("Damaged")
    signs = [b64(m["sign"], 32) if m["sign"] != "" else None for m in members]
    if e["signer"] not in signs:
        raise TeamError("NotAMember")
    if e["epoch"] == 0:
        raise TeamError("Damaged")
    if public_key not in boxes:
        raise TeamError("NotForMe")
    mine = members[boxes.index(public_key)]
    try:
        key = nacl.bindings.crypto_box_seal_open(b64(mine["key"], 80), public_key, secret_key)
    except nacl.exceptions.CryptoError:
        raise TeamError("Damaged")
    inner = json.loads(decrypt(e, key).decode("utf-8"))
    if [b64(m["box"], 32) for m in inner["members"]] != boxes:
        raise TeamError("Damaged")
    previous = b64(inner["previousKey"], 32) if "previousKey" in inner else None
    return {"team": e["team"], "epoch": e["epoch"], "key": key, "previous": previous,
            "signs": [s for s in signs if s], "inner": inner}


def shard_of(entry_id):
    return hashlib.blake2b(entry_id.encode("utf-8"), digest_size=16).digest()[0] % 16


def read_shard(f, number, manifest):
    e = unwrap(f)
    if e["kind"] != 2 or e["shard"] != number:
        raise TeamError("Damaged")
    if e["team"] != manifest["team"]:
        raise TeamError("ForeignTeam")
    if e["signer"] not in manifest["signs"]:
        raise TeamError("NotAMember")
    if e["epoch"] == manifest["epoch"]:
        key = manifest["key"]
    elif e["epoch"] + 1 == manifest["epoch"] and manifest["previous"]:
        key = manifest["previous"]
    else:
        raise TeamError("WrongEpoch")
    body = json.loads(decrypt(e, key).decode("utf-8"))
    for entry in body.get("entries", []):
        if shard_of(entry["id"]) != number:
            raise TeamError("Damaged")
    return body.get("entries", [])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--secret-key", required=True)
    p.add_argument("--expect-token")
    a = p.parse_args()
    secret_key = bytes.fromhex(a.secret_key)
    public_key = nacl.bindings.crypto_scalarmult_base(secret_key)
    try:
        with open(os.path.join(a.dir, "manifest.tst"), "rb") as fh:
            manifest = read_manifest(fh.read(), public_key, secret_key)
        entries = []
        for n in range(16):
            path = os.path.join(a.dir, "shard-%x.tst" % n)
            if os.path.exists(path):
                with open(path, "rb") as fh:
                    entries += read_shard(fh.read(), n, manifest)
    except TeamError as err:
        print("refused: %s" % err, file=sys.stderr)
        return 1
    print(json.dumps({"team": manifest["inner"]["name"], "organisations": manifest["inner"]["organisations"],
                      "entries": entries}, ensure_ascii=False))
    if a.expect_token is not None and not any(e["fields"].get("token") == a.expect_token for e in entries):
        print("no entry has the expected token", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
