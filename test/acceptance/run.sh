#!/usr/bin/env bash
# `npm run test:acceptance`: the acceptance set against a Qualys tenant. It runs only when asked to
# (QUALYS_ACCEPTANCE=1); otherwise it says what to set and exits 0 having run nothing, not even the setup.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

if [ "${QUALYS_ACCEPTANCE:-}" != "1" ]; then
  cat <<'TEXT'
Acceptance tests NOT run: nothing was run and nothing was checked (this is not a pass).
They create, change and delete scan schedules in a real Qualys tenant. To run them, set:
  QUALYS_ACCEPTANCE=1
  QUALYS_GATEWAY_URL=<your platform key, e.g. US2, or your API gateway's https URL>
  QUALYS_USERNAME=<a Qualys API user with Container Security access>
  QUALYS_PASSWORD=<its password>
  QUALYS_ACCEPTANCE_REGISTRY_ID=<the ID of a registry the tests may add schedules to>
and run `npm run test:acceptance` again. README: "Testing against your Qualys account".
TEXT
  exit 0
fi

missing=()
for v in QUALYS_GATEWAY_URL QUALYS_USERNAME QUALYS_PASSWORD QUALYS_ACCEPTANCE_REGISTRY_ID; do
  [ -n "${!v:-}" ] || missing+=("$v")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "QUALYS_ACCEPTANCE=1, but ${missing[*]} not set: set them and run again (nothing was run)." >&2
  exit 2
fi

bash test/harness/setup.sh
exec npx jest --config jest.acceptance.config.js --runInBand "$@"
