#!/usr/bin/env python3
"""Validates FHIR R4 QuestionnaireResponse JSON files with fhir.resources.

Usage: validate_response.py FILE...   Exit 0 when every file is valid, 1 otherwise,
2 when fhir.resources is not installed (`python3 -m pip install fhir.resources`).

fhir.resources 7+ keeps R4 models under `fhir.resources.R4B` (R4B shares R4's
QuestionnaireResponse); older releases had R4 at the top level.
"""
import json
import sys

try:
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
except ImportError:
    try:
        from fhir.resources.questionnaireresponse import QuestionnaireResponse  # fhir.resources < 7 (R4)
    except ImportError:
        print("error: python package fhir.resources is missing; run: python3 -m pip install fhir.resources", file=sys.stderr)
        sys.exit(2)

ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


def check(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    parse = getattr(QuestionnaireResponse, "model_validate", None) or QuestionnaireResponse.parse_obj
    response = parse(data)
    problems = []
    if response.status != "completed":
        problems.append("status is not 'completed'")
    for group in response.item or []:
        for item in group.item or []:
            if not item.answer:
                problems.append(f"item {item.linkId} has no answer")
    return problems


def main(paths):
    failed = False
    for path in paths:
        try:
            problems = check(path)
        except Exception as error:  # pydantic ValidationError and JSON errors
            problems = [str(error)]
        if problems:
            failed = True
            for problem in problems:
                print(f"{path}: {problem}", file=sys.stderr)
        else:
            print(f"{path}: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
