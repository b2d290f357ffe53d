/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the app asks glibc's allocator to keep its heap small. Both calls do
 * nothing where mallopt() is missing. */

#include "config.h"

#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#include "atlas-malloc.h"

/**
 * atlas_malloc_use_one_arena:
 *
 * Makes every thread allocate from the main heap. glibc gives each thread
 * that allocates an arena of its own (up to 8 per CPU): the D-Bus, dconf
 * and loader threads each keep one, with its own free pages, and the data
 * the loader builds stays in the loader's. One arena is 0.4 MiB less at
 * rest with the bundled data and 0.8 MiB with a large dataset, with no
 * measurable cost: the loader allocates while the main thread mostly
 * waits, and each thread's cache of small blocks spares it the lock.
 *
 * Call it before any other thread starts: an arena, once made, stays.
 */
void
atlas_malloc_use_one_arena (void)
{
#ifdef HAVE_MALLOPT
  mallopt (M_ARENA_MAX, 1);
#endif
}

/**
 * atlas_malloc_fix_thresholds:
 *
 * Fixes glibc's mmap and trim thresholds at their default, 128 KiB.
 *
 * glibc serves a block above its mmap threshold from its own mapping and
 * raises the threshold to the largest such block freed: after the first
 * frame's image (a whole window, ~3 MB) every later frame's image and
 * table comes from the heap, whose free memory is returned only above
 * twice that. Fixed, large blocks go back to the system when freed: 0.4 MiB
 * less at rest. The app calls it once the first frame is drawn: start-up
 * makes and drops many such blocks (called from the start it cost ~25 ms of
 * CPU before the window showed).
 */
void
atlas_malloc_fix_thresholds (void)
{
#ifdef HAVE_MALLOPT
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
  mallopt (M_TRIM_THRESHOLD, 128 * 1024);
#endif
}
