#!/usr/bin/env bash
# Packs the package (`npm pack` of the current dist/) and installs that tarball into .tools/consumer,
# the node_modules every example and test program runs with, as a user's project installs it.
# Reinstalls only when the tarball or package.json changed. Serialized with a lock, so parallel
# callers never see a half-installed package.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
say() { printf '[consumer] %s\n' "$*" >&2; }
stamp() { cat "$@" | sha1sum | cut -c1-40; }

consumer=.tools/consumer
mkdir -p "$consumer"
exec 9>.tools/consumer.lock
flock 9

tarball=$(npm pack --silent --pack-destination .tools 2>/dev/null | tail -n 1)
pin=$(node -p 'require("./package.json").dependencies["@pulumi/pulumi"]')
ts=$(node -p 'require("./package.json").devDependencies.typescript')
want=$(stamp ".tools/$tarball" package.json)
if [ -f "$consumer/.setup-stamp" ] && [ "$(cat "$consumer/.setup-stamp")" = "$want" ]; then
  exit 0
fi
say "installing the packed $tarball into $consumer"
cat >"$consumer/package.json" <<JSON
{
  "name": "qualys-cs-consumer",
  "private": true,
  "dependencies": {
    "pulumi-qualys-cs": "file:../$tarball",
    "@pulumi/pulumi": "$pin",
    "typescript": "$ts",
    "@types/node": "^20.0.0"
  }
}
JSON
rm -rf "$consumer/node_modules/pulumi-qualys-cs" "$consumer/package-lock.json" "$consumer/.setup-stamp"
(cd "$consumer" && npm install --no-audit --no-fund --loglevel=error --no-package-lock)
echo "$want" >"$consumer/.setup-stamp"
