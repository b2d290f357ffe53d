/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "atlas-ui-test.h"

static char *system_data_dirs;

gboolean
atlas_ui_test_timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Call before g_test_init(), whose isolation replaces the system data
 * directories too. */
void
atlas_ui_test_save_system_data_dirs (void)
{
  const char *dirs = g_getenv ("XDG_DATA_DIRS");

  g_free (system_data_dirs);
  system_data_dirs = g_strdup (dirs != NULL ? dirs : "/usr/local/share:/usr/share");
}

/* The window needs the system data directories for the icon theme and the
 * MIME database that loads the icons. They are read-only, so a test still
 * writes nothing outside its own directories. */
void
atlas_ui_test_use_system_data_dirs (void)
{
  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
}

AtlasWindow *
atlas_ui_test_open_window (AtlasApplication *app)
{
  AtlasWindow *window;

  atlas_ui_test_use_system_data_dirs ();
  window = atlas_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

void
atlas_ui_test_close_window (AtlasWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));

  /* Let the destruction finish before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
