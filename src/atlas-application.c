/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasApplication: owns the store and the settings, and opens the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-benchmark.h"
#include "atlas-command-line.h"
#include "atlas-resources.h"
#include "atlas-date.h"
#include "atlas-malloc.h"
#include "atlas-preferences-window.h"
#include "atlas-search.h"
#include "atlas-search-provider.h"
#include "atlas-updater.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;

  AtlasStore *store;
  GSettings *settings;
  AtlasUpdater *updater;

  AtlasSearchProvider *search_provider;
  /* A search result to show once the data has loaded. */
  char *pending_result;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_updater_notify (AtlasApplication *self,
                   GParamSpec       *pspec)
{
  /* The window follows the application; the updater does the work. */
  if (g_str_equal (pspec->name, "loading"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  else if (g_str_equal (pspec->name, "load-error"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
}

/**
 * atlas_application_load_data:
 *
 * Starts loading the data to show (the newer of the bundled and the
 * downloaded copy), once. Windows follow the progress through the store's
 * dataset and the "loading" and "load-error" properties.
 */
void
atlas_application_load_data (AtlasApplication *self)
{
  g_return_if_fail (ATLAS_IS_APPLICATION (self));
  g_return_if_fail (self->updater != NULL);

  atlas_malloc_fix_thresholds ();
  atlas_benchmark_loading (self);
  atlas_updater_start (self->updater);
}

static void
on_first_frame_painted (GdkFrameClock    *frame_clock,
                        AtlasApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted, self);
  atlas_application_load_data (self);
}

static gboolean
load_data_timeout_cb (gpointer user_data)
{
  atlas_application_load_data (user_data);
  return G_SOURCE_REMOVE;
}

/* The data starts loading once @window is first drawn: on a machine with
 * two cores, a loader thread working through a large file slows the first
 * frame down, and the window shows "Loading" meanwhile anyway. A window
 * that is not drawn within a second does not hold the data back. */
static void
load_data_after_first_frame (AtlasApplication *self,
                             GtkWindow        *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (frame_clock == NULL)
    {
      atlas_application_load_data (self);
      return;
    }

  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_first_frame_painted), self, 0);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 1000, load_data_timeout_cb, g_object_ref (self), g_object_unref);
}

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AtlasApplication *self = user_data;

  atlas_updater_refresh (self->updater);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AtlasPreferencesWindow *preferences = atlas_preferences_window_new (self->updater, self->settings);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AtlasApplication *self = user_data;
  AtlasDataset *dataset = atlas_store_get_dataset (self->store);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GString) comments = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  AdwAboutWindow *about;

  g_string_append (comments, _("A reference on how countries regulate stem-cell research and therapies."));

  if (dataset != NULL)
    {
      g_autofree char *status = atlas_updater_dup_status_text (self->updater, g_get_real_time () / G_USEC_PER_SEC);

      g_string_append (comments, "\n\n");
      g_string_append (comments, status);
    }

  /* The about window parses comments as markup. */
  escaped = g_markup_escape_text (comments->str, -1);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Stem Cell Atlas"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Stem Cell Atlas contributors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/stemcellatlas/stem-cell-atlas");
  adw_about_window_set_issue_url (about, "https://github.com/stemcellatlas/stem-cell-atlas/issues");
  adw_about_window_set_comments (about, escaped);
  adw_about_window_set_copyright (about, _("© The Stem Cell Atlas contributors"));
  /* Translators: Replace "translator-credits" with your name and address. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);

  gtk_window_present (GTK_WINDOW (about));
}

/* The most recently used main window. Dialogs such as the preferences are
 * windows of the application too, so the active window need not be it. */
