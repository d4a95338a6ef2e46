"""The programs `make bench` runs on a pseudo-terminal, and how to know each one's first
screen is completely drawn.

A program's command line may hold OUT: every start replaces it with a fresh, not yet
existing folder, so `intake run` never finds a draft left by an earlier (killed) run and
never shows its resume prompt instead of the welcome screen.

"Completely drawn" is decided against a reference screen: before measuring, each program
is started once and left until nothing has arrived for a second; pyte's screen at that
moment is the reference (checked against a few words that must be on it, so a resume
prompt or an error is never taken as the reference). A measured run is ready when its
screen equals the reference, i.e. on the arrival of whatever the program draws last,
whatever order it draws in. A second calibration run must give the same screen; if not
(a clock, a PID on screen), the program falls back to its words.
"""
import itertools
import os
import shutil
import subprocess

from ptydrive import Session, contains_all, screen_equals

OUT = "{out}"
_serial = itertools.count()


class Program:
    def __init__(self, name, argv, words, env=None, ours=False, runs_dir=None, prelude=(), prelude_words=()):
        """`words`: texts that must be on the settled first screen. `prelude`: keys sent once
        the first screen is ready to reach the screen measured (e.g. Enter past the welcome),
        which then shows `prelude_words`."""
        self.name, self.argv, self.env, self.ours = name, argv, env, ours
        self.words = words
        self.ready = contains_all(*words)
        self.runs_dir = runs_dir
        self.prelude, self.prelude_words = list(prelude), prelude_words
        self.reference = None
        self._out = None

    def start(self, wrap=None):
        """A session of a fresh run (a new OUT folder); `wrap` may prefix the command (GNU time)."""
        self.cleanup()
        argv = list(self.argv)
        if OUT in argv:
            self._out = os.path.join(self.runs_dir, f"run-{next(_serial)}")
            shutil.rmtree(self._out, ignore_errors=True)
            argv = [self._out if a == OUT else a for a in argv]
        return Session(wrap(argv) if wrap else argv, env=self.env)

    @property
    def out(self):
        return self._out

    def cleanup(self):
        if self._out:
            shutil.rmtree(self._out, ignore_errors=True)
            self._out = None

    def calibrate(self, log):
        """Takes the reference screen (see the module's note); returns it."""
        screens = []
        for _ in range(2):
            s = self.start()
            s.wait_for(lambda x: x.total_bytes > 0, timeout=30)
            s.settle(quiet=1.0, timeout=30)
            if not self.ready(s):
                s.kill()
                self.cleanup()
                raise RuntimeError(f"{self.name}: the settled first screen lacks {self.words}:\n{s.text()}")
            screens.append(list(s.screen.display))
            s.kill()
            self.cleanup()
        if screens[0] == screens[1]:
            self.reference = screens[0]
            self.ready = screen_equals(self.reference)
        else:
            log(f"note: {self.name}: two settled first screens differ; ready = the words {self.words}")
        return self.reference


def run_help(binary):
    try:
        return subprocess.run([binary, "run", "--help"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def has_cache_options(binary):
    """True once `intake run` has the compiled-questionnaire cache (--cache-dir, --no-cache)."""
    text = run_help(binary)
    return "--cache-dir" in text and "--no-cache" in text


def has_hidden_max_bytes(binary, probe_file):
    """True when `intake run` takes the hidden --max-bytes (for the 100,000-item file):
    hidden options are not in --help, so ask the parser with a file that does not exist."""
    p = subprocess.run([binary, "run", probe_file, "--max-bytes", "1", "--plain", "--out", os.devnull + "/x"],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
    return "Unknown option" not in p.stderr and "unknown option" not in p.stderr.lower()
