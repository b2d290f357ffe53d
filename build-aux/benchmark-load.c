/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For build-aux/benchmark: times reading, checking and loading a dataset
 * with the app's own loader, as the store's worker thread does.
 *
 *   benchmark-load FILE [RUNS]
 *
 * Prints "read-ms", "load-ms" (atlas_loader_load_bytes: syntax guard, JSON
 * parse, validation and the model) medians over RUNS (default 20), and the
 * dataset's version and counts; exits 1 if the file does not load. */

#include "config.h"

#include <stdlib.h>

#include "atlas-loader.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  double *data = (double *) (gpointer) values->data;
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  return n % 2 ? data[n / 2] : (data[n / 2 - 1] + data[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = 20;
  gsize size = 0;
  guint n_countries = 0, n_products = 0, version = 0;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    runs = MAX (1, (guint) atoi (argv[2]));

  file = g_file_new_for_commandline_arg (argv[1]);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(AtlasDataset) dataset = NULL;
      gint64 start, read_done, loaded;
      double ms;

      start = g_get_monotonic_time ();
      bytes = atlas_loader_read_file (file, NULL, &error);
      read_done = g_get_monotonic_time ();
      if (bytes != NULL)
        dataset = atlas_loader_load_bytes (bytes, &error);
      loaded = g_get_monotonic_time ();

      if (dataset == NULL)
        {
          g_printerr ("%s does not load: %s\n", argv[1], error->message);
          return 1;
        }

      ms = (read_done - start) / 1000.0;
      g_array_append_val (read_times, ms);
      ms = (loaded - read_done) / 1000.0;
      g_array_append_val (load_times, ms);

      if (run == 0)
        {
          GListModel *countries = atlas_dataset_get_countries (dataset);

          size = g_bytes_get_size (bytes);
          version = atlas_dataset_get_dataset_version (dataset);
          n_countries = g_list_model_get_n_items (countries);
          for (guint i = 0; i < n_countries; i++)
            {
              g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);

              n_products += g_list_model_get_n_items (atlas_country_get_products (country));
            }
        }
    }

  g_print ("file %s\nbytes %" G_GSIZE_FORMAT "\ndataset-version %u\ncountries %u\nproducts %u\n"
           "runs %u\nread-ms %.3f\nload-ms %.3f\n",
           argv[1], size, version, n_countries, n_products, runs, median (read_times), median (load_times));
  return 0;
}