static AtlasWindow *
find_main_window (AtlasApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (ATLAS_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* The main window, presented, with the data loading; made the usual way
 * (activate) when there is none. */
static AtlasWindow *
ensure_main_window (AtlasApplication *self)
{
  AtlasWindow *window = find_main_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = find_main_window (self);
    }
  if (window == NULL)
    window = atlas_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  atlas_application_load_data (self);

  return window;
}

/* Activates "win.@name" with @id if the window has that action (a page
 * may add it, through the action map or as a class action) and it takes a
 * string or nothing. Returns FALSE otherwise. */
static gboolean
activate_window_action (AtlasWindow *window,
                        const char  *name,
                        const char  *id)
{
  g_autofree char *detailed = g_strconcat ("win.", name, NULL);
  g_autoptr(GVariant) parameter = g_variant_ref_sink (g_variant_new_string (id));
  const GVariantType *parameter_type = NULL;
  gboolean found = FALSE;

  if (g_action_group_has_action (G_ACTION_GROUP (window), name))
    {
      found = TRUE;
      parameter_type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (window), name);
    }

  for (guint i = 0; !found; i++)
    {
      GType owner;
      const char *action_name;
      const char *property_name;

      if (!gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &action_name,
                                          &parameter_type, &property_name))
        return FALSE;
      found = g_str_equal (action_name, detailed);
    }

  if (parameter_type == NULL)
    return gtk_widget_activate_action_variant (GTK_WIDGET (window), detailed, NULL);
  if (g_variant_type_equal (parameter_type, G_VARIANT_TYPE_STRING))
    return gtk_widget_activate_action_variant (GTK_WIDGET (window), detailed, parameter);

  return FALSE;
}

/* Opens the window on a search result from GNOME Shell: "country:jp"
 * selects Japan, "product:stemirac-jp" the product's country;
 * "cell-source:ipsc" and "condition:parkinsons" go to the therapy and
 * condition pages when the window has them. */
static void
show_result (AtlasApplication *self,
             const char       *result_id)
{
  AtlasWindow *window = ensure_main_window (self);
  AtlasDataset *dataset = atlas_store_get_dataset (self->store);
  g_autofree char *kind = NULL;
  const char *id = NULL;

  g_clear_pointer (&self->pending_result, g_free);

  if (!atlas_search_parse_result_id (result_id, &kind, &id))
    {
      g_debug ("Not a search result: %s", result_id);
      return;
    }

  if (dataset == NULL)
    {
      /* on_store_dataset_for_result() comes back here. */
      self->pending_result = g_strdup (result_id);
      return;
    }

  if (g_str_equal (kind, "country"))
    {
      atlas_window_select_country (window, id);
    }
  else if (g_str_equal (kind, "product"))
    {
      AtlasCountry *country = atlas_dataset_find_product_country (dataset, id);

      if (country != NULL)
        atlas_window_select_country (window, atlas_country_get_id (country));
    }
  else if (g_str_equal (kind, "cell-source"))
    {
      activate_window_action (window, "show-therapies", id);
    }
  else if (g_str_equal (kind, "condition"))
    {
      activate_window_action (window, "show-conditions", id);
    }
}

static void
on_store_dataset_for_result (AtlasApplication *self)
{
  g_autofree char *result_id = g_steal_pointer (&self->pending_result);

  if (result_id != NULL && atlas_store_get_dataset (self->store) != NULL)
    show_result (self, result_id);
}

