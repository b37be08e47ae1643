#!/usr/bin/env bash
# Run CMD... inside a private D-Bus session with a fresh, unlocked gnome-keyring (Secret Service).
#
#   tests/keyring/run_with_secret_service.sh python -m pytest
#
# Test keyrings live in a temporary XDG_DATA_HOME / XDG_RUNTIME_DIR (mode 0700) that is removed
# afterwards; the real home's keyring is never touched. Exits with CMD's exit code, or 125 when
# the Secret Service cannot be started. Needs: dbus (dbus-run-session, dbus-send), dbus-x11,
# gnome-keyring; libsecret-tools (secret-tool) for the keyring tests.
#
# The daemon is started with DISPLAY unset, so an unlock prompt (a locked collection) fails at
# once instead of opening a dialog on an X server and waiting forever. CMD gets DISPLAY back.
set -euo pipefail

fail() {
    echo "run_with_secret_service: $*" >&2
    exit 125
}

if [[ "${1-}" == "--inner" ]]; then
    # ---- inside dbus-run-session ----------------------------------------------------------
    shift
    [[ -n "${DBUS_SESSION_BUS_ADDRESS-}" ]] || fail "no session bus inside dbus-run-session"
    has_owner() {
        dbus-send --session --dest=org.freedesktop.DBus --print-reply /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true"
    }
    has_owner && fail "org.freedesktop.secrets already owned on a fresh bus (unexpected)"

    # --unlock reads the password from stdin; creates and unlocks the 'login' collection.
    out=$(printf '%s' "$HUMASDESK_TEST_KEYRING_PASSWORD" \
        | env -u DISPLAY -u WAYLAND_DISPLAY gnome-keyring-daemon --unlock --components=secrets) \
        || fail "gnome-keyring-daemon --unlock failed"
    # It prints GNOME_KEYRING_CONTROL=... (and maybe SSH_AUTH_SOCK=...): export what it says.
    while IFS= read -r line; do
        case "$line" in
        GNOME_KEYRING_CONTROL=* | SSH_AUTH_SOCK=*) export "${line?}" ;;
        esac
    done <<<"$out"

    # Wait (bounded: 10 s) until the daemon owns the name; a fast client could otherwise race
    # it and make D-Bus activate a second, locked daemon.
    for _ in $(seq 1 100); do
        has_owner && break
        sleep 0.1
    done
    has_owner || fail "org.freedesktop.secrets has no owner after 10 s (gnome-keyring not up)"

    daemon_pid=$(dbus-send --session --dest=org.freedesktop.DBus --print-reply \
        /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
        string:org.freedesktop.secrets 2>/dev/null | awk '/uint32/ {print $2}') || true

    export HUMASDESK_TEST_SECRET_SERVICE=1
    if [[ -n "${_HUMASDESK_SAVED_DISPLAY-}" ]]; then
        export DISPLAY="$_HUMASDESK_SAVED_DISPLAY"
    fi
    unset _HUMASDESK_SAVED_DISPLAY

    rc=0
    "$@" || rc=$?
    if [[ -n "${daemon_pid-}" ]]; then
        kill "$daemon_pid" 2>/dev/null || true
    fi
    exit "$rc"
fi

# ---- outside: prepare and enter the private session ------------------------------------------
[[ $# -gt 0 ]] || {
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
}
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || fail "$tool not found (apt-get install dbus dbus-x11 gnome-keyring)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/humasdesk-keyring.XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 0700 "$tmp/data" "$tmp/runtime"

export XDG_DATA_HOME="$tmp/data"
export XDG_RUNTIME_DIR="$tmp/runtime"
# A throw-away password, known to the tests so they can unlock the collection again.
HUMASDESK_TEST_KEYRING_PASSWORD="test-$$-$RANDOM$RANDOM"
export HUMASDESK_TEST_KEYRING_PASSWORD
export _HUMASDESK_SAVED_DISPLAY="${DISPLAY-}"

rc=0
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    dbus-run-session -- bash "${BASH_SOURCE[0]}" --inner "$@" || rc=$?
exit "$rc"
