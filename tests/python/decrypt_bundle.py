#!/usr/bin/python3
"""Decrypts a TokenSafe bundle (.tsb file or its TSB1: text form) and prints its JSON payload.

Written from docs/bundle-format.md alone, with PyNaCl, hashlib and base64: if this script can read
what the app writes, the document describes the format completely. Do not "fix" it by reading the C++.

usage:
  decrypt_bundle.py FILE --passphrase PASSPHRASE [--expect JSON]
  decrypt_bundle.py FILE --secret-key HEX [--receiving-code CODE] [--expect JSON]
  decrypt_bundle.py --receiving-code-of HEX
  decrypt_bundle.py --check-digits-of HEX
  decrypt_bundle.py --check-digits-of-code CODE
With --expect it exits 1 unless the payload is exactly those bytes. With --receiving-code it also
checks that CODE is the receiving code of the secret key's public key, as the document builds it.
--receiving-code-of and --check-digits-of print the receiving code and its check digits of the
public key of a secret key given in hex; --check-digits-of-code the check digits of a receiving code.
Run it with Debian's /usr/bin/python3 (python3-nacl).
"""
import argparse
import base64
import hashlib
import json
import os
import re
import struct
import sys
import time

import nacl.bindings
import nacl.exceptions
import nacl.pwhash

MAGIC = b"TSBUNDLE"
MAX_FILE = 64 << 20
MAX_TEXT = 128 << 20
HEADER = {1: 140, 2: 124}  # H per mode
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class BundleError(Exception):
    """Carries the name of the error the document assigns to a failed check."""


def checksum(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def fingerprint(public_key: bytes) -> bytes:
    return checksum(public_key)[:8]


def from_text(text: bytes) -> bytes:
    """The text form: "TSB1:" + standard base64, whitespace ignored."""
    if len(text) > MAX_TEXT:
        raise BundleError("TooLarge")
    text = text.lstrip(b" \t\r\n\v\f")
    if not text.startswith(b"TSB1:"):
        raise BundleError("BadText")
    b64 = re.sub(rb"[ \t\r\n\v\f]", b"", text[5:])
    try:
        data = base64.b64decode(b64, validate=True)
    except ValueError as e:
        raise BundleError("BadText") from e
    if len(data) > MAX_FILE:
        raise BundleError("TooLarge")
    return data


def receiving_code(public_key: bytes) -> str:
    """TSR1 + 12 groups of 5 Crockford base32 characters of public key || first 5 checksum bytes."""
    data = public_key + checksum(public_key)[:5]
    bits = int.from_bytes(data, "big") << 4  # 296 bits padded with four 0 bits to 300
    chars = [CROCKFORD[(bits >> (5 * (59 - i))) & 31] for i in range(60)]
    return "TSR1" + "".join("-" + "".join(chars[i:i + 5]) for i in range(0, 60, 5))


def check_digits(public_key: bytes) -> str:
    """4 groups of 5 digits: each 5 bytes of BLAKE2b-160(domain || public key), big-endian, mod 100000."""
    d = hashlib.blake2b(b"TokenSafe receiving code check" + public_key, digest_size=20).digest()
    return " ".join("%05d" % (int.from_bytes(d[5 * k:5 * k + 5], "big") % 100000) for k in range(4))


def public_key_of_code(code: str) -> bytes:
    """The public key a well-formed receiving code names (no tolerance of typos here)."""
    chars = code.replace("-", "")
    if not chars.startswith("TSR1") or len(chars) != 64:
        raise BundleError("BadReceivingCode")
    bits = 0
    for c in chars[4:]:
        bits = (bits << 5) | CROCKFORD.index(c)
    data = (bits >> 4).to_bytes(37, "big")
    if checksum(data[:32])[:5] != data[32:]:
        raise BundleError("ReceivingCodeTypo")
    return data[:32]


def decrypt(f: bytes, passphrase=None, secret_key=None):
    """The checks of "Reading: the checks, in order", then the decryptions. Returns (created-at, payload)."""
    if len(f) > MAX_FILE:
        raise BundleError("TooLarge")
    if len(f) < 8 or f[:8] != MAGIC:
        raise BundleError("NotBundle")
    if len(f) < 10:
        raise BundleError("Truncated")
    (version,) = struct.unpack_from("<H", f, 8)
    if version == 0:
        raise BundleError("UnsupportedVersion")
    if version > 1:
        raise BundleError("NewerVersion")
    if len(f) < 11:
        raise BundleError("Truncated")
    mode = f[10]
    if mode not in HEADER:
        raise BundleError("HeaderDamaged")
    H = HEADER[mode]
    if len(f) < H:
        raise BundleError("Truncated")
    if checksum(f[:H - 16]) != f[H - 16:H]:
        raise BundleError("HeaderDamaged")
    if mode == 1:
        algorithm, opslimit, memlimit = struct.unpack_from("<BQQ", f, 11)
        if algorithm != 2:
            raise BundleError("BadKdfParams")
        if opslimit > 12 or memlimit > 256 << 20 or opslimit * memlimit > 768 << 20:
            raise BundleError("KdfTooCostly")
        if opslimit < 3 or memlimit < 64 << 20:
            raise BundleError("BadKdfParams")
    elif f[11] != 0:
        raise BundleError("HeaderDamaged")
    (L,) = struct.unpack_from("<Q", f, H - 24)
    if len(f) < H + 24 + L:  # Python integers do not overflow
        raise BundleError("Truncated")
    if len(f) > H + 24 + L:
        raise BundleError("TrailingData")
    if L < 24:
        raise BundleError("HeaderDamaged")

    if mode == 1:
        if passphrase is None:
            raise BundleError("NeedsPassphrase")
        salt, wrap_nonce, wrapped = f[28:44], f[44:68], f[68:116]
        try:
            passphrase_key = nacl.pwhash.argon2id.kdf(32, passphrase, salt, opslimit=opslimit, memlimit=memlimit)
        except (nacl.exceptions.RuntimeError, MemoryError) as e:
            raise BundleError("KdfFailed") from e
        try:
            content_key = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
                wrapped, f[:44], wrap_nonce, passphrase_key)
        except nacl.exceptions.CryptoError as e:
            raise BundleError("WrongPassphrase") from e
    else:
        if secret_key is None:
            raise BundleError("NeedsRecipientKey")
        public_key = nacl.bindings.crypto_scalarmult_base(secret_key)
        if f[12:20] != fingerprint(public_key):
            raise BundleError("ForOtherRecipient")
        try:
            content_key = nacl.bindings.crypto_box_seal_open(f[20:100], public_key, secret_key)
        except nacl.exceptions.CryptoError as e:
            raise BundleError("Damaged") from e

    try:
        plain = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            f[H + 24:H + 24 + L], f[:H], f[H:H + 24], content_key)
    except nacl.exceptions.CryptoError as e:
        raise BundleError("Damaged") from e
    (created_at_ms,) = struct.unpack_from("<q", plain, 0)
    return created_at_ms, plain[8:]


