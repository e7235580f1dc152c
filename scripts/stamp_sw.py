#!/usr/bin/python3
"""Writes dist/sw.js from web/sw.js with its cache named after this build: a hash of every file it
caches, so a new build means a new worker (announced by the app, never applied silently) and an
unchanged build means the same worker.

usage: stamp_sw.py SW_SOURCE OUT_SW FILE...
"""
import hashlib
import sys
from pathlib import Path


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    source, out, files = Path(sys.argv[1]), Path(sys.argv[2]), [Path(f) for f in sys.argv[3:]]
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    text = source.read_text(encoding="utf-8")
    if text.count("@TS_BUILD@") != 1:
        sys.exit("web/sw.js must hold exactly one @TS_BUILD@")
    out.write_text(text.replace("@TS_BUILD@", h.hexdigest()[:16]), encoding="utf-8")


if __name__ == "__main__":
    main()
