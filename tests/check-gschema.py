#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every GSettings key has a summary and a description.

Usage: check-gschema.py SCHEMA.gschema.xml

dconf-editor and `gsettings describe` show them to people who look at the
settings outside the app; glib-compile-schemas --strict does not require
them. Exits 0 when every key has both, non-empty, 1 otherwise.
"""

import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip())
        return 2
    root = ET.parse(argv[1]).getroot()
    problems = []
    keys = root.findall("./schema/key")
    for key in keys:
        for field in ("summary", "description"):
            element = key.find(field)
            if element is None or not (element.text or "").strip():
                problems.append(f"key {key.get('name')!r} has no {field}")
    if not keys:
        problems.append("no keys found")
    for problem in problems:
        print(f"FAIL: {argv[1]}: {problem}")
    if problems:
        return 1
    print(f"OK: all {len(keys)} keys have a summary and a description.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
