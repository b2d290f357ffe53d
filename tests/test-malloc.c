/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The allocator settings the app makes at start-up. */

#include "config.h"

#include <stdio.h>
#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#include "atlas-malloc.h"

/* AddressSanitizer brings an allocator of its own, which ignores these. */
#if defined(HAVE_MALLOPT) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define HAVE_GLIBC_MALLOC 1
#endif

#ifdef HAVE_GLIBC_MALLOC
/* How many arenas glibc's malloc_info() reports: one <heap> each. */
static guint
count_arenas (void)
{
  g_autofree char *report = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&report, &length);
  guint count = 0;

  g_assert_nonnull (stream);
  g_assert_cmpint (malloc_info (0, stream), ==, 0);
  g_assert_cmpint (fclose (stream), ==, 0);

  for (const char *at = report; (at = strstr (at, "<heap nr=")) != NULL; at++)
    count++;
  return count;
}

static gpointer
allocate_in_thread (gpointer data)
{
  (void) data;

  /* Kept until the arenas are counted: a thread's first allocation picks its arena. */
  return g_malloc (1000);
}
#endif

/* After atlas_malloc_use_one_arena(), threads allocate from the main
 * heap: without it each of these threads would get an arena of its own. */
static void
test_one_arena (void)
{
#ifdef HAVE_GLIBC_MALLOC
  GThread *threads[4];
  gpointer blocks[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("allocating", allocate_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    blocks[i] = g_thread_join (threads[i]);

  g_assert_cmpuint (count_arenas (), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    g_free (blocks[i]);
#else
  g_test_skip ("needs glibc's own malloc, mallopt() and malloc_info()");
#endif
}

/* Large blocks get mappings of their own, and stay so after a larger one
 * came and went (glibc would otherwise raise its threshold to that size). */
static void
test_fixed_thresholds (void)
{
#if defined(HAVE_GLIBC_MALLOC) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  size_t mapped_before;
  void *block;

  atlas_malloc_fix_thresholds ();
  g_free (g_malloc (4 * 1024 * 1024));

  mapped_before = mallinfo2 ().hblkhd;
  block = g_malloc (512 * 1024);
  g_assert_cmpuint (mallinfo2 ().hblkhd, >=, mapped_before + 512 * 1024);
  g_free (block);
#else
  g_test_skip ("needs glibc's own malloc, mallopt() and mallinfo2()");
#endif
}

int
main (int   argc,
      char *argv[])
{
  /* As the app does, before any other thread starts. */
  atlas_malloc_use_one_arena ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/malloc/one-arena", test_one_arena);
  g_test_add_func ("/malloc/fixed-thresholds", test_fixed_thresholds);

  return g_test_run ();
}
