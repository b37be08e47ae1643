#!/usr/bin/env bash
# Build the one-folder bundle dist/humasdesk-<version>/ with PyInstaller (humasdesk.spec).
#
#   scripts/build.sh                 # uses .venv (created and filled with .[build] if needed)
#   VENV=/path/to/venv scripts/build.sh
#
# Compiles the translations first, then runs the frozen `humasdesk --version` as a smoke check.
# The Qt runtime libraries of scripts/run.sh must be installed (the bundle copies them).
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "== creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
if ! "$PY" -c 'import humasdesk, PyInstaller' 2>/dev/null; then
  echo "== installing .[build] into $VENV"
  "$PY" -m pip install -q --upgrade pip >/dev/null
  "$PY" -m pip install -q -e '.[build]'
fi

VERSION=$("$PY" -c 'import humasdesk; print(humasdesk.__version__)')
BUNDLE="dist/humasdesk-$VERSION"

echo "== compiling translations"
"$PY" scripts/i18n.py --release

echo "== pyinstaller humasdesk.spec"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN humasdesk.spec

EXE="$BUNDLE/humasdesk"
[[ -x "$EXE" ]] || { echo "build.sh: $EXE was not built" >&2; exit 1; }

echo "== bundle: $PWD/$BUNDLE ($(du -sh "$BUNDLE" | cut -f1) unpacked)"
echo "== smoke check: $EXE --version"
out=$("$EXE" --version)
echo "$out"
if [[ "$out" != "HumasDesk $VERSION" ]]; then
  echo "build.sh: expected 'HumasDesk $VERSION' from the frozen binary" >&2
  exit 1
fi
echo "== done. Full check: tests/keyring/run_with_secret_service.sh $EXE self-test"
