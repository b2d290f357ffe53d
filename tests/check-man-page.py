#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the manual page describes the program's options, and only those.

Usage: check-man-page.py PROGRAM MAN_PAGE [VERSION]

Runs `PROGRAM --help-all` and checks that every long option it lists is
described in MAN_PAGE, and that every option MAN_PAGE names is one the
program has, so neither can drift from the other. When VERSION is given, the
page's .TH line must name it. When groff is installed, the page must also
format without a single warning (`groff -man -Tutf8 -ww -z`).
Exits 0 when all of that holds, 1 otherwise, naming each problem.
"""

import os
import re
import shutil
import subprocess
import sys

LONG_OPTION = re.compile(r"(?<![\w-])--([a-z][a-z0-9-]*)")
# In troff source a hyphen in an option is written "\-".
MAN_OPTION = re.compile(r"(?<![\w-])\\-\\-([a-z][a-z0-9\\-]*)")


def help_options(program):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    result = subprocess.run([program, "--help-all"], capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{program} --help-all exited with {result.returncode}: {result.stderr.strip()}")
    return result.stdout, set(LONG_OPTION.findall(result.stdout))


def man_options(text):
    options = set()
    for match in MAN_OPTION.findall(text):
        options.add(match.replace("\\-", "-").rstrip("-"))
    return options


def groff_warnings(path):
    groff = shutil.which("groff")
    if groff is None:
        print("note: groff is not installed; the page's formatting was not checked")
        return []
    result = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", path],
                            capture_output=True, text=True, check=False)
    problems = [line for line in result.stderr.splitlines() if line.strip()]
    if result.returncode != 0 and not problems:
        problems.append(f"groff exited with {result.returncode}")
    return problems


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip())
        return 2
    program, page = argv[1], argv[2]
    version = argv[3] if len(argv) == 4 else None

    with open(page, encoding="utf-8") as f:
        text = f.read()

    try:
        help_text, in_help = help_options(program)
    except (OSError, RuntimeError) as e:
        print(f"FAIL: {e}")
        return 1
    in_page = man_options(text)

    ok = True
    if len(in_help) < 4:
        ok = False
        print(f"FAIL: --help-all listed only {sorted(in_help)}; expected the program's options:\n{help_text}")

    undocumented = sorted(in_help - in_page)
    if undocumented:
        ok = False
        print(f"FAIL: {page} does not describe these options from --help-all:")
        for option in undocumented:
            print(f"  --{option}")

    unknown = sorted(in_page - in_help)
    if unknown:
        ok = False
        print(f"FAIL: {page} names options the program does not have:")
        for option in unknown:
            print(f"  --{option}")

    if version is not None:
        th = next((line for line in text.splitlines() if line.startswith(".TH ")), None)
        if th is None or version not in th:
            ok = False
            print(f"FAIL: the .TH line of {page} does not name version {version}: {th}")

    for problem in groff_warnings(page):
        ok = False
        print(f"FAIL: groff: {problem}")

    if ok:
        print(f"OK: {page} describes all {len(in_help)} options of --help-all and formats cleanly.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
