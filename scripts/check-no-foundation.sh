#!/bin/sh
# check-no-foundation.sh BINARY: fails when the executable links all of Foundation or ICU.
# The program uses FoundationEssentials only; one `import Foundation` or one Foundation-only
# API (Process, FileHandle, NSString, String(format:), ...) would bring back Foundation,
# FoundationInternationalization and ICU: several MiB more memory and a slower start for
# every patient (docs/performance.md, "Foundation").
set -eu
binary=$1
found=$(nm "$binary" | grep -c -E ' \$s10Foundation|\$s30FoundationInternationalization|_FoundationICU|ucol_open' || true)
if [ "$found" -ne 0 ]; then
    echo "error: $binary links Foundation or ICU ($found symbols); use FoundationEssentials and POSIX calls instead" >&2
    nm "$binary" | grep -E ' \$s10Foundation' | head -5 >&2 || true
    exit 1
fi
echo "$binary: FoundationEssentials only (no Foundation, no ICU)"
