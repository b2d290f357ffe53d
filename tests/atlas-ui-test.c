/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

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

/* g_test_init() with isolated directories, except the system data
 * directories the window needs (see below). */
void
atlas_ui_test_init (int    *argc,
                    char ***argv)
{
  atlas_ui_test_save_system_data_dirs ();
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  atlas_ui_test_use_system_data_dirs ();
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
atlas_ui_test_destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);

  /* Let the destruction finish before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
atlas_ui_test_close_window (AtlasWindow *window)
{
  atlas_ui_test_destroy_window (GTK_WINDOW (window));
}

/* A registered application with the bundled data loaded, held for the
 * whole test program. */
AtlasApplication *
atlas_ui_test_start_app (void)
{
  g_autoptr(GError) error = NULL;
  AtlasApplication *app = atlas_application_new ();

  /* Another instance on the session bus must not take the test over. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  atlas_application_load_data (app);
  WAIT_UNTIL (atlas_store_get_dataset (atlas_application_get_store (app)) != NULL ||
              atlas_application_get_load_error (app) != NULL);
  g_assert_null (atlas_application_get_load_error (app));

  return app;
}

/* The first widget below @root, depth first, that @match accepts. */
GtkWidget *
atlas_ui_test_find (GtkWidget        *root,
                    AtlasUiTestMatch  match,
                    gconstpointer     data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;

      found = atlas_ui_test_find (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* How many widgets below @root, shown or not, @match accepts. */
guint
atlas_ui_test_count (GtkWidget        *root,
                     AtlasUiTestMatch  match,
                     gconstpointer     data)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += match (child, data) + atlas_ui_test_count (child, match, data);

  return n;
}

gboolean
atlas_ui_test_is_status_page (GtkWidget     *widget,
                              gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

/* A boxed-list row with @title, or any such row when @title is NULL. */
gboolean
atlas_ui_test_is_row (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0);
}

gboolean
atlas_ui_test_is_group (GtkWidget     *widget,
                        gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

gboolean
atlas_ui_test_is_label_with_class (GtkWidget     *widget,
                                   gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

gboolean
atlas_ui_test_is_label_with_text (GtkWidget     *widget,
                                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
atlas_ui_test_is_icon (GtkWidget     *widget,
                       gconstpointer  icon_name)
{
  return GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0;
}

/* An icon that only decorates: found below @root, and left out of the
 * accessibility tree. */
void
atlas_ui_test_assert_decorative_icon (GtkWidget  *root,
                                      const char *icon_name)
{
  GtkWidget *icon = atlas_ui_test_find (root, atlas_ui_test_is_icon, icon_name);

  g_assert_nonnull (icon);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (icon)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

/* A widget of the GType in @type (GSIZE_TO_POINTER (GTK_TYPE_…)). */
gboolean
atlas_ui_test_is_of_type (GtkWidget     *widget,
                          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Scrolls @page down until every group of its country is on it, as a
 * reader going to the end would: the page makes the groups below the view
 * as they come near it. */
void
atlas_ui_test_scroll_to_end (AtlasCountryPage *page)
{
  GtkWidget *scrolled_window = atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_of_type,
                                                    GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled_window);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled_window));

  WAIT_UNTIL (!atlas_country_page_get_building (page));
  while (!atlas_country_page_get_complete (page))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      /* A paused build resumes at once: else this would loop for ever. */
      g_assert_true (atlas_country_page_get_building (page));
      WAIT_UNTIL (!atlas_country_page_get_building (page));
    }
}
