#!/usr/bin/env bash
# Starts a CUPS scheduler for the printing tests and creates one raw queue whose device
# writes each job's exact bytes to a file OUTDIR/job-<id>, so a test can compare what the
# printer got.
#
#   scripts/start-cups-for-tests.sh QUEUE OUTDIR
#
# Needs root: it installs a tiny CUPS backend (intake-capture) and starts cupsd by hand
# (test machines and containers have no systemd). Idempotent: a running cupsd and an
# existing queue are reused. Exits non-zero with the reason on stderr when CUPS cannot be
# made to work, so the tests fail loudly instead of skipping.
#
# Why a backend and not `-v file:///...` with `FileDevice Yes`: on Debian 12 (CUPS 2.4.2)
# a raw queue to a file: device completes its jobs without writing a byte.
set -euo pipefail

queue=${1:?usage: start-cups-for-tests.sh QUEUE OUTDIR}
outdir=${2:?usage: start-cups-for-tests.sh QUEUE OUTDIR}
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
if ! grep -q 'job-\$1' "$backend" 2>/dev/null; then
  cat > "$backend.new" <<'BACKEND'
#!/bin/sh
# CUPS backend for the SymptomIntake tests: device URI intake-capture:/ABSOLUTE/FOLDER.
# Writes each job's bytes to FOLDER/job-<id> (atomically, via a .part file).
if [ $# -eq 0 ]; then echo 'direct intake-capture "Unknown" "SymptomIntake test capture"'; exit 0; fi
out="${DEVICE_URI#intake-capture:}/job-$1"
if [ -n "$6" ]; then cat "$6" > "$out.part"; else cat > "$out.part"; fi
mv "$out.part" "$out"
BACKEND
  # Mode 0700: CUPS runs such backends as root, so they can write to any test folder.
  chmod 0700 "$backend.new"
  mv "$backend.new" "$backend"
  # A running scheduler lists backends when it starts or reloads (SIGHUP).
  if lpstat -r 2>/dev/null | grep -q 'is running' && [ -s /run/cups/cupsd.pid ]; then
    kill -HUP "$(cat /run/cups/cupsd.pid)"
    sleep 1
  fi
fi

if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  mkdir -p /run/cups
  # In the foreground (-f) of its own session, with signals unblocked and no inherited
  # descriptors: a test runner's child inherits a mask that blocks nearly every signal (a
  # daemonising cupsd then waits for ever for its SIGUSR1, and ignores SIGTERM/SIGHUP), and
  # any inherited pipe (the runner's output) would keep the runner waiting for end of output.
  if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import os, signal
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGPIPE):
    signal.signal(s, signal.SIG_DFL)
os.closerange(3, 65536)
os.setsid()
os.execv("/usr/sbin/cupsd", ["cupsd", "-f"])
' </dev/null >/dev/null 2>&1 &
  else
    (
      for fd in /proc/self/fd/*; do
        n=${fd##*/}
        [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"
      done
      exec setsid /usr/sbin/cupsd -f
    ) </dev/null >/dev/null 2>&1 &
  fi
  for _ in $(seq 1 100); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.1
  done
  if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
    echo "error: cupsd did not start (see /var/log/cups/error_log)" >&2
    exit 1
  fi
fi

# Queues named intake-test-PID left by test runs that were killed: remove them.
for stale in $(lpstat -p 2>/dev/null | awk '/^printer intake-test-[0-9]+ /{print $2}'); do
  kill -0 "${stale#intake-test-}" 2>/dev/null || lpadmin -x "$stale" || true
done

mkdir -p "$outdir"
# "Raw queues are deprecated" is printed on every lpadmin -m raw: expected, not an error.
lpadmin -p "$queue" -v "intake-capture:$outdir" -m raw 2>/dev/null
cupsenable "$queue"
cupsaccept "$queue"
lpstat -p "$queue" >/dev/null
