#!/usr/bin/env python3
"""Writes scripts/symbol-order.txt: the functions a patient's session runs, in the order
the linker should lay them out (Package.swift passes the file to lld for release builds).

Why: the kernel maps an executable's code in 64 KiB windows around each page touched, so
a session that runs 1.5 MiB of functions scattered over 20 MiB of code keeps ~8 MiB of
it resident. Listed first and together, the same functions fill a few MiB (docs/performance.md).

How: valgrind's callgrind records every function executed while
  1. `intake run` (static release build, warm compiled-questionnaire cache) shows the
     welcome screen and a whole dermatomyositis intake is answered through the wizard
     (bench/wizard_driver.py, as `make bench` does), then
  2. the same start with `--no-cache` (parsing and checking the YAML file) and
  3. `intake run --plain` answering a fixture with many "yes" answers.
Functions of step 1 come first, then the two that run only outside valgrind
(OUTSIDE_VALGRIND), then those only step 2 or 3 adds, each group sorted by
how many instructions ran in it (hot first). With `--map` (the linker map of the same
build), functions the compiler put in a large shared `.text` section of an object (the
Swift standard library's `Swift.o`, FoundationEssentials') are left out: listing one would drag the whole
section, mostly cold code, into the middle of the hot functions. A name no longer in the program is ignored
by the linker; a new function missing from the list is only laid out after the listed
ones, so the file can be stale without being wrong: refresh it with `make symbol-order`.

Usage: scripts/symbol-order.py --intake .build-static/release/intake [--map FILE] [--out FILE]
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import ptydrive  # noqa: E402
import wizard_driver  # noqa: E402

QUESTIONNAIRE = os.path.join(ROOT, "Questionnaires", "dermatomyositis.yaml")


def callgrind(argv, out_file):
    return ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", "--compress-strings=no",
            "--compress-pos=no", "--demangle=no", "--dump-instr=no", "--dump-line=no"] + argv


def functions(profile):
    """Instructions per function name (mangled) in a callgrind output file. A profile of
    hardly any functions means the program did not end normally (callgrind writes at exit):
    an error, not a shorter list."""
    cost = collections.Counter()
    current = None
    with open(profile, errors="replace") as f:
        for line in f:
            if line.startswith("fn="):
                current = line[3:].strip()
            elif current and line[:1].isdigit():
                parts = line.split()
                if len(parts) >= 2:
                    cost[current] += int(parts[1])
            elif line.startswith(("cfn=", "calls=")):
                # The line after `calls=` is the inclusive cost of a call, not self cost.
                if line.startswith("calls="):
                    next(f, None)
    if len(cost) < 500:
        raise RuntimeError(f"{profile}: only {len(cost)} functions recorded; did the program end normally?")
    return cost


def in_large_shared_sections(map_file, limit=16 * 1024):
    """Symbols that an lld map (`-Map`) places in an input section named just `.text`
    larger than `limit` bytes."""
    names, large = set(), False
    with open(map_file, errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and "(" in parts[4] and parts[4].endswith(")"):
                large = parts[4].endswith(":(.text)") and int(parts[2], 16) > limit
            elif len(parts) == 5 and large:
                names.add(parts[4])
    return names


def wizard_intake(binary, work, cache):
    """Profile 1: the welcome screen and a whole intake (warm cache, filled first)."""
    out = os.path.join(work, "out1")
    base = [binary, "run", QUESTIONNAIRE, "--out", out, "--cache-dir", cache]
    warm = ptydrive.Session(callgrind(base, os.path.join(work, "warm.prof")))
    warm.wait_for(lambda s: "Start" in s.text(), timeout=300)
    warm.kill()
    shutil.rmtree(out, ignore_errors=True)
    profile = os.path.join(work, "intake.prof")
    session = ptydrive.Session(callgrind(base, profile))
    session.wait_for(lambda s: "Start" in s.text(), timeout=300)
    session.drain(quiet=1.0)
    wizard_driver.drive(session, wizard_driver.describe(binary, QUESTIONNAIRE), quiet=0.6, clears=[])
    return profile


def cold_start(binary, work):
    """Profile 2: parsing and checking the questionnaire file to the welcome screen."""
    profile = os.path.join(work, "cold.prof")
    session = ptydrive.Session(callgrind([binary, "run", QUESTIONNAIRE, "--no-cache", "--out", os.path.join(work, "out2")], profile))
    session.wait_for(lambda s: "Start" in s.text(), timeout=300)
    session.drain(quiet=1.0)
    session.send(b"\x03")  # Ctrl-C asks "Leave the questionnaire?"; Tab goes to Leave, Enter leaves
    session.wait_for(lambda s: "Leave the questionnaire" in s.text(), timeout=120)
    for key in (b"\t", b"\r"):
        session.send(key)
        session.drain(quiet=1.0)
    session.wait(timeout=120)
    return profile


def plain_yes(binary, work):
    """Profile 3: plain prompts answering an invented fixture with many "yes" answers."""
    answers = os.path.join(ROOT, "Tests", "IntakeCoreTests", "Fixtures", "answers", "most-severe.json")
    script = subprocess.run([binary, "bench-engine", QUESTIONNAIRE, "--plain-script", answers],
                            capture_output=True, text=True, check=True).stdout
    profile = os.path.join(work, "plain.prof")
    subprocess.run(callgrind([binary, "run", QUESTIONNAIRE, "--plain", "--lang", "en", "--no-cache",
                              "--out", os.path.join(work, "out3")], profile),
                   input=script, text=True, capture_output=True, timeout=600)
    return profile


# Functions every start runs outside valgrind only: the Swift runtime reads its SWIFT_BACKTRACE
# settings then (under valgrind it skips them), so no profile records them. Found by giving every
# page of the executable PROT_NONE and logging first touches (docs/performance.md). Listed
# after the intake's functions; a name no longer in the program is ignored.
OUTSIDE_VALGRIND = [
    "_ZN12_GLOBAL__N_132_swift_processBacktracingSettingEN7__swift9__runtime4llvm9StringRefES3_",
    "_ZNK7__swift9__runtime4llvm9StringRef19compare_insensitiveES2_",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--intake", required=True, help="a static release build of intake")
    parser.add_argument("--out", default=os.path.join(ROOT, "scripts", "symbol-order.txt"))
    parser.add_argument("--map", help="the linker map of the same build (lld -Map)")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="symbol-order-") as work:
        # valgrind cannot read the Swift binary's debug info; symbols are enough.
        binary = os.path.join(work, "intake")
        subprocess.run(["strip", "--strip-debug", "-o", binary, opts.intake], check=True)
        cache = os.path.join(work, "cache")
        groups = [functions(wizard_intake(binary, work, cache)), {name: 0 for name in OUTSIDE_VALGRIND},
                  functions(cold_start(binary, work))]
        try:
            groups.append(functions(plain_yes(binary, work)))
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            print(f"symbol-order: plain profile skipped: {error}", file=sys.stderr)
    listed, lines = set(in_large_shared_sections(opts.map)) if opts.map else set(), []
    left_out = len(listed)
    for group in groups:
        for name, _ in sorted(group.items(), key=lambda kv: (-kv[1], kv[0])):
            # Only our program's own symbols (not libc's or valgrind's), each once.
            if name in listed or not re.match(r"^[A-Za-z_$][\w$.]*$", name) or name.startswith("0x"):
                continue
            listed.add(name)
            lines.append(name)
    with open(opts.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"symbol-order: {len(lines)} functions written to {opts.out}"
          + (f" ({left_out} in large shared sections left out)" if opts.map else ""))


if __name__ == "__main__":
    main()
