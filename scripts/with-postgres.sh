#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server for the lazy table API's PostgreSQL tests:
#   scripts/with-postgres.sh mvn verify
# Installs Debian's postgresql package if no server binaries are found (needs root, as on CI),
# makes a cluster in a temporary folder (as the postgres user when run as root: initdb refuses
# root), starts it on a free loopback port with a socket in that folder, exports
#   MALLARD_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres?user=mallard
# for the tests, runs the command, and stops the server and deletes the folder however it ends.
# Opt out on a machine without PostgreSQL: MALLARD_POSTGRES=off (the PostgreSQL tests are then
# skipped and say so); without the opt-out, a server that cannot start fails the run.
set -euo pipefail

if [ "${MALLARD_POSTGRES:-}" = "off" ]; then
  echo "with-postgres: MALLARD_POSTGRES=off, running without a PostgreSQL server" >&2
  exec "$@"
fi

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: no PostgreSQL server binaries under /usr/lib/postgresql and not root to install them;" \
         "install Debian's postgresql package, or opt out with MALLARD_POSTGRES=off" >&2
    exit 1
  fi
  echo "with-postgres: installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
  bin=$(find_bin)
fi

dir=$(mktemp -d /tmp/mallard-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb and postgres refuse to run as root: the cluster belongs to the postgres user (the package makes it)
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /usr/sbin/nologin postgres
  chown postgres: "$dir"
  chmod 700 "$dir"
  as_owner=(runuser -u postgres --)
fi

port=""
for p in $(seq 25432 25532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "with-postgres: no free port in 25432-25532" >&2; exit 1; }

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

locale=C.UTF-8
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || locale=C
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U mallard --auth=trust --encoding=UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a test server's data is thrown away anyway
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
     -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2; then
  cat "$dir/server.log" >&2 || true
  exit 1
fi

export MALLARD_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=mallard"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $MALLARD_POSTGRES_URL" >&2
set +e
"$@"
status=$?
set -e
exit $status
