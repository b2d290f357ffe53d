/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preloaded by check-program-malloc.py: writes each mallopt() call the
 * program makes to $ATLAS_MALLOPT_LOG as "PARAM VALUE", then makes it. */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int mallopt (int param, int value);

int
mallopt (int param,
         int value)
{
  static int (*real_mallopt) (int, int);
  const char *path = getenv ("ATLAS_MALLOPT_LOG");

  if (path != NULL)
    {
      FILE *log = fopen (path, "a");

      if (log != NULL)
        {
          fprintf (log, "%d %d\n", param, value);
          fclose (log);
        }
    }

  if (real_mallopt == NULL)
    real_mallopt = (int (*) (int, int)) dlsym (RTLD_NEXT, "mallopt");
  return real_mallopt != NULL ? real_mallopt (param, value) : 0;
}
