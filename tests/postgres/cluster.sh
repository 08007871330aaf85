#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run: initdb into DIR as an unprivileged user, 127.0.0.1 on a free
# port, TLS on with a CA generated here (and a second, unrelated CA for the wrong-CA test), stopped by "stop DIR".
#   tests/postgres/cluster.sh start DIR   writes DIR/env (export lines) for the tests
#   tests/postgres/cluster.sh stop DIR    stops the server and removes DIR
set -euo pipefail
command="${1:?start|stop}"; dir="${2:?directory}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }

# initdb and postgres refuse to run as root: as root, run them as the Debian package's postgres user, from a
# directory that user may enter (the caller's may be private to root).
as_owner() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

if [ "$command" = "stop" ]; then
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

mkdir -p "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
owner_password="$(openssl rand -hex 16)"
app_password="$(openssl rand -hex 16)"

# The test CA, a server certificate for 127.0.0.1 and localhost, and a CA that signed nothing here.
ssl() { openssl "$@" >/dev/null 2>&1; }
ssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=AuditDashboard test CA" -keyout "$dir/ca.key" -out "$dir/ca.crt"
ssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Unrelated test CA" -keyout "$dir/wrong-ca.key" -out "$dir/wrong-ca.crt"
ssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr"
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' > "$dir/server.ext"
ssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 2 -extfile "$dir/server.ext" -out "$dir/server.crt"

mkdir -p "$dir/data"
printf '%s\n' "$owner_password" > "$dir/pwfile"
chmod 600 "$dir/server.key"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$dir" && chmod 755 "$dir"
as_owner "$bin/initdb" -D "$dir/data" -U auditdash_owner --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
max_connections = 300
shared_buffers = 128MB
# A throwaway cluster: durability is not what the tests measure.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
printf 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n' > "$dir/data/pg_hba.conf"
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
PGPASSWORD="$owner_password" psql -h 127.0.0.1 -p "$port" -U auditdash_owner -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE auditdash_app LOGIN PASSWORD '$app_password'" >/dev/null

cat > "$dir/env" <<ENV
export AUDITDASH_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=auditdash_owner;Password=$owner_password;SSL Mode=VerifyFull;Root Certificate=$dir/ca.crt'
export AUDITDASH_TEST_POSTGRES_APP_PASSWORD='$app_password'
export AUDITDASH_TEST_POSTGRES_WRONG_CA='$dir/wrong-ca.crt'
ENV
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (TLS, data in $dir)"
