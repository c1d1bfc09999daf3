#!/usr/bin/env bash
# Installs what the demo, the tests and the benchmarks need, idempotently:
#   1. npm packages from package-lock.json (skipped while it is unchanged)
#   2. the TypeScript build (dist/), which also type-checks everything
#   3. the real Pulumi CLI in .tools/bin (test/harness/pulumi-cli.sh; skipped with --no-cli)
#   4. the package packed with `npm pack` and installed from that tarball into .tools/consumer
#      (test/harness/install-consumer.sh), as a user's project installs it
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
say() { printf '[setup] %s\n' "$*" >&2; }

want_cli=1
for arg in "$@"; do [ "$arg" != "--no-cli" ] || want_cli=0; done

stamp() { cat "$@" | sha1sum | cut -c1-40; }

lock=$(stamp package-lock.json)
if [ ! -f node_modules/.setup-stamp ] || [ "$(cat node_modules/.setup-stamp)" != "$lock" ]; then
  say "installing npm packages"
  # `npm install`, not `npm ci`: npm 11 writes jest's optional native resolver bindings into the lock
  # file without versions, and `npm ci` then refuses the lock as out of sync. Versions still come from it.
  npm install --no-audit --no-fund --loglevel=error
  echo "$lock" >node_modules/.setup-stamp
fi

say "building (tsc)"
# From scratch: jest runs the compiled tests, and a renamed test must not live on as a stale copy.
rm -rf dist
npx tsc -p tsconfig.json
npx tsc -p examples/tsconfig.json

[ "$want_cli" = 0 ] || bash test/harness/pulumi-cli.sh

bash test/harness/install-consumer.sh
say "ready"
