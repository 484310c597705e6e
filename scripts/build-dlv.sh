#!/usr/bin/env bash
# Builds the lab's dlv: Delve VERSION from the Go module proxy, with the patches in
# kernel-helpers/dlv/patches/*.patch applied, stamped "Build: golab-<hash of the patches>"
# (`dlv version`), into OUT_DIR/dlv. Used by scripts/setup.sh and postBuild.
#   bash scripts/build-dlv.sh GO VERSION OUT_DIR
#   bash scripts/build-dlv.sh --stamp      (prints the stamp a build gets: setup.sh rebuilds a
#                                           dlv whose stamp differs, so a new patch is applied)
# Why patched: see kernel-helpers/dlv/patches/ (each patch says why at its top).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE=github.com/go-delve/delve
# "golab-" is what kernel-helpers/dlv/select.ts (LAB_DELVE_BUILD) knows the lab's dlv by.
BUILD_STAMP="golab-$(cat "$ROOT"/kernel-helpers/dlv/patches/*.patch | sha256sum | cut -c1-12)"
if [[ "${1:-}" == "--stamp" ]]; then
  printf '%s\n' "$BUILD_STAMP"
  exit 0
fi
if (($# != 3)); then
  echo "usage: bash scripts/build-dlv.sh GO VERSION OUT_DIR | --stamp" >&2
  exit 2
fi
GO=$1 VERSION=$2 OUT_DIR=$3

# The module's source, as `go install` would fetch it (read-only in the module cache).
src="$("$GO" mod download -json "$MODULE@v$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
if [[ -z "$src" || ! -d "$src" ]]; then
  echo "build-dlv: go mod download $MODULE@v$VERSION gave no source folder" >&2
  exit 1
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/golab-dlv.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
chmod -R u+w "$work"
for p in "$ROOT"/kernel-helpers/dlv/patches/*.patch; do
  patch -s -d "$work" -p1 <"$p"
done
mkdir -p "$OUT_DIR"
(cd "$work" && "$GO" build -ldflags "-X main.Build=$BUILD_STAMP" -o "$OUT_DIR/dlv" ./cmd/dlv)
