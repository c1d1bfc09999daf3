#!/usr/bin/env bash
# Prints the path of a Python virtual environment holding `pulumi` from PyPI at the Pulumi CLI's version
# (the @pulumi/pulumi of package-lock.json), mypy, and the generated SDK's other dependencies; the
# end-to-end Python tests (test/e2e/plugin-python.test.ts) install sdk/python into it and run Automation
# API programs with it. Cached by version in $PYTHON_VENV_CACHE (default
# ~/.cache/pulumi-qualys-cs/python/pulumi-<version>-py<python version>-<hash of the requirements>); made
# when missing (about a minute).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '[python-venv] %s\n' "$*" >&2; }

# The one mypy the type check runs with (a newer one may judge the generated code differently).
MYPY_VERSION=2.4.1

python=${PYTHON:-python3}
command -v "$python" >/dev/null || { say "python3 (3.9 or later) is needed for the Python SDK tests: install it"; exit 1; }
pulumi=$(node -p 'require(process.argv[1]).packages["node_modules/@pulumi/pulumi"].version' "$repo/package-lock.json")
pyv=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
cache_root=${PYTHON_VENV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-qualys-cs/python}
# setuptools and wheel: sdk/python is installed without build isolation (no download per install).
requirements=("pulumi==$pulumi" "mypy==$MYPY_VERSION" "setuptools>=61" wheel parver semver "typing-extensions>=4.11,<5")
venv="$cache_root/pulumi-$pulumi-py$pyv-$(printf '%s\n' "${requirements[@]}" | sha1sum | cut -c1-8)"
mkdir -p "$cache_root"
(
  flock 9
  if [ ! -f "$venv/.complete" ]; then
    say "making a Python $pyv venv with pulumi==$pulumi and mypy==$MYPY_VERSION in $venv (once)"
    start=$SECONDS
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${requirements[@]}"
    touch "$venv/.complete"
    say "made in $((SECONDS - start)) s"
  fi
) 9>"$cache_root/.lock"
echo "$venv"
