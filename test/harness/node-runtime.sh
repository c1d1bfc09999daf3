#!/usr/bin/env bash
# Prints the bin/ directory of Node.js <version>, fetched once from the npm registry's official
# builds (the package node-<platform>-<arch>@<version>, checked against the registry's integrity
# hash by npm) and cached outside the repository, as the Pulumi CLI is:
#   ${XDG_CACHE_HOME:-~/.cache}/pulumi-qualys-cs/node/v<version>   (override with NODE_RUNTIME_CACHE)
# Usage: node-runtime.sh <version>   or   node-runtime.sh full|smoke   (from test/harness/versions.json)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '[node-runtime] %s\n' "$*" >&2; }

want=${1:?usage: node-runtime.sh <version>|full|smoke}
case "$want" in
  full | smoke) want=$(node -p 'require(process.argv[1]).node[process.argv[2]]' "$repo/test/harness/versions.json" "$want") ;;
esac
cache_root=${NODE_RUNTIME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/node}
dir="$cache_root/v$want"

mkdir -p "$cache_root"
exec 9>"$cache_root/.v$want.lock"
flock 9 # parallel callers wait for one fetch
if [ "$("$dir/bin/node" --version 2>/dev/null || true)" != "v$want" ]; then
  case "$(uname -s)" in Linux) platform=linux ;; Darwin) platform=darwin ;; *)
    say "no Node.js package for $(uname -s)"; exit 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *)
    say "no Node.js package for $(uname -m)"; exit 1 ;; esac
  say "fetching Node.js $want (node-$platform-$arch) into $dir"
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$dir.tmp"
  (cd "$dir.tmp" && npm pack --silent "node-$platform-$arch@$want" >/dev/null)
  tar -xzf "$dir.tmp"/node-*.tgz -C "$dir.tmp" --strip-components=1 package/bin/node package/LICENSE
  rm -f "$dir.tmp"/node-*.tgz
  [ "$("$dir.tmp/bin/node" --version)" = "v$want" ] || { say "the fetched node is not v$want"; exit 1; }
  mv "$dir.tmp" "$dir"
fi
echo "$dir/bin"
