#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The program asks glibc for one malloc arena before anything else
(atlas_malloc_use_one_arena() in main()): it runs with a preloaded
mallopt() that records its calls, and the first must be M_ARENA_MAX = 1."""

import os
import subprocess
import sys
import tempfile

M_ARENA_MAX = -8


def main():
    program, recorder, data = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "mallopt.log")
        env = dict(os.environ, LD_PRELOAD=recorder, ATLAS_MALLOPT_LOG=log)
        subprocess.run([program, "--validate", data], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(log) as calls:
            recorded = [tuple(int(word) for word in line.split()) for line in calls]
    print("mallopt() calls:", recorded)
    if not recorded or recorded[0] != (M_ARENA_MAX, 1):
        print("the first mallopt() call is not M_ARENA_MAX = 1")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
