/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasSearchProvider: answers GNOME Shell's overview search
 * (org.gnome.Shell.SearchProvider2) from the application's own store, on
 * the application's D-Bus connection.
 *
 * The interface has five methods, so it is implemented with a
 * GDBusInterfaceVTable rather than gdbus-codegen: no generated code to keep
 * warning-free and in step with the floor. The shell may ask before the
 * data has loaded (it starts the app with --gapplication-service for the
 * first keystroke); such calls wait for the store's dataset and are
 * answered from its notification, so no call blocks the main loop. */

#include "config.h"

#include <gtk/gtk.h>

#include "atlas-search.h"
#include "atlas-search-provider.h"

struct _AtlasSearchProvider
{
  GObject parent_instance;

  /* Not owned: the application owns the provider. */
  AtlasApplication *app;

  GDBusConnection *connection;
  guint registration_id;

  /* Calls that wait for the data; each holds the application. */
  GQueue pending;
};

G_DEFINE_FINAL_TYPE (AtlasSearchProvider, atlas_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static AtlasDataset *
get_dataset (AtlasSearchProvider *self)
{
  return atlas_store_get_dataset (atlas_application_get_store (self->app));
}

static GStrv
search (AtlasSearchProvider *self,
        const char * const  *terms)
{
  AtlasDataset *dataset = get_dataset (self);

  /* Without data (it failed to load) there is nothing to find. */
  if (dataset == NULL)
    return g_new0 (char *, 1);

  return atlas_search_dataset (dataset, terms, ATLAS_SEARCH_MAX_RESULTS);
}

static void
return_initial_result_set (AtlasSearchProvider   *self,
                           GDBusMethodInvocation *invocation)
{
  g_autofree const char **terms = NULL;
  g_auto(GStrv) results = NULL;

  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(^a&s)", &terms);
  results = search (self, terms);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", results));
}

/* The shell asks for a subsearch when every term extends the previous one,
 * so what matches now matched before. If the previous answer was complete
 * (shorter than the limit), the new one keeps to it, as the interface asks;
 * if it was cut at the limit, searching everything again finds the best of
 * the earlier matches rather than only those that happened to be shown. */
static void
return_subsearch_result_set (AtlasSearchProvider   *self,
                             GDBusMethodInvocation *invocation)
{
  g_autofree const char **previous = NULL;
  g_autofree const char **terms = NULL;
  g_auto(GStrv) results = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(^a&s^a&s)", &previous, &terms);
  results = search (self, terms);

  for (guint i = 0; results[i] != NULL; i++)
    {
      if (g_strv_length ((char **) previous) < ATLAS_SEARCH_MAX_RESULTS &&
          !g_strv_contains (previous, results[i]))
        continue;

      g_ptr_array_add (kept, results[i]);
    }
  g_ptr_array_add (kept, NULL);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", (char **) kept->pdata));
}

static void
return_result_metas (AtlasSearchProvider   *self,
                     GDBusMethodInvocation *invocation)
{
  AtlasDataset *dataset = get_dataset (self);
  g_autofree const char **ids = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GVariant) serialized_icon = g_icon_serialize (icon);
  GVariantBuilder metas;

  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(^a&s)", &ids);
  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; dataset != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      GVariantBuilder meta;

      /* An id from before a refresh may be gone; the shell skips it. */
      if (!atlas_search_describe (dataset, ids[i], &name, &description))
        continue;

      g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "icon", serialized_icon);
      g_variant_builder_add_value (&metas, g_variant_builder_end (&meta));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
}

static void
return_pending (AtlasSearchProvider   *self,
                GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);

  if (g_str_equal (method, "GetInitialResultSet"))
    return_initial_result_set (self, invocation);
  else if (g_str_equal (method, "GetSubsearchResultSet"))
    return_subsearch_result_set (self, invocation);
  else
    return_result_metas (self, invocation);
}

static void
flush_pending (AtlasSearchProvider *self)
{
  GDBusMethodInvocation *invocation;

  if (get_dataset (self) == NULL && atlas_application_get_load_error (self->app) == NULL)
    return;

  /* return_* take over the reference to the invocation. */
  while ((invocation = g_queue_pop_head (&self->pending)) != NULL)
    {
      return_pending (self, invocation);
      g_application_release (G_APPLICATION (self->app));
    }
}

