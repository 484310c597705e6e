#!/usr/bin/env bash
# golab's one idempotent set-up. Run from anywhere: bash scripts/setup.sh [--help]
# What it does, its flags and environment variables: scripts/README.md.
#
# KEEP IN SYNC with postBuild and environment.yml at the repository root (the
# conda / Binder / repo2docker set-up): the same dlv version (DLV_VERSION), the
# same tslab kernel registration, and the same Python files
# (requirements-jupyter.txt held to constraints-jupyter.txt).
set -euo pipefail

# ---- versions and places (change here, and in postBuild) -------------------
DLV_VERSION=1.27.2
DLV_MODULE=github.com/go-delve/delve/cmd/dlv
GO127_VERSION=1.27.3
GO119_GOROOT=/usr/lib/go-1.19            # Debian's golang-1.19-go
GO119_APT_PACKAGE=golang-1.19-go
DEBIAN_DLV=/usr/bin/dlv                  # Debian's delve (1.20.x, built for Go 1.19)
DEBIAN_DLV_APT_PACKAGE=delve
REQUIREMENTS=requirements-jupyter.txt
CONSTRAINTS=constraints-jupyter.txt      # every Python package, pinned (scripts/lock-python.sh)
STEPS="npm venv kernel dlv go119 go127 chromium"

usage() {
  cat <<'EOF'
Usage: bash scripts/setup.sh [options]

Sets up golab on this machine, idempotently (a second run only checks):
  npm       npm ci (npm install without a package-lock.json)        required
  venv      .venv/ with requirements-jupyter.txt, every package     required
            held to constraints-jupyter.txt
  kernel    tslab/jslab Jupyter kernels registered in .venv         required once tslab
                                                                    is in package.json
  dlv       dlv 1.27.2, patched, built into .tools/bin/dlv (host Go)  optional
  go119     Go 1.19 + Debian's delve (apt-get)                      optional
  go127     Go 1.27.3 toolchain (GOTOOLCHAIN, module proxy)         optional
  chromium  Chromium (apt-get) for the tests' screenshots; only     optional
            with --chromium (npm test passes it)
and prints a summary of what is available.

Without Go on PATH set-up still succeeds, with a warning: the simulator-only
course (npm run lab -- --set live=false), golab predict and golab claims
--recorded need no Go. Install Go 1.26 later and run: bash scripts/setup.sh

Options:
  --no-dlv       skip the dlv step (same as GOLAB_SKIP_DLV=1)
  --no-go119     skip the go119 step (same as GOLAB_SKIP_GO119=1)
  --no-go127     skip the go127 step (same as GOLAB_SKIP_GO127=1)
  --chromium     install Chromium when it is missing (scripts/test.sh does)
  --no-chromium  do not, even with --chromium (same as GOLAB_SKIP_CHROMIUM=1)
  --steps LIST   run only these steps, comma-separated (e.g. --steps dlv,go127
                 after installing Go); the others are not even checked
  -q, --quiet    print only warnings, errors and the summary
  -v, --verbose  also stream the output of the tools it runs (always logged
                 to .cache/setup/<step>.log)
  -h, --help     show this help

Environment:
  GOLAB_SKIP_DLV=1, GOLAB_SKIP_GO119=1, GOLAB_SKIP_GO127=1,
  GOLAB_SKIP_CHROMIUM=1
                 as the flags above
  GOLAB_PYTHON   the Python that creates .venv (default: python3)

Exit status: 0 when the required steps succeeded (optional ones may have
warned), 1 when a required step failed, 2 on a usage error.
EOF
}

truthy() { case "${1:-}" in 1 | true | TRUE | True | yes | YES | on | ON) return 0 ;; *) return 1 ;; esac; }

usage_error() {
  printf "golab setup: error: %s (see: bash scripts/setup.sh --help)\n" "$1" >&2
  exit 2
}

