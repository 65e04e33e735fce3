#!/usr/bin/env bash
# The one test command (README "Quick start"): lint, typecheck, build, then every package's tests and the
# cross-package end-to-end tests, in a real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-chromium.sh
source scripts/ensure-chromium.sh
# shellcheck source=scripts/ensure-redis.sh
source scripts/ensure-redis.sh
export STORYBOOK_DISABLE_TELEMETRY=1

echo '== lint (biome)'; pnpm exec biome check .
echo '== typecheck (tsc -b)'; pnpm exec tsc -b
echo '== build'; pnpm -r build
echo '== tests'; pnpm -r --workspace-concurrency=1 test
