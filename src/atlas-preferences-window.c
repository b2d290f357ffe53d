/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasPreferencesWindow: where the data comes from and how it is kept
 * current. Every control is bound to its GSettings key, the one source of
 * truth. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-preferences-window.h"

struct _AtlasPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AtlasUpdater *updater;
  GSettings *settings;

  AdwEntryRow *data_url_row;
  GtkSwitch *auto_refresh_switch;
  GtkSwitch *metered_switch;
  AdwActionRow *status_row;
  GtkButton *refresh_button;
};

G_DEFINE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_status (AtlasPreferencesWindow *self)
{
  g_autofree char *status = atlas_updater_dup_status_text (self->updater, g_get_real_time () / G_USEC_PER_SEC);

  adw_action_row_set_subtitle (self->status_row, status);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), !atlas_updater_get_refreshing (self->updater));
}

static void
on_data_url_apply (AtlasPreferencesWindow *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->data_url_row));
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  /* Only an https address is kept; anything else would fail every refresh. */
  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    {
      g_autofree char *current = g_settings_get_string (self->settings, "data-url");
      AdwToast *toast = adw_toast_new (_("The data address must start with https://"));

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      gtk_editable_set_text (GTK_EDITABLE (self->data_url_row), current);
      return;
    }

  g_settings_set_string (self->settings, "data-url", url);
}

static void
on_reset_clicked (AtlasPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (atlas_updater_reset_to_bundled (self->updater, &error))
    toast = adw_toast_new (_("Going back to the data that came with the app"));
  else
    {
      g_autofree char *title = g_strdup_printf (_("Could not remove the downloaded data: %s"), error->message);
      /* Toast titles are markup in libadwaita 1.2; a path may hold "&" or "<". */
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      toast = adw_toast_new (escaped);
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
atlas_preferences_window_dispose (GObject *object)
{
  AtlasPreferencesWindow *self = ATLAS_PREFERENCES_WINDOW (object);

  if (self->updater != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->updater, self);
      g_signal_handlers_disconnect_by_data (atlas_updater_get_store (self->updater), self);
    }
  g_clear_object (&self->updater);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (atlas_preferences_window_parent_class)->dispose (object);
}

static void
atlas_preferences_window_class_init (AtlasPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, data_url_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, auto_refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, metered_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, refresh_button);
  gtk_widget_class_bind_template_callback (widget_class, on_data_url_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
atlas_preferences_window_init (AtlasPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AtlasPreferencesWindow *
atlas_preferences_window_new (AtlasUpdater *updater,
                              GSettings    *settings)
{
  AtlasPreferencesWindow *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (ATLAS_IS_UPDATER (updater), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ATLAS_TYPE_PREFERENCES_WINDOW, NULL);
  self->updater = g_object_ref (updater);
  self->settings = g_object_ref (settings);

  url = g_settings_get_string (settings, "data-url");
  gtk_editable_set_text (GTK_EDITABLE (self->data_url_row), url);
  g_settings_bind (settings, "auto-refresh", self->auto_refresh_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "refresh-on-metered", self->metered_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "auto-refresh", self->metered_switch, "sensitive", G_SETTINGS_BIND_GET);

  g_signal_connect_swapped (updater, "notify::refreshing", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (atlas_updater_get_store (updater), "notify::dataset", G_CALLBACK (update_status), self);
  update_status (self);

  return self;
}
