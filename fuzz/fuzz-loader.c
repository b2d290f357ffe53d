/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader on arbitrary bytes: a dataset or an error, never both, never
 * neither, never a crash, a hang, a leak or a sanitizer report. */

#include "config.h"

#include "atlas-loader.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_loader_load_bytes (bytes, &error);

  g_assert_true ((dataset == NULL) != (error == NULL));
  if (dataset != NULL)
    {
      /* What the app reads first from a dataset it accepted. */
      g_assert_cmpint (atlas_dataset_get_dataset_version (dataset), >=, 1);
      g_assert_nonnull (atlas_dataset_get_generated (dataset));
      g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_countries (dataset)), >=, 1);
    }
  else
    g_assert_true (error->domain == ATLAS_LOADER_ERROR);

  return 0;
}
