#!/usr/bin/env bash
# One-time set-up on a machine that has only Node (>= 20.6) and npm: installs the pinned pnpm,
# the Debian tools the tests run for real when apt-get is available and we are root
# (prometheus + promtool: metrics scrape tests and infra checks; docker-compose: validates the
# infra stack without an engine; Java 17, Maven and Python's venv module: the Kafka broker and
# the chain relay of `pnpm stack up` and `pnpm test:e2e`; chromium: the web view's browser test,
# driven by playwright-core, which never downloads a browser of its own), and the workspace
# dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm@$PNPM_VERSION"
  npm install --global "pnpm@$PNPM_VERSION"
fi

missing=()
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: ${missing[*]} not installed; the tests that run them will fail until they are on PATH" >&2
  fi
fi

# Go is not installed here (no Debian package is new enough): only `pnpm stack up` and
# `pnpm test:e2e` need it, once, to build the collector and Jaeger from infra/.
command -v go >/dev/null 2>&1 ||
  echo "setup: go not on PATH; \`pnpm stack up\` and \`pnpm test:e2e\` need Go >= 1.26 on first use" >&2

pnpm install --frozen-lockfile
