#!/usr/bin/env bash
# Starts a CUPS scheduler for the printing tests and creates one raw queue that writes
# each job's bytes to a file, so a test can compare what the printer received.
#
#   scripts/start-cups-for-tests.sh QUEUE OUTFILE
#
# Needs root (it edits /etc/cups/cups-files.conf and starts cupsd by hand: test machines
# and containers have no systemd). Idempotent: a running cupsd and an existing queue are
# reused. Exits non-zero with a reason on stderr when CUPS cannot be made to work, so the
# tests fail loudly instead of skipping.
set -euo pipefail

queue=${1:?usage: start-cups-for-tests.sh QUEUE OUTFILE}
outfile=${2:?usage: start-cups-for-tests.sh QUEUE OUTFILE}

for tool in cupsd lpadmin lpstat cupsenable; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "error: '$tool' is missing; install cups (make test does: TEST_DEBS in the Makefile)" >&2
    exit 1
  fi
done
export PATH="$PATH:/usr/sbin"
export LC_ALL=C

conf=/etc/cups/cups-files.conf
if ! grep -Eq '^[[:space:]]*FileDevice[[:space:]]+Yes' "$conf"; then
  if [ "$(id -u)" != 0 ]; then
    echo "error: $conf lacks 'FileDevice Yes' and only root can add it" >&2
    exit 1
  fi
  echo 'FileDevice Yes' >> "$conf"
  # A running scheduler only reads the setting at start.
  if pid=$(pgrep -x cupsd); then kill "$pid"; sleep 1; fi
fi

if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  mkdir -p /run/cups
  /usr/sbin/cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.1
  done
  if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
    echo "error: cupsd did not start (see /var/log/cups/error_log)" >&2
    exit 1
  fi
fi

mkdir -p "$(dirname "$outfile")"
: > "$outfile"
# The file backend runs as the unprivileged 'lp' user.
chmod 0666 "$outfile"
if ! lpstat -p "$queue" >/dev/null 2>&1; then
  lpadmin -p "$queue" -v "file://$outfile" -m raw -E
else
  lpadmin -p "$queue" -v "file://$outfile"
  cupsenable "$queue"
  cupsaccept "$queue"
fi
lpstat -p "$queue" >/dev/null
