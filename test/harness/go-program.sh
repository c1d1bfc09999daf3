#!/usr/bin/env bash
# Builds the Go test program (test/e2e/programs/go: the generated sdk/go compiled against sdk/v3 at the
# Pulumi CLI's version) and prints the binary's path. Cached in $GO_PROGRAM_CACHE (default
# ~/.cache/pulumi-qualys-cs/go-program/<sdk/v3 version>/<hash of the program's and the SDK's sources>):
# a cold build compiles sdk/v3 and its Automation API (about 5 minutes on 2 cores), a warm one nothing.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '[go-program] %s\n' "$*" >&2; }
src="$repo/test/e2e/programs/go"
command -v go >/dev/null || { say "go (1.25 or later) is needed for the Go SDK tests: install it"; exit 1; }

sdkv=$(sed -n 's|^[[:space:]]*github.com/pulumi/pulumi/sdk/v3 \(v[0-9.]*\)$|\1|p' "$src/go.mod" | head -n 1)
pin=v$(node -p 'require(process.argv[1]).packages["node_modules/@pulumi/pulumi"].version' "$repo/package-lock.json")
[ "$sdkv" = "$pin" ] || { say "test/e2e/programs/go/go.mod requires sdk/v3 ${sdkv:-(none)}, the Pulumi CLI is $pin"; exit 1; }

hash=$(cd "$repo" && find test/e2e/programs/go sdk/go -type f | LC_ALL=C sort | xargs sha1sum | sha1sum | cut -c1-16)
cache_root=${GO_PROGRAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/go-program}/$sdkv
out="$cache_root/$hash"
mkdir -p "$cache_root"
(
  flock 9
  if [ ! -x "$out/drive" ]; then
    say "building the Go test program against sdk/v3 $sdkv (cached in $out)"
    start=$SECONDS
    rm -rf "$out.tmp" && mkdir -p "$out.tmp"
    (cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath -o "$out.tmp/drive" .)
    # Only the newest build is kept: older ones belong to sources that changed since.
    find "$cache_root" -mindepth 1 -maxdepth 1 -type d -not -name "$hash.tmp" -exec rm -rf {} +
    mv "$out.tmp" "$out"
    say "built in $((SECONDS - start)) s"
  fi
) 9>"$cache_root/.lock"
echo "$out/drive"