QUIET=0
VERBOSE=0
SKIP_DLV=0 SKIP_DLV_WHY="GOLAB_SKIP_DLV"
SKIP_GO119=0 SKIP_GO119_WHY="GOLAB_SKIP_GO119"
SKIP_GO127=0 SKIP_GO127_WHY="GOLAB_SKIP_GO127"
WANT_CHROMIUM=0 SKIP_CHROMIUM=0 SKIP_CHROMIUM_WHY="GOLAB_SKIP_CHROMIUM"
SELECTED="$STEPS"
if truthy "${GOLAB_SKIP_DLV:-}"; then SKIP_DLV=1; fi
if truthy "${GOLAB_SKIP_GO119:-}"; then SKIP_GO119=1; fi
if truthy "${GOLAB_SKIP_GO127:-}"; then SKIP_GO127=1; fi
if truthy "${GOLAB_SKIP_CHROMIUM:-}"; then SKIP_CHROMIUM=1; fi
while (($#)); do
  case "$1" in
    --no-dlv) SKIP_DLV=1 SKIP_DLV_WHY="--no-dlv" ;;
    --no-go119) SKIP_GO119=1 SKIP_GO119_WHY="--no-go119" ;;
    --no-go127) SKIP_GO127=1 SKIP_GO127_WHY="--no-go127" ;;
    --chromium) WANT_CHROMIUM=1 ;;
    --no-chromium) SKIP_CHROMIUM=1 SKIP_CHROMIUM_WHY="--no-chromium" ;;
    --steps | --steps=*)
      if [[ "$1" == --steps=* ]]; then SELECTED="${1#--steps=}"; else
        (($# > 1)) || usage_error "--steps needs a list, e.g. --steps dlv,go127"
        shift
        SELECTED="$1"
      fi
      SELECTED="${SELECTED//,/ }"
      [[ -n "${SELECTED// /}" ]] || usage_error "--steps needs a list, e.g. --steps dlv,go127"
      for s in $SELECTED; do
        [[ " $STEPS " == *" $s "* ]] || usage_error "unknown step '${s:0:40}' in --steps (steps: ${STEPS// /, })"
      done
      ;;
    -q | --quiet) QUIET=1 ;;
    -v | --verbose) VERBOSE=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option '${1:0:40}'" ;;
  esac
  shift
done
selected() { [[ " $SELECTED " == *" $1 "* ]]; }

ROOT="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
STATE_DIR="$ROOT/.cache/setup"           # logs and the lock (.cache/ is git-ignored)
VENV="$ROOT/.venv"
VPY="$VENV/bin/python"
TOOLS_BIN="$ROOT/.tools/bin"
TSLAB="$ROOT/node_modules/.bin/tslab"
KERNEL="$ROOT/scripts/tslab-kernel.js"    # what the kernelspecs start: tslab, with V8's code cache
mkdir -p "$STATE_DIR"

# ---- small helpers ---------------------------------------------------------
say() { if ((!QUIET)); then printf 'golab setup: %s\n' "$*"; fi; }
warn() { printf 'golab setup: warning: %s\n' "$*" >&2; }
err() { printf 'golab setup: error: %s\n' "$*" >&2; }

# Microseconds since the epoch into REPLY, without forking.
now_us() {
  local t="${EPOCHREALTIME:-}"
  if [[ -n "$t" ]]; then REPLY="${t//[!0-9]/}"; else REPLY=$((SECONDS * 1000000)); fi
}
# "1.23s" since the time (in microseconds) given, into REPLY.
since() {
  local start="$1" d
  now_us
  d=$(((REPLY - start) / 10000))
  REPLY="$((d / 100)).$(printf '%02d' $((d % 100)))s"
}

hash_stdin() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum | cut -d' ' -f1
  else
    shasum -a 256 | cut -d' ' -f1
  fi
}

# run_logged NAME CMD...: runs CMD with its output in .cache/setup/NAME.log
# (and on stderr too with --verbose); returns CMD's status.
run_logged() {
  local log="$STATE_DIR/$1.log"
  shift
  printf '$ %s\n' "$*" >"$log"
  if ((VERBOSE)); then
    "$@" </dev/null 9>&- 2>&1 | tee -a "$log" >&2
  else
    "$@" </dev/null 9>&- >>"$log" 2>&1
  fi
}
show_log() { # last lines of a step's log, indented, on stderr
  local log="$STATE_DIR/$1.log"
  if ((!VERBOSE)) && [[ -s "$log" ]]; then
    tail -n "${2:-20}" "$log" | sed 's/^/    | /' >&2
  fi
}

FAILURES=()
fail_required() { # STEP MESSAGE: reported at the end, after the summary
  FAILURES+=("$1: $2")
}

# One line per step for the summary's last column.
R_NPM="not run" R_VENV="not run" R_KERNEL="not run" R_DLV="not run" R_GO119="not run" R_GO127="not run" R_CHROMIUM="not run"

# Only one set-up at a time in this checkout (e.g. two test runs at once).
if command -v flock >/dev/null 2>&1; then
  exec 9>>"$STATE_DIR/lock"
  if ! flock -n 9; then
    say "waiting for another scripts/setup.sh run in this checkout to finish"
    flock 9
  fi
