#!/usr/bin/env python3
"""Writes the three hostile inputs `intake validate` must reject quickly, into DIR:
alias-bomb.yaml (billion laughs, 9 levels), too-big.yaml (just over the 4 MiB cap),
too-deep.yaml (nested 10,000 levels deep in flow style; the cap is 64)."""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 10):
    bomb.append(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
bomb.append("questionnaire: *a9")
open(os.path.join(out, "alias-bomb.yaml"), "w").write("\n".join(bomb) + "\n")
with open(os.path.join(out, "too-big.yaml"), "w") as f:
    f.write("questionnaire: big\n# " + "x" * (4 * 1024 * 1024 + 100) + "\n")
depth = 10000
open(os.path.join(out, "too-deep.yaml"), "w").write("questionnaire: " + "[" * depth + "]" * depth + "\n")
