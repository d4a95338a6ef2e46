#!/usr/bin/env python3
"""`make bench`: SymptomIntake against the tools a clinic would otherwise pick, in one run.

Every program runs on a real pseudo-terminal of 80x24 (see ptydrive.py); us and the peers
are alternated run by run, so noise from other work on the machine hits all alike.
Figures are medians with [min-max]; the headline is the ratio us/peer. Our full-screen
rows are the real wizard, `intake run` (programs.py says how "completely drawn" is told).

    python3 bench/bench.py --intake .build/release/intake --intake-static .build-static/release/intake \
        --box bench-output/box --out bench-output --markdown BENCHMARKS.md [--only startup,keys]

Sections (--only takes a comma-separated list; BENCHMARKS.md is written only by a full run
unless --markdown is given explicitly): startup, keys, intake, big, scaling, batch, bad.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptydrive  # noqa: E402
from ptydrive import Session, cpu_ms, ends_with  # noqa: E402
from programs import OUT, Program, has_cache_options, has_hidden_max_bytes  # noqa: E402
import report  # noqa: E402
import wizard_driver  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONNAIRE = os.path.join(ROOT, "Questionnaires/dermatomyositis.yaml")
TEN_OPTIONS = os.path.join(ROOT, "bench/ten-options.yaml")
FIXTURES = os.path.join(ROOT, "Tests/IntakeCoreTests/Fixtures/answers")
OPTIONS = ["A rash", "Muscle weakness", "Both at once", "Muscle pain", "Joint pain",
           "Tiredness", "Trouble swallowing", "Shortness of breath", "Something else", "Not sure"]
QUESTION = "What was the first thing you noticed?"
DOWN, UP, ENTER = b"\x1bOB", b"\x1bOA", b"\r"  # xterm kcud1/kcuu1 (keypad transmit mode, as curses asks)
# Full-screen clears: erase the whole display, or home then erase to the end.
CLEARS = (b"\x1b[2J", b"\x1b[H\x1b[J", b"\x1b[1;1H\x1b[J")
SECTIONS = ("startup", "keys", "intake", "big", "scaling", "batch", "bad")
WELCOME_WORDS = ("Start", "English", "Help")  # on the dermatomyositis welcome screen, whatever its order


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def med(values):
    return statistics.median(values) if values else float("nan")


LAST_CPU_MS = [0.0]
LAST_USER_SYS_MS = [(0.0, 0.0)]
TIME_OUT = "/tmp/intake-bench-time.txt"


def with_peak_rss(argv):
    """argv run under GNU time, which writes the child's peak RSS (KiB) to TIME_OUT.

    wait4's ru_maxrss of a child forked from this harness would include the harness's
    own pre-exec resident set (Linux carries it across exec); GNU time is small."""
    return ["/usr/bin/time", "-f", "%M", "-o", TIME_OUT] + argv


def read_peak_rss():
    try:
        return int(open(TIME_OUT).read().split()[-1])
    except (OSError, ValueError, IndexError):
        return 0


def run_timed(argv, env=None, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cpu=None):
    """Runs argv to completion; returns (wall ms, peak RSS KiB, exit code); CPU ms in LAST_CPU_MS."""
    if cpu is not None and shutil.which("taskset"):
        argv = ["taskset", "-c", str(cpu)] + argv
    t0 = time.perf_counter()
    p = subprocess.Popen(with_peak_rss(argv), env=env, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t0) * 1000
    LAST_CPU_MS[0] = (usage.ru_utime + usage.ru_stime) * 1000
    LAST_USER_SYS_MS[0] = (usage.ru_utime * 1000, usage.ru_stime * 1000)
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, read_peak_rss(), p.returncode


# ---------------------------------------------------------------------------------------------
# The programs


def menu_args():
    args = []
    for i, o in enumerate(OPTIONS):
        args += [str(i + 1), o]
    return args


def builds(opts):
    return [(name, b) for name, b in (("release", opts.intake), ("static", opts.intake_static)) if b and os.path.exists(b)]


def peers(opts):
    ps = [
        Program("C ncurses floor (box.c)", [opts.box], ("Question 1 of 1", "Not sure")),
        # The same screen in Swift, statically linked: what the language's runtime costs alone.
        Program("Swift ncurses floor (box.swift, static)", [opts.box_swift or "/nonexistent"], ("Question 1 of 1", "Not sure")),
        Program("dialog --menu", ["dialog", "--menu", QUESTION, "18", "60", "10"] + menu_args(), ("Not sure", "<Cancel>")),
        Program("whiptail --menu", ["whiptail", "--menu", QUESTION, "18", "60", "10"] + menu_args(), ("Not sure", "<Cancel>")),
        Program("python questionary", [sys.executable, os.path.join(ROOT, "bench/peers/questionary_menu.py")], ("Not sure",)),
    ]
    return [p for p in ps if shutil.which(p.argv[0]) or os.path.exists(p.argv[0])]


TMPFS = "/dev/shm"


def wizard(name, binary, opts, questionnaire=QUESTIONNAIRE, extra=(), words=WELCOME_WORDS, tmpfs=False, **kw):
    """`tmpfs`: the --out folders on /dev/shm, where the draft's fsync after every answer costs
    nothing: what is left of a key press is the engine and the drawing."""
    runs = os.path.join(TMPFS if tmpfs else opts.out, "intake-bench-runs" if tmpfs else "runs")
    return Program(name, [binary, "run", questionnaire, "--out", OUT] + list(extra), words, ours=True, runs_dir=runs, **kw)


def startup_programs(opts):
    """`intake run` with the dermatomyositis questionnaire, to its welcome screen: each build
    as it is, or, once the binary has the compiled-questionnaire cache, cold (--no-cache) and
    warm (a cache folder filled by the calibration runs)."""
    ours = []
    for name, binary in builds(opts):
        if has_cache_options(binary):
            cache = os.path.join(opts.out, f"cache-{name}")
            shutil.rmtree(cache, ignore_errors=True)
            ours.append(wizard(f"intake run wizard ({name}, cold: --no-cache)", binary, opts, extra=["--no-cache"]))
            ours.append(wizard(f"intake run wizard ({name}, warm cache)", binary, opts, extra=["--cache-dir", cache]))
        else:
            ours.append(wizard(f"intake run wizard ({name})", binary, opts))
    extras = [Program("intake run --plain (release): first prompt", [opts.intake, "run", QUESTIONNAIRE, "--plain", "--lang", "en", "--out", OUT],
                      ("> ",), ours=True, runs_dir=os.path.join(opts.out, "runs")),
              Program("intake terminal-demo (release; curses, no questionnaire)", [opts.intake, "terminal-demo"], ("[ Press me ]", "PID:"), ours=True)]
    return ours, extras


# ---------------------------------------------------------------------------------------------
# 1. Start to first full screen


def bench_startup(progs, runs):
    res = {p.name: {"ms": [], "bytes": [], "rss": []} for p in progs}
    for i in range(runs):
        for p in (progs if i % 2 == 0 else list(reversed(progs))):
            s = p.start()
            t = s.wait_for(p.ready, timeout=30)
            r = res[p.name]
            r["ms"].append((t - s.t0) * 1000)
            s.drain(quiet=0.02)
            r["bytes"].append(s.total_bytes)
            r["rss"].append(s.kill())
            p.cleanup()
    return res


def bench_idle(progs, seconds):
    """Wake-ups per second of each program left alone at its first screen: a kiosk stands
    idle most of the day, and a program that polls on a timer keeps a core from sleeping."""
    res = {}
    for p in progs:
        s = p.start()
        s.wait_for(p.ready, timeout=30)
        s.drain(quiet=0.3)
        before = ptydrive.context_switches(s.pid)
        time.sleep(seconds)
        res[p.name] = (ptydrive.context_switches(s.pid) - before) / seconds
        s.kill()
        p.cleanup()
    return res


# ---------------------------------------------------------------------------------------------
# 2 and 3. Keystroke to settled screen, bytes per selection move


def key_sequence(n):
    seq = []
    while len(seq) < n:
        seq += [DOWN] * 9 + [UP] * 9
    return seq[:n]


def count_clears(burst):
    return sum(1 for c in CLEARS if c in burst)


def bench_keys(progs, presses, rounds, quiet):
    res = {p.name: {"lat": [], "bytes": [], "clears": 0, "rss": [], "dirty": [], "cpu": 0.0} for p in progs}
    per_round = presses // rounds
    for r in range(rounds):
        for p in (progs if r % 2 == 0 else list(reversed(progs))):
            s = p.start()
            s.wait_for(p.ready, timeout=30)
            s.drain(quiet=0.1)
            for key in p.prelude:
                s.send(key)
                s.settle(quiet=0.1, first=5.0)
            if p.prelude_words and not all(w in s.text() for w in p.prelude_words):
                raise RuntimeError(f"{p.name}: after the prelude keys the screen lacks {p.prelude_words}:\n{s.text()}")
            x = res[p.name]
            cpu0 = cpu_ms(s.pid)
            for key in key_sequence(per_round):
                mark = len(s.chunks)
                sent = s.send(key)
                last, n = s.settle(quiet=quiet, first=2.0)
                if last is None:
                    raise RuntimeError(f"{p.name}: nothing drawn for a selection move:\n{s.text()}")
                x["lat"].append((last - sent) * 1000)
                x["bytes"].append(n)
                x["clears"] += 1 if count_clears(b"".join(c for _, c in s.chunks[mark:])) else 0
            x["cpu"] += cpu_ms(s.pid) - cpu0
            x["rss"].append(s.kill())
            x["dirty"].append(s.private_dirty_kib)
            p.cleanup()
    return res


def key_programs(opts):
    """Our wizard on bench/ten-options.yaml: Enter passes the welcome screen, then the first
    question is a 10-option single choice, like the peers' menus."""
    ours = [wizard(f"intake run wizard ({name})", binary, opts, questionnaire=TEN_OPTIONS,
                   words=("Ten options", "Start"), prelude=[ENTER], prelude_words=("What was the first thing", "Not sure"))
            for name, binary in builds(opts)]
    return ours + peers(opts)


