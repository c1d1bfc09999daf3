#!/usr/bin/env bash
# Makes a real Pulumi CLI available in <dir>/bin (pulumi, pulumi-language-nodejs,
# pulumi-resource-pulumi-nodejs), where the harness and the demo run it.
#
#   pulumi-cli.sh                       <repo>/.tools/bin: the user's own CLI when one at or above the
#                                       floor is on PATH (with its own language host), else a build of
#                                       the pinned version
#   pulumi-cli.sh --build <version> <dir>   a build of exactly <version> into <dir>/bin (the test
#                                       command runs the smoke set with the newest buildable CLI)
#
# The floor is the lowest version of the @pulumi/pulumi range in package.json; the pinned version is
# the @pulumi/pulumi that package-lock.json installs here, so the repository's SDK and its CLI match.
# Builds come from the published Go modules (the CLI is on no package registry we can reach) and are
# cached by version in $PULUMI_CLI_CACHE (default ~/.cache/pulumi-qualys-cs/pulumi-cli/v<version>).
# Safe to run twice: a verified cache is reused, a wrong or partial one is rebuilt.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '[pulumi-cli] %s\n' "$*" >&2; }
version_of() { "$1" version 2>/dev/null | tr -d '[:space:]' || true; }
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | sed -n 1p)" = "$2" ]; } # $1 >= $2 (sed reads all its input: no SIGPIPE under pipefail)

# The Node.js language host module has no tags of its own: it is asked for at the commit of
# tag pkg/v<version>. Where the module proxy refuses it, test/harness/language-host.ts stands in.
declare -A langhost_commit=([3.259.0]=a05d88f24d05726fa3beae771bfdedb0c0c6a94a)

floor=$(node -p 'require(process.argv[1]).dependencies["@pulumi/pulumi"].replace(/^[\^~>=\s]+/, "")' "$repo/package.json")
pin=$(node -p 'require(process.argv[1]).packages["node_modules/@pulumi/pulumi"].version' "$repo/package-lock.json")
sdk_dir="$repo/node_modules/@pulumi/pulumi"
cache_root=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/pulumi-cli}

mode=default
if [ "${1:-}" = "--build" ]; then
  mode=build version=${2:?usage: pulumi-cli.sh --build <version> <dir>}
  mkdir -p "${3:?usage: pulumi-cli.sh --build <version> <dir>}"
  out="$(cd "$3" && pwd)/bin" # absolute: the build runs in another directory
else
  version=$pin out="$repo/.tools/bin"
fi
cache="$cache_root/v$version"

[ -f "$sdk_dir/package.json" ] || { say "node_modules/@pulumi/pulumi is missing: run 'npm ci' first"; exit 1; }

