#!/usr/bin/env python3
"""`make bench`: SymptomIntake against the tools a clinic would otherwise pick, in one run.

Every program runs on a real pseudo-terminal of 80x24 (see ptydrive.py); us and the peers
are alternated run by run, so noise from other work on the machine hits all alike.
Figures are medians with [min-max]; the headline is the ratio us/peer.

    python3 bench/bench.py --intake .build/release/intake --intake-static .build-static/release/intake \
        --box bench-output/box --out bench-output --markdown BENCHMARKS.md

The full-screen rows take any command line: --tui 'CMD ...' --tui-ready 'TEXT' (the text
that is on screen once the first question is completely drawn). Until the wizard lands,
the default is the curses stand-in `intake terminal-demo`, marked "(demo stand-in)".
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptydrive import Session, contains_all, ends_with  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONNAIRE = os.path.join(ROOT, "Questionnaires/dermatomyositis.yaml")
FIXTURES = os.path.join(ROOT, "Tests/IntakeCoreTests/Fixtures/answers")
OPTIONS = ["A rash", "Muscle weakness", "Both at once", "Muscle pain", "Joint pain",
           "Tiredness", "Trouble swallowing", "Shortness of breath", "Something else", "Not sure"]
QUESTION = "What was the first thing you noticed?"
DOWN, UP = b"\x1bOB", b"\x1bOA"  # xterm kcud1/kcuu1 (keypad transmit mode, as curses asks)
CLEARS = (b"\x1b[2J", b"\x1b[H\x1b[J", b"\x1b[H\x1b[2J", b"\x1b[J")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def med(values):
    return statistics.median(values) if values else float("nan")


def pct(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * q))]


def fmt(values, unit="ms", digits=1):
    if not values:
        return "n/a"
    return f"{med(values):.{digits}f} {unit} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


LAST_CPU_MS = [0.0]


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
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, read_peak_rss(), p.returncode


# ---------------------------------------------------------------------------------------------
# The programs


def menu_args():
    args = []
    for i, o in enumerate(OPTIONS):
        args += [str(i + 1), o]
    return args


class Program:
    def __init__(self, name, argv, ready, env=None, menu=True, ours=False):
        self.name, self.argv, self.ready, self.env, self.menu, self.ours = name, argv, ready, env, menu, ours


def programs(opts):
    tui = shlex.split(opts.tui) if opts.tui else None
    ours = []
    label = opts.tui_label
    if tui:
        ours.append(Program(f"intake {label}", tui, contains_all(opts.tui_ready), ours=True))
    else:
        for name, binary in (("release", opts.intake), ("static", opts.intake_static)):
            if binary and os.path.exists(binary):
                ours.append(Program(f"intake {name} (demo stand-in)", [binary, "terminal-demo"],
                                    contains_all("[ Press me ]", "PID:"), ours=True))
    peers = [
        Program("C ncurses floor (box.c)", [opts.box], contains_all("Question 1 of 1", "Not sure")),
        Program("dialog --menu", ["dialog", "--menu", QUESTION, "18", "60", "10"] + menu_args(),
                contains_all("Not sure", "<Cancel>")),
        Program("whiptail --menu", ["whiptail", "--menu", QUESTION, "18", "60", "10"] + menu_args(),
                contains_all("Not sure", "<Cancel>")),
        Program("python questionary", [sys.executable, os.path.join(ROOT, "bench/peers/questionary_menu.py")],
                contains_all("Not sure")),
    ]
    peers = [p for p in peers if shutil.which(p.argv[0]) or os.path.exists(p.argv[0])]
    return ours, peers


def plain_run_program(binary, out):
    # `intake run` in a terminal: the plain line prompts until the wizard lands; it loads
    # and compiles the real dermatomyositis questionnaire before the first question.
    return Program("intake run, plain prompts (release)", [binary, "run", QUESTIONNAIRE, "--lang", "en", "--out", out],
                   ends_with("> "), ours=True, menu=False)


# ---------------------------------------------------------------------------------------------
# 1. Start to first full screen


def bench_startup(progs, runs):
    results = {p.name: [] for p in progs}
    rss = {p.name: [] for p in progs}
    first_bytes = {p.name: [] for p in progs}
    for i in range(runs):
        order = progs if i % 2 == 0 else list(reversed(progs))
        for p in order:
            s = Session(p.argv, env=p.env)
            t = s.wait_for(p.ready, timeout=20)
            results[p.name].append((t - s.t0) * 1000)
            s.drain(quiet=0.02)
            first_bytes[p.name].append(s.total_bytes)
            rss[p.name].append(s.kill())
    return results, rss, first_bytes


# ---------------------------------------------------------------------------------------------
# 2 and 3. Keystroke to settled screen, bytes per key


def key_sequence(n):
    seq = []
    while len(seq) < n:
        seq += [DOWN] * 9 + [UP] * 9
    return seq[:n]


def bench_keys(progs, presses, rounds, quiet):
    lat = {p.name: [] for p in progs}
    nbytes = {p.name: [] for p in progs}
    clears = {p.name: 0 for p in progs}
    rss = {p.name: [] for p in progs}
    dirty = {p.name: [] for p in progs}
    per_round = presses // rounds
    for r in range(rounds):
        order = progs if r % 2 == 0 else list(reversed(progs))
        for p in order:
            s = Session(p.argv, env=p.env)
            s.wait_for(p.ready, timeout=20)
            s.drain(quiet=0.1)
            for key in key_sequence(per_round):
                mark = len(s.chunks)
                sent = s.send(key)
                last, n = s.settle(quiet=quiet)
                if last is None:
                    continue  # nothing drawn (cannot happen with this sequence; kept honest)
                lat[p.name].append((last - sent) * 1000)
                nbytes[p.name].append(n)
                burst = b"".join(c for _, c in s.chunks[mark:])
                if any(c in burst for c in CLEARS):
                    clears[p.name] += 1
            rss[p.name].append(s.kill())
            dirty[p.name].append(s.private_dirty_kib)
    return lat, nbytes, clears, rss, dirty


def bench_plain_intake(binary, script_lines, out_dir, runs):
    """A whole dermatomyositis intake typed line by line in `intake run` (plain prompts)."""
    lat, nbytes, rss, walls, submit = [], [], [], [], []
    for i in range(runs):
        out = os.path.join(out_dir, f"plain-{i}")
        shutil.rmtree(out, ignore_errors=True)
        p = plain_run_program(binary, out)
        s = Session(with_peak_rss(p.argv))
        s.wait_for(p.ready, timeout=20)
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


def bench_batch(binary, out_dir, count, runs):
    seeds = os.path.join(out_dir, "batch-seeds")
    results = os.path.join(out_dir, "batch-results")
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.rmtree(results, ignore_errors=True)
    os.makedirs(results)
    for name in sorted(os.listdir(FIXTURES)):
        subprocess.run([binary, "fill", QUESTIONNAIRE, "--answers", os.path.join(FIXTURES, name), "--out", seeds],
                       check=True, stdout=subprocess.DEVNULL)
    seed_files = sorted(f for f in os.listdir(seeds) if f.endswith(".result.json"))
    for i in range(count):
        src = os.path.join(seeds, seed_files[i % len(seed_files)])
        shutil.copyfile(src, os.path.join(results, f"patient-{i:05d}.result.json"))
    rates, walls, rss, cpu_rates = [], [], [], []
    for r in range(runs):
        dest = os.path.join(out_dir, f"batch-summaries-{r}")
        shutil.rmtree(dest, ignore_errors=True)
        with open(os.path.join(out_dir, f"batch-progress-{r}.txt"), "w") as progress:
            wall, kib, rc = run_timed([binary, "summarize", results, "--out", dest, "--progress"], stderr=progress, cpu=0)
        written = len(os.listdir(dest)) if os.path.isdir(dest) else 0
        if rc != 0 or written != count:
            log(f"warning: summarize exit {rc}, {written} of {count} written")
        rates.append(count / (wall / 1000))
        cpu_rates.append(count / (LAST_CPU_MS[0] / 1000))
        walls.append(wall)
        rss.append(kib / 1024)
    return rates, walls, rss, len(seed_files), cpu_rates


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
# Report


def machine():
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
        except Exception:
            return "?"
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": sh("nproc"), "cpu": cpu, "kernel": platform.release(),
        "swift": sh("swift --version 2>&1 | head -1"),
        "dialog": sh("dialog --version 2>&1 | head -1"), "whiptail": sh("dpkg-query -W -f='${Version}' whiptail"),
        "ncurses": sh("dpkg-query -W -f='${Version}' libncursesw6"),
        "python": platform.python_version(), "questionary": sh(f"{sys.executable} -c 'import questionary; print(questionary.__version__)'"),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load": sh("cat /proc/loadavg"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--intake", required=True)
    ap.add_argument("--intake-static")
    ap.add_argument("--box", required=True)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-output"))
    ap.add_argument("--markdown", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--tui", help="full-screen command line to measure instead of the demo stand-in")
    ap.add_argument("--tui-ready", default="", help="text on screen once the first question is drawn")
    ap.add_argument("--tui-label", default="wizard")
    ap.add_argument("--startup-runs", type=int, default=25)
    ap.add_argument("--presses", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quiet-ms", type=float, default=25)
    ap.add_argument("--plain-runs", type=int, default=3)
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--scaling-runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=10000)
    ap.add_argument("--batch-runs", type=int, default=2)
    ap.add_argument("--bad-runs", type=int, default=10)
    ap.add_argument("--quick", action="store_true", help="few runs, for trying the harness")
    opts = ap.parse_args()
    if opts.quick:
        opts.startup_runs, opts.presses, opts.rounds, opts.plain_runs = 4, 36, 2, 1
        opts.sizes, opts.scaling_runs, opts.batch, opts.batch_runs, opts.bad_runs = "100,1000", 1, 200, 1, 2
    os.makedirs(opts.out, exist_ok=True)
    m = machine()
    log(f"machine: {m['nproc']} cores, {m['cpu']}, {m['kernel']}, load {m['load']}")

    ours, peers = programs(opts)
    plain = plain_run_program(opts.intake, os.path.join(opts.out, "plain-startup"))
    start_progs = ours + [plain]
    if opts.intake_static and os.path.exists(opts.intake_static):
        static_plain = plain_run_program(opts.intake_static, os.path.join(opts.out, "plain-startup"))
        static_plain.name = "intake run, plain prompts (static)"
        start_progs.append(static_plain)
    start_progs += peers
    log(f"1. start to first screen: {opts.startup_runs} runs each, alternated")
    startup, startup_rss, first_bytes = bench_startup(start_progs, opts.startup_runs)

    log(f"2-3. {opts.presses} key presses each (Down x9, Up x9, ...), alternated in {opts.rounds} rounds")
    key_progs = ours + peers
    lat, nbytes, clears, key_rss, key_dirty = bench_keys(key_progs, opts.presses, opts.rounds, opts.quiet_ms / 1000)

    log("2-4. a whole dermatomyositis intake typed into `intake run` (plain prompts)")
    script = subprocess.run([opts.intake, "bench-engine", QUESTIONNAIRE, "--plain-script",
                             os.path.join(FIXTURES, "most-severe.json")], capture_output=True, text=True, check=True).stdout.splitlines()
    plain_lat, plain_bytes, plain_rss, plain_submit = bench_plain_intake(opts.intake, script, opts.out, opts.plain_runs)
    fill_rss = []
    for i in range(5):
        _, kib, _ = run_timed([opts.intake, "fill", QUESTIONNAIRE, "--answers", os.path.join(FIXTURES, "most-severe.json"),
                               "--out", os.path.join(opts.out, f"fill-{i}")])
        shutil.rmtree(os.path.join(opts.out, f"fill-{i}"), ignore_errors=True)
        fill_rss.append(kib / 1024)

    sizes = [int(x) for x in opts.sizes.split(",")]
    log(f"5. scaling: {sizes} items, {opts.scaling_runs} runs each")
    scaling = bench_scaling(opts.intake, sizes, opts.out, opts.scaling_runs)

    log(f"6. batch: {opts.batch} summaries, {opts.batch_runs} runs, one core")
    rates, batch_walls, batch_rss, seeds, cpu_rates = bench_batch(opts.intake, opts.out, opts.batch, opts.batch_runs)

    log("7. bad inputs")
    bad = bench_bad(opts.intake, True, opts.out, opts.bad_runs)

    report = render(opts, m, ours, peers, plain, startup, startup_rss, first_bytes, lat, nbytes, clears, key_rss,
                    plain_lat, plain_bytes, plain_rss, fill_rss, len(script), scaling, rates, batch_walls, batch_rss,
                    seeds, bad, cpu_rates, plain_submit, key_dirty)
    print(report)
    with open(opts.markdown, "w") as f:
        f.write(report)
    with open(os.path.join(opts.out, "raw.json"), "w") as f:
        json.dump({"startup": startup, "latency": lat, "bytes": nbytes, "plain_latency": plain_lat,
                   "scaling": {str(k): v for k, v in scaling.items()}, "batch_rates": rates}, f)
    log(f"wrote {opts.markdown}")


def ratio(a, b):
    return f"{a / b:.2f}x" if b else "n/a"


def verdict(ok):
    return "met" if ok else "**MISSED**"


def render(opts, m, ours, peers, plain, startup, startup_rss, first_bytes, lat, nbytes, clears, key_rss,
           plain_lat, plain_bytes, plain_rss, fill_rss, script_len, scaling, rates, batch_walls, batch_rss, seeds, bad, cpu_rates, plain_submit, key_dirty):
    L = []
    w = L.append
    w("# Benchmarks\n")
    w("Generated by `make bench` (bench/bench.py); do not edit by hand. Figures are medians with "
      "[min-max]; us and the peers were alternated run by run on one pseudo-terminal of 80x24 "
      "(TERM=xterm-256color, LANG=C.UTF-8), so background load hits all alike.\n")
    w(f"- Machine: {m['nproc']} cores, {m['cpu']}, Linux {m['kernel']}, load average at start {m['load']}")
    w(f"- {m['swift']}")
    w(f"- Peers: dialog {m['dialog']}, whiptail {m['whiptail']}, ncurses {m['ncurses']}, "
      f"Python {m['python']} + questionary {m['questionary']}")
    w(f"- Date: {m['date']}\n")
    if not opts.tui:
        w("> The full-screen wizard is being finished on branch `wizard`. Until it lands, the "
          "full-screen rows measure `intake terminal-demo` (already full-screen curses through the "
          "same `CursesTerminal`, a box and an event counter) and are marked **(demo stand-in)**; "
          "`intake run` on a terminal still asks with plain line prompts, and is measured as such. "
          "Re-run with `make bench BENCH_ARGS=\"--tui '.build/release/intake run Questionnaires/dermatomyositis.yaml' "
          "--tui-ready TEXT\"` once it has.\n")

    dialog = "dialog --menu"
    floor = "C ncurses floor (box.c)"
    ours_names = [p.name for p in ours]
    main_us = ours_names[0] if ours_names else None

    # 1
    w("## 1. Start to first full screen\n")
    w(f"From `fork` to the arrival of the byte that completes the first screen, {len(next(iter(startup.values())))} runs each.\n")
    w("| program | time to first screen | bytes drawn | vs dialog | vs C floor |")
    w("|---|---|---|---|---|")
    for name, values in startup.items():
        w(f"| {name} | {fmt(values)} | {med(first_bytes[name]):.0f} | {ratio(med(values), med(startup[dialog]))} "
          f"| {ratio(med(values), med(startup[floor]))} |")
    w("")

    # 2
    w("## 2. Keystroke to settled screen\n")
    w(f"{opts.presses} key presses per program (Down x9, Up x9, ... through a 10-option list), in "
      f"{opts.rounds} alternated rounds; latency is from writing the key to the last byte of the redraw "
      f"(a redraw is over once nothing arrives for {opts.quiet_ms:.0f} ms).\n")
    w("| program | p50 | p99 | max | p99 vs dialog |")
    w("|---|---|---|---|---|")
    for name, values in lat.items():
        w(f"| {name} | {pct(values, .5):.2f} ms | {pct(values, .99):.2f} ms | {max(values):.2f} ms "
          f"| {ratio(pct(values, .99), pct(lat[dialog], .99))} |")
    w(f"| {plain.name}: answer + Enter to next prompt, whole intake ({script_len} lines x {opts.plain_runs}) "
      f"| {pct(plain_lat, .5):.2f} ms | {pct(plain_lat, .99):.2f} ms | {max(plain_lat):.2f} ms | |")
    w(f"| {plain.name}: the final submit (scores, summary, FHIR; three files written with fsync) "
      f"| {med(plain_submit):.2f} ms | | {max(plain_submit):.2f} ms | |")
    w("")

    # 3
    w("## 3. Bytes written to the terminal per key press\n")
    w("| program | selection moved one line: median [min-max] | full-screen clears in those | next question |")
    w("|---|---|---|---|")
    for name, values in nbytes.items():
        nxt = f"{med(first_bytes[name]):.0f} (a new process draws a whole screen)" if name in (dialog, "whiptail --menu") else "n/a"
        if name in ours_names:
            nxt = "n/a (stand-in has no questions)" if "stand-in" in name else nxt
        w(f"| {name} | {med(values):.0f} [{min(values)}-{max(values)}] | {clears[name]} of {len(values)} | {nxt} |")
    w(f"| {plain.name} | (no selection: numbered choices) | 0 | {med(plain_bytes):.0f} [{min(plain_bytes)}-{max(plain_bytes)}] |")
    w("")

    # 4
    w("## 4. Peak memory (max RSS)\n")
    w("Peak RSS is VmHWM read just before the end of a menu session, or GNU time's %M for a run to completion "
      "(not wait4's ru_maxrss, which on Linux includes the forked harness's own pre-exec memory). "
      "Private dirty is what only this process wrote (heap, stacks, relocated data), from smaps_rollup; "
      "the rest of RSS is clean pages of files (the executable, shared libraries), which the page cache shares and can drop.\n")
    w("| program | peak RSS | private dirty at the end | vs dialog (peak RSS) |")
    w("|---|---|---|---|")
    d_rss = med(key_rss[dialog]) / 1024
    for name, values in key_rss.items():
        mb = [v / 1024 for v in values]
        w(f"| {name}, {opts.presses // opts.rounds} key presses | {fmt(mb, 'MiB')} | {med(key_dirty[name]) / 1024:.1f} MiB | {ratio(med(mb), d_rss)} |")
    pr = [v / 1024 for v in plain_rss]
    w(f"| {plain.name}, whole dermatomyositis intake to submit | {fmt(pr, 'MiB')} | | {ratio(med(pr), d_rss)} |")
    w(f"| intake fill, whole dermatomyositis intake, three outputs written | {fmt(fill_rss, 'MiB')} | | {ratio(med(fill_rss), d_rss)} |")
    w("")

    # 5
    w("## 5. Scaling with questionnaire size\n")
    w("Generated questionnaires (bench/gen_questionnaire.py): yes/no and 3-option items, every item's `when` "
      "reads one or two earlier items. `load` is `QuestionnaireLoader.load` inside `intake bench-engine` "
      "(read, YAML, checks, expression binding, SHA-256); `update` is one `Wizard.setAnswer` (visibility of the "
      "dependents), `next+progress` is moving on and recomputing the progress line, for each of the first 20,000 items answered in order. "
      "Files over 4 MiB are refused by `intake validate` (the cap); bench-engine raises the cap for them.\n")
    w("| items | file | load | process wall | peak RSS | update p50 / p99 / max | next+progress p50 / p99 | re-evaluated per answer (max) | `intake validate` |")
    w("|---|---|---|---|---|---|---|---|---|")
    for n, r in scaling.items():
        val = fmt(r["validate"]) if r["validate_rc"] == 0 else f"refused (exit {r['validate_rc']}, over the 4 MiB cap) in {med(r['validate']):.1f} ms"
        w(f"| {n:,} | {r['bytes'] / 1048576:.2f} MiB | {fmt(r['load'])} | {fmt(r['wall'])} | {med(r['rss']):.1f} MiB "
          f"| {med(r['upd50']):.1f} / {med(r['upd99']):.1f} / {med(r['updmax']):.0f} µs | {med(r['scr50']):.1f} / {med(r['scr99']):.1f} µs "
          f"| {r['reeval']} | {val} |")
    sizes = list(scaling)
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        w(f"\nLoad per item: " + ", ".join(f"{n:,}: {med(scaling[n]['load']) / n * 1000:.1f} µs" for n in sizes)
          + f". Growth {a:,} → {b:,}: load x{med(scaling[b]['load']) / med(scaling[a]['load']):.1f} for x{b / a:.0f} items; "
          f"update p50 x{med(scaling[b]['upd50']) / med(scaling[a]['upd50']):.2f}.\n")

    # 6
    w("## 6. Batch summaries\n")
    w(f"`intake summarize DIR --out OUT --progress` over {opts.batch:,} result files (the {seeds} fixture answer sets "
      f"filled with `intake fill`, then copied), pinned to one core with `taskset -c 0`; each summary is replayed "
      f"through the engine, rendered and written (0600, temporary file + rename, one `sync` at the end of the batch).\n")
    w(f"| results | wall | summaries per wall second | per CPU second (user+sys) | peak RSS |")
    w("|---|---|---|---|---|")
    w(f"| {opts.batch:,} | {fmt([x / 1000 for x in batch_walls], 's', 2)} | {fmt(rates, '/s', 0)} | {fmt(cpu_rates, '/s', 0)} | {fmt(batch_rss, 'MiB')} |")
    w("")

    # 7
    w("## 7. Hostile inputs (`intake validate`)\n")
    w("| file | wall | peak RSS | exit | first diagnostic |")
    w("|---|---|---|---|---|")
    for name, r in bad.items():
        w(f"| {name} | {fmt(r['wall'])} | {fmt(r['rss'], 'MiB')} | {r['rc']} | `{r['message']}` |")
    w("")

    # Targets
    w("## Targets\n")
    w("| target | measured | status |")
    w("|---|---|---|")
    if main_us:
        s_us, s_d, s_f = med(startup[main_us]), med(startup[dialog]), med(startup[floor])
        w(f"| start ≤ 1.2x dialog | {main_us}: {s_us:.1f} ms vs {s_d:.1f} ms = {s_us / s_d:.2f}x | {verdict(s_us <= 1.2 * s_d)} |")
        w(f"| start ≤ 2x C floor | {s_us:.1f} ms vs {s_f:.1f} ms = {s_us / s_f:.2f}x | {verdict(s_us <= 2 * s_f)} |")
        static = next((n for n in ours_names if "static" in n and n != main_us), None)
        if static:
            s_st = med(startup[static])
            w(f"| (same, {static}: the build to ship) | {s_st:.1f} ms = {s_st / s_d:.2f}x dialog, {s_st / s_f:.2f}x floor "
              f"| ≤1.2x dialog {verdict(s_st <= 1.2 * s_d)}, ≤2x floor {verdict(s_st <= 2 * s_f)} |")
        p_us = med(startup[plain.name])
        w(f"| (same, `intake run` plain prompts with the real questionnaire) | {p_us:.1f} ms = {p_us / s_d:.2f}x dialog, {p_us / s_f:.2f}x floor | {verdict(p_us <= 1.2 * s_d and p_us <= 2 * s_f)} |")
        b_us, b_d = med(nbytes[main_us]), med(nbytes[dialog])
        note = " (stand-in: a key updates an event counter, not a selection; not conclusive)" if "stand-in" in main_us else ""
        w(f"| bytes per selection move ≤ dialog's, no full redraw | {b_us:.0f} vs {b_d:.0f} bytes, {clears[main_us]} clears{note} | {verdict(b_us <= b_d and clears[main_us] == 0)} |")
        p99 = pct(lat[main_us], .99)
        w(f"| p99 keystroke ≤ 10 ms | {main_us}: {p99:.2f} ms; plain answer: {pct(plain_lat, .99):.2f} ms | {verdict(p99 <= 10 and pct(plain_lat, .99) <= 10)} |")
        big = sizes[-1]
        eng = med(scaling[big]["upd99"]) + med(scaling[big]["scr99"])
        w(f"| p99 keystroke ≤ 16 ms with {big:,} items | engine share (update p99 + next/progress p99): {eng / 1000:.2f} ms; plus the drawing share above | {verdict(eng / 1000 + p99 <= 16)} |")
        r_us = med(pr)
        w(f"| peak RSS ≤ 3x dialog | whole intake {r_us:.1f} MiB vs {d_rss:.1f} MiB = {r_us / d_rss:.2f}x | {verdict(r_us <= 3 * d_rss)} |")
    if 10000 in scaling:
        l10 = med(scaling[10000]["load"])
        w(f"| load 10,000 items ≤ 200 ms | {l10:.1f} ms (whole `intake validate`: {med(scaling[10000]['validate']):.1f} ms) | {verdict(l10 <= 200)} |")
    worst = max(med(r["wall"]) for r in bad.values())
    w(f"| hostile inputs rejected ≤ 100 ms | slowest median {worst:.1f} ms, all exit 1 | {verdict(worst <= 100 and all(r['rc'] == 1 for r in bad.values()))} |")
    w(f"| batch ≥ 2,000 summaries/s on one core | {med(rates):.0f}/s wall, {med(cpu_rates):.0f}/s per CPU second | {verdict(med(rates) >= 2000)} |")
    w("")
    analysis = os.path.join(ROOT, "bench/analysis.md")
    if os.path.exists(analysis):
        w(open(analysis).read())
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
