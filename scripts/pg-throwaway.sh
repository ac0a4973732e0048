#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and trials: initdb in a temporary folder, listening only on
# a Unix socket in that folder (no TCP port), trust authentication, database `tinyagent`.
#
#   eval "$(scripts/pg-throwaway.sh start)"   # prints PGDIR=... and TINYAGENT_DATABASE_URL=...
#   scripts/pg-throwaway.sh stop "$PGDIR"     # stops it and deletes the folder
#
# Needs Debian's `postgresql` package (initdb and pg_ctl: on PATH or under /usr/lib/postgresql/*/bin).
# PostgreSQL refuses to run as root; as root the cluster runs as the `postgres` user (else `nobody`).
set -euo pipefail

find_bin() {  # the real path (Debian links some binaries into /usr/local/bin, not createdb)
    if command -v "$1" >/dev/null 2>&1; then readlink -f "$(command -v "$1")"; return; fi
    ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1
}

as_owner() {  # run a command as the cluster's owner
    if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

cmd="${1:-}"
case "$cmd" in
start)
    INITDB=$(find_bin initdb); PG_CTL=$(find_bin pg_ctl)
    if [ -z "$INITDB" ] || [ -z "$PG_CTL" ]; then
        echo "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install -y postgresql" >&2; exit 2
    fi
    OWNER=$(id -un)
    if [ "$(id -u)" = 0 ]; then OWNER=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody); fi
    trap 'echo "pg-throwaway: start failed; logs in $PGDIR" >&2' ERR
    PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/tinyagent-pg.XXXXXX")
    chmod 755 "$PGDIR"
    [ "$(id -u)" = 0 ] && chown "$OWNER" "$PGDIR"
    as_owner "$INITDB" -D "$PGDIR/data" -U tinyagent --auth=trust --encoding=UTF8 --no-sync >"$PGDIR/initdb.log" 2>&1 \
        || { cat "$PGDIR/initdb.log" >&2; exit 1; }
    as_owner "$PG_CTL" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$PGDIR' -c fsync=off" start >/dev/null \
        || { cat "$PGDIR/server.log" >&2; exit 1; }
    as_owner "$(dirname "$PG_CTL")/createdb" -h "$PGDIR" -U tinyagent tinyagent
    echo "PGDIR=$PGDIR"
    echo "TINYAGENT_DATABASE_URL=postgresql://tinyagent@/tinyagent?host=$PGDIR"
    ;;
stop)
    PGDIR="${2:?usage: $0 stop PGDIR}"
    PG_CTL=$(find_bin pg_ctl)
    OWNER=$(stat -c %U "$PGDIR")
    [ -d "$PGDIR/data" ] && as_owner "$PG_CTL" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
    ;;
*)
    echo "usage: $0 start | stop PGDIR" >&2; exit 64 ;;
esac
