#!/usr/bin/env bash
# Installs what `make run` and `make test` need on a fresh Debian machine that has the
# Swift toolchain. As root it installs missing Debian packages itself; otherwise it
# prints the exact command to run and stops.
set -euo pipefail

need_debs=()
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

for deb in "$@"; do
  have_deb "$deb" || need_debs+=("$deb")
done

if ! command -v swift >/dev/null 2>&1; then
  echo "error: the Swift toolchain is not on PATH (install Swift 6.1 or newer first)" >&2
  exit 1
fi

if [ ${#need_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian packages: ${need_debs[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_debs[@]}" >/dev/null
  else
    echo "error: missing Debian packages. Run this, then try again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${need_debs[*]}" >&2
    exit 1
  fi
fi
