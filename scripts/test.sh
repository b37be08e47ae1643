#!/usr/bin/env bash
# The whole test suite on a fresh Debian/Ubuntu machine: installs what is missing,
# makes .venv, lints, then runs pytest inside a private D-Bus session with an
# unlocked gnome-keyring (real Secret Service) — see README "Tests".
# Extra arguments go to pytest (e.g. `scripts/test.sh tests/unit -x`).
# `--repeat N` first runs pytest N times in a row and fails on the first red run (a test that
# fails one run in ten is a failing test): `scripts/test.sh --repeat 10 tests/gui`.
# HUMASDESK_TEST_REPEAT=N does the same.
set -euo pipefail
cd "$(dirname "$0")/.."

repeat=${HUMASDESK_TEST_REPEAT:-1}
if [[ "${1-}" == "--repeat" ]]; then
  [[ "${2-}" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [--repeat N] [pytest args...]" >&2; exit 2; }
  repeat=$2
  shift 2
fi

APT_PACKAGES=(
  python3-venv gnome-keyring dbus dbus-x11 libsecret-tools
  xvfb xauth x11-utils xdotool imagemagick poppler-utils
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 fontconfig fonts-dejavu-core
  binutils desktop-file-utils
  icu-devtools gcc  # the bundle's trimmed ICU data (packaging/icu_data.py)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing packages: ${missing[*]}. Install them (sudo apt-get install ...) and run again." >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "== creating .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,build]'

echo "== ruff check"
.venv/bin/ruff check .

echo "== pytest (private D-Bus session, unlocked gnome-keyring)"
mkdir -p build
# The time-out guards against the keyring's "choose a password" hang trap.
set +e
status=0
for ((run = 1; run <= repeat; run++)); do
  ((repeat > 1)) && echo "== run $run of $repeat"
  timeout --kill-after=30 3000 \
    tests/keyring/run_with_secret_service.sh .venv/bin/python -X faulthandler -m pytest "$@"
  status=$?
  if [[ $status -ne 0 ]]; then
    ((repeat > 1)) && echo "== run $run of $repeat failed (exit $status)" >&2
    break
  fi
done
if [[ $status -eq 0 && $# -eq 0 ]]; then
  echo "== packaging: PyInstaller build + frozen self-test (real Secret Service)"
  timeout --kill-after=30 900 \
    tests/keyring/run_with_secret_service.sh .venv/bin/python -m pytest -m packaging tests/packaging
  status=$?
fi
set -e
if [[ $status -eq 5 ]]; then
  echo "pytest collected no tests: that is a failure." >&2
  exit 1
fi
exit $status