def main(argv: list) -> int:
    p = argparse.ArgumentParser(usage=__doc__)
    p.add_argument("file", nargs="?")
    p.add_argument("--passphrase")
    p.add_argument("--secret-key")
    p.add_argument("--receiving-code")
    p.add_argument("--receiving-code-of")
    p.add_argument("--check-digits-of")
    p.add_argument("--check-digits-of-code")
    p.add_argument("--expect")
    a = p.parse_args(argv[1:])

    if a.receiving_code_of:
        print(receiving_code(nacl.bindings.crypto_scalarmult_base(bytes.fromhex(a.receiving_code_of))))
        return 0
    if a.check_digits_of:
        print(check_digits(nacl.bindings.crypto_scalarmult_base(bytes.fromhex(a.check_digits_of))))
        return 0
    if a.check_digits_of_code:
        print(check_digits(public_key_of_code(a.check_digits_of_code)))
        return 0
    if not a.file or (a.passphrase is None) == (a.secret_key is None):
        print(__doc__, file=sys.stderr)
        return 2
    secret_key = bytes.fromhex(a.secret_key) if a.secret_key else None
    if a.receiving_code is not None:
        expected_code = receiving_code(nacl.bindings.crypto_scalarmult_base(secret_key))
        if a.receiving_code != expected_code:
            print(f"decrypt_bundle: receiving code {a.receiving_code} differs from {expected_code}",
                  file=sys.stderr)
            return 1
    with open(a.file, "rb") as fh:
        data = fh.read()
    # os.fsencode gives back the argument's original bytes, whatever the locale: UTF-8 here.
    passphrase = os.fsencode(a.passphrase) if a.passphrase is not None else None
    try:
        if data.lstrip(b" \t\r\n\v\f").startswith(b"TSB1:"):
            data = from_text(data)
        created_at_ms, payload = decrypt(data, passphrase, secret_key)
    except BundleError as e:
        print(f"decrypt_bundle: {e}", file=sys.stderr)
        return 1
    json.loads(payload.decode("utf-8"))  # the payload is JSON; raises (exit 1) if it is not
    when = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(created_at_ms / 1000))
    print(f"created at {when} UTC, mode {data[10]}, {len(payload)} payload bytes", file=sys.stderr)
    sys.stdout.buffer.write(payload + b"\n")
    sys.stdout.flush()
    if a.expect is not None and payload != os.fsencode(a.expect):
        print("decrypt_bundle: the payload differs from the expected JSON", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
