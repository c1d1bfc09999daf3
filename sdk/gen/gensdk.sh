#!/usr/bin/env bash
# Generates the Python and Go SDKs from the committed package schema (provider/plugin/schema.json):
#
#   sdk/gen/gensdk.sh            rewrites sdk/python and sdk/go (`npm run sdk` runs `npm run schema` first)
#   sdk/gen/gensdk.sh <dir>      writes <dir>/python and <dir>/go (the test that the SDKs are current)
#   sdk/gen/gensdk.sh --build    only builds the tool and prints its path
#
# The tool (sdk/gen/main.go) is built from pkg/v3 at the version sdk/gen/go.mod pins, which must be the
# Pulumi CLI's (the @pulumi/pulumi of package-lock.json, as test/harness/pulumi-cli.sh builds it), and
# cached in $GENSDK_CACHE (default ~/.cache/pulumi-qualys-cs/gensdk/<version>), rebuilt when missing or
# when its sources changed. A cold build takes about 1-2 minutes on 2 cores; a run takes well under 1 s.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '[gensdk] %s\n' "$*" >&2; }
src="$repo/sdk/gen"

pkg=$(sed -n 's|^\(require\)\{0,1\}[[:space:]]*github.com/pulumi/pulumi/pkg/v3 \(v[0-9.]*\)$|\2|p' "$src/go.mod")
pin=v$(node -p 'require(process.argv[1]).packages["node_modules/@pulumi/pulumi"].version' "$repo/package-lock.json")
if [ "$pkg" != "$pin" ]; then
  say "sdk/gen/go.mod pins pkg/v3 ${pkg:-(none)}, but the Pulumi CLI is $pin: in sdk/gen run"
  say "  GOTOOLCHAIN=local go get github.com/pulumi/pulumi/pkg/v3@$pin && go mod tidy"
  exit 1
fi
command -v go >/dev/null || { say "go (1.25 or later) is needed to build the SDK generator: install it"; exit 1; }

cache_root=${GENSDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/gensdk}
cache="$cache_root/$pkg"
sources=$(cd "$src" && sha1sum main.go go.mod go.sum | sha1sum | cut -c1-40)
mkdir -p "$cache_root"
(
  # One build at a time (parallel test files may both ask for the tool).
  flock 9
  if [ ! -x "$cache/gensdk" ] || [ "$(cat "$cache/sources" 2>/dev/null || true)" != "$sources" ]; then
    say "building the SDK generator over pkg/v3 $pkg (cached in $cache)"
    start=$SECONDS
    rm -rf "$cache.tmp" && mkdir -p "$cache.tmp"
    (cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath -o "$cache.tmp/gensdk" .)
    echo "$sources" >"$cache.tmp/sources"
    rm -rf "$cache" && mv "$cache.tmp" "$cache"
    say "built in $((SECONDS - start)) s"
  fi
) 9>"$cache_root/.lock"

if [ "${1:-}" = "--build" ]; then
  echo "$cache/gensdk"
  exit 0
fi
"$cache/gensdk" -schema "$repo/provider/plugin/schema.json" -out "${1:-$repo/sdk}" -languages python,go
