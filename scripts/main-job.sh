#!/usr/bin/env bash
# The lab's main job, run after set-up by `npm run lab`: the article's chapter-1 program measured
# on every installed Go version, as the article builds it (-N -l) and optimized, with and without
# escaping. (When the chapter notebooks land, this becomes the course export.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
golab() { node dist/kernel-helpers/cli/main.js "$@"; }

# The article's exact program discards both results; the escaping variant keeps them.
cases=("_ = make(map[int]int, 1000)" "_ = make([]int, 1000)" "make(map[int]int, 1000)" "make([]int, 1000)" "make([]int, 0, 1000)" "make(map[int]int, 0)")
for version in 1.26 1.27 1.19; do
  for build in "" "--debug"; do
    if ! out=$(golab measure "${cases[@]}" --go "$version" --runs 11 --quiet $build 2>&1); then
      echo "Go $version: skipped ($out)"
      continue 2
    fi
    printf '%s\n\n' "$out"
  done
done
