/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* GNOME's guidelines ask a search provider for a handful of results. */
#define ATLAS_SEARCH_MAX_RESULTS 5

char     *atlas_search_fold            (const char          *text);
GStrv     atlas_search_dataset         (AtlasDataset        *dataset,
                                        const char * const  *terms,
                                        guint                max_results);
gboolean  atlas_search_parse_result_id (const char          *result_id,
                                        char               **kind,
                                        const char         **id);
gboolean  atlas_search_describe        (AtlasDataset        *dataset,
                                        const char          *result_id,
                                        char               **name,
                                        char               **description);

G_END_DECLS
