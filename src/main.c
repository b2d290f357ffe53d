/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-malloc.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;

  /* First: the threads GLib and GTK start allocate from then on. */
  atlas_malloc_use_one_arena ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Country names come translated from iso-codes. */
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = atlas_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
