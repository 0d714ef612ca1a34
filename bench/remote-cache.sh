#!/usr/bin/env bash
# The remote build cache (issue 20) on the example's 4-target matrix (mvn go-hygiene:build), three cases in one run,
# each build with a fresh empty example/target/ (so go must write every binary again):
#   (a) fully cold:   an empty GOCACHE, no remote cache
#   (b) warm local:   the GOCACHE (a) filled, no remote cache
#   (c) warm remote:  ANOTHER empty GOCACHE, read-only (push=false) from a local nginx WebDAV server that a first
#                     build (its own empty GOCACHE, push=true) filled before the runs
#   (d) warm disk tier: (c)'s GOCACHE again, <remoteCache> still on: everything from the cache program's disk tier,
#                     the cost of the program itself (a JVM per go command) against (b)
# Goal: (c) <= 3x (b); (d) / (b) is printed as the program's overhead. The server is Debian's nginx (as the tests' NginxWebDav runs it: config, logs, temp files and
# store in a temp dir, 127.0.0.1 at a free port), killed on exit. Also printed: the GETs (c) made to the server and
# how many were hits, and whether (c)'s binaries are byte-identical to (a)'s.
# Usage: bench/remote-cache.sh [runs]   (builds and installs the plugin first; default 3 runs, medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
. bench/common.sh
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "bench/remote-cache.sh: nginx is not installed (apt-get install nginx; .ci/run does it)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The example vendors a cgo dependency: make vendor/ first, so every case builds from it.
mvn -B -q -Dstyle.color=never -f example/pom.xml "io.gohygiene:go-hygiene-maven-plugin:$version:vendor" >&2

# The server: nginx in the foreground, one process, everything under $work/nginx.
srv=$work/nginx
mkdir -p "$srv/store" "$srv/tmp"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$srv/nginx.conf" <<EOF
daemon off;
master_process off;
pid "$srv/nginx.pid";
error_log "$srv/error.log" notice;
events { worker_connections 512; }
http {
    access_log "$srv/access.log";
    client_body_temp_path "$srv/tmp/client_body";
    proxy_temp_path "$srv/tmp/proxy";
    fastcgi_temp_path "$srv/tmp/fastcgi";
    uwsgi_temp_path "$srv/tmp/uwsgi";
    scgi_temp_path "$srv/tmp/scgi";
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$port;
        root "$srv/store";
        client_max_body_size 0;
        location / {
            dav_methods PUT DELETE;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
        }
    }
}
EOF
"$nginx" -p "$srv/" -e "$srv/error.log" -c "$srv/nginx.conf" </dev/null >"$srv/nginx.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$srv/nginx.out" "$srv/error.log" >&2; exit 1; }
  sleep 0.1
done
url=http://127.0.0.1:$port/

# One build of the matrix into a fresh example/target/; prints its time in ms.
build() {   # build <GOCACHE> [mvn args...]
  local cache=$1; shift
  rm -rf example/target
  local start; start=$(ms)
  GOCACHE=$cache mvn -B -q -Dstyle.color=never -f example/pom.xml \
    "io.gohygiene:go-hygiene-maven-plugin:$version:build" -Dgo-hygiene.attach=false "$@" >&2
  echo $(( $(ms) - start ))
}
binaries() { (cd example/target/go && find . -type f -name 'hello*' | sort | xargs sha256sum); }
gets() { grep -c '"GET /' "$srv/access.log" || true; }
hits() { grep -c '"GET /[^"]*" 200 ' "$srv/access.log" || true; }

fill_ms=$(build "$work/cache-fill" -Dgo-hygiene.remoteCache.url="$url" -Dgo-hygiene.remoteCache.push=true)
objects=$(find "$srv/store" -type f | wc -l)
stored=$(du -sk "$srv/store" | cut -f1)

cold=(); local_=(); remote=(); tier=(); identical=yes
for i in $(seq "$runs"); do
  rm -rf "$work/cache-a" "$work/cache-c"
  cold+=($(build "$work/cache-a"))
  binaries > "$work/a.sha256"
  local_+=($(build "$work/cache-a"))
  g0=$(gets); h0=$(hits)
  remote+=($(build "$work/cache-c" -Dgo-hygiene.remoteCache.url="$url" -Dgo-hygiene.remoteCache.push=false))
  remote_gets=$(( $(gets) - g0 )); remote_hits=$(( $(hits) - h0 ))
  binaries | cmp -s - "$work/a.sha256" || identical=no
  tier+=($(build "$work/cache-c" -Dgo-hygiene.remoteCache.url="$url" -Dgo-hygiene.remoteCache.push=false))
  binaries | cmp -s - "$work/a.sha256" || identical=no
done
a=$(median "${cold[@]}"); b=$(median "${local_[@]}"); c=$(median "${remote[@]}"); d=$(median "${tier[@]}")

printf '%-70s %8s\n' "example, 4 targets (mvn go-hygiene:build, incl. Maven start), median of $runs, $(nproc) cores" "ms"
printf '%-70s %8d\n' "(a) fully cold: empty GOCACHE, no remote cache" "$a"
printf '%-70s %8d\n' "(b) warm local: the same GOCACHE again, no remote cache" "$b"
printf '%-70s %8d\n' "(c) warm remote: another empty GOCACHE, nginx WebDAV, push=false" "$c"
printf '%-70s %8d\n' "(d) warm disk tier: (c)'s GOCACHE again, <remoteCache> still on" "$d"
python3 -c "print('%-70s %8.2f' % ('(c) / (b)   (goal <= 3)', $c / $b))"
python3 -c "print('%-70s %8.2f' % ('(d) / (b)   (the cache program itself)', $d / $b))"
python3 -c "print('%-70s %8.2f' % ('(a) / (b)', $a / $b))"
printf '%-70s %8d\n' "the fill build (empty GOCACHE, push=true)" "$fill_ms"
printf '%-70s %8s\n' "on the server after the fill: files, KiB" "$objects, $stored"
printf '%-70s %8s\n' "(c)'s last run: GETs to the server, of them 200" "$remote_gets, $remote_hits"
printf '%-70s %8s\n' "(c)'s and (d)'s binaries byte-identical to (a)'s, every run" "$identical"