# ---------------------------------------------------------------------------------------------
# 2-4. A whole dermatomyositis intake through the wizard


def bench_wizard_intake(opts, runs, quiet):
    """Per build: latency of every key press, bytes to answer and advance (answer keys +
    Enter) per question, full-screen clears, peak RSS (GNU time) and wall time to submit.

    Each build keeps its compiled questionnaires in a cache folder of its own, emptied first:
    its first run starts cold (parses the YAML file and fills the cache, as the first run
    after an install or an edit does), the others warm, as a kiosk's every later run. (With
    the default folder, shared by the two builds, every run was cold: each build's run
    replaced the other's cache file.) Peak RSS is reported for both."""
    items = wizard_driver.describe(opts.intake, QUESTIONNAIRE)
    caches = {}
    for name, binary in builds(opts):
        caches[name] = os.path.join(opts.out, f"cache-intake-{name}")
        shutil.rmtree(caches[name], ignore_errors=True)
    res = {}
    for i in range(runs):
        for name, binary in (builds(opts) if i % 2 == 0 else list(reversed(builds(opts)))):
            extra = ["--cache-dir", caches[name]] if has_cache_options(binary) else []
            p = wizard(f"intake run wizard ({name})", binary, opts, extra=extra)
            x = res.setdefault(p.name, {"lat": [], "enter": [], "advance": [], "advance_clears": 0, "questions": [], "pages": [],
                                        "rss": [], "rss_cold": [], "wall": [], "ok": []})
            cold = extra and not os.path.isdir(caches[name])
            s = p.start(wrap=with_peak_rss)
            s.wait_for(p.ready, timeout=30)
            s.drain(quiet=0.1)
            steps = wizard_driver.drive(s, items, quiet, CLEARS)
            wall = (time.perf_counter() - s.t0) * 1000
            x["rss_cold" if cold else "rss"].append(read_peak_rss())
            x["wall"].append(wall)
            questions = [st for st in steps if st.kind == "question"]
            x["questions"].append(len(questions))
            x["pages"].append(len(steps) - len(questions))
            for st in steps:
                x["lat"] += st.latencies
                x["enter"] += st.enter_latencies
            for st in questions:
                x["advance"].append(st.bytes)
                x["advance_clears"] += 1 if st.clears else 0
            files = sorted(os.listdir(p.out)) if os.path.isdir(p.out) else []
            ok = len(files) == 3 and all(any(f.endswith(e) for f in files) for e in (".result.json", ".summary.txt", ".response.json"))
            x["ok"].append(ok)
            if not ok:
                log(f"warning: {p.name}: the submitted intake left {files}")
            p.cleanup()
    return res


