#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's packages (binary and source) and npm only.
# Idempotent: each step checks first, so a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

IMGUI_VERSION=1.90.1
TP="$root/third_party"
mkdir -p "$TP"

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian binary packages -------------------------------------------------------------------
APT_PACKAGES=(emscripten chromium cmake g++ make pkg-config doctest-dev nlohmann-json3-dev libsodium-dev
  libstb-dev python3-nacl python3-fonttools fonts-dejavu-core autoconf automake libtool dpkg-dev
  nodejs npm clang-format clang libclang-rt-14-dev
  firefox-esr webkit2gtk-driver xvfb xauth apache2
  keepassxc)   # keepassxc-cli: the KeePass tests' independent reader and KDBX 3.1 writer (tests only)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node and npm may come from elsewhere on a developer's machine; only install them when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  m2=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || m2+=("$p"); done
  missing=("${m2[@]+"${m2[@]}"}")
fi
apt_updated=0
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  apt_updated=1
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Source package lists (ImGui 1.90.1 lives in trixie; libsodium from bookworm) ---------------
SRC_LIST=/etc/apt/sources.list.d/tokensafe-src.sources
if [ ! -f "$SRC_LIST" ]; then
  say "enabling deb-src for bookworm and trixie"
  as_root tee "$SRC_LIST" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_updated=0
fi
need_src_update() { [ "$apt_updated" = 1 ] || { as_root apt-get update -qq; apt_updated=1; }; }

# --- Dear ImGui from the Debian source package, version pinned ----------------------------------
imgui_ok() { [ -f "$TP/imgui/imgui.h" ] && grep -q "#define IMGUI_VERSION *\"$IMGUI_VERSION\"" "$TP/imgui/imgui.h"; }
if ! imgui_ok; then
  say "fetching Dear ImGui $IMGUI_VERSION (Debian source package)"
  need_src_update
  rm -rf "$TP/imgui" "$TP/src-imgui" && mkdir -p "$TP/src-imgui"
  (cd "$TP/src-imgui" && apt-get source -qq --download-only imgui/trixie >/dev/null 2>&1)
  dpkg-source -x "$TP"/src-imgui/imgui_*.dsc "$TP/imgui" >/dev/null 2>&1
  rm -f "$TP"/imgui_*.orig.tar.*   # dpkg-source leaves a copy of the upstream tarball beside the tree
  imgui_ok || { echo "[setup] expected Dear ImGui $IMGUI_VERSION, got: $(grep '#define IMGUI_VERSION ' "$TP/imgui/imgui.h")" >&2; exit 1; }
  rm -rf "$TP/src-imgui"
fi

# --- libsodium for wasm, built from the Debian source package (with Debian's patches) -----------
export NODE_PATH=/usr/share/nodejs   # emcc needs acorn from Debian's node modules
SODIUM_WASM="$TP/libsodium-wasm"
# Bulk memory turns Argon2's 1 KiB block copies into memory.copy instead of a call out to JavaScript
# (emcc 3.1.6 does not enable it by default); the app is compiled the same way (CMakeLists.txt).
SODIUM_CFLAGS="-O3 -mbulk-memory -msign-ext"
if [ ! -f "$SODIUM_WASM/lib/libsodium.a" ] || [ "$(cat "$SODIUM_WASM/cflags" 2>/dev/null)" != "$SODIUM_CFLAGS" ]; then
  say "building libsodium for wasm from the Debian source package (a few minutes)"
  need_src_update
  rm -rf "$TP/src-sodium" && mkdir -p "$TP/src-sodium"
  (cd "$TP/src-sodium" && apt-get source -qq --download-only libsodium/bookworm >/dev/null 2>&1)
  dpkg-source -x "$TP"/src-sodium/libsodium_*.dsc "$TP/src-sodium/tree" >/dev/null 2>&1
  (cd "$TP/src-sodium/tree" && ./autogen.sh -s >/dev/null 2>&1 &&
   CFLAGS="$SODIUM_CFLAGS" emconfigure ./configure --host=wasm32-unknown-emscripten --disable-shared --enable-static \
     --without-pthreads --disable-ssp --disable-asm --prefix="$SODIUM_WASM.tmp" >/dev/null 2>&1 &&
   emmake make -j"$(nproc)" install >/dev/null 2>&1) || { echo "[setup] libsodium wasm build failed" >&2; exit 1; }
  echo "$SODIUM_CFLAGS" > "$SODIUM_WASM.tmp/cflags"
  rm -rf "$SODIUM_WASM" && mv "$SODIUM_WASM.tmp" "$SODIUM_WASM"
  rm -rf "$TP/src-sodium"
