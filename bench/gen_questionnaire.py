#!/usr/bin/env python3
"""Writes a questionnaire of N items with skip logic: every item after the first has a
`when` that reads earlier items (the one before it, one about half-way back, or both),
so each answer has a few dependents and the dependency graph spans the whole file.

    gen_questionnaire.py N OUT.yaml

Items are yes/no and 3-option single choices, 100 to a section. At ~48 bytes an item,
files above ~85,000 items are larger than the 4 MiB a clinic file may be; the bench
loads those through the hidden `intake bench-engine --max-bytes`."""
import sys


def when(k, kinds):
    def cond(j):
        return f"q{j}" if kinds[j] == "y" else f"q{j} == 'a'"
    if k == 0:
        return None
    if k % 3 == 0:
        return cond(k // 2)
    if k % 3 == 1:
        return cond(k - 1)
    return f"{cond(k - 1)} or {cond(k // 3)}"


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    kinds = ["c" if k % 5 == 4 else "y" for k in range(n)]
    lines = [
        f"questionnaire: generated-{n}",
        'version: "1"',
        f"title: Generated {n}",
        "languages: [en]",
        "sections:",
    ]
    for k in range(n):
        if k % 100 == 0:
            lines += [f"- id: s{k // 100}", f"  title: S{k // 100}", "  items:"]
        w = when(k, kinds)
        cond = f', when: "{w}"' if w else ""
        if kinds[k] == "y":
            lines.append(f"  - {{id: q{k}, type: yes_no, text: Q{k}{cond}}}")
        else:
            lines.append(f"  - {{id: q{k}, type: single_choice, text: Q{k}{cond}, options: [{{id: a, label: A}}, {{id: b, label: B}}, {{id: c, label: C}}]}}")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