def plain_run_program(binary, out):
    return Program("intake run --plain (release)", [binary, "run", QUESTIONNAIRE, "--plain", "--lang", "en", "--out", out],
                   ("> ",), ours=True)


# ---------------------------------------------------------------------------------------------
# 2. Keystroke latency with the 100,000-item questionnaire through the wizard


def generated(opts, n):
    path = os.path.join(opts.out, f"generated-{n}.yaml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_questionnaire.py"), str(n), path], check=True)
    return path


def bench_big(opts, n, presses, quiet):
    """`intake run` on the generated questionnaire (over the 4 MiB cap: the hidden
    --max-bytes): past the welcome screen, then each question answered ("y" for yes/no,
    "1" for the 3-option choices, as gen_questionnaire.py makes every fifth item) and
    Enter, `presses` keys in all. Every answer re-evaluates its dependents' `when` and the
    progress line of n items."""
    path = generated(opts, n)
    if not has_hidden_max_bytes(opts.intake, path + ".absent"):
        log("note: `intake run` has no --max-bytes; the big questionnaire cannot be run")
        return None
    res = {}
    name, binary = builds(opts)[0]
    variants = [(f"intake run wizard ({name}), {n:,} items", False)]
    if os.path.isdir(TMPFS):
        variants.append((f"the same, --out on tmpfs (no fsync cost)", True))
    for label, tmpfs in variants:
        p = wizard(label, binary, opts, questionnaire=path, tmpfs=tmpfs,
                   extra=["--max-bytes", str(64 * 1024 * 1024)], words=(f"Generated {n}", "Start"))
        x = res.setdefault(p.name, {"lat": [], "answer": [], "advance": [], "bytes": [], "start_ms": None, "clears": 0})
        s = p.start()
        t = s.wait_for(p.ready, timeout=300)
        x["start_ms"] = (t - s.t0) * 1000
        s.drain(quiet=0.2)
        sent_keys = 0
        cpu0 = cpu_ms(s.pid)
        while sent_keys < presses:
            m = re.search(r"\bQ(\d+)\b", " ".join(s.screen.display))
            keys = ([b"1" if int(m.group(1)) % 5 == 4 else b"y"] if m else []) + [ENTER]
            for key in keys:
                mark = len(s.chunks)
                sent = s.send(key)
                last, nbytes = s.settle(quiet=quiet, first=5.0)
                sent_keys += 1
                if last is None:
                    raise RuntimeError(f"{p.name}: nothing drawn after a key:\n{s.text()}")
                ms = (last - sent) * 1000
                x["lat"].append(ms)
                (x["advance"] if key == ENTER else x["answer"]).append(ms)
                x["bytes"].append(nbytes)
                x["clears"] += 1 if count_clears(b"".join(c for _, c in s.chunks[mark:])) else 0
        x["cpu_per_key"] = (cpu_ms(s.pid) - cpu0) / sent_keys
        x["last_screen"] = [line.rstrip() for line in s.screen.display]
        s.kill()
        p.cleanup()
    return res