fi

# --- stb_image(_write) headers for the wasm build, from Debian's libstb-dev ---------------------
# The wasm build must not see /usr/include (it would shadow Emscripten's sysroot), so the two headers
# it needs are copied into third_party/stb; refreshed whenever the installed package differs.
STB_SRC=/usr/include/stb
dpkg-query -W -f='${Status}' libstb-dev 2>/dev/null | grep -q 'install ok installed' ||
  { echo "[setup] libstb-dev is not installed" >&2; exit 1; }
for h in stb_image.h stb_image_write.h; do
  [ -f "$STB_SRC/$h" ] || { echo "[setup] $STB_SRC/$h missing (libstb-dev)" >&2; exit 1; }
  if ! cmp -s "$STB_SRC/$h" "$TP/stb/$h"; then
    say "copying $h from libstb-dev into third_party/stb"
    mkdir -p "$TP/stb" && cp -L "$STB_SRC/$h" "$TP/stb/$h.tmp" && mv "$TP/stb/$h.tmp" "$TP/stb/$h"
  fi
done

# --- KeePass (.kdbx) dependencies, from Debian source packages (versions pinned) -------------------
# Compiled from their C/C++ files by CMakeLists.txt (ts_kdbx_deps) for the native and the wasm build,
# so the wasm build never sees /usr/include:
#   argon2   the reference Argon2 (libsodium has no Argon2d, which KeePassXC uses by default)
#   mbedtls  AES-256 (CBC for the payload, ECB rounds for AES-KDF), SHA-256/512, HMAC-SHA-256.
#            Chosen over libtomcrypt: 2.28 is a long-term-support branch still receiving security
#            fixes in bookworm (libtomcrypt's last release is 1.18.2 from 2018), and a config header of
#            our own (app/core/kdbx/deps/mbedtls_config.h) compiles in only these four modules.
#   zlib     gzip inside KDBX (Emscripten's -sUSE_ZLIB downloads at build time and fails offline)
#   pugixml  the KeePass XML document
# Each is unpacked into third_party/<name>; its file ".debian-version" names the package it came from
# (not "version": zlib's folder is on the include path, and that would shadow C++20's <version>).
# argon2 comes from trixie (20190702, upstream's latest release) as its upstream tarball: bookworm's
# orig tarball and trixie's .dsc are not on the mirror, and Debian's patches only change how the
# shared library is built, which we do not use.
kdbx_src() { # name suite version check-file
  local name=$1 suite=$2 ver=$3 check=$4 dir="$TP/$1"
  [ -f "$dir/$check" ] && [ "$(cat "$dir/.debian-version" 2>/dev/null)" = "$name $ver" ] && return
  say "fetching $name $ver (Debian source package, $suite)"
  need_src_update
  rm -rf "$TP/src-$name" "$dir" && mkdir -p "$TP/src-$name"
  (cd "$TP/src-$name" && apt-get source -qq --download-only "$name=$ver" >/dev/null 2>&1) || true
  if [ -f "$TP/src-$name/${name}_${ver#*:}.dsc" ]; then
    dpkg-source -x "$TP/src-$name/${name}_${ver#*:}.dsc" "$dir" >/dev/null 2>&1
    rm -f "$TP/${name}"_*.orig.tar.*   # dpkg-source leaves a copy of the upstream tarball beside the tree
  else
    local orig
    local upstream=${ver#*:}   # no epoch in file names
    orig=$(ls "$TP/src-$name/${name}_${upstream%-*}".orig.tar.* 2>/dev/null | head -1)
    [ -n "$orig" ] || { echo "[setup] apt-get source $name=$ver failed" >&2; exit 1; }
    mkdir -p "$dir" && tar -xf "$orig" -C "$dir" --strip-components=1
  fi
  [ -f "$dir/$check" ] || { echo "[setup] $name: $check missing after unpacking" >&2; exit 1; }
  echo "$name $ver" > "$dir/.debian-version"
  rm -rf "$TP/src-$name"
}
kdbx_src argon2 trixie 0~20190702+dfsg-4 src/ref.c
kdbx_src mbedtls bookworm 2.28.3-1 library/aes.c
kdbx_src zlib bookworm 1:1.2.13.dfsg-1 inflate.c
kdbx_src pugixml bookworm 1.13-0.2 src/pugixml.cpp

# --- npm dependencies from the committed lock file ----------------------------------------------
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_sum" > node_modules/.lock-sum
fi
