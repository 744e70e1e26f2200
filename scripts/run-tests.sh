#!/usr/bin/env bash
# Runs every package's tests (after building what they depend on), one package at a time so
# the wire tests' servers do not compete for the two cores, then prints one closing line.
set -uo pipefail
cd "$(dirname "$0")/.."
find packages apps tooling infra docs -maxdepth 2 -name test-results.json -delete 2>/dev/null
pnpm exec turbo run test --concurrency=1 --continue "$@"
status=$?
node scripts/test-summary.mjs || status=1
exit "$status"