build_langhost() { # $1 = wrapper module dir; rest = go build flags
  local work=$1; shift
  local commit=${langhost_commit[$version]:-}
  if [ -z "$commit" ]; then
    say "no language-host commit recorded for $version; using the project's Node.js language host"
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
  command -v go >/dev/null || {
    say "no Pulumi CLI $floor or later on PATH, and go, needed to build one, is missing:"
    say "install the Pulumi CLI (or Go 1.25+) and run this again"
    exit 1
  }
  local work="$cache_root/build-v$version" start=$SECONDS
  rm -rf "$work" "$cache" "$cache.tmp"
  mkdir -p "$work" "$cache.tmp"
  say "building Pulumi CLI v$version from its Go modules: a cold build takes about 3-5 minutes on 2 cores,"
  say "and is cached in $cache for later runs"
  cd "$work"
  export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
  go mod init pulumi-cli-build >/dev/null 2>&1
  # pkg/go.mod's only non-local replace; `go install pkg@v` refuses modules with replaces, so copy it here first.
  go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
  say "resolving modules..."
  go get -tool "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version" 2>&1 | grep -v '^go: \(downloading\|added\|upgraded\)' >&2 || true
  go get "github.com/pulumi/pulumi/pkg/v3@v$version" "github.com/pulumi/pulumi/sdk/v3@v$version" 2>&1 | grep -v '^go: \(downloading\|added\|upgraded\)' >&2 || true
  local m v
  for m in github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3; do
    v=$(go list -m -f '{{.Version}}' "$m" 2>/dev/null || echo none)
    [ "$v" = "v$version" ] || { say "module $m resolved to $v, not v$version"; exit 1; }
  done
  say "modules resolved in $((SECONDS - start))s; compiling (a line every 100 packages)"
  local flags=(-trimpath -tags osusergo,grpcnotrace -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version")
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

install_plugin() { # the dynamic-provider plugin: a script of the SDK that runs the program's own SDK
  install -m 0755 "$sdk_dir/pulumi-resource-pulumi-nodejs" "$out/pulumi-resource-pulumi-nodejs"
}

link_build() { # the cached build of $version into $out
  mkdir -p "$out"
  # A hard link (or a copy), not a symlink: the CLI looks for its plugins beside its own resolved path,
  # and warns about every plugin it has to find on PATH instead.
  ln -f "$cache/pulumi" "$out/pulumi" 2>/dev/null || cp -f "$cache/pulumi" "$out/pulumi"
  if [ -x "$cache/pulumi-language-nodejs" ]; then
    ln -f "$cache/pulumi-language-nodejs" "$out/pulumi-language-nodejs" 2>/dev/null || cp -f "$cache/pulumi-language-nodejs" "$out/pulumi-language-nodejs"
  else
    rm -f "$out/pulumi-language-nodejs"
    printf '#!/bin/sh\n# Stand-in for the Go language host, which the module proxy does not serve.\nexec node "%s" "$@"\n' \
      "$repo/dist/test/harness/language-host.js" >"$out/pulumi-language-nodejs"
    chmod 0755 "$out/pulumi-language-nodejs"
  fi
  install_plugin
}

link_user_cli() { # $1 = the user's pulumi: symlinks, so the CLI still finds its own plugins beside it
  local real dir f
  real=$(readlink -f "$1") dir=$(dirname "$real")
  mkdir -p "$out"
  rm -f "$out/pulumi" "$out/pulumi-language-nodejs" "$out/pulumi-resource-pulumi-nodejs"
  ln -s "$real" "$out/pulumi"
  for f in pulumi-language-nodejs pulumi-resource-pulumi-nodejs; do
    [ ! -x "$dir/$f" ] || ln -s "$dir/$f" "$out/$f"
  done
  [ -e "$out/pulumi-resource-pulumi-nodejs" ] || install_plugin
}

verify() { # $1 = expected version, or "" for any at or above the floor
  local got
  got=$(version_of "$out/pulumi")
  if [ -n "$1" ] && [ "$got" != "v$1" ]; then say "refusing: $out/pulumi prints '$got', expected v$1"; exit 1; fi
  say "ready: $out (pulumi $got)"
}

if [ "$mode" = default ]; then
  # The user's own CLI first: any `pulumi` on PATH at or above the floor, except our own link.
  onpath=$(PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$out" | paste -sd: -) command -v pulumi || true)
  if [ -n "$onpath" ]; then
    v=$(version_of "$onpath")
    if [ -n "$v" ] && at_least "${v#v}" "$floor"; then
      if [ "$(readlink -f "$out/pulumi" 2>/dev/null || true)" != "$(readlink -f "$onpath")" ]; then
        say "using your Pulumi CLI $v at $onpath (the package needs $floor or later)"
        link_user_cli "$onpath"
      fi
      verify ""
      exit 0
    fi
    say "ignoring $onpath: it is ${v:-of unknown version}, the package needs $floor or later"
  fi
fi

if [ -x "$cache/pulumi" ] && [ "$(version_of "$cache/pulumi")" = "v$version" ]; then
  :
else
  [ ! -e "$cache" ] || say "the cache in $cache is incomplete or of another version: rebuilding"
  build
fi
# Relink only when the link is not already this build.
[ "$out/pulumi" -ef "$cache/pulumi" ] && [ -e "$out/pulumi-language-nodejs" ] || link_build
verify "$version"
