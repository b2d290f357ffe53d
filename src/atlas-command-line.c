/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Command-line options that act without a window. They call the same data
 * layer the UI uses, so `--validate` judges a file exactly as the app will. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-command-line.h"
#include "atlas-loader.h"

void
atlas_command_line_add_options (GApplication *app)
{
  g_application_add_main_option (app, "validate", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Check a dataset file with the app’s own loader and exit"), _("FILE"));
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

  return -1;
}
