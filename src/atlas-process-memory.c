/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The process's memory as the benchmark reports it, for the app
 * (src/atlas-benchmark.c) and the bare window (build-aux/benchmark-bare.c)
 * alike. Linux only: it reads /proc/self. */

#include "config.h"

#include <string.h>

#include "atlas-process-memory.h"

/* The proportional size of the System V shared memory mapped, in kB: with
 * GSK_RENDERER=cairo on X11, GTK 4.8 uploads each frame through cairo's
 * MIT-SHM pool, which keeps the last uploaded region's pages until a later
 * upload, so it measures the frames drawn more than the program. */
static guint64
read_shm_pss_kb (void)
{
  g_autofree char *contents = NULL;
  gboolean in_shm = FALSE;
  guint64 total = 0;

  if (!g_file_get_contents ("/proc/self/smaps", &contents, NULL, NULL))
    return 0;

  for (char *line = contents; line != NULL && *line != '\0'; )
    {
      char *next = strchr (line, '\n');
      const char *space, *dash;

      if (next != NULL)
        *next++ = '\0';
      space = strchr (line, ' ');
      dash = strchr (line, '-');

      /* A mapping's header ("start-end perms offset dev inode path")
       * comes before the fields that describe it. */
      if (space != NULL && dash != NULL && dash < space)
        in_shm = strstr (line, " /SYSV") != NULL;
      else if (in_shm && g_str_has_prefix (line, "Pss:"))
        total += g_ascii_strtoull (line + strlen ("Pss:"), NULL, 10);
      line = next;
    }
  return total;
}

/* "pss-kb N pss-anon-kb N pss-file-kb N rss-kb N uss-kb N shm-pss-kb N":
 * from /proc/self/smaps_rollup, in kB, the proportional set size and its
 * anonymous and file-backed parts, the resident set size, the unique set
 * size (private pages, which other processes sharing libraries do not
 * change), and the X shared memory within the PSS. */
char *
atlas_process_memory_describe (void)
{
  static const char * const fields[] = { "Pss:", "Pss_Anon:", "Pss_File:", "Rss:", "Private_Clean:", "Private_Dirty:" };
  guint64 values[G_N_ELEMENTS (fields)] = { 0, };
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/proc/self/smaps_rollup", &contents, NULL, NULL))
    {
      for (const char *line = contents; line != NULL && *line != '\0'; )
        {
          const char *next = strchr (line, '\n');

          for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
            if (g_str_has_prefix (line, fields[i]))
              values[i] = g_ascii_strtoull (line + strlen (fields[i]), NULL, 10);
          line = next != NULL ? next + 1 : NULL;
        }
    }

  return g_strdup_printf ("pss-kb %" G_GUINT64_FORMAT " pss-anon-kb %" G_GUINT64_FORMAT
                          " pss-file-kb %" G_GUINT64_FORMAT " rss-kb %" G_GUINT64_FORMAT
                          " uss-kb %" G_GUINT64_FORMAT " shm-pss-kb %" G_GUINT64_FORMAT,
                          values[0], values[1], values[2], values[3], values[4] + values[5], read_shm_pss_kb ());
}
