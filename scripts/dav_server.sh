#!/usr/bin/env bash
# A private WebDAV server for tests: Debian's apache2 with mod_dav on 127.0.0.1, from a temporary
# config in DIR, serving DIR/team/ at http://127.0.0.1:PORT/team/ behind Basic auth (one login).
# Nothing outside DIR is written; the system's apache2 configuration and service are not touched.
#
# With DIST, the same server also serves the app from DIST at / (one origin for the app and the team
# folder, as README's deployment section describes: the CSP's connect-src 'self' covers both).
#
# usage: scripts/dav_server.sh start DIR PORT USER PASSWORD [DIST]   (returns once the server answers)
#        scripts/dav_server.sh stop DIR                       (stops the server started in DIR)
# See /work/shared/TOOLCHAIN.md, "WebDAV with Debian's Apache": weak ETags right after a write make
# an If-Match PUT answer 412 — the client must re-read and retry.
set -euo pipefail
APACHE=/usr/sbin/apache2
MODULES=/usr/lib/apache2/modules

case "${1:-}" in
start)
  [ $# -eq 5 ] || [ $# -eq 6 ] || { echo "usage: $0 start DIR PORT USER PASSWORD [DIST]" >&2; exit 2; }
  dir=$(realpath "$2") port=$3 user=$4 password=$5 app=""
  if [ $# -eq 6 ]; then
    dist=$(realpath "$6")
    app="LoadModule mime_module $MODULES/mod_mime.so
LoadModule dir_module $MODULES/mod_dir.so
TypesConfig /etc/mime.types
AddType application/wasm .wasm
DocumentRoot \"$dist\"
DirectoryIndex index.html
<Directory \"$dist\">
  Require all granted
</Directory>"
  fi
  [ -x "$APACHE" ] || { echo "apache2 is not installed (scripts/setup.sh installs it)" >&2; exit 77; }
  mkdir -p "$dir/team" "$dir/lock"
  htpasswd -bc "$dir/htpasswd" "$user" "$password" >/dev/null 2>&1
  run_as=""
  if [ "$(id -u)" = 0 ]; then # apache refuses to serve as root: the folder belongs to www-data
    run_as=$'User www-data\nGroup www-data'
    chown -R www-data:www-data "$dir/team" "$dir/lock"
    chmod 755 "$dir"
  fi
  cat >"$dir/httpd.conf" <<CONF
ServerRoot "$dir"
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile "$dir/httpd.pid"
ErrorLog "$dir/error.log"
LogLevel warn
$run_as
LoadModule mpm_event_module $MODULES/mod_mpm_event.so
LoadModule authz_core_module $MODULES/mod_authz_core.so
LoadModule authn_core_module $MODULES/mod_authn_core.so
LoadModule authn_file_module $MODULES/mod_authn_file.so
LoadModule authz_user_module $MODULES/mod_authz_user.so
LoadModule auth_basic_module $MODULES/mod_auth_basic.so
LoadModule dav_module $MODULES/mod_dav.so
LoadModule dav_fs_module $MODULES/mod_dav_fs.so
LoadModule alias_module $MODULES/mod_alias.so
$app
DavLockDB "$dir/lock/davlock"
Alias /team/ "$dir/team/"
<Directory "$dir/team">
  Dav On
  AuthType Basic
  AuthName "team"
  AuthBasicProvider file
  AuthUserFile "$dir/htpasswd"
  Require valid-user
</Directory>
CONF
  "$APACHE" -f "$dir/httpd.conf" -k start
  for _ in $(seq 50); do
    [ -s "$dir/httpd.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && exit 0
    sleep 0.1
  done
  echo "apache2 did not start; see $dir/error.log" >&2
  cat "$dir/error.log" >&2 || true
  exit 1
  ;;
stop)
  [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
  dir=$(realpath "$2")
  [ -f "$dir/httpd.conf" ] && "$APACHE" -f "$dir/httpd.conf" -k stop 2>/dev/null || true
  for _ in $(seq 50); do [ -s "$dir/httpd.pid" ] || exit 0; sleep 0.1; done
  ;;
*)
  echo "usage: $0 start DIR PORT USER PASSWORD | stop DIR" >&2
  exit 2
  ;;
esac