fi

now_us
T_START=$REPLY

# The host Go is the go on PATH, as golab itself finds it (kernel-helpers/go/toolchain.ts).
GO="$(command -v go || true)"
NO_GO_WHY="no go on PATH"
if [[ -z "$GO" && -x /usr/local/go/bin/go ]]; then NO_GO_WHY="no go on PATH (/usr/local/go/bin/go exists: add /usr/local/go/bin to PATH)"; fi

dlv_field_of() { # DLV FIELD: prints that line of `dlv version` ("Version", "Build"), or nothing (never fails)
  local out line
  out="$("$1" version 2>/dev/null </dev/null)" || return 0
  while IFS= read -r line; do
    if [[ "$line" == "$2: "* ]]; then
      printf '%s\n' "${line#"$2": }"
      return 0
    fi
  done <<<"$out"
}
dlv_version_of() { dlv_field_of "$1" Version; } # e.g. 1.27.2

deb_installed() { # PACKAGE: is this Debian package installed? (no dpkg: no)
  command -v dpkg-query >/dev/null 2>&1 &&
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# apt_install_optional LABEL LOG FLAG MANUAL CONSEQUENCE PACKAGE...: installs Debian packages for an
# optional step, as root or through password-less sudo, logging to .cache/setup/LOG.log. On any
# failure it warns (saying how to do it by hand, or to pass FLAG), sets APT_STATUS and returns 1.
APT_STATUS=""
apt_install_optional() {
  local label=$1 log=$2 flag=$3 manual=$4 consequence=$5
  shift 5
  local hint="apt-get update && apt-get install -y $*"
  local -a sudo=()
  if ! command -v apt-get >/dev/null 2>&1; then
    APT_STATUS="missing (no apt-get)"
    warn "$label: needs Debian's $*, and there is no apt-get here: $manual, or pass $flag"
    return 1
  fi
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      APT_STATUS="missing (needs root)"
      warn "$label: not root and no password-less sudo; to install it run: sudo sh -c '$hint'  (or pass $flag)"
      return 1
    fi
  fi
  say "$label: apt-get install $* (log: .cache/setup/$log.log)"
  if ! run_logged "$log-update" ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -q; then
    show_log "$log-update" 10
    warn "$label: apt-get update failed (see .cache/setup/$log-update.log); trying the install anyway"
  fi
  if ! run_logged "$log" ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; then
    show_log "$log" 15
    APT_STATUS="FAILED (optional)"
    warn "$label: 'apt-get install $*' failed (see .cache/setup/$log.log); $consequence"
    return 1
  fi
}

# ---- 1. npm ------------------------------------------------------------------
step_npm() {
  local t0 lock want stamp="node_modules/.golab-setup-stamp" nodev nodeinfo
  local -a cmd
  now_us
  t0=$REPLY
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    R_NPM="FAILED"
    fail_required npm "node and npm not found: install Node.js 24 or 22 (LTS; or 20.19+) and re-run"
    return
  fi
  # One node run: the version check, and package.json's dependency fields
  # (so that a dependency added to package.json but not to the lock is noticed).
  if ! nodeinfo="$(node -e '
const [maj, min] = process.versions.node.split(".").map(Number);
let pkg;
try { pkg = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); }
catch (e) { console.log(e.message); process.exit(1); }
const deps = {};
for (const k of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides", "bundleDependencies"])
  if (pkg[k] !== undefined) deps[k] = pkg[k];
// package.json engines: ^20.19.0 || >=22.12.0 (the releases that require() ES modules unflagged).
console.log(process.version, maj >= 23 || (maj === 22 && min >= 12) || (maj === 20 && min >= 19) ? "ok" : "old");
console.log(JSON.stringify(deps));
' "$ROOT/package.json" 2>&1)"; then
    R_NPM="FAILED"
    fail_required npm "cannot read package.json with node: ${nodeinfo##*$'\n'}"
    return
  fi
  nodev="${nodeinfo%% *}"
  if [[ "$nodeinfo" != "$nodev ok"$'\n'* ]]; then
    R_NPM="FAILED"
    fail_required npm "Node.js $nodev is not supported: golab needs 20.19+, 22.12+ or 24 (package.json engines)"
    return
  fi
  if [[ -f package-lock.json ]]; then
    lock=package-lock.json
    cmd=(npm ci --no-audit --no-fund)
  else
    lock=package.json
    cmd=(npm install --no-audit --no-fund)
  fi
  # The stamp is written after a successful install; `npm ci` deletes
  # node_modules (and the stamp with it) before installing.
  want="$({ cat -- "$lock"; printf '%s\n' "$nodeinfo"; } | hash_stdin)"
  if [[ -d node_modules && -f "$stamp" && "$(<"$stamp")" == "$want" ]]; then
    since "$t0"
    R_NPM="up to date $REPLY"
    say "npm: node_modules up to date with $lock"
    return
  fi
  say "npm: ${cmd[*]} (log: .cache/setup/npm.log)"
  local rc=0 log="$STATE_DIR/npm.log"
  run_logged npm "${cmd[@]}" || rc=$?
  if ((rc == 0)); then
    printf '%s\n' "$want" >"$stamp"
    since "$t0"
    R_NPM="installed $REPLY"
    say "npm: done in $REPLY"
    return
  fi
  show_log npm 25
  R_NPM="FAILED"
  if grep -q 'in sync' "$log"; then
    fail_required npm "package.json and package-lock.json are out of sync: run 'npm install' and commit package-lock.json"
  elif grep -qE 'prepare|tsc -p' "$log" && grep -qE 'error TS|No inputs were found' "$log"; then
    fail_required npm "dependencies installed, but the 'prepare' script (tsc -p .) failed: see the TypeScript errors in .cache/setup/npm.log"
  else
    fail_required npm "'${cmd[*]}' failed (exit $rc): see .cache/setup/npm.log"
  fi
}

# ---- 2. Python virtualenv with Jupyter ----------------------------------------
step_venv() {
  local t0 py="${GOLAB_PYTHON:-python3}" stamp="$VENV/.golab-setup-stamp" want have_root=""
  local -a venv_cmd
  now_us
  t0=$REPLY
  if [[ ! -f "$REQUIREMENTS" || ! -f "$CONSTRAINTS" ]]; then
    R_VENV="FAILED"
    fail_required venv "$REQUIREMENTS or $CONSTRAINTS is missing"
    return
  fi
  # Stamp: line 1 the hash of the requirements and constraints, line 2 where the venv was made
  # (its scripts hold absolute paths, so a moved checkout needs a new one).
  want="req=$(cat -- "$REQUIREMENTS" "$CONSTRAINTS" | hash_stdin)"
  if [[ -f "$stamp" ]]; then
    have_root="$(sed -n 2p "$stamp")"
  fi
  if [[ -x "$VPY" && -f "$stamp" && "$(sed -n 1p "$stamp")" == "$want" && "$have_root" == "root=$ROOT" ]] &&
    "$VPY" -c '' >/dev/null 2>&1; then
    since "$t0"
    R_VENV="up to date $REPLY"
    say "venv: .venv up to date with $REQUIREMENTS and $CONSTRAINTS"
    return
  fi

  if [[ ! -x "$VPY" ]] || ! "$VPY" -c '' >/dev/null 2>&1 || [[ -n "$have_root" && "$have_root" != "root=$ROOT" ]]; then
    if ! command -v "$py" >/dev/null 2>&1; then
      R_VENV="FAILED"
      fail_required venv "'$py' not found: install Python >= 3.11 (or set GOLAB_PYTHON to one)"
      return
    fi
    # 3.11: $CONSTRAINTS was locked on it, and some of its pins (IPython 9) need it.
    if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; then
      R_VENV="FAILED"
      fail_required venv "'$py' is older than Python 3.11, which the pins of $CONSTRAINTS need (set GOLAB_PYTHON to a newer one)"
      return
    fi
    venv_cmd=("$py" -m venv)
    if [[ -e "$VENV" ]]; then venv_cmd+=(--clear); fi
    venv_cmd+=("$VENV")
    say "venv: creating .venv with $("$py" --version 2>&1) (log: .cache/setup/venv.log)"
    if ! run_logged venv "${venv_cmd[@]}"; then
      show_log venv
      R_VENV="FAILED"
      if grep -qiE 'ensurepip|python3-venv' "$STATE_DIR/venv.log"; then
        fail_required venv "'$py -m venv' cannot make a virtualenv: this Python lacks venv/ensurepip (Debian: apt-get install python3-venv)"
      else
        fail_required venv "'${venv_cmd[*]}' failed: see .cache/setup/venv.log"
      fi
      return
    fi
  fi

  say "venv: pip install -r $REQUIREMENTS -c $CONSTRAINTS (log: .cache/setup/pip.log)"
  if ! run_logged pip "$VPY" -m pip install --disable-pip-version-check --no-input -r "$REQUIREMENTS" -c "$CONSTRAINTS"; then
    show_log pip
    R_VENV="FAILED"
    fail_required venv "pip install -r $REQUIREMENTS -c $CONSTRAINTS failed: see .cache/setup/pip.log"
    return
  fi
  printf '%s\nroot=%s\n' "$want" "$ROOT" >"$stamp"
  since "$t0"
  R_VENV="installed $REPLY"
  say "venv: done in $REPLY"
}

# ---- 3. tslab kernels -----------------------------------------------------------
# Are both kernelspecs in .venv, starting this checkout's tslab (through scripts/tslab-kernel.js)?
kernelspecs_current() {
  "$VPY" - "$VENV" "$KERNEL" <<'PY' 2>/dev/null
import json, os, sys
venv, binary = sys.argv[1], sys.argv[2]
for name in ("tslab", "jslab"):
    path = os.path.join(venv, "share", "jupyter", "kernels", name, "kernel.json")
    try:
        with open(path) as f:
            argv = json.load(f)["argv"]
    except Exception:
        sys.exit(1)
    if not argv or argv[0] != binary:
        sys.exit(1)
PY
}

# What `jupyter kernelspec list` resolves tslab and jslab to: prints problems.
kernelspecs_verify() {
  local json
  if ! json="$("$VENV/bin/jupyter" kernelspec list --json 2>"$STATE_DIR/kernelspec.log" </dev/null)"; then
    echo "'.venv/bin/jupyter kernelspec list' failed: see .cache/setup/kernelspec.log"
    return
  fi
  "$VPY" -c '
import json, os, sys
venv, binary = os.path.realpath(sys.argv[1]), sys.argv[2]
specs = json.loads(sys.argv[3]).get("kernelspecs", {})
for name in ("tslab", "jslab"):
    if name not in specs:
        print(f"kernelspec {name} is not listed by .venv/bin/jupyter kernelspec list")
        continue
    rdir = os.path.realpath(specs[name]["resource_dir"])
    if not rdir.startswith(venv + os.sep):
        print(f"kernelspec {name} resolves to {rdir}, which shadows the one in .venv (remove it: jupyter kernelspec remove {name})")
    else:
        started = specs[name]["spec"]["argv"][0]
        if started != binary:
            print(f"kernelspec {name} starts {started}, not {binary}")
' "$VENV" "$KERNEL" "$json"
}

step_kernel() {
  local t0 problems
  now_us
  t0=$REPLY
  if [[ "$R_VENV" == FAILED ]]; then
    R_KERNEL="skipped (no venv)"
    say "tslab kernel: skipped, as the venv step failed"
    return
  fi
  if [[ ! -e "$TSLAB" ]]; then
    R_KERNEL="skipped (no tslab)"
    say "tslab kernel: skipped: node_modules/.bin/tslab not found (tslab is not yet a dependency in package.json)"
    return
  fi
  if kernelspecs_current; then
    since "$t0"
    R_KERNEL="up to date $REPLY"
    say "tslab kernel: tslab and jslab registered in .venv"
    return
  fi
  say "tslab kernel: tslab install --sys-prefix into .venv (log: .cache/setup/tslab.log)"
  if ! run_logged tslab "$TSLAB" install --python="$VPY" --binary="$KERNEL" --sys-prefix; then
    show_log tslab
    R_KERNEL="FAILED"
    fail_required tslab "'tslab install' failed: see .cache/setup/tslab.log"
    return
  fi
  problems="$(kernelspecs_verify 2>&1)" || problems="${problems:-checking the kernelspecs failed}"
  if [[ -n "$problems" ]]; then
    R_KERNEL="FAILED"
    fail_required tslab "$problems"
    return
  fi
  since "$t0"
  R_KERNEL="installed $REPLY"
  say "tslab kernel: tslab and jslab registered in $REPLY"
}

# ---- 4. delve (for the host Go; optional) -----------------------------------------
# Only `golab trace` and the traced chapters use it, and both need Go anyway.
step_dlv() {
  local t0 v stamp
  now_us
  t0=$REPLY
  if ((SKIP_DLV)); then
    R_DLV="skipped ($SKIP_DLV_WHY)"
    say "dlv: skipped ($SKIP_DLV_WHY)"
    return
  fi
  v="$(dlv_version_of "$TOOLS_BIN/dlv")"
  # `dlv version`'s Build line names the patches scripts/build-dlv.sh applied (a hash of them).
  stamp="$(bash "$ROOT/scripts/build-dlv.sh" --stamp 2>/dev/null || true)"
  if [[ -n "$stamp" && "$v" == "$DLV_VERSION" && "$(dlv_field_of "$TOOLS_BIN/dlv" Build)" == "$stamp" ]]; then
    since "$t0"
    R_DLV="up to date $REPLY"
    say "dlv: .tools/bin/dlv is $DLV_VERSION ($stamp)"
    return
  fi
  if [[ -z "$GO" ]]; then
    R_DLV="missing (no go)"
    say "dlv: not built: $NO_GO_WHY"
    return
  fi
  say "dlv: building $DLV_MODULE@v$DLV_VERSION with kernel-helpers/dlv/patches into .tools/bin (log: .cache/setup/dlv.log)"
  mkdir -p "$TOOLS_BIN"
  if ! run_logged dlv bash "$ROOT/scripts/build-dlv.sh" "$GO" "$DLV_VERSION" "$TOOLS_BIN"; then
    show_log dlv
    R_DLV="FAILED (optional)"
    warn "dlv: scripts/build-dlv.sh failed with $("$GO" version 2>/dev/null) (see .cache/setup/dlv.log; dlv needs Go >= 1.25, golab uses 1.26); golab trace will be unavailable"
    return
  fi
  v="$(dlv_version_of "$TOOLS_BIN/dlv")"
  if [[ "$v" != "$DLV_VERSION" ]]; then
    R_DLV="FAILED (optional)"
    warn "dlv: .tools/bin/dlv reports version '${v:-none}', not $DLV_VERSION; golab trace will be unavailable"
    return
  fi
  since "$t0"
  R_DLV="installed $REPLY"
  say "dlv: built in $REPLY"
}

# ---- 5. Go 1.19 and Debian's delve (optional) ---------------------------------------
step_go119() {
  local t0
  local -a need=()
  now_us
  t0=$REPLY
  if ((SKIP_GO119)); then
    R_GO119="skipped ($SKIP_GO119_WHY)"
    say "go1.19: skipped ($SKIP_GO119_WHY)"
    return
  fi
  if [[ ! -x "$GO119_GOROOT/bin/go" ]]; then need+=("$GO119_APT_PACKAGE"); fi
  if [[ ! -x "$DEBIAN_DLV" ]] || { command -v dpkg-query >/dev/null 2>&1 && ! deb_installed "$DEBIAN_DLV_APT_PACKAGE"; }; then
    need+=("$DEBIAN_DLV_APT_PACKAGE")
  fi
  if ((${#need[@]} == 0)); then
    since "$t0"
    R_GO119="up to date $REPLY"
    say "go1.19: $GO119_GOROOT/bin/go and Debian's $DEBIAN_DLV present"
    return
  fi
  if ! apt_install_optional go1.19 apt --no-go119 "install Go 1.19 and a dlv for it by hand" "Go 1.19 runs will be unavailable" "${need[@]}"; then
    R_GO119=$APT_STATUS
    return
  fi
  if [[ ! -x "$GO119_GOROOT/bin/go" || ! -x "$DEBIAN_DLV" ]]; then
    R_GO119="FAILED (optional)"
    warn "go1.19: installed ${need[*]}, but $GO119_GOROOT/bin/go or $DEBIAN_DLV is still missing"
    return
  fi
  since "$t0"
  R_GO119="installed $REPLY"
  say "go1.19: installed in $REPLY"
}

# ---- 6. Go 1.27.3 toolchain (optional) -----------------------------------------------
GO127_GOROOT=""
# The toolchain's directory in the module cache, whether or not it is there.
go127_cached_root() {
  local modcache goos goarch
  { read -r modcache && read -r goos && read -r goarch; } < <("$GO" env GOMODCACHE GOOS GOARCH 2>/dev/null) || return 1
  printf '%s\n' "$modcache/golang.org/toolchain@v0.0.1-go$GO127_VERSION.$goos-$goarch"
}

step_go127() {
  local t0 dir out
  now_us
  t0=$REPLY
  if ((SKIP_GO127)); then
    R_GO127="skipped ($SKIP_GO127_WHY)"
    say "go$GO127_VERSION: skipped ($SKIP_GO127_WHY)"
    return
  fi
  if [[ -z "$GO" ]]; then
    R_GO127="missing (no go)"
    say "go$GO127_VERSION: not fetched: $NO_GO_WHY"
    return
  fi
  dir="$(go127_cached_root || true)"
  if [[ -n "$dir" && -x "$dir/bin/go" ]] && [[ "$("$dir/bin/go" version 2>/dev/null)" == "go version go$GO127_VERSION "* ]]; then
    GO127_GOROOT="$dir"
    since "$t0"
    R_GO127="up to date $REPLY"
    say "go$GO127_VERSION: in the module cache"
    return
  fi
  say "go$GO127_VERSION: GOTOOLCHAIN=go$GO127_VERSION go version (downloads it; log: .cache/setup/go$GO127_VERSION.log)"
  if ! run_logged "go$GO127_VERSION" env GOTOOLCHAIN="go$GO127_VERSION" "$GO" version; then
    show_log "go$GO127_VERSION" 10
    R_GO127="FAILED (optional)"
    warn "go$GO127_VERSION: could not fetch the toolchain (see .cache/setup/go$GO127_VERSION.log); Go $GO127_VERSION runs will be unavailable"
    return
  fi
  out="$(env GOTOOLCHAIN="go$GO127_VERSION" "$GO" env GOROOT 2>/dev/null </dev/null || true)"
  if [[ -z "$out" || ! -x "$out/bin/go" ]]; then
    R_GO127="FAILED (optional)"
    warn "go$GO127_VERSION: downloaded, but 'GOTOOLCHAIN=go$GO127_VERSION go env GOROOT' gives no usable GOROOT"
    return
  fi
  GO127_GOROOT="$out"
  since "$t0"
  R_GO127="installed $REPLY"
  say "go$GO127_VERSION: fetched in $REPLY"
}

# ---- 7. Chromium (optional, only with --chromium) ------------------------------------------
# Debian's chromium, for the tests' screenshots of JupyterLab and the course pages (playwright-core
# drives it; no browser is ever downloaded). The lab itself never needs it, so only scripts/test.sh
# asks for it; without it those tests skip with a message.
CHROMIUM_APT_PACKAGE=chromium
find_chromium() { # the browser the screenshot test uses, or nothing
  local c
  for c in "${GOLAB_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [[ -n "$c" && -x "$c" ]]; then
      printf '%s\n' "$c"
      return 0
    fi
  done
  return 1
}

step_chromium() {
  local t0
  now_us
  t0=$REPLY
  if ((SKIP_CHROMIUM)); then
    R_CHROMIUM="skipped ($SKIP_CHROMIUM_WHY)"
    say "chromium: skipped ($SKIP_CHROMIUM_WHY)"
    return
  fi
  if ((!WANT_CHROMIUM)); then
    R_CHROMIUM="only for tests"
    say "chromium: not needed by the lab (npm test installs it: --chromium)"
    return
  fi
  if find_chromium >/dev/null; then
    since "$t0"
    R_CHROMIUM="up to date $REPLY"
    say "chromium: $(find_chromium) present"
    return
  fi
  if ! apt_install_optional chromium chromium --no-chromium "install Chromium and set GOLAB_CHROMIUM to it" "the screenshot tests will skip" "$CHROMIUM_APT_PACKAGE"; then
    R_CHROMIUM=$APT_STATUS
    return
  fi
  if ! find_chromium >/dev/null; then
    R_CHROMIUM="FAILED (optional)"
    warn "chromium: installed $CHROMIUM_APT_PACKAGE, but no chromium binary was found"
    return
  fi
  since "$t0"
  R_CHROMIUM="installed $REPLY"
  say "chromium: installed in $REPLY"
}

# ---- summary --------------------------------------------------------------------
go_version_of() { # "go1.26.8" or nothing (never fails)
  local out
  out="$("$1" version 2>/dev/null </dev/null)" || return 0
  out="${out#go version }"
  printf '%s\n' "${out%% *}"
}
rel() { # path relative to the repository, when inside it
  case "$1" in "$ROOT"/*) printf '%s\n' "${1#"$ROOT"/}" ;; *) printf '%s\n' "$1" ;; esac
}

# One line of the summary: WHAT VERSION WHERE THIS-RUN (printed with WHERE last).
row() { printf '  %-14s %-36s %-21s %s\n' "$1" "$2" "$4" "$3"; }

summary() {
  local v p jl="" nb="" ts="" js="" kdir="" line
  printf 'golab setup: summary (%s)\n' "$1"
  row WHAT VERSION WHERE "THIS RUN"

  if command -v node >/dev/null 2>&1; then
    v="node $(node --version 2>/dev/null)"
  else
    v="-"
  fi
  if [[ -x "$TSLAB" ]]; then
    p="$("$TSLAB" --version 2>/dev/null </dev/null || true)"
    v="$v, tslab ${p##* }"
  fi
  row "node_modules" "$v" "$(if [[ -d node_modules ]]; then echo node_modules; else echo -; fi)" "$R_NPM"

  if [[ -x "$VPY" ]]; then
    while IFS= read -r line; do
      case "$line" in
        jupyterlab\ *) jl="${line#* }" ;;
        nbconvert\ *) nb="${line#* }" ;;
        kernel\ tslab\ *) ts="${line#kernel tslab }" ;;
        kernel\ jslab\ *) js="${line#kernel jslab }" ;;
      esac
    done < <("$VPY" -c '
from importlib.metadata import version
for d in ("jupyterlab", "nbconvert"):
    try: print(d, version(d))
    except Exception: pass
try:
    from jupyter_client.kernelspec import KernelSpecManager
    for k, d in sorted(KernelSpecManager().find_kernel_specs().items()):
        print("kernel", k, d)
except Exception:
    pass
' 2>/dev/null </dev/null)
  fi
  row "jupyter" "${jl:+jupyterlab $jl}${nb:+, nbconvert $nb}" "$(if [[ -n "$jl" ]]; then rel "$VENV/bin/jupyter"; else echo -; fi)" "$R_VENV"
  if [[ -n "$ts" && -n "$js" ]]; then
    v="tslab, jslab"
    kdir="$(rel "$(dirname -- "$ts")")"
  elif [[ -n "$ts$js" ]]; then
    v="${ts:+tslab}${js:+jslab} only"
    kdir="$(rel "$(dirname -- "$ts$js")")"
  else
    v="-" kdir="-"
  fi
  row "tslab kernel" "$v" "$kdir" "$R_KERNEL"

  if [[ -n "$GO" ]]; then v="$(go_version_of "$GO")"; p="$GO"; else v="-" p="-"; fi
  row "go (host)" "${v:--}" "$p" ""
  if [[ -x "$GO119_GOROOT/bin/go" ]]; then v="$(go_version_of "$GO119_GOROOT/bin/go")" p="$GO119_GOROOT/bin/go"; else v="-" p="-"; fi
  row "go 1.19" "${v:--}" "$p" "$R_GO119"
  if [[ -z "$GO127_GOROOT" && -n "$GO" ]]; then
    p="$(go127_cached_root || true)"
    if [[ -n "$p" && -x "$p/bin/go" ]]; then GO127_GOROOT="$p"; fi
  fi
  if [[ -n "$GO127_GOROOT" ]]; then v="$(go_version_of "$GO127_GOROOT/bin/go")" p="$GO127_GOROOT/bin/go"; else v="-" p="-"; fi
  row "go $GO127_VERSION" "${v:--}" "$p" "$R_GO127"

  v="$(dlv_version_of "$TOOLS_BIN/dlv")"
  row "dlv (host go)" "${v:--}" "$(if [[ -n "$v" ]]; then rel "$TOOLS_BIN/dlv"; else echo -; fi)" "$R_DLV"
  v="$(if [[ -x "$DEBIAN_DLV" ]]; then dlv_version_of "$DEBIAN_DLV"; fi)"
  row "dlv (go 1.19)" "${v:--}" "$(if [[ -n "$v" ]]; then echo "$DEBIAN_DLV"; else echo -; fi)" ""
  p="$(find_chromium || true)"
  if [[ -n "$p" ]]; then
    v="$("$p" --version 2>/dev/null </dev/null || true)"
    v="${v#Chromium }"
    v="${v%% *}"
  else
    v="-" p="-"
  fi
  row "chromium" "${v:--}" "$p" "$R_CHROMIUM"
}

# ---- main ---------------------------------------------------------------------------
for step in $STEPS; do
  if selected "$step"; then "step_$step"; else printf -v "R_${step^^}" '%s' "left out (--steps)"; fi
done

since "$T_START"
TOTAL=$REPLY
if ((${#FAILURES[@]})); then
  summary "failed after $TOTAL"
  for f in "${FAILURES[@]}"; do
    err "$f"
  done
  exit 1
fi
summary "ok in $TOTAL"
if [[ -z "$GO" ]]; then
  warn "$NO_GO_WHY. Without Go these work: the simulator-only course (npm run lab -- --set live=false), golab predict, golab claims --recorded. Measuring, tracing and the live chapters need Go 1.26: install it, then run bash scripts/setup.sh again."
fi
