#!/usr/bin/env bash
# Fails when package-lock.json is not the lock npm writes for package.json (a dependency added without
# updating the lock, or a lock written by a tool that leaves entries out): `npm ci` would refuse it, or
# a fresh clone would install something else than what was tested.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$repo/package.json" "$repo/package-lock.json" "$tmp/"
(cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
if ! cmp -s "$repo/package-lock.json" "$tmp/package-lock.json"; then
  diff -u "$repo/package-lock.json" "$tmp/package-lock.json" | head -n 40 >&2 || true
  echo "[lock] package-lock.json is out of date with package.json: run 'npm install' and commit package-lock.json" >&2
  exit 1
fi
