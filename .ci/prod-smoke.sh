#!/usr/bin/env bash
# Proves the engine runs with production dependencies only (issue #7 "dependency hygiene"):
# in a temp copy, `npm ci --omit=dev`, copy the built dist/, start `node dist/main.js` and then
# `node dist/bundle/main.mjs` (what `npm start` runs), each on a free loopback port with a temp
# datastore, wait for 200 on /api/v1/health (and the Swagger UI and
# OpenAPI document, whose assets are runtime dependencies too), then stop it with SIGTERM and
# expect a clean exit 0 with engine-config.json saying "stopped".
# Then `npm audit --omit=dev --audit-level=high` in the same copy: a high or critical finding fails;
# an audit service that cannot be reached is reported and skipped (SKIP_AUDIT=1 skips it always).
#
#   bash .ci/prod-smoke.sh          (builds dist/ first when it is missing)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sentracore-prod-smoke-XXXXXX")"
app="$work/app"
pid=""

cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf 'prod-smoke: %s\n' "$*"; }
fail() {
  say "FAILED: $*"
  if [[ -f "$work/engine.out" ]]; then say "engine output:"; tail -n 40 "$work/engine.out"; fi
  exit 1
}

if [[ ! -f "$repo/dist/main.js" || ! -f "$repo/dist/bundle/main.mjs" ]]; then
  say "dist/ is missing; building it"
  (cd "$repo" && npm run build)
fi

mkdir -p "$app"
cp "$repo/package.json" "$repo/package-lock.json" "$app/"
cp -R "$repo/dist" "$app/dist"
say "npm ci --omit=dev in $app"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error)
# (typescript may stay: @nestjs/swagger lists it as an optional peer.)
for dev in jest ts-jest @nestjs/testing fast-check autocannon supertest esbuild; do
  [[ ! -e "$app/node_modules/$dev" ]] || fail "dev dependency $dev was installed"
done

# Prints the HTTP status of a GET (000 when nothing answers); node, so curl is not required.
status_of() {
  node -e "fetch('http://127.0.0.1:$port$1').then(r=>console.log(r.status),()=>console.log('000'))"
}

# Starts `node <entry>` on a free port with its own datastore, checks the routes, stops it.
smoke_entry() {
  local entry="$1" run="$work/$(basename "$(dirname "$1")")"
  mkdir -p "$run"
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  say "starting node $entry on 127.0.0.1:$port"
  (
    cd "$app"
    exec env -u NODE_OPTIONS -u SENTRACORE_API_TOKEN \
      SENTRACORE_DATA_DIR="$run/datastore" \
      SENTRACORE_ENGINE_CONFIG="$run/engine-config.json" \
      SENTRACORE_HOST=127.0.0.1 \
      SENTRACORE_PORT="$port" \
      node --max-semi-space-size=4 --no-memory-reducer --optimize-for-size "$entry"
  ) >"$work/engine.out" 2>&1 &
  pid=$!

  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || fail "the engine exited before answering"
    [[ "$(status_of /api/v1/health)" == 200 ]] && break
    sleep 0.2
  done
  [[ "$(status_of /api/v1/health)" == 200 ]] || fail "no 200 from /api/v1/health within 30 s"
  say "GET /api/v1/health: 200"
  for path in /api/v1/status /openapi.json /docs /docs/swagger-ui-bundle.js; do
    code="$(status_of "$path")"
    [[ "$code" == 200 ]] || fail "GET $path answered $code"
    say "GET $path: $code"
  done

  kill -TERM "$pid"
  code=""
  for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" && code=0 || code=$?
      break
    fi
    sleep 0.1
  done
  [[ -n "$code" ]] || fail "still running 15 s after SIGTERM"
  pid=""
  [[ "$code" == 0 ]] || fail "exit code $code after SIGTERM (expected 0)"
  grep -q '"status": *"stopped"' "$run/engine-config.json" || fail "engine-config.json does not say stopped: $(cat "$run/engine-config.json")"
  say "SIGTERM: exit 0, engine-config.json status stopped"
}

# The compiled server, and the bundle that `npm start` runs (scripts/bundle.mjs).
smoke_entry dist/main.js
smoke_entry dist/bundle/main.mjs

if [[ "${SKIP_AUDIT:-}" == 1 ]]; then
  say "npm audit skipped (SKIP_AUDIT=1)"
else
  set +e
  (cd "$app" && npm audit --omit=dev --audit-level=high --json) >"$work/audit.json" 2>"$work/audit.err"
  audit_code=$?
  set -e
  summary="$(node -e "
    const a = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8') || '{}');
    const v = a.metadata && a.metadata.vulnerabilities;
    console.log(v ? 'critical=' + v.critical + ' high=' + v.high + ' moderate=' + v.moderate + ' low=' + v.low : 'unavailable');
  " "$work/audit.json" 2>/dev/null || echo unavailable)"
  if [[ "$summary" == unavailable ]]; then
    say "npm audit: the audit service could not be reached here; not checked ($(head -c 200 "$work/audit.err" | tr '\n' ' '))"
  elif [[ "$audit_code" != 0 ]]; then
    cat "$work/audit.json"
    fail "npm audit --omit=dev reports high or critical vulnerabilities: $summary (see docs/security.md)"
  else
    say "npm audit --omit=dev: $summary (no high or critical)"
  fi
fi
say "ok"
