#!/usr/bin/python3
"""The app's loader and the published JSON Schema judge data the same way.

Usage: check-schema-agreement.py APP SCHEMA TESTS_DIR BUNDLED_JSON

Every good file must pass both; every bad fixture must fail the app's
`--validate`; and every bad fixture must fail the schema too, except the
few whose problem a JSON Schema cannot express (listed below with why).
Data maintainers may check with either tool and get the same answer.
"""

import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("check-schema-agreement.py: python3-jsonschema is required\n")
    sys.exit(1)

# What only the loader can check: a schema sees one value at a time.
LOADER_ONLY = {
    "duplicate-id": "ids unique across an array",
    "expires-before-generated": "one date compared with another field's date",
    "history-out-of-order": "dates ordered across array items",
    "impossible-date": "calendar validity (30 February)",
    "member-of-not-region": "a reference to another object's kind",
    "unknown-cell-source": "a reference to an id defined elsewhere",
    "unknown-country": "a reference to an id defined elsewhere",
    "unknown-product": "a reference to an id defined elsewhere",
    "unknown-source": "a reference to an id defined elsewhere",
}


def schema_accepts(validator, path):
    with open(path, encoding="utf-8") as stream:
        document = json.load(stream)
    errors = list(validator.iter_errors(document))
    return not errors, errors


def app_accepts(app, path):
    result = subprocess.run([app, "--validate", path], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    return result.returncode == 0, result.stdout + result.stderr


def main():
    app, schema_path, tests_dir, bundled = sys.argv[1:5]
    with open(schema_path, encoding="utf-8") as stream:
        schema = json.load(stream)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    good = [bundled] + sorted(glob.glob(os.path.join(tests_dir, "fixtures", "valid", "*.json")))
    good += sorted(glob.glob(os.path.join(tests_dir, "fixtures", "compare", "*.json")))
    bad = sorted(glob.glob(os.path.join(tests_dir, "fixtures", "invalid", "*.json")))
    failures = []

    for path in good:
        ok, errors = schema_accepts(validator, path)
        if not ok:
            failures.append("%s: the schema refuses a good file: %s" % (path, errors[0].message))
        ok, output = app_accepts(app, path)
        if not ok:
            failures.append("%s: the app refuses a good file: %s" % (path, output.strip()))

    for path in bad:
        name = os.path.splitext(os.path.basename(path))[0]
        ok, output = app_accepts(app, path)
        if ok:
            failures.append("%s: the app accepts a bad file" % path)
        ok, _ = schema_accepts(validator, path)
        if name in LOADER_ONLY and not ok:
            failures.append("%s: the schema now catches this (%s): move it out of LOADER_ONLY"
                            % (path, LOADER_ONLY[name]))
        elif name not in LOADER_ONLY and ok:
            failures.append("%s: the schema accepts a bad file the app refuses" % path)

    for failure in failures:
        print("FAIL:", failure)
    print("%d good and %d bad files judged; %d schema-only gaps documented; %d disagreements"
          % (len(good), len(bad), len(LOADER_ONLY), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
