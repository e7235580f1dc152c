#!/usr/bin/python3
"""Builds dist/tokensafe.html: the whole app in one file that also works opened from disk (file://).

The page is shell.html with everything it loads put inline: the stylesheet, the icon (a data: URL),
the page scripts (web/seam.js, web/loader.js) and app.js, and app.wasm gzip-compressed in a base64
data block that web/loader.js inflates with the browser's DecompressionStream (<html data-single-file>
tells it so; base64 of the raw wasm would not gzip below 700 KB). These are the same app.js and
app.wasm as the served page's, so the two never differ. The manifest is dropped: a file page is not
installable.

A Content-Security-Policy <meta> allows exactly these inline scripts and this style (by their SHA-256),
'wasm-unsafe-eval' to compile the wasm, data: images, and nothing remote: connect-src 'none'.

usage: make_single_file.py --shell shell.html --web web --js dist/app.js --wasm dist/app.wasm
       --kdbx-js dist/kdbx.js --kdbx-wasm dist/kdbx.wasm --out dist/tokensafe.html
"""
import argparse
import base64
import gzip
import hashlib
import re
import sys
from pathlib import Path


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_script(text: str, name: str) -> str:
    # An inline script ends at the first "</script" whatever the JS means by it.
    if re.search(r"</script", text, re.IGNORECASE):
        sys.exit(f"{name} contains '</script': it cannot be inlined as is")
    return text


def replace_once(page: str, old: str, new: str) -> str:
    if page.count(old) != 1:
        sys.exit(f"shell.html changed: expected exactly one {old!r}")
    return page.replace(old, new)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shell", required=True, type=Path)
    ap.add_argument("--web", required=True, type=Path)
    ap.add_argument("--js", required=True, type=Path)
    ap.add_argument("--wasm", required=True, type=Path)
    ap.add_argument("--kdbx-js", required=True, type=Path)
    ap.add_argument("--kdbx-wasm", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()

    page = args.shell.read_text(encoding="utf-8")
    style = (args.web / "style.css").read_text(encoding="utf-8")
    scripts = [
        inline_script((args.web / "seam.js").read_text(encoding="utf-8"), "seam.js"),
        inline_script((args.web / "loader.js").read_text(encoding="utf-8"), "loader.js"),
        inline_script(args.js.read_text(encoding="utf-8"), "app.js"),
    ]
    icon = base64.b64encode((args.web / "icon.svg").read_bytes()).decode()
    wasm = base64.b64encode(gzip.compress(args.wasm.read_bytes(), compresslevel=9, mtime=0)).decode()
    # The KeePass module waits compressed until a .kdbx is opened or written (web/library_kdbx.js):
    # its script is then run from the inflated text, allowed by its hash below.
    kdbx_js = args.kdbx_js.read_text(encoding="utf-8")
    kdbx_js_block = base64.b64encode(gzip.compress(kdbx_js.encode("utf-8"), compresslevel=9, mtime=0)).decode()
    kdbx_wasm = base64.b64encode(gzip.compress(args.kdbx_wasm.read_bytes(), compresslevel=9, mtime=0)).decode()

    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(csp_hash(s) for s in scripts + [kdbx_js]) + " 'wasm-unsafe-eval'",
        "style-src " + csp_hash(style),
        "img-src data: blob:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])

    page = replace_once(page, '<html lang="ru">', '<html lang="ru" data-single-file>')
    page = replace_once(page, '<meta charset="utf-8">\n',
                        '<meta charset="utf-8">\n'
                        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
                        '<meta name="referrer" content="no-referrer">\n')
    page = replace_once(page, 'href="web/icon.svg"', f'href="data:image/svg+xml;base64,{icon}"')
    page = replace_once(page, '<link rel="manifest" href="web/manifest.webmanifest">\n', '')
    page = replace_once(page, '<link rel="stylesheet" href="web/style.css">', f"<style>{style}</style>")
    page = replace_once(page, '<script src="web/seam.js"></script>\n<script src="web/loader.js"></script>\n',
                        f'<script type="application/gzip;base64" id="ts-wasm">{wasm}</script>\n'
                        f'<script type="application/gzip;base64" id="ts-kdbx-js">{kdbx_js_block}</script>\n'
                        f'<script type="application/gzip;base64" id="ts-kdbx-wasm">{kdbx_wasm}</script>\n'
                        f"<script>{scripts[0]}</script>\n<script>{scripts[1]}</script>\n"
                        f"<script>{scripts[2]}</script>\n")
    if re.search(r'\b(src|href)="(?!data:)', page):
        sys.exit("the single file still refers to another file")

    args.out.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
