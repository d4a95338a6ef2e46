"""Drive a program on a real pseudo-terminal (80x24) and time what it draws.

Timing is taken from the arrival of the bytes, never from the parsing: every chunk read
from the pty master is stamped with `time.perf_counter()` as soon as `os.read` returns,
then fed to a `pyte` screen; a figure is the stamp of the chunk that completed the screen
(or that ended a burst) minus the stamp taken just before `fork`. So the cost of the
terminal emulator in this harness is never charged to the program measured.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

import pyte

COLS, ROWS = 80, 24


class Session:
    """One child process on a pty, its screen, and every chunk it wrote with arrival times."""

    def __init__(self, argv, env=None, cols=COLS, rows=ROWS):
        self.argv = argv
        full_env = dict(os.environ)
        full_env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                         "COLUMNS": str(cols), "LINES": str(rows)})
        if env:
            full_env.update(env)
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.total_bytes = 0
        self.tail = b""
        self.chunks = []  # (arrival time, bytes) of everything read, for checks on escapes
        self.status = None
        self.rusage = None
        self.private_dirty_kib = 0
        self.t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal before anything runs
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execvpe(argv[0], argv, full_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def _read(self, timeout):
        """One chunk (bytes, arrival time), or (None, None) on timeout, (b"", t) at EOF."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None, None
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        t = time.perf_counter()
        if data:
            self.total_bytes += len(data)
            self.tail = (self.tail + data)[-64:]
            self.chunks.append((t, data))
            self.stream.feed(data)
            self._answer_queries(data)
        return data, t

    def _answer_queries(self, data):
        # Cursor-position report (ESC[6n): prompt_toolkit waits for it before drawing.
        if b"\x1b[6n" in data:
            y, x = self.screen.cursor.y + 1, self.screen.cursor.x + 1
            os.write(self.fd, f"\x1b[{y};{x}R".encode())

    def text(self):
        return "\n".join(self.screen.display)

    def wait_for(self, predicate, timeout=10.0):
        """Reads until predicate(self) holds; returns the arrival time of the completing chunk."""
        if predicate(self):
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while True:
            data, t = self._read(deadline - time.perf_counter())
            if data is None:
                raise TimeoutError(f"{self.argv[0]}: screen not complete after {timeout}s:\n{self.text()}")
            if data == b"":
                raise EOFError(f"{self.argv[0]}: exited before the screen was complete:\n{self.text()}")
            if predicate(self):
                return t

    def settle(self, quiet=0.03, timeout=2.0, first=None):
        """Reads one burst: until nothing arrives for `quiet` s. Returns (last arrival, bytes).

        With `first`, the first chunk may take that long to come (a key whose handling
        syncs a draft to disk before drawing), so a slow start is not taken for silence."""
        start_bytes = self.total_bytes
        last = None
        deadline = time.perf_counter() + max(timeout, first or 0)
        while time.perf_counter() < deadline:
            data, t = self._read(first if last is None and first else quiet)
            if data is None or data == b"":
                break
            last = t
        return last, self.total_bytes - start_bytes

    def send(self, data):
        t = time.perf_counter()
        os.write(self.fd, data)
        return t

    def drain(self, quiet=0.05):
        self.settle(quiet=quiet, timeout=1.0)

    def kill(self):
        """Ends the child (SIGKILL) and reaps it; returns its peak RSS in KiB.

        The peak is VmHWM read just before the kill. Not `wait4`'s ru_maxrss: Linux
        carries the pre-exec high-water mark into it, i.e. the forked Python harness
        (~20-25 MiB), which would hide any program smaller than that."""
        try:
            peak = vmhwm_kib(self.pid)
            self.private_dirty_kib = rollup_kib(self.pid, "Private_Dirty:")
        except OSError:
            peak = 0
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.wait()
        return peak

    def wait(self, timeout=60.0):
        """Reads until the child exits; returns its peak RSS (KiB, from wait4)."""
        deadline = time.perf_counter() + timeout
        while True:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage = status, usage
                break
            if time.perf_counter() > deadline:
                os.kill(self.pid, signal.SIGKILL)
            self._read(0.01)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.rusage.ru_maxrss


def ends_with(suffix):
    suffix = suffix.encode() if isinstance(suffix, str) else suffix
    return lambda s: s.tail.endswith(suffix)


def contains_all(*needles):
    return lambda s: all(n in s.text() for n in needles)


def screen_equals(reference):
    """The screen is exactly `reference` (pyte's display lines): completely drawn, whatever
    was drawn last. Used with a reference taken from a run left to settle (bench.py)."""
    return lambda s: s.screen.display == reference


def cpu_ms(pid):
    """User + system CPU time a running process has used so far (ms, clock-tick resolution):
    the work of a key press, apart from any wait for a core on a busy machine."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def rollup_kib(pid, field):
    """One field of /proc/PID/smaps_rollup (KiB), e.g. Private_Dirty: the memory only this process wrote."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def context_switches(pid):
    """Voluntary + involuntary context switches of a running process so far: each time it
    slept and was woken (a timer, input, a signal) or was preempted."""
    total = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                total += int(line.split()[1])
    return total


def vmhwm_kib(pid):
    """Peak resident set of a running process (VmHWM), KiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0
