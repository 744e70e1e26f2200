#!/usr/bin/env bash
# One-time set-up on a machine that has only Node (>= 20.6) and npm: installs the pinned pnpm,
# Prometheus (Debian package, used by the metrics tests) when apt-get is available and we are
# root, and the workspace dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm@$PNPM_VERSION"
  npm install --global "pnpm@$PNPM_VERSION"
fi

if ! command -v prometheus >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing prometheus (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "setup: prometheus is not installed; the Prometheus scrape tests need it on PATH" >&2
  fi
fi

pnpm install --frozen-lockfile
