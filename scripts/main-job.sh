#!/usr/bin/env bash
# The lab's main job, run after set-up by `npm run lab`: every chapter notebook run headless through
# the real tslab kernel, exported as HTML to course/ (index.html and one page per chapter).
# Its arguments go to `golab export`: scripts/lab.sh passes on those of `npm run lab -- …` that are
# not set-up's, e.g. `npm run lab -- --set live=false` (no Go runs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node dist/kernel-helpers/cli/main.js export --out course "$@"
