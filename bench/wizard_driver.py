"""Drives a whole intake through the full-screen wizard (`intake run` on a pty), reading
the screen to know what is asked, as a patient would.

The items come from `intake describe --json` (English texts); the question on screen is
the item whose whole text appears in the screen's text (lines joined, spaces collapsed;
the longest wins). The keys are those of the tests' ShortestPath: "n" for yes/no, "1"
for a required single choice, Space on the first (or the exclusive "none") option for a
required multiple choice, a date, a number or a name where required, Enter for the rest.
A screen with no question (the welcome screen, a section's intro) is passed with Enter;
the review with Enter (Submit), the confirmation with Enter (Send), and the thank-you
screen with Enter after its 1.5 s grace.
"""
import json
import re
import subprocess
import time

DOWN = b"\x1bOB"
TAB = b"\t"
RIGHT = b"\x1bOC"
ENTER = b"\r"


def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def describe(binary, questionnaire):
    data = json.loads(subprocess.run([binary, "describe", questionnaire, "--json", "--lang", "en"],
                                     capture_output=True, text=True, check=True).stdout)
    return [item for section in data["sections"] for item in section["items"]]


def presses(item, screen):
    kind, required = item["type"], item.get("required", False)
    if kind == "yes_no":
        return [b"n", ENTER]
    if kind == "single_choice":
        return [b"1", ENTER] if required else [ENTER]
    if kind == "multiple_choice":
        if not required:
            return [ENTER]
        options = item.get("options", [])
        index = next((i for i, o in enumerate(options) if o.get("exclusive")), 0)
        return [DOWN] * index + [b" ", ENTER]
    if kind == "date":
        if not required:
            return [ENTER]
        # A month-precision field has "Month [  ]  Year [    ]" and no day field.
        month_only = "Month [" in screen and "Day [" not in screen
        return [bytes([c]) for c in (b"021970" if month_only else b"01021970")] + [ENTER]
    if kind in ("integer", "decimal", "rating"):
        return [b"1", ENTER] if required else [ENTER]
    if kind == "duration":
        return [b"2", TAB, RIGHT, ENTER] if required else [ENTER]
    if kind in ("text", "long_text", "short_text"):
        return [bytes([c]) for c in b"Anna Test"] + [ENTER] if required else [ENTER]
    return [ENTER]


class Step:
    """What one screen asked and what answering it cost."""

    def __init__(self, kind, item=None):
        self.kind, self.item = kind, item
        self.latencies, self.bytes, self.clears = [], 0, 0
        self.enter_latencies = []  # the Enter that commits and moves on (the draft is synced first)


def current_item(items, screen_text):
    found = [it for it in items if it["_norm"] and it["_norm"] in screen_text]
    return max(found, key=lambda it: len(it["_norm"])) if found else None


def drive(session, items, quiet, clears, max_steps=600):
    """Answers until the process exits. Returns the list of Steps. `clears`: byte strings
    counted as full-screen clears."""
    for it in items:
        it["_norm"] = normalise(it["text"])
    steps = []
    previous, unchanged = None, 0
    while len(steps) < max_steps:
        screen = normalise(" ".join(session.screen.display))
        if "Thank you" in screen:
            time.sleep(1.6)
            session.send(ENTER)
            session.wait()
            return steps
        if screen == previous:
            unchanged += 1
            if unchanged >= 3:
                raise RuntimeError("the wizard does not move on:\n" + session.text())
        else:
            previous, unchanged = screen, 0
        if "Ready to send?" in screen:
            step, keys = Step("confirm"), [ENTER]
        elif "Check your answers" in screen:
            step, keys = Step("review"), [ENTER]
        else:
            item = current_item(items, screen)
            step = Step("question", item) if item else Step("page")
            keys = presses(item, screen) if item else [ENTER]
        for key in keys:
            mark = len(session.chunks)
            sent = session.send(key)
            last, n = session.settle(quiet=quiet, first=3.0)
            if last is not None:
                step.latencies.append((last - sent) * 1000)
                if key == ENTER:
                    step.enter_latencies.append((last - sent) * 1000)
            step.bytes += n
            burst = b"".join(c for _, c in session.chunks[mark:])
            step.clears += sum(1 for c in clears if c in burst)
            if session.status is not None:
                break
        steps.append(step)
    raise RuntimeError(f"no thank-you screen after {max_steps} screens:\n" + session.text())
