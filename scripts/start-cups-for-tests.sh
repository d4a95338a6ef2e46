#!/usr/bin/env bash
# Starts a CUPS scheduler for the printing tests and creates one raw queue whose device
# writes each job's exact bytes to a file, so a test can compare what the printer got.
#
#   scripts/start-cups-for-tests.sh QUEUE OUTFILE
#
# Needs root: it installs a tiny CUPS backend (intake-capture) and starts cupsd by hand
# (test machines and containers have no systemd). Idempotent: a running cupsd and an
# existing queue are reused. Exits non-zero with the reason on stderr when CUPS cannot be
# made to work, so the tests fail loudly instead of skipping.
#
# Why a backend and not `-v file:///...` with `FileDevice Yes`: on Debian 12 (CUPS 2.4.2)
# a raw queue to a file: device completes its jobs without writing a byte.
set -euo pipefail

queue=${1:?usage: start-cups-for-tests.sh QUEUE OUTFILE}
outfile=${2:?usage: start-cups-for-tests.sh QUEUE OUTFILE}
export PATH="$PATH:/usr/sbin:/sbin"
export LC_ALL=C

for tool in cupsd lpadmin lpstat lp cupsenable cupsaccept; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' is missing; install cups (make test does, see TEST_DEBS in the Makefile)" >&2
    exit 1
  fi
done
if [ "$(id -u)" != 0 ]; then
  echo "error: the CUPS tests must run as root (they install a test backend and start cupsd)" >&2
  exit 1
fi

backend=/usr/lib/cups/backend/intake-capture
if [ ! -x "$backend" ]; then
  cat > "$backend.new" <<'BACKEND'
#!/bin/sh
# CUPS backend for the SymptomIntake tests: device URI intake-capture:/ABSOLUTE/PATH.
# Writes the job's bytes to PATH (atomically, via PATH.part) so a test can compare them.
if [ $# -eq 0 ]; then echo 'direct intake-capture "Unknown" "SymptomIntake test capture"'; exit 0; fi
out="${DEVICE_URI#intake-capture:}"
if [ -n "$6" ]; then cat "$6" > "$out.part"; else cat > "$out.part"; fi
mv "$out.part" "$out"
BACKEND
  # Mode 0700: CUPS runs such backends as root, so they can write to any test folder.
  chmod 0700 "$backend.new"
  mv "$backend.new" "$backend"
  # A running scheduler lists backends at start only.
  if pid=$(pgrep -x cupsd); then kill "$pid"; sleep 1; fi
fi

if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  mkdir -p /run/cups
  /usr/sbin/cupsd
  for _ in $(seq 1 100); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.1
  done
  if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
    echo "error: cupsd did not start (see /var/log/cups/error_log)" >&2
    exit 1
  fi
fi

mkdir -p "$(dirname "$outfile")"
rm -f "$outfile"
# "Raw queues are deprecated" is printed on every lpadmin -m raw: expected, not an error.
lpadmin -p "$queue" -v "intake-capture:$outfile" -m raw 2>/dev/null
cupsenable "$queue"
cupsaccept "$queue"
lpstat -p "$queue" >/dev/null
