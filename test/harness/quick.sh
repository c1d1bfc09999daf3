#!/usr/bin/env bash
# `npm run test:quick`: the inner loop. Compiles incrementally (what did not change is not rebuilt) and runs
# only the unit and simulator tests that import a file changed since the last commit (jest
# --findRelatedTests on the compiled files), or the test files given as arguments. End-to-end tests are left
# to `npm test`. Takes seconds for a focused change; no CLI, no packing, no setup.
set -euo pipefail
cd "$(dirname "$0")/../.."

npx tsc -p tsconfig.json --incremental --tsBuildInfoFile dist/.tsbuildinfo

to_dist() { sed -n -E 's#^((provider|test)/.*)\.ts$#dist/\1.js#p'; }
if [ "$#" -gt 0 ]; then
  files=$(printf '%s\n' "$@" | to_dist)
else
  files=$({ git diff --name-only HEAD; git ls-files --others --exclude-standard; } | to_dist | sort -u)
fi
existing=()
for f in $files; do [ -f "$f" ] && existing+=("$f"); done
if [ "${#existing[@]}" -eq 0 ]; then
  echo "test:quick: no changed provider/ or test/ file since the last commit; name test files to run them." >&2
  exit 0
fi
exec npx jest --roots "<rootDir>/dist" --testPathIgnorePatterns "/node_modules/" "/dist/test/e2e/" "/dist/test/acceptance/" --findRelatedTests "${existing[@]}"
