#!/usr/bin/env bash
# Checks the tarball users install (the one install-consumer.sh packed): only what users need is in it
# (the compiled package and the ready policy pack, policy-pack/),
# every source map a .js file names is in it too, the LICENSE is the license package.json declares,
# and the types resolve for TypeScript under moduleResolution node16 (CommonJS and ES-module importers)
# and bundler (@arethetypeswrong/cli; node10, which cannot see subpath exports, is not checked).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
fail() { printf '[package] %s\n' "$*" >&2; exit 1; }

# No `| head`, `| grep -q` under pipefail: a reader that stops early kills the writer with SIGPIPE and
# fails the pipeline although the line was there. Globs and here-strings have no writer to kill.
tgzs=(.tools/consumer/*.tgz)
tgz=${tgzs[0]}
[ -f "$tgz" ] || fail "no packed tarball in .tools/consumer: run test/harness/setup.sh"
files=$(tar -tzf "$tgz")

unexpected=$(printf '%s\n' "$files" |
  grep -Ev '^package/(package\.json|README\.md|LICENSE|CHANGELOG\.md|provider/plugin/schema\.json|dist/provider/.+\.(js|js\.map|d\.ts)|policy-pack/(PulumiPolicy\.yaml|package\.json|index\.js))$' || true)
[ -z "$unexpected" ] || fail "files users do not need are packed: $(echo $unexpected)"
for f in package/provider/plugin/schema.json package/LICENSE package/CHANGELOG.md package/README.md package/dist/provider/index.js package/dist/provider/index.d.ts \
  package/policy-pack/PulumiPolicy.yaml package/policy-pack/index.js; do
  grep -xF "$f" >/dev/null <<<"$files" || fail "$f is missing from the tarball"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tgz" -C "$tmp"
dangling=$(cd "$tmp" && grep -rl --include='*.js' '^//# sourceMappingURL=' package | while read -r js; do
  url=$(sed -n 's|^//# sourceMappingURL=||p' "$js")
  [ -f "$(dirname "$js")/$url" ] || echo "$js -> $url"
done)
[ -z "$dangling" ] || fail "sourceMappingURL names a file that is not packed: $dangling"

license=$(node -p 'require("./package.json").license')
case "$license" in
  Apache-2.0) grep 'Apache License' LICENSE >/dev/null && grep 'Version 2.0, January 2004' LICENSE >/dev/null ||
    fail "LICENSE is not the Apache License 2.0 that package.json declares" ;;
  *) fail "no LICENSE check for $license" ;;
esac

npx attw "$tgz" --profile node16 --no-emoji --no-color --format table-flipped
