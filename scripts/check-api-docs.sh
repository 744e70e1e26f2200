#!/usr/bin/env bash
# Regenerates docs/api from the packages' TSDoc and fails when TypeDoc warns (an undocumented
# export, a broken {@link}: typedoc.json treats warnings as errors) or when the checked-in
# reference differs from what the sources give. Needs the packages built (`pnpm build`).
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm exec typedoc
changed="$(git status --porcelain -- docs/api)"
if [ -n "$changed" ]; then
  printf '%s\n' "$changed" | head -20
  echo "docs/api is out of date: run \`pnpm docs:api\` and commit the result" >&2
  exit 1
fi
echo "docs/api: up to date"
