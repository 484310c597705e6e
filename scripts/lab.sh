#!/usr/bin/env bash
# `npm run lab [-- options]`: set-up (scripts/setup.sh), then the main job (scripts/main-job.sh).
# npm hands every option after `--` to this one script, which sends each to the side that knows it:
#   set-up:   --no-dlv --no-go119 --no-go127 --chromium --no-chromium --steps LIST -v --verbose
#   both:     -q --quiet (set-up prints only warnings and its summary; export no progress lines)
#   main job: everything else, i.e. golab export's options (--set NAME=VALUE, --only CHAPTER, --out
#             DIR, --timeout S, --json, --no-cache, --show-code); unknown ones are refused before set-up.
# --dry-run prints the two commands instead of running them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# golab export's options: those followed by a value, then the flags (test/setup checks these
# against `golab export --help`, so that a new export option is not refused here).
EXPORT_VALUE_OPTIONS=" --out --set --only --timeout "
EXPORT_FLAGS=" --json --no-cache --show-code "

usage() {
  cat <<'USAGE'
Usage: npm run lab [-- options]    (or: bash scripts/lab.sh [options])

Sets golab up (bash scripts/setup.sh), then writes the course to course/
(scripts/main-job.sh: golab export). Options go where they belong:

  set-up      --no-dlv --no-go119 --no-go127 --chromium --no-chromium
              --steps LIST -v/--verbose      (bash scripts/setup.sh --help)
  both        -q/--quiet
  main job    --set NAME=VALUE --only CHAPTER --out DIR --timeout SECONDS
              --json --no-cache --show-code  (npx golab export --help)
  this script --dry-run (print both commands, run nothing), -h/--help

Examples:
  npm run lab -- --set live=false              # no Go at all: recorded data and the simulator
  npm run lab -- --no-go119 --only ch1         # skip Debian's Go 1.19; chapter 1 only
USAGE
}

bad() {
  printf 'golab lab: %s (see: npm run lab -- --help)\n' "$1" >&2
  exit 2
}

setup_args=()
job_args=()
dry_run=0
while (($#)); do
  arg=$1
  name=${arg%%=*}
  case "$arg" in
    --no-dlv | --no-go119 | --no-go127 | --chromium | --no-chromium | -v | --verbose | --steps=*) setup_args+=("$arg") ;;
    --steps)
      (($# > 1)) || bad "--steps needs a list, e.g. --steps dlv,go127"
      setup_args+=("$arg" "$2")
      shift
      ;;
    -q | --quiet) setup_args+=(--quiet) job_args+=(--quiet) ;;
    --dry-run) dry_run=1 ;;
    -h | --help) usage; exit 0 ;;
    --*)
      if [[ "$EXPORT_FLAGS" == *" $arg "* ]]; then
        job_args+=("$arg")
      elif [[ "$EXPORT_VALUE_OPTIONS" == *" $name "* && "$arg" == *=* ]]; then
        job_args+=("$arg")
      elif [[ "$EXPORT_VALUE_OPTIONS" == *" $arg "* ]]; then
        (($# > 1)) || bad "$arg needs a value"
        job_args+=("$arg" "$2")
        shift
      else
        bad "unknown option '${name:0:40}'"
      fi
      ;;
    *) bad "unexpected argument '${arg:0:40}' (options only; values follow their option, e.g. --set live=false)" ;;
  esac
  shift
done

# A command line as a shell reads it back (plain words as they are).
show() {
  local out=$1 a
  shift
  for a in "$@"; do
    if [[ "$a" =~ ^[A-Za-z0-9_./=,:+-]+$ ]]; then out+=" $a"; else out+=" $(printf '%q' "$a")"; fi
  done
  printf '%s\n' "$out"
}
if ((dry_run)); then
  show "set-up:   bash scripts/setup.sh" ${setup_args[@]+"${setup_args[@]}"}
  show "main job: bash scripts/main-job.sh" ${job_args[@]+"${job_args[@]}"}
  exit 0
fi
bash scripts/setup.sh ${setup_args[@]+"${setup_args[@]}"}
exec bash scripts/main-job.sh ${job_args[@]+"${job_args[@]}"}
