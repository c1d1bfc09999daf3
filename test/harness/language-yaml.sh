#!/usr/bin/env bash
# Makes the YAML language host `pulumi-language-yaml` available beside a Pulumi CLI, so that YAML programs
# (the plugin's end-to-end tests, test/e2e/plugin-yaml*.test.ts) run with the real CLI:
#
#   language-yaml.sh [<cli root>]     links it into <cli root>/bin (default <repo>/.tools, setup.sh's CLI)
#
# The host is on no package registry we can reach: it is built from its published Go module
# github.com/pulumi/pulumi-yaml at the version below (about 200 s cold on 2 cores: the module pins its own
# pkg/sdk versions, not the CLI's) and cached by version in $PULUMI_LANGUAGE_YAML_CACHE (default
# ~/.cache/pulumi-qualys-cs/language-yaml/v<version>). A hard link beside `pulumi`, not a copy on PATH:
# the CLI warns about every plugin it has to find on PATH instead of beside itself.
# Safe to run twice: a verified cache is reused, a partial one is rebuilt.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '[language-yaml] %s\n' "$*" >&2; }

version=1.25.0
root=${1:-"$repo/.tools"}
out="$root/bin"
cache_root=${PULUMI_LANGUAGE_YAML_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/language-yaml}
cache="$cache_root/v$version"

mkdir -p "$cache_root"
exec 9>"$cache_root/.v$version.lock"
flock 9 # parallel callers wait for one build

# The host answers GetPluginInfo only over gRPC; a cache holding the binary under its versioned name
# and a stamp written after the build is complete is what "verified" means here.
if [ ! -x "$cache/pulumi-language-yaml" ] || [ "$(cat "$cache/.version" 2>/dev/null || true)" != "$version" ]; then
  command -v go >/dev/null || { say "go is needed to build pulumi-language-yaml $version: install Go 1.25+"; exit 1; }
  start=$SECONDS
  say "building pulumi-language-yaml v$version from its Go module (about 200 s cold), cached in $cache"
  rm -rf "$cache" "$cache.tmp"
  mkdir -p "$cache.tmp"
  GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 GOBIN="$cache.tmp" \
    go install -trimpath -ldflags "-s -w" "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$version"
  [ -x "$cache.tmp/pulumi-language-yaml" ] || { say "the build failed (errors above)"; exit 1; }
  echo "$version" >"$cache.tmp/.version"
  mv "$cache.tmp" "$cache"
  say "built in $((SECONDS - start)) s"
fi

[ -x "$out/pulumi" ] || { say "no Pulumi CLI in $out: run test/harness/setup.sh (or pulumi-cli.sh) first"; exit 1; }

if [ ! "$out/pulumi-language-yaml" -ef "$cache/pulumi-language-yaml" ]; then
  ln -f "$cache/pulumi-language-yaml" "$out/pulumi-language-yaml" 2>/dev/null ||
    cp -f "$cache/pulumi-language-yaml" "$out/pulumi-language-yaml"
fi
say "ready: $out/pulumi-language-yaml (v$version)"
