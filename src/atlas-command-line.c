/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Command-line options that act without a window. They call the same data
 * layer the UI uses, so `--validate` judges a file exactly as the app will. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-command-line.h"
#include "atlas-loader.h"
#include "atlas-refresher.h"
#include "atlas-store.h"

void
atlas_command_line_add_options (GApplication *app)
{
  g_application_add_main_option (app, "validate", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Check a dataset file with the app’s own loader and exit"), _("FILE"));
  g_application_add_main_option (app, "refresh", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Download newer data if there is any, say what happened and exit"), NULL);
  g_application_add_main_option (app, "data-url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 _("With --refresh: the https address to refresh from instead of the one in the preferences"),
                                 _("URL"));
  g_application_add_main_option (app, "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Show the version and exit"), NULL);
}

/* Prints each problem on its own line, prefixed with the file name, so
 * editors and CI logs can point at it; returns the exit status. */
int
atlas_command_line_validate (const char *path,
                             FILE       *out,
                             FILE       *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = atlas_loader_load_file (file, NULL, &error);
  if (dataset == NULL)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        fprintf (err, "%s: %s\n", path, lines[i]);
      return 1;
    }

  fprintf (out,
           /* Translators: the summary --validate prints for a good file */
           _("%s: valid — %u countries, %u products, %u sources, data version %d (published %s)\n"),
           path,
           g_list_model_get_n_items (atlas_dataset_get_countries (dataset)),
           atlas_dataset_count_products (dataset),
           g_list_model_get_n_items (atlas_dataset_get_sources (dataset)),
           atlas_dataset_get_dataset_version (dataset),
           atlas_dataset_get_generated (dataset));
  return 0;
}

/* The data address from the preferences; the build's default when the
 * settings schema is not installed (running uninstalled). */
static char *
dup_configured_data_url (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return g_strdup (DEFAULT_DATA_URL);

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "data-url");
}

static void
async_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* Does what the refresh button does, without a window, and prints one line. */
int
atlas_command_line_refresh (const char *url,
                            FILE       *out,
                            FILE       *err)
{
  g_autoptr(AtlasTrustedKeys) keys = NULL;
  g_autoptr(GError) error = NULL;

  keys = atlas_trusted_keys_new_from_resource (ATLAS_TRUSTED_KEYS_RESOURCE_PATH, &error);
  if (keys == NULL)
    {
      fprintf (err, "%s\n", error->message);
      return 1;
    }

  return atlas_command_line_refresh_with_keys (url, keys, out, err);
}

/* The same, accepting data signed by one of @keys (tests use test keys). */
int
atlas_command_line_refresh_with_keys (const char       *url,
                                      AtlasTrustedKeys *keys,
                                      FILE             *out,
                                      FILE             *err)
{
  g_autoptr(AtlasStorage) storage = atlas_storage_new_default ();
  g_autoptr(AtlasStore) store = atlas_store_new ();
  g_autoptr(AtlasRefresher) refresher = atlas_refresher_new (storage);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) refreshed = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *configured_url = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *message = NULL;
  AtlasDataset *current;
  AtlasRefreshOutcome outcome;

  atlas_store_load_async (store, storage, ATLAS_STORE_LOAD_NONE, NULL, async_done_cb, &loaded);
  if (!atlas_store_load_finish (store, wait_for_result (&loaded), &notice, &error))
    {
      fprintf (err, "%s\n", error->message);
      return 1;
    }
  if (notice != NULL)
    fprintf (err, "%s\n", notice);

  if (url == NULL)
    url = configured_url = dup_configured_data_url ();

  current = atlas_store_get_dataset (store);
  atlas_refresher_set_trusted_keys (refresher, keys);
  atlas_refresher_refresh_async (refresher, url, atlas_dataset_get_dataset_version (current),
                                 NULL, async_done_cb, &refreshed);
  outcome = atlas_refresher_refresh_finish (refresher, wait_for_result (&refreshed), &dataset, &error);

  message = atlas_refresh_outcome_describe (outcome, dataset,
                                            dataset ? atlas_dataset_count_changed_countries (current, dataset) : 0);
  if (error != NULL)
    {
      /* The first line of the detail is enough to act on. */
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", 2);

      fprintf (err, "%s (%s)\n", message, lines[0]);
      return 1;
    }

  fprintf (out, "%s\n", message);

  /* The data in use is past its expiry: say so, apart from the one line. */
  {
    AtlasDataset *in_use = dataset != NULL ? dataset : current;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (atlas_dataset_is_expired (in_use, now))
      {
        g_autofree char *expired = atlas_refresh_describe_expired (in_use);

        fprintf (err, "%s\n", expired);
      }
  }
  return 0;
}

int
atlas_command_line_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", APP_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "validate", "^&ay", &path))
    return atlas_command_line_validate (path, stdout, stderr);

  if (g_variant_dict_contains (options, "refresh"))
    {
      const char *url = NULL;

      g_variant_dict_lookup (options, "data-url", "&s", &url);
      return atlas_command_line_refresh (url, stdout, stderr);
    }

  return -1;
}
