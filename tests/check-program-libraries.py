#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The program loads none of the network module's libraries at start-up.

libsoup (with Kerberos, SQLite, nghttp2, psl, ...) and libsodium are only
needed by a refresh, and live in atlas-network.so (src/atlas-module.c).
The dynamic loader's list for the program must not name them; the module's
must, or this check would prove nothing.
"""

import subprocess
import sys

MODULE_ONLY = ("libsoup-3.0.so", "libsodium.so")


def libraries(path):
    out = subprocess.run(["ldd", path], check=True, capture_output=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def main():
    program, module = sys.argv[1], sys.argv[2]
    program_libraries = libraries(program)
    module_libraries = libraries(module)
    failed = False
    for name in MODULE_ONLY:
        if not any(lib.startswith(name) for lib in module_libraries):
            print(f"{module} does not link {name}: the check below is moot", file=sys.stderr)
            failed = True
        loaded = [lib for lib in program_libraries if lib.startswith(name)]
        if loaded:
            print(f"{program} loads {', '.join(loaded)} at start-up; it belongs in {module}", file=sys.stderr)
            failed = True
    if failed:
        sys.exit(1)
    print(f"{program}: {len(program_libraries)} libraries, none of {', '.join(MODULE_ONLY)}")


if __name__ == "__main__":
    main()
