#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every translation in po/LINGUAS is complete and well-formed.

Usage: check-translations.py SOURCE_ROOT GETTEXT_PACKAGE

The template is extracted afresh from po/POTFILES.in with the keywords and
flags of meson's "glib" preset, so a string added to the code today fails
this test until every language translates it. For each language:
msgfmt --check must pass (headers, plural forms, format strings), and the
.po merged with the fresh template must have no untranslated and no fuzzy
message. Exits 0 when all hold, 1 otherwise.
"""

import os
import re
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib'), plus the source encoding.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.lstrip().startswith(("#", "["))]


def statistics(text):
    """(translated, fuzzy, untranslated) from msgfmt --statistics output."""
    counts = []
    for word in ("translated", "fuzzy", "untranslated"):
        m = re.search(r"(\d+) " + word + r" message", text)
        counts.append(int(m.group(1)) if m else 0)
    return counts


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip())
        return 2
    root, package = argv[1], argv[2]
    podir = os.path.join(root, "po")
    languages = read_list(os.path.join(podir, "LINGUAS"))
    if not languages:
        print("FAIL: po/LINGUAS lists no language")
        return 1

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, package + ".pot")
        result = subprocess.run(
            ["xgettext", "--package-name=" + package, "--directory=" + root,
             "--files-from=" + os.path.join(podir, "POTFILES.in"), "--output=" + pot]
            + XGETTEXT_ARGS, capture_output=True, text=True)
        if result.returncode != 0:
            print("FAIL: xgettext could not extract the template:\n" + result.stderr)
            return 1

        for lang in languages:
            po = os.path.join(podir, lang + ".po")
            if not os.path.isfile(po):
                print(f"FAIL: {lang}: po/{lang}.po does not exist")
                ok = False
                continue

            check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                                   capture_output=True, text=True)
            _, fuzzy, untranslated = statistics(check.stderr)
            if check.returncode != 0 or fuzzy or untranslated:
                print(f"FAIL: {lang}: msgfmt --check: {check.stderr.strip()}")
                ok = False

            merged = os.path.join(tmp, lang + ".po")
            merge = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot],
                                   capture_output=True, text=True)
            if merge.returncode != 0:
                print(f"FAIL: {lang}: msgmerge: {merge.stderr.strip()}")
                ok = False
                continue
            stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                   capture_output=True, text=True)
            translated, fuzzy, untranslated = statistics(stats.stderr)
            if stats.returncode != 0 or fuzzy or untranslated:
                ok = False
                missing = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", merged],
                                         capture_output=True, text=True).stdout
                ids = re.findall(r'^msgid "(.+)"$', missing, re.M)
                print(f"FAIL: {lang}: {untranslated} message(s) of the current template untranslated, "
                      f"{fuzzy} fuzzy; run ninja stem-cell-atlas-update-po and translate:")
                for msgid in ids[:20]:
                    print(f"  {msgid}")
            else:
                print(f"ok: {lang}: {translated} messages translated")

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
