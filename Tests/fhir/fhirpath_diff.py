#!/usr/bin/env python3
"""Evaluates FHIRPath cases with fhirpathpy (the reference) for the differential tests.

Input (argv[1]): JSON list of cases
  {"id": str, "resource": {...}, "questionnaire": {...},
   "variables": [[name, expression], ...], "expression": str}
Variables are evaluated in order, each seeing %resource, %questionnaire and the earlier
ones, exactly as the SDC `variable` extension is. Output (stdout): JSON list of
  {"id": str, "result": [...]} or {"id": str, "error": str}
Decimals become floats, booleans {"__bool__": b}; objects stay objects. Used by FHIRPathDifferentialTests.swift.
"""
import json
import sys
from decimal import Decimal

from fhirpathpy import evaluate
from fhirpathpy.models import models


def plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return {"__bool__": value}  # JSON readers on Linux cannot tell true from 1
    if isinstance(value, (int, float, str)) or value is None:
        return value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


def run(case):
    resource = case["resource"]
    context = {"resource": resource, "questionnaire": case["questionnaire"]}
    model = models["r4"]
    for name, expression in case["variables"]:
        context[name] = evaluate(resource, expression, context, model=model)
    return evaluate(resource, case["expression"], context, model=model)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    out = []
    for case in cases:
        try:
            out.append({"id": case["id"], "result": plain(run(case))})
        except Exception as error:  # the reference refuses: report, the Swift side decides
            out.append({"id": case["id"], "error": f"{type(error).__name__}: {error}"})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
