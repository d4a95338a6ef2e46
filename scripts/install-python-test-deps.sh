#!/bin/sh
# Python packages the tests use: fhirpathpy is the reference FHIRPath engine for the
# differential tests (Tests/fhir/fhirpath_diff.py). Tests that need it skip when it is missing.
set -e
python3 -m pip install --quiet fhirpathpy 2>/dev/null \
  || python3 -m pip install --quiet --break-system-packages fhirpathpy
