#!/usr/bin/python3
"""Decrypts a TokenSafe vault file and prints its JSON body.

Written from docs/vault-format.md alone, with PyNaCl and hashlib: if this script can read what the
app writes, the document describes the format completely. Do not "fix" it by reading the C++.

usage: decrypt_vault.py FILE PASSPHRASE [EXPECTED_JSON]
With EXPECTED_JSON it exits 1 unless the body is exactly those bytes. Run it with Debian's
/usr/bin/python3 (python3-nacl).
"""
import hashlib
import json
import os
import struct
import sys

import nacl.bindings
import nacl.exceptions
import nacl.pwhash

MAGIC = b"TSVAULT\x00"
HEADER = 164  # magic .. header checksum
BODY = 212  # header + body prefix


class VaultError(Exception):
    """Carries the name of the error the document assigns to a failed check."""


def decrypt(f: bytes, passphrase: bytes) -> bytes:
    """The checks of "Reading: the checks, in order", then the two decryptions."""
    if len(f) < 8 or f[:8] != MAGIC:
        raise VaultError("NotAVault")
    if len(f) < 10:
        raise VaultError("Truncated")
    (version,) = struct.unpack_from("<H", f, 8)
    if version == 0:
        raise VaultError("UnsupportedVersion")
    if version > 1:
        raise VaultError("NewerVersion")
    if len(f) < HEADER:
        raise VaultError("Truncated")
    if hashlib.blake2b(f[:148], digest_size=16).digest() != f[148:164]:
        raise VaultError("HeaderDamaged")
    algorithm, reserved, opslimit, memlimit = struct.unpack_from("<BBQQ", f, 10)
    if algorithm != 2 or reserved != 0:
        raise VaultError("UnsupportedKdf")
    if opslimit > 12 or memlimit > 256 << 20 or opslimit * memlimit > 768 << 20:
        raise VaultError("KdfTooCostly")
    if opslimit < 1 or memlimit < 8192:
        raise VaultError("UnsupportedKdf")
    salt, vault_id, wrap_nonce, wrapped_key = f[28:44], f[44:60], f[60:84], f[84:132]
    revision, body_len = struct.unpack_from("<QQ", f, 132)
    if len(f) < BODY + body_len:  # Python integers do not overflow
        raise VaultError("Truncated")
    if len(f) > BODY + body_len:
        raise VaultError("TrailingData")
    if body_len < 16:
        raise VaultError("HeaderDamaged")
    if f[164:180] != vault_id:
        raise VaultError("ForeignBody")
    (revision_copy,) = struct.unpack_from("<Q", f, 180)
    if revision_copy != revision:
        raise VaultError("MixedRevision")
    if opslimit < 3 or memlimit < 64 << 20:
        raise VaultError("UnsupportedKdf")

    try:
        passphrase_key = nacl.pwhash.argon2id.kdf(32, passphrase, salt, opslimit=opslimit, memlimit=memlimit)
    except (nacl.exceptions.RuntimeError, MemoryError) as e:
        raise VaultError("KdfFailed") from e
    try:
        vault_key = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            wrapped_key, f[:60], wrap_nonce, passphrase_key)
    except nacl.exceptions.CryptoError as e:
        raise VaultError("WrongPassphrase") from e
    try:
        return nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            f[BODY:BODY + body_len], f[:188], f[188:212], vault_key)
    except nacl.exceptions.CryptoError as e:
        raise VaultError("BodyDamaged") from e


def main(argv: list) -> int:
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], "rb") as fh:
        data = fh.read()
    # os.fsencode gives back the argument's original bytes, whatever the locale: UTF-8 here.
    passphrase = os.fsencode(argv[2])
    try:
        body = decrypt(data, passphrase)
    except VaultError as e:
        print(f"decrypt_vault: {e}", file=sys.stderr)
        return 1
    json.loads(body.decode("utf-8"))  # the body is JSON; raises (exit 1) if it is not
    sys.stdout.buffer.write(body + b"\n")
    sys.stdout.flush()
    if len(argv) == 4 and body != os.fsencode(argv[3]):
        print("decrypt_vault: the body differs from the expected JSON", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
