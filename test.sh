#!/usr/bin/env bash
# The one test command: installs what the tests need, runs every test project, and ends with
# "N passed, N failed[, N skipped]" computed from the TRX results.
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: sqlite3 (tamper tests edit the database as an outsider would),
# python3 (the independent chain verifier in docs/), chromium (end-to-end tests through Playwright),
# poppler-utils (pdfsig), Go with golang.org/x/mod (the reference log checker), postgresql (the server engine's tests),
# openssl (the test CA for PostgreSQL's TLS).
missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)
# Go and golang.org/x/mod: the reference Merkle log implementation that checks ours (tests/tlogcheck).
command -v go >/dev/null 2>&1 || missing+=(golang-go)
[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ] || missing+=(golang-golang-x-mod-dev)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; exit 1; }
fi

# npm packages: the real OpenID Connect provider the sign-in end-to-end tests start.
if [ ! -d tests/AuditDashboard.E2E/oidc/node_modules/oidc-provider ]; then
  (cd tests/AuditDashboard.E2E/oidc && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in tests/AuditDashboard.E2E/oidc"; exit 1; }
fi

# The Go reference checker, built offline from Debian's packages (GOPATH mode, no module download).
(cd tests/tlogcheck && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="${TMPDIR:-/tmp}/auditdash-gocache" go build -o bin/tlogcheck .) \
  || { echo "could not build tests/tlogcheck"; echo "0 passed, 1 failed"; exit 1; }

# A throwaway PostgreSQL cluster for this run (TLS, 127.0.0.1, a free port), stopped whatever happens.
pg_dir="$(mktemp -d /tmp/auditdash-pg.XXXXXX)"
trap 'tests/postgres/cluster.sh stop "$pg_dir"' EXIT
tests/postgres/cluster.sh start "$pg_dir" || { echo "could not start the test PostgreSQL server"; echo "0 passed, 1 failed"; exit 1; }
# shellcheck disable=SC1091
source "$pg_dir/env"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
results="$(pwd)/TestResults"
rm -rf "$results"

dotnet build AuditDashboard.sln -c Debug -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/AuditDashboard.Tests tests/AuditDashboard.IntegrationTests tests/AuditDashboard.E2E; do
  dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$(basename "$project").trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # Skipped tests are counted as total - executed (the TRX notExecuted counter stays 0 for them).
  skipped=$((skipped + $(get total) - $(get executed)))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; status=1; fi
[ "$failed" -gt 0 ] && status=1

# Name the failures (with the first lines of their messages) right above the summary, where a CI log's tail shows them.
if [ "$failed" -gt 0 ]; then
  python3 - "$results"/*.trx <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") not in ("Passed", "NotExecuted"):
            message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
            text = (message.text or "").strip().splitlines() if message is not None else []
            print(f"FAILED {r.get('testName')}")
            for line in text[:6]: print(f"    {line[:300]}")
PY
fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
