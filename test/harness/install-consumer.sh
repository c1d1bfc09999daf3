#!/usr/bin/env bash
# Packs the package (`npm pack` of the current dist/) and installs that tarball into a consumer project,
# the node_modules the examples and test programs run with, as a user's project installs it: next to a
# given @pulumi/pulumi, and checked to hold exactly one copy of it (our range must accept the user's SDK).
#
#   install-consumer.sh [--dir <dir>] [--sdk <version>|floor|newest]
#     defaults: .tools/consumer, newest (sdkNewest of test/harness/versions.json);
#     floor is the lowest version of the @pulumi/pulumi range in package.json
#
# Skipped when the build, package.json and the SDK are those of the last install. Serialized with a
# lock, so parallel callers never see a half-installed package.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
say() { printf '[consumer] %s\n' "$*" >&2; }
# shellcheck source=test/harness/stamp.sh
. test/harness/stamp.sh

consumer=.tools/consumer sdk=newest
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) consumer=${2:?--dir needs a directory}; shift 2 ;;
    --sdk) sdk=${2:?--sdk needs a version}; shift 2 ;;
    *) say "unknown option $1"; exit 2 ;;
  esac
done
case "$sdk" in
  floor) sdk=$(node -p 'require("./package.json").dependencies["@pulumi/pulumi"].replace(/^[\^~>=\s]+/, "")') ;;
  newest) sdk=$(node -p 'require("./test/harness/versions.json").sdkNewest') ;;
esac
ts=$(node -p 'require("./package.json").devDependencies.typescript')
# The scan-coverage policy tests run the package's ready pack, which needs @pulumi/policy (our optional
# peer dependency), on a program with @pulumi/aws ECR repositories: both as our devDependencies pin them.
policy=$(node -p 'require("./package.json").devDependencies["@pulumi/policy"]')
aws=$(node -p 'require("./package.json").devDependencies["@pulumi/aws"]')

[ -f dist/.build-stamp ] || { say "dist/ is not built: run test/harness/setup.sh"; exit 1; }
mkdir -p "$consumer"
exec 9>"$consumer.lock"
flock 9

want=$( (cat dist/.build-stamp; echo "$sdk $ts"; cat package.json) | sha1sum | cut -c1-40)
if [ "$(cat "$consumer/.setup-stamp" 2>/dev/null || true)" = "$want" ]; then
  exit 0
fi
say "installing the packed package into $consumer, next to @pulumi/pulumi $sdk"
rm -rf "$consumer/node_modules/pulumi-qualys-cs" "$consumer/package-lock.json" "$consumer/.setup-stamp" "$consumer"/*.tgz
# --ignore-scripts: dist/ is already built (prepack would build it again).
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$consumer" 2>/dev/null | tail -n 1)
cat >"$consumer/package.json" <<JSON
{
  "name": "qualys-cs-consumer",
  "private": true,
  "dependencies": {
    "pulumi-qualys-cs": "file:./$tarball",
    "@pulumi/pulumi": "$sdk",
    "typescript": "$ts",
    "@pulumi/policy": "$policy",
    "@pulumi/aws": "$aws",
    "@types/node": "^22.0.0"
  }
}
JSON
(cd "$consumer" && npm install --no-audit --no-fund --loglevel=error --no-package-lock)

# One copy of the SDK, the user's: a second one would mean our range refuses the user's version.
copies=$(cd "$consumer" && npm ls --all --parseable @pulumi/pulumi | grep -c . || true)
if [ "$copies" != 1 ]; then
  (cd "$consumer" && npm ls --all @pulumi/pulumi) >&2 || true
  say "expected one copy of @pulumi/pulumi in $consumer, found $copies"
  exit 1
fi
echo "$want" >"$consumer/.setup-stamp"
