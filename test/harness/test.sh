#!/usr/bin/env bash
# `npm test`: everything, on the Node.js versions and Pulumi versions users have.
#   1. setup.sh (npm ci, build and type-check, the CLI in .tools/bin, the packed package installed in
#      .tools/consumer next to the newest @pulumi/pulumi), each step skipped when its inputs are unchanged
#   2. the lock file, lint and format, the published package (files, source maps, type resolution)
#   3. every test on Node.js <full> (test/harness/versions.json), with that CLI and consumer
#   4. the end-to-end smoke set on Node.js <smoke>, with the newest Pulumi CLI that builds from its Go
#      modules and the packed package next to the lowest @pulumi/pulumi our range accepts
# Extra arguments go to both jest runs (e.g. `npm test -- --silent`).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
say() { printf '[test] %s\n' "$*" >&2; }
start=$SECONDS
lap() { say "$1 done at $((SECONDS - start)) s"; }

# What one smoke run covers: a whole lifecycle, import, the serialized provider, one fault scenario.
smoke=(e2e/lifecycle e2e/import e2e/serialization e2e/faults-create)

bash test/harness/setup.sh
lap "setup"

bash test/harness/check-lock.sh
npx eslint .
npx prettier --check . >/dev/null
bash test/harness/check-package.sh
lap "lock, lint, format and package checks"

full_bin=$(bash test/harness/node-runtime.sh full)
smoke_bin=$(bash test/harness/node-runtime.sh smoke)
newest_cli=$(node -p 'require("./test/harness/versions.json").pulumiCliNewest')
bash test/harness/pulumi-cli.sh --build "$newest_cli" .tools/cli-newest
bash test/harness/install-consumer.sh --dir .tools/consumer-floor --sdk floor
lap "Node.js runtimes, newest CLI and floor consumer"

sdk_of() { node -p 'require(process.argv[1]).version' "$1/node_modules/@pulumi/pulumi/package.json"; }
run_jest() { # $1 = node bin dir, $2 = CLI root (holds bin/), $3 = consumer dir; rest = jest arguments
  local bin=$1 cli=$2 consumer=$3; shift 3
  say "jest on Node.js $("$bin/node" --version), Pulumi CLI $("$cli/bin/pulumi" version), @pulumi/pulumi $(sdk_of "$repo/$consumer") in the consumer"
  (cd "$consumer" && npm ls @pulumi/pulumi) >&2
  PATH="$bin:$PATH" QUALYS_E2E_PULUMI_ROOT="$repo/$cli" QUALYS_E2E_CONSUMER="$repo/$consumer" \
    node node_modules/jest/bin/jest.js "$@"
}

# The smoke run goes ahead when the first fails: one run shows both results.
failed=0
run_jest "$full_bin" .tools .tools/consumer "$@" || failed=1
lap "every test"
run_jest "$smoke_bin" .tools/cli-newest .tools/consumer-floor "$@" --testPathPatterns "${smoke[@]/%/\\.test\\.js}" || failed=1
lap "smoke set"
[ "$failed" = 0 ] || { say "FAILED (see above)"; exit 1; }
