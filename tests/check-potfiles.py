#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists exactly the files with translatable strings.

Usage: check-potfiles.py [SOURCE_ROOT]

Every file under src/, resources/ and data/ that holds a translatable string
must be listed in po/POTFILES.in (or in po/POTFILES.skip), otherwise its
strings silently never reach translators. Every file that POTFILES.in lists
must exist, otherwise xgettext fails and the pot file cannot be built.
Exits 0 when both hold, 1 otherwise, and names each offending file.
"""

import os
import re
import sys

SCANNED_DIRS = ("src", "resources", "data")

# These files are translatable as a whole: msgfmt and xgettext read them
# through ITS rules or the desktop-entry parser, not through gettext calls.
WHOLE_FILE_SUFFIXES = (
    ".desktop.in.in",
    ".desktop.in",
    ".metainfo.xml.in.in",
    ".metainfo.xml.in",
    ".gschema.xml",
    ".gschema.xml.in",
)

# Only source and markup files are searched; bundled data (JSON, CSS,
# images) never carries gettext calls.
SEARCHED_SUFFIXES = (".c", ".h", ".ui", ".xml", ".in", ".js", ".py", ".vala")

CODE_PATTERNS = [
    # _("…") and N_("…"), also GNU-style _ ("…"), but not some_function_("…").
    re.compile(r'(?<![\w])N?_\s*\(\s*"'),
    # C_("context", "…") and NC_("context", "…").
    re.compile(r"(?<![\w])N?C_\s*\("),
    # ngettext (), g_dngettext (), g_dpgettext2 () and friends.
    re.compile(r"(?<![\w])(?:g_)?d?n?p?gettext2?\s*\("),
    # GtkBuilder templates: GTK accepts "yes", "true" and "1".
    re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']"""),
]


def read_list(path):
    """Return the paths a POTFILES-style list names, in order."""
    entries = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                # Blank lines, comments and intltool's "[encoding: UTF-8]".
                if not line or line.startswith("#") or line.startswith("["):
                    continue
                entries.append(line)
    except FileNotFoundError:
        return None
    return entries


def has_translatable_strings(path):
    if path.endswith(WHOLE_FILE_SUFFIXES):
        return True
    if not path.endswith(SEARCHED_SUFFIXES):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                # A macro that defines _() or N_() is not a string to translate.
                if line.lstrip().startswith("#define"):
                    continue
                if any(p.search(line) for p in CODE_PATTERNS):
                    return True
    except OSError as e:
        print(f"warning: cannot read {path}: {e.strerror}", file=sys.stderr)
    return False


def find_translatable_files(root):
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                path = os.path.join(dirpath, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return found


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 0 if len(argv) == 2 else 2
    default_root = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir)
    root = os.path.abspath(argv[1] if len(argv) == 2 else default_root)

    potfiles_path = os.path.join(root, "po", "POTFILES.in")
    listed = read_list(potfiles_path)
    if listed is None:
        print(f"FAIL: {potfiles_path} does not exist")
        return 1
    skipped = read_list(os.path.join(root, "po", "POTFILES.skip")) or []

    found = find_translatable_files(root)
    unlisted = [f for f in found if f not in listed and f not in skipped]
    nonexistent = [f for f in listed if not os.path.isfile(os.path.join(root, f))]
    duplicates = sorted({f for f in listed if listed.count(f) > 1})

    ok = True
    if unlisted:
        ok = False
        print("FAIL: these files have translatable strings but are not in po/POTFILES.in:")
        for f in unlisted:
            print(f"  {f}")
    if nonexistent:
        ok = False
        print("FAIL: po/POTFILES.in lists files that do not exist:")
        for f in nonexistent:
            print(f"  {f}")
    if duplicates:
        ok = False
        print("FAIL: po/POTFILES.in lists these files more than once:")
        for f in duplicates:
            print(f"  {f}")

    # Not a failure: a file may be listed ahead of the strings it will get.
    for f in listed:
        if f not in nonexistent and f not in found:
            print(f"note: {f} is listed but has no translatable strings yet")

    if not ok:
        print("Edit po/POTFILES.in so that it lists every file with translatable strings, and only existing files.")
        return 1

    print(f"OK: po/POTFILES.in lists all {len(found)} files with translatable strings.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