def bench_plain_intake(binary, script_lines, out_dir, runs):
    """A whole dermatomyositis intake typed line by line in `intake run --plain`."""
    lat, nbytes, rss, walls, submit = [], [], [], [], []
    for i in range(runs):
        out = os.path.join(out_dir, f"plain-{i}")
        shutil.rmtree(out, ignore_errors=True)
        s = Session(with_peak_rss(plain_run_program(binary, out).argv))
        s.wait_for(ends_with("> "), timeout=30)
        for number, line in enumerate(script_lines):
            before = s.total_bytes
            sent = s.send(line.encode() + b"\r")
            try:
                t = s.wait_for(lambda x: x.tail.endswith(b"> ") and x.total_bytes > before + len(line) + 2, timeout=10)
            except EOFError:
                t = s.chunks[-1][0]
            if number == len(script_lines) - 1:
                submit.append((t - sent) * 1000)  # submit: three files written durably, then exit
                continue
            lat.append((t - sent) * 1000)
            nbytes.append(s.total_bytes - before - len(line) - 2)  # minus the terminal's echo
        s.wait()
        rss.append(read_peak_rss())
        walls.append((time.perf_counter() - s.t0) * 1000)
        ok = os.path.isdir(out) and len([f for f in os.listdir(out) if f.endswith(".result.json")]) == 1
        if not ok:
            log("warning: plain intake did not write its result:", s.text()[-500:])
    return lat, nbytes, rss, submit


