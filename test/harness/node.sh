#!/usr/bin/env bash
# Runs node with the given arguments on a Node.js the package supports: the `node` on PATH when it is
# 22 or later, else the tested Node.js 24 fetched once into the cache (test/harness/node-runtime.sh).
# The Pulumi programs the script starts get the same node, through PATH.
set -euo pipefail
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
  bin=$(bash "$(dirname "${BASH_SOURCE[0]}")/node-runtime.sh" full)
  printf '[node] the node on PATH is %s; using Node.js %s (the package needs 22 or later)\n' \
    "$(node --version 2>/dev/null || echo missing)" "$("$bin/node" --version)" >&2
  export PATH="$bin:$PATH"
fi
exec node "$@"
