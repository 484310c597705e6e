#!/usr/bin/env bash
# The README's test command (`npm test`): set up what the tests need, build, run every test.
# Set-up is idempotent and fast when nothing changed, so a fresh clone and a warm checkout both work.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# --chromium: only the tests need a browser (for screenshots), so only they install it.
bash scripts/setup.sh --quiet --chromium
npm run build --silent
node scripts/run-tests.js all "${1:-}"