# ---------------------------------------------------------------------------------------------
# 5. Scaling


def bench_scaling(binary, sizes, out_dir, runs, answers=20000):
    files = {}
    for n in sizes:
        path = os.path.join(out_dir, f"generated-{n}.yaml")
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_questionnaire.py"), str(n), path], check=True)
        files[n] = path
    rows = {n: {"load": [], "wall": [], "rss": [], "upd50": [], "upd99": [], "updmax": [], "scr50": [], "scr99": [],
                "reeval": 0, "validate": [], "validate_rss": [], "validate_rc": None, "bytes": os.path.getsize(files[n])}
            for n in sizes}
    for i in range(runs):
        for n in (sizes if i % 2 == 0 else list(reversed(sizes))):
            t0 = time.perf_counter()
            p = subprocess.Popen(with_peak_rss([binary, "bench-engine", files[n], "--max-bytes", str(64 * 1024 * 1024),
                                                "--answers", str(answers)]),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out = p.stdout.read()
            _, status, usage = os.wait4(p.pid, 0)
            wall = (time.perf_counter() - t0) * 1000
            data = json.loads(out)
            r = rows[n]
            r["load"].append(data["load_ms"])
            r["wall"].append(wall)
            r["rss"].append(read_peak_rss() / 1024)
            r["upd50"].append(data["update"]["p50_us"])
            r["upd99"].append(data["update"]["p99_us"])
            r["updmax"].append(data["update"]["max_us"])
            r["scr50"].append(data["next_and_progress"]["p50_us"])
            r["scr99"].append(data["next_and_progress"]["p99_us"])
            r["reeval"] = data["max_reevaluated"]
            wall, kib, rc = run_timed([binary, "validate", files[n]])
            r["validate"].append(wall)
            r["validate_rss"].append(kib / 1024)
            r["validate_rc"] = rc
    return rows


# ---------------------------------------------------------------------------------------------
# 6. Batch summaries


def varied(seed, i, items):
    """Seed result `seed` as patient number `i`: every text answer (name, doses, the
    patient's own words) and the day of every full date differ from patient to patient, as
    they would in a clinic, so the batch's caches meet new rows as real results bring them;
    yes/no, choices and numbers stay the seed's."""
    patient = json.loads(json.dumps(seed))
    answers = patient["answers"]
    for item_id, value in answers.items():
        item = items.get(item_id, {})
        kind = item.get("type")
        if kind in ("text", "long_text") and isinstance(value, str):
            suffix = f" {i}" if kind == "text" else f" (note {i}: worse after stairs)"
            limit = item.get("max_length") or 10_000
            answers[item_id] = (value + suffix)[:limit]
        elif kind == "date" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            answers[item_id] = value[:8] + f"{1 + i % 28:02d}"
    return patient


def bench_batch(binary, out_dir, count, runs):
    """Summaries of `count` results, on the bench's disk and on tmpfs, alternated run by run:
    this machine's disk takes from 30 µs to over 500 µs to create a file (it varies with what
    the disk did just before), which the tmpfs rows leave out to show the program's own rate."""
    seeds = os.path.join(out_dir, "batch-seeds")
    shutil.rmtree(seeds, ignore_errors=True)
    for name in sorted(os.listdir(FIXTURES)):
        subprocess.run([binary, "fill", QUESTIONNAIRE, "--answers", os.path.join(FIXTURES, name), "--out", seeds],
                       check=True, stdout=subprocess.DEVNULL)
    seed_files = sorted(f for f in os.listdir(seeds) if f.endswith(".result.json"))
    seed_results = []
    for name in seed_files:
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            seed_results.append(json.load(f))
    items = {item["id"]: item for item in wizard_driver.describe(binary, QUESTIONNAIRE)}
    places = {"disk": out_dir, "tmpfs": os.path.join(TMPFS, "intake-bench-batch")}
    rows = {}
    for place, root in places.items():
        results = os.path.join(root, "batch-results")
        shutil.rmtree(results, ignore_errors=True)
        os.makedirs(results)
        for i in range(count):
            patient = varied(seed_results[i % len(seed_results)], i, items)
            with open(os.path.join(results, f"patient-{i:05d}.result.json"), "w", encoding="utf-8") as f:
                json.dump(patient, f, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", " : "))
        rows[place] = {"rates": [], "walls": [], "rss": [], "cpu_rates": [], "user": [], "sys": []}
    for r in range(runs):
        for place, root in places.items():
            results = os.path.join(root, "batch-results")
            dest = os.path.join(root, f"batch-summaries-{r}")
            shutil.rmtree(dest, ignore_errors=True)
            # The previous run's 10,000 files (and the results written before the first run)
            # are flushed first, so their writeback does not fall into this run's time.
            os.sync()
            with open(os.path.join(out_dir, f"batch-progress-{place}-{r}.txt"), "w") as progress:
                wall, kib, rc = run_timed([binary, "summarize", results, "--out", dest, "--progress"], stderr=progress, cpu=0)
            written = len(os.listdir(dest)) if os.path.isdir(dest) else 0
            if rc != 0 or written != count:
                log(f"warning: summarize ({place}) exit {rc}, {written} of {count} written")
            row = rows[place]
            row["rates"].append(count / (wall / 1000))
            row["cpu_rates"].append(count / (LAST_CPU_MS[0] / 1000))
            row["user"].append(LAST_USER_SYS_MS[0][0] / count * 1000)
            row["sys"].append(LAST_USER_SYS_MS[0][1] / count * 1000)
            row["walls"].append(wall)
            row["rss"].append(kib / 1024)
            if place == "tmpfs":
                shutil.rmtree(dest, ignore_errors=True)
    shutil.rmtree(places["tmpfs"], ignore_errors=True)
    return rows, len(seed_files)


# ---------------------------------------------------------------------------------------------
# 7. Bad inputs


def bench_bad(binary, dialog_ok, out_dir, runs):
    bad = os.path.join(out_dir, "bad")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_bad.py"), bad], check=True)
    rows = {}
    for name in ("alias-bomb.yaml", "too-big.yaml", "too-deep.yaml"):
        rows[name] = {"wall": [], "rss": [], "rc": None, "message": ""}
    for i in range(runs):
        for name in rows:
            wall, kib, rc = run_timed([binary, "validate", os.path.join(bad, name)])
            rows[name]["wall"].append(wall)
            rows[name]["rss"].append(kib / 1024)
            rows[name]["rc"] = rc
    for name in rows:
        p = subprocess.run([binary, "validate", os.path.join(bad, name)], capture_output=True, text=True)
        rows[name]["message"] = (p.stderr.strip().splitlines() or [""])[0].replace(bad + "/", "")
    return rows


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--intake", required=True)
    ap.add_argument("--intake-static")
    ap.add_argument("--box", required=True)
    ap.add_argument("--box-swift", help="bench/peers/box.swift built with -static-stdlib (optional)")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-output"))
    ap.add_argument("--markdown", default=os.path.join(ROOT, "BENCHMARKS.md"),
                    help="written by a run of every section; with --only, OUT/BENCHMARKS-partial.md instead")
    ap.add_argument("--only", help="comma-separated sections: " + ",".join(SECTIONS))
    ap.add_argument("--startup-runs", type=int, default=25)
    ap.add_argument("--presses", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quiet-ms", type=float, default=25)
    ap.add_argument("--intake-runs", type=int, default=4, help="whole intakes through the wizard, per build (the first with a cold cache)")
    ap.add_argument("--plain-runs", type=int, default=3)
    ap.add_argument("--big", type=int, default=100000, help="items of the questionnaire run through the wizard")
    ap.add_argument("--big-presses", type=int, default=500)
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--scaling-runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=10000)
    ap.add_argument("--batch-runs", type=int, default=3)
    ap.add_argument("--bad-runs", type=int, default=10)
    ap.add_argument("--quick", action="store_true", help="few runs, for trying the harness")
    opts = ap.parse_args()
    if opts.quick:
        opts.startup_runs, opts.presses, opts.rounds, opts.plain_runs, opts.intake_runs = 4, 36, 2, 1, 1
        opts.sizes, opts.scaling_runs, opts.batch, opts.batch_runs, opts.bad_runs = "100,1000", 1, 200, 1, 2
        opts.big, opts.big_presses = 10000, 60
    only = set(opts.only.split(",")) if opts.only else set(SECTIONS)
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s) {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    if only != set(SECTIONS) or opts.quick:
        opts.markdown = os.path.join(opts.out, "BENCHMARKS-partial.md")
    opts.out = os.path.abspath(opts.out)
    os.makedirs(opts.out, exist_ok=True)
    quiet = opts.quiet_ms / 1000
    began = time.perf_counter()
    m = report.machine()
    log(f"machine: {m['nproc']} cores, {m['cpu']}, {m['kernel']}, load {m['load']}")
    R = {"sections": sorted(only, key=SECTIONS.index)}

    if "startup" in only:
        ours, extras = startup_programs(opts)
        progs = ours + extras + peers(opts)
        log("1. calibrating first screens (each program once, left to settle)")
        for p in progs:
            p.calibrate(log)
        log(f"1. start to first screen: {opts.startup_runs} runs each, alternated")
        R["startup"] = bench_startup(progs, opts.startup_runs)
        R["startup_ours"] = [p.name for p in ours]
        R["startup_reference"] = {p.name: [line.rstrip() for line in p.reference] if p.reference else None for p in progs}
        log("1. idle at the first screen: wake-ups per second over 3 s, each program once")
        R["idle"] = bench_idle(progs, 3.0)

    if "keys" in only:
        progs = key_programs(opts)
        for p in progs:
            p.calibrate(log)
        log(f"2-3. {opts.presses} selection moves each (Down x9, Up x9, ...), alternated in {opts.rounds} rounds")
        R["keys"] = bench_keys(progs, opts.presses, opts.rounds, quiet)
        R["keys_ours"] = [p.name for p in progs if p.ours]

    if "intake" in only:
        log(f"2-4. whole dermatomyositis intakes through the wizard: {opts.intake_runs} per build")
        R["intake"] = bench_wizard_intake(opts, opts.intake_runs, quiet)
        log("2-4. a whole intake typed into `intake run --plain`")
        script = subprocess.run([opts.intake, "bench-engine", QUESTIONNAIRE, "--plain-script",
                                 os.path.join(FIXTURES, "most-severe.json")], capture_output=True, text=True, check=True).stdout.splitlines()
        lat, nbytes, rss, submit = bench_plain_intake(opts.intake, script, opts.out, opts.plain_runs)
        R["plain"] = {"lat": lat, "bytes": nbytes, "rss": rss, "submit": submit, "lines": len(script)}
        fill_rss = []
        for i in range(5):
            _, kib, _ = run_timed([opts.intake, "fill", QUESTIONNAIRE, "--answers", os.path.join(FIXTURES, "most-severe.json"),
                                   "--out", os.path.join(opts.out, f"fill-{i}")])
            shutil.rmtree(os.path.join(opts.out, f"fill-{i}"), ignore_errors=True)
            fill_rss.append(kib)
        R["fill_rss"] = fill_rss

    if "big" in only:
        log(f"2. {opts.big_presses} keys through the wizard with {opts.big:,} items")
        R["big"] = bench_big(opts, opts.big, opts.big_presses, quiet)
        R["big_items"] = opts.big

    if "scaling" in only:
        sizes = [int(x) for x in opts.sizes.split(",")]
        log(f"5. scaling: {sizes} items, {opts.scaling_runs} runs each")
        R["scaling"] = {str(k): v for k, v in bench_scaling(opts.intake, sizes, opts.out, opts.scaling_runs).items()}

    if "batch" in only:
        log(f"6. batch: {opts.batch} summaries, {opts.batch_runs} runs, one core")
        rows, seeds = bench_batch(opts.intake, opts.out, opts.batch, opts.batch_runs)
        R["batch"] = {"rows": rows, "seeds": seeds, "count": opts.batch}

    if "bad" in only:
        log("7. bad inputs")
        R["bad"] = bench_bad(opts.intake, True, opts.out, opts.bad_runs)

    R["minutes"] = (time.perf_counter() - began) / 60
    text = report.render(opts, m, R)
    print(text)
    with open(opts.markdown, "w") as f:
        f.write(text)
    with open(os.path.join(opts.out, "raw.json" if only == set(SECTIONS) else "raw-partial.json"), "w") as f:
        json.dump(R, f, default=str)
    log(f"wrote {opts.markdown} ({R['minutes']:.1f} minutes)")


if __name__ == "__main__":
    main()
