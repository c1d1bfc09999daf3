#!/usr/bin/env bash
# Installs what the demo, the tests and the benchmarks need, idempotently, and skips every step whose
# inputs did not change since it last ran (a stamp file of their hash), so a warm start is quick:
#   1. npm packages: `npm ci` from package-lock.json (when the lock changed)
#   2. the TypeScript build (dist/), which also type-checks everything (when a source, a tsconfig or
#      the lock changed)
#   3. the real Pulumi CLI in .tools/bin (test/harness/pulumi-cli.sh; not with --no-cli), and beside it
#      the YAML language host the plugin's tests run (test/harness/language-yaml.sh)
#   4. the package packed with `npm pack` and installed from that tarball into .tools/consumer
#      (test/harness/install-consumer.sh; not with --no-consumer), as a user's project installs it
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
say() { printf '[setup] %s\n' "$*" >&2; }

want_cli=1 want_consumer=1
for arg in "$@"; do
  case "$arg" in
    --no-cli) want_cli=0 ;;
    --no-consumer) want_consumer=0 ;;
    *) say "unknown option $arg (known: --no-cli, --no-consumer)"; exit 2 ;;
  esac
done

# shellcheck source=test/harness/stamp.sh
. test/harness/stamp.sh

lock=$(stamp_files package-lock.json)
if [ "$(cat node_modules/.setup-stamp 2>/dev/null || true)" != "$lock" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" >node_modules/.setup-stamp
fi

build=$(build_stamp)
if [ "$(cat dist/.build-stamp 2>/dev/null || true)" != "$build" ]; then
  say "building (tsc)"
  # From scratch: jest runs the compiled tests, and a renamed test must not live on as a stale copy.
  rm -rf dist
  npx tsc -p tsconfig.json
  npx tsc -p examples/tsconfig.json
  echo "$build" >dist/.build-stamp
fi

[ "$want_cli" = 0 ] || { bash test/harness/pulumi-cli.sh && bash test/harness/language-yaml.sh; }

[ "$want_consumer" = 0 ] || bash test/harness/install-consumer.sh
say "ready"
