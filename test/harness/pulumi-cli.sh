#!/usr/bin/env bash
# Makes the real Pulumi CLI of the pinned version available in <repo>/.tools/bin:
#   pulumi, pulumi-language-nodejs, pulumi-resource-pulumi-nodejs
# The pin is the exact @pulumi/pulumi version in package.json (SDK and CLI must match).
# Order: a `pulumi` already on PATH with the pinned version; else a cached build
# ($PULUMI_CLI_CACHE, default ~/.cache/pulumi-qualys-cs/pulumi-cli/v<pin>); else a build
# from the published Go modules (the CLI is on no package registry we can reach).
# Safe to run twice: a verified cache is reused, a wrong or partial one is rebuilt.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pin=$(node -e 'const v=require(process.argv[1]).dependencies["@pulumi/pulumi"]; if(!/^\d+\.\d+\.\d+$/.test(v)){console.error(`@pulumi/pulumi must be pinned exactly in package.json, found "${v}"`);process.exit(1)} console.log(v)' "$repo/package.json")
# The Node.js language host module has no tags of its own: it is asked for at the commit of
# tag pkg/v<pin>. Where the module proxy refuses it, test/harness/language-host.ts stands in.
declare -A langhost_commit=([3.259.0]=a05d88f24d05726fa3beae771bfdedb0c0c6a94a)

out="$repo/.tools/bin"
cache_root=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/pulumi-cli}
cache="$cache_root/v$pin"
sdk_dir="$repo/node_modules/@pulumi/pulumi"

say() { printf '[pulumi-cli] %s\n' "$*" >&2; }
version_of() { "$1" version 2>/dev/null | tr -d '[:space:]' || true; }

check_sdk() {
  [ -f "$sdk_dir/package.json" ] || { say "node_modules/@pulumi/pulumi is missing: run 'npm ci' first"; exit 1; }
  local sdk
  sdk=$(node -p 'require(process.argv[1]).version' "$sdk_dir/package.json")
  if [ "$sdk" != "$pin" ]; then
    say "version mismatch: package.json pins @pulumi/pulumi $pin but node_modules has $sdk."
    say "Run 'npm ci' so that the SDK matches the pinned CLI."
    exit 1
  fi
}

build_langhost() { # $1 = wrapper module dir; rest = go build flags
  local work=$1; shift
  local commit=${langhost_commit[$pin]:-}
  if [ -z "$commit" ]; then
    say "no language-host commit recorded for $pin; using the project's Node.js language host"
    return 0
  fi
  local err
  if err=$(cd "$work" && go get -tool "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@$commit" 2>&1) &&
    (cd "$work" && go build "$@" -o "$cache.tmp/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3); then
    say "built the Go language host at $commit"
  else
    say "the Go language host could not be fetched: $(printf '%s' "$err" | tail -n 2 | tr '\n' ' ')"
    say "using the project's Node.js language host (test/harness/language-host.ts) instead"
  fi
}

build() {
  command -v go >/dev/null || { say "go is required to build the Pulumi CLI"; exit 1; }
  local work="$cache_root/build-v$pin" start=$SECONDS
  rm -rf "$work" "$cache" "$cache.tmp"
  mkdir -p "$work" "$cache.tmp"
  say "building Pulumi CLI v$pin from its Go modules: a cold build takes about 3-5 minutes on 2 cores,"
  say "and is cached in $cache for later runs"
  cd "$work"
  export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
  go mod init pulumi-cli-build >/dev/null 2>&1
  # pkg/go.mod's only non-local replace; `go install pkg@v` refuses modules with replaces, so copy it here first.
  go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
  say "resolving modules..."
  go get -tool "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$pin" 2>&1 | grep -v '^go: \(downloading\|added\|upgraded\)' >&2 || true
  go get "github.com/pulumi/pulumi/pkg/v3@v$pin" "github.com/pulumi/pulumi/sdk/v3@v$pin" 2>&1 | grep -v '^go: \(downloading\|added\|upgraded\)' >&2 || true
  local m v
  for m in github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3; do
    v=$(go list -m -f '{{.Version}}' "$m" 2>/dev/null || echo none)
    [ "$v" = "v$pin" ] || { say "module $m resolved to $v, not v$pin"; exit 1; }
  done
  say "modules resolved in $((SECONDS - start))s; compiling (a line every 100 packages)"
  local flags=(-trimpath -tags osusergo,grpcnotrace -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$pin")
  local n=0 line
  go build -v "${flags[@]}" -o "$cache.tmp/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi 2>&1 |
    while IFS= read -r line; do
      n=$((n + 1))
      case "$line" in *.go:*) say "$line" ;; esac
      [ $((n % 100)) -ne 0 ] || say "  $n packages compiled ($((SECONDS - start))s)"
    done
  [ -x "$cache.tmp/pulumi" ] || { say "the build of pulumi failed (errors above)"; exit 1; }
  build_langhost "$work" "${flags[@]}"
  mv "$cache.tmp" "$cache"
  say "built in $((SECONDS - start))s: pulumi is $(du -h "$cache/pulumi" | cut -f1)"
}

link_into_out() { # $1 = dir holding pulumi and maybe pulumi-language-nodejs
  mkdir -p "$out"
  # A hard link (or a copy), not a symlink: the CLI looks for its plugins beside its own resolved path,
  # and warns about every plugin it has to find on PATH instead.
  ln -f "$1/pulumi" "$out/pulumi" 2>/dev/null || cp -f "$1/pulumi" "$out/pulumi"
  if [ -x "$1/pulumi-language-nodejs" ]; then
    ln -f "$1/pulumi-language-nodejs" "$out/pulumi-language-nodejs" 2>/dev/null || cp -f "$1/pulumi-language-nodejs" "$out/pulumi-language-nodejs"
  else
    rm -f "$out/pulumi-language-nodejs"
    printf '#!/bin/sh\n# Stand-in for the Go language host, which the module proxy does not serve.\nexec node "%s" "$@"\n' \
      "$repo/dist/test/harness/language-host.js" >"$out/pulumi-language-nodejs"
    chmod 0755 "$out/pulumi-language-nodejs"
  fi
  install -m 0755 "$sdk_dir/pulumi-resource-pulumi-nodejs" "$out/pulumi-resource-pulumi-nodejs"
  local got
  got=$(version_of "$out/pulumi")
  [ "$got" = "v$pin" ] || { say "refusing: $out/pulumi prints '$got', expected v$pin"; exit 1; }
  say "ready: $out (pulumi $got)"
}

check_sdk

onpath=$(command -v pulumi || true)
if [ -n "$onpath" ] && [ "$(readlink -f "$onpath")" != "$(readlink -f "$out/pulumi" 2>/dev/null || true)" ] &&
  [ "$(version_of "$onpath")" = "v$pin" ]; then
  say "using pulumi v$pin found on PATH at $onpath"
  link_into_out "$(dirname "$(readlink -f "$onpath")")"
  exit 0
fi

if [ -x "$cache/pulumi" ] && [ "$(version_of "$cache/pulumi")" = "v$pin" ]; then
  say "using the cached build in $cache"
else
  [ ! -e "$cache" ] || say "the cache in $cache is incomplete or of another version: rebuilding"
  build
fi
link_into_out "$cache"
