#!/usr/bin/env bash
# The README's test command (`npm test`): set up what the tests need, build, run every test.
# Set-up is idempotent and fast when nothing changed, so a fresh clone and a warm checkout both work.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --quiet
npm run build --silent
node scripts/run-tests.js all "${1:-}"
