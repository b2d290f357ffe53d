#!/usr/bin/python3
"""Validate Stem Cell Atlas dataset files against the JSON Schema.

Usage: schema-check.py SCHEMA FILE...

Prints "FILE: ok" for each valid file, or each error with its JSON path.
Exits 0 only if every file is valid.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("schema-check.py: the python3 'jsonschema' module is required\n")
    sys.exit(77)  # "skipped" for meson/automake test harnesses


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        if isinstance(part, int):
            path += "[%d]" % part
        else:
            path += "." + str(part)
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: %s SCHEMA FILE...\n" % argv[0])
        return 2

    try:
        schema = load(argv[1])
    except (OSError, ValueError) as e:
        sys.stderr.write("%s: cannot read schema: %s\n" % (argv[1], e))
        return 2

    validator_class = getattr(jsonschema, "Draft202012Validator", None)
    if validator_class is None:
        sys.stderr.write("schema-check.py: jsonschema too old (no Draft202012Validator)\n")
        return 2
    try:
        validator_class.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        sys.stderr.write("%s: invalid schema: %s\n" % (argv[1], e.message))
        return 2
    validator = validator_class(schema)

    all_ok = True
    for path in argv[2:]:
        try:
            doc = load(path)
        except (OSError, ValueError) as e:
            print("%s: cannot read: %s" % (path, e))
            all_ok = False
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
        if not errors:
            print("%s: ok" % path)
            continue
        all_ok = False
        for error in errors:
            print("%s: %s: %s" % (path, json_path(error), error.message))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