static void
show_result_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  show_result (ATLAS_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

/* Opens the window with its search filled in, as "Search in the app" in
 * GNOME Shell does. */
static void
search_for_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AtlasWindow *window = ensure_main_window (ATLAS_APPLICATION (user_data));

  atlas_window_search_for (window, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "show-result", show_result_activated, "s", NULL, NULL, { 0 } },
  { "search-for", search_for_activated, "s", NULL, NULL, { 0 } },
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
  { "refresh", refresh_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
};

/* The window's views, the comparison and its exports. */
static const struct {
  const char *action;
  const char *accels[2];
} window_accels[] = {
  { "win.show-compare", { "<Control>1", NULL } },
  { "win.show-therapies('')", { "<Control>2", NULL } },
  { "win.show-conditions('')", { "<Control>3", NULL } },
  { "win.show-guidance", { "<Control>4", NULL } },
  { "win.add-to-comparison", { "<Control>d", NULL } },
  { "win.export-csv", { "<Control>e", NULL } },
  { "win.export-markdown", { "<Control><Shift>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  /* GtkApplication would set this for a gtk/help-overlay.ui resource,
   * which it builds for every window up front; the window builds ours
   * when it is first asked for. */
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *refresh_accels[] = { "<Control>r", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(AtlasStorage) storage = NULL;

  /* AdwApplication loads style.css and style-dark.css from the resources. */
  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  /* Created here rather than in init so that command-line options, which
   * run before startup, work without the schema installed. */
  self->settings = g_settings_new (APP_ID);
  storage = atlas_storage_new_default ();
  self->updater = atlas_updater_new (self->store, storage, self->settings, g_network_monitor_get_default ());
  g_signal_connect_object (self->updater, "notify", G_CALLBACK (on_updater_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::dataset", G_CALLBACK (on_store_dataset_for_result), self,
                           G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  for (guint i = 0; i < G_N_ELEMENTS (window_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), window_accels[i].action, window_accels[i].accels);
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (self));

  gtk_window_present (window);

  atlas_benchmark_attach (window);
  load_data_after_first_frame (self, window);
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  return atlas_command_line_handle_local_options (application, options);
}

static void
atlas_application_shutdown (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  /* Quitting mid-download leaves nothing half-written: the refresher only
   * ever writes complete, validated data, by rename. */
  if (self->updater != NULL)
    g_object_run_dispose (G_OBJECT (self->updater));

  G_APPLICATION_CLASS (atlas_application_parent_class)->shutdown (application);
}

/* GNOME Shell's search provider lives on the application's own connection
 * and bus name, so the .service file that starts the app for a search is
 * the one that starts it for anything else. */
static gboolean
atlas_application_dbus_register (GApplication     *application,
                                 GDBusConnection  *connection,
                                 const char       *object_path,
                                 GError          **error)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autofree char *provider_path = g_strconcat (object_path, ATLAS_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (atlas_application_parent_class)->dbus_register (application, connection,
                                                                           object_path, error))
    return FALSE;

  /* Started by D-Bus for a search, with no window to keep it running:
   * stay for the next keystroke's query rather than start again. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, ATLAS_SEARCH_PROVIDER_INACTIVITY_TIMEOUT);

  self->search_provider = atlas_search_provider_new (self);
  return atlas_search_provider_register (self->search_provider, connection, provider_path, error);
}

static void
atlas_application_dbus_unregister (GApplication    *application,
                                   GDBusConnection *connection,
                                   const char      *object_path)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  if (self->search_provider != NULL)
    atlas_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (atlas_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_object (&self->search_provider);
  g_clear_pointer (&self->pending_result, g_free);
  g_clear_object (&self->updater);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, atlas_application_get_loading (self));
      break;

    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, atlas_application_get_load_error (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resources live in a static library: without a reference from code
   * the linker would drop them, and with them the UI and the bundled data.
   * Referring to them keeps the object, whose constructor registers them. */
  g_assert (atlas_get_resource () != NULL);

  object_class->dispose = atlas_application_dispose;
  object_class->get_property = atlas_application_get_property;

  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
  app_class->handle_local_options = atlas_application_handle_local_options;
  app_class->shutdown = atlas_application_shutdown;
  app_class->dbus_register = atlas_application_dbus_register;
  app_class->dbus_unregister = atlas_application_dbus_unregister;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_application_init (AtlasApplication *self)
{
  self->store = atlas_store_new ();

  atlas_command_line_add_options (G_APPLICATION (self));
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

AtlasStore *
atlas_application_get_store (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->store;
}

/* NULL until the application has started up. */
GSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* NULL until the application has started up. */
AtlasUpdater *
atlas_application_get_updater (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->updater;
}

gboolean
atlas_application_get_loading (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), FALSE);

  return self->updater != NULL && atlas_updater_get_loading (self->updater);
}

const GError *
atlas_application_get_load_error (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->updater ? atlas_updater_get_load_error (self->updater) : NULL;
}