/* The window, once the action has made or found one, comes forward with the
 * time of the user's click, so focus-stealing prevention lets it. */
static void
present_with_time (AtlasSearchProvider *self,
                   guint32              timestamp)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->app));

  if (window != NULL)
    gtk_window_present_with_time (window, timestamp);
}

static void
activate_result (AtlasSearchProvider   *self,
                 GDBusMethodInvocation *invocation)
{
  const char *identifier = NULL;
  g_autofree const char **terms = NULL;
  guint32 timestamp = 0;

  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(&s^a&su)", &identifier, &terms, &timestamp);
  g_action_group_activate_action (G_ACTION_GROUP (self->app), "show-result", g_variant_new_string (identifier));
  present_with_time (self, timestamp);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
launch_search (AtlasSearchProvider   *self,
               GDBusMethodInvocation *invocation)
{
  g_autofree const char **terms = NULL;
  g_autofree char *text = NULL;
  guint32 timestamp = 0;

  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(^a&su)", &terms, &timestamp);
  text = g_strjoinv (" ", (char **) terms);
  g_action_group_activate_action (G_ACTION_GROUP (self->app), "search-for", g_variant_new_string (text));
  present_with_time (self, timestamp);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  AtlasSearchProvider *self = user_data;

  /* Holding and releasing restarts the inactivity timeout of a copy that
   * D-Bus started, so it stays while the user types. */
  g_application_hold (G_APPLICATION (self->app));

  if (g_str_equal (method_name, "ActivateResult"))
    activate_result (self, invocation);
  else if (g_str_equal (method_name, "LaunchSearch"))
    launch_search (self, invocation);
  else if (get_dataset (self) != NULL)
    return_pending (self, invocation);
  else
    {
      /* The hold is released when the data is there to answer. */
      g_queue_push_tail (&self->pending, invocation);
      atlas_application_load_data (self->app);
      flush_pending (self);
      return;
    }

  g_application_release (G_APPLICATION (self->app));
}

static const GDBusInterfaceVTable vtable = {
  method_call_cb, NULL, NULL, { 0 }
};

static void
atlas_search_provider_dispose (GObject *object)
{
  AtlasSearchProvider *self = ATLAS_SEARCH_PROVIDER (object);

  atlas_search_provider_unregister (self);

  G_OBJECT_CLASS (atlas_search_provider_parent_class)->dispose (object);
}

static void
atlas_search_provider_class_init (AtlasSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_search_provider_dispose;
}

static void
atlas_search_provider_init (AtlasSearchProvider *self)
{
  g_queue_init (&self->pending);
}

AtlasSearchProvider *
atlas_search_provider_new (AtlasApplication *app)
{
  AtlasSearchProvider *self;

  g_return_val_if_fail (ATLAS_IS_APPLICATION (app), NULL);

  self = g_object_new (ATLAS_TYPE_SEARCH_PROVIDER, NULL);
  self->app = app;

  g_signal_connect_object (atlas_application_get_store (app), "notify::dataset",
                           G_CALLBACK (flush_pending), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::load-error",
                           G_CALLBACK (flush_pending), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * atlas_search_provider_register:
 * @object_path: where to export the interface, normally the application's
 *   object path followed by %ATLAS_SEARCH_PROVIDER_PATH_SUFFIX
 *
 * Exports org.gnome.Shell.SearchProvider2 on @connection. Called from the
 * application's dbus_register, before the bus name is taken, so that a call
 * that started the application finds the object.
 */
gboolean
atlas_search_provider_register (AtlasSearchProvider  *self,
                                GDBusConnection      *connection,
                                const char           *object_path,
                                GError              **error)
{
  g_autoptr(GDBusNodeInfo) node = NULL;

  g_return_val_if_fail (ATLAS_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  node = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (node == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path, node->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
atlas_search_provider_unregister (AtlasSearchProvider *self)
{
  GDBusMethodInvocation *invocation;

  g_return_if_fail (ATLAS_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    {
      g_dbus_connection_unregister_object (self->connection, self->registration_id);
      self->registration_id = 0;
    }
  g_clear_object (&self->connection);

  /* Only a quit leaves calls waiting (each holds the application, which
   * otherwise would not shut down), so their holds need no release. */
  while ((invocation = g_queue_pop_head (&self->pending)) != NULL)
    g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                                   "The application is quitting");
}
