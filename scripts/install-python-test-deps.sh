#!/bin/sh
# Python packages the tests use, installed by `make test`:
# - fhir.resources validates our FHIR QuestionnaireResponse output (Tests/fhir/validate_response.py);
# - fhirpathpy is the reference FHIRPath engine for the differential tests (Tests/fhir/fhirpath_diff.py).
# Debian's pip may refuse system-wide installs (PEP 668); then --break-system-packages is used.
set -e
for package in fhir.resources fhirpathpy; do
  module=$(echo "$package" | tr -d '-')
  python3 -c "import $module" 2>/dev/null && continue
  python3 -m pip install --quiet "$package" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "$package"
done
