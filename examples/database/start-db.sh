#!/usr/bin/env bash
# Starts a throw-away database from Debian's packages on a unix socket in a temp dir (never the system service, no
# TCP) and prints two lines: the connection URL, and the command that stops it and removes the dir.
#   bash examples/database/start-db.sh postgres|mariadb
set -euo pipefail
engine="${1:-postgres}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/dr-demo-${engine}.XXXXXX")"
chmod 777 "$dir"
as() { # run as the server's user when root (PostgreSQL and MariaDB refuse to run as root)
  local user="$1"; shift
  if [ "$(id -u)" = 0 ]; then su "$user" -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case "$engine" in
  postgres)
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -x "$bin/initdb" ] || { echo "no PostgreSQL server: apt-get install postgresql" >&2; exit 2; }
    user="$([ "$(id -u)" = 0 ] && echo postgres || id -un)"
    as postgres "$bin/initdb -D $dir/data -E UTF8 --locale=C.UTF-8 -A trust -U $user >/dev/null"
    as postgres "$bin/pg_ctl -D $dir/data -o \"-c listen_addresses='' -k $dir\" -l $dir/log -w start >/dev/null"
    echo "postgres://$user@/postgres?host=$dir"
    echo "su postgres -s /bin/sh -c '$bin/pg_ctl -D $dir/data -m fast stop' >/dev/null 2>&1 || $bin/pg_ctl -D $dir/data -m fast stop >/dev/null; rm -rf $dir"
    ;;
  mariadb)
    [ -x /usr/sbin/mariadbd ] || { echo "no MariaDB server: apt-get install mariadb-server" >&2; exit 2; }
    user="$([ "$(id -u)" = 0 ] && echo mysql || id -un)"
    cat > "$dir/my.cnf" <<CNF
[mariadbd]
datadir=$dir/data
socket=$dir/sock
pid-file=$dir/pid
log-error=$dir/err.log
skip-networking
skip-log-bin
character-set-server=utf8mb4
collation-server=utf8mb4_bin
innodb_buffer_pool_size=64M
CNF
    chmod 644 "$dir/my.cnf"
    as "$user" "mariadb-install-db --defaults-file=$dir/my.cnf --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1"
    /usr/sbin/mariadbd --defaults-file="$dir/my.cnf" $([ "$(id -u)" = 0 ] && echo --user=mysql) >/dev/null 2>&1 &
    for _ in $(seq 300); do [ -S "$dir/sock" ] && break; sleep 0.1; done
    [ -S "$dir/sock" ] || { echo "mariadbd did not start: $dir/err.log" >&2; exit 1; }
    echo "mysql://root@localhost/mysql?socketPath=$dir/sock"
    echo "kill $(cat "$dir/pid" 2>/dev/null || echo $!) 2>/dev/null; sleep 1; rm -rf $dir"
    ;;
  *) echo "usage: start-db.sh postgres|mariadb" >&2; exit 2 ;;
esac
