#!/usr/bin/env bash
# `pnpm test:e2e`: builds the demo and the stack runner, runs tooling/stack/e2e against the real
# collector, Jaeger and Prometheus (the jest global set-up starts them, building the collector
# and Jaeger on first use; the teardown stops them), then prints one closing line.
set -uo pipefail
cd "$(dirname "$0")/.."
results=tooling/stack/e2e-results.json
rm -f "$results"
pnpm exec turbo run build --filter=@proc/stack --filter=@proc/demo-processor... --output-logs=errors-only || exit 1
pnpm --filter @proc/stack test:e2e "$@"
status=$?
node scripts/e2e-summary.mjs "$results" || status=1
exit "$status"
