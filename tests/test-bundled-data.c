/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dataset compiled into the app loads through the real resource path and
 * says what a reader relies on: every product has a status and a source,
 * statuses are exact, every country is dated and has a regulator. */

#include "config.h"

#include "atlas-entry.h"
#include "atlas-store.h"

static AtlasDataset *bundled;

static void
bundled_loaded_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_store_load_bundled_finish (ATLAS_STORE (source_object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static AtlasDataset *
load_bundled (void)
{
  g_autoptr(AtlasStore) store = atlas_store_new ();
  gboolean done = FALSE;

  atlas_store_load_bundled_async (store, NULL, bundled_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return g_object_ref (atlas_store_get_dataset (store));
}

static void
test_founding_countries (void)
{
  static const struct { const char *id; const char *name; } founders[] = {
    { "us", "United States" }, { "jp", "Japan" }, { "kr", "South Korea" }, { "cn", "China" },
  };

  g_assert_cmpint (atlas_dataset_get_schema_version (bundled), ==, ATLAS_SCHEMA_VERSION);
  g_assert_cmpint (atlas_dataset_get_dataset_version (bundled), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_countries (bundled)), >=, 4);

  for (guint i = 0; i < G_N_ELEMENTS (founders); i++)
    {
      AtlasCountry *country = atlas_dataset_lookup_country (bundled, founders[i].id);

      g_assert_nonnull (country);
      g_assert_cmpstr (atlas_country_get_name (country), ==, founders[i].name);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_products (country)), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_LAWS)), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_MILESTONES)), >, 0);
    }
}

static void
assert_sources_exist (const char * const *source_ids)
{
  g_assert_nonnull (source_ids);
  g_assert_nonnull (source_ids[0]);
  for (guint i = 0; source_ids[i] != NULL; i++)
    g_assert_nonnull (atlas_dataset_lookup_source (bundled, source_ids[i]));
}

static void
test_every_fact_sourced (void)
{
  GListModel *countries = atlas_dataset_get_countries (bundled);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *products = atlas_country_get_products (country);

      g_assert_nonnull (atlas_country_get_reviewed (country));
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_REGULATORS)), >, 0);
      if (g_list_model_get_n_items (products) == 0)
        g_assert_nonnull (atlas_country_get_no_products_note (country));

      for (AtlasSection section = 0; section < ATLAS_N_SECTIONS; section++)
        {
          GListModel *entries = atlas_country_get_section (country, section);

          for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
            {
              g_autoptr(AtlasEntry) entry = g_list_model_get_item (entries, j);

              assert_sources_exist (atlas_entry_get_source_ids (entry));
            }
        }

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          g_assert_cmpuint (atlas_product_get_n_status_changes (product), >, 0);
          g_assert_nonnull (atlas_product_get_status_date (product));
          g_assert_nonnull (atlas_dataset_lookup_cell_source (bundled, atlas_product_get_cell_source_id (product)));
          assert_sources_exist (atlas_product_get_source_ids (product));
        }
    }
}

/* Statuses a patient could be misled by if rounded up or left stale. */
static void
test_exact_statuses (void)
{
  static const struct { const char *country; const char *name; AtlasProductStatus status; } expected[] = {
    { "us", "Ryoncil", ATLAS_PRODUCT_STATUS_APPROVED },
    { "jp", "Temcell", ATLAS_PRODUCT_STATUS_APPROVED },
    { "jp", "Stemirac", ATLAS_PRODUCT_STATUS_CONDITIONAL },
    { "jp", "HeartSheet", ATLAS_PRODUCT_STATUS_WITHDRAWN },
    { "jp", "Akuugo", ATLAS_PRODUCT_STATUS_CONDITIONAL },
    { "kr", "Cartistem", ATLAS_PRODUCT_STATUS_APPROVED },
    { "cn", NULL, ATLAS_PRODUCT_STATUS_CONDITIONAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AtlasCountry *country = atlas_dataset_lookup_country (bundled, expected[i].country);
      GListModel *products = atlas_country_get_products (country);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          /* China's first approval has no brand name in our sources: its only product. */
          if (expected[i].name != NULL &&
              g_ascii_strncasecmp (atlas_product_get_name (product), expected[i].name, strlen (expected[i].name)) != 0)
            continue;

          g_assert_cmpint (atlas_product_get_status (product), ==, expected[i].status);
          found = TRUE;
        }

      if (!found)
        g_error ("%s: no product named %s", expected[i].country, expected[i].name);
    }
}

/* The countries, cell sources and conditions a reader expects to find. */
static void
test_coverage (void)
{
  static const char * const countries[] = {
    "us", "jp", "kr", "cn", "eu", "gb", "de", "es", "se", "ch", "au", "ca", "sg", "in", "il", "tw", "ir", "br",
  };
  static const char * const cell_sources[] = {
    "hsc", "gene-modified-hsc", "msc", "ipsc", "esc", "scnt", "cord-blood", "adipose",
  };
  static const char * const conditions[] = {
    "gvhd", "blood-cancers", "sickle-cell-thalassaemia", "knee-cartilage", "spinal-cord-injury", "parkinsons",
    "heart-failure", "macular-degeneration", "type-1-diabetes", "alzheimers", "als", "crohns-perianal-fistula",
    "critical-limb-ischemia", "traumatic-brain-injury", "limbal-stem-cell-deficiency",
  };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (atlas_dataset_lookup_country (bundled, countries[i]) == NULL)
      g_error ("the country %s is missing", countries[i]);
  for (guint i = 0; i < G_N_ELEMENTS (cell_sources); i++)
    if (atlas_dataset_lookup_cell_source (bundled, cell_sources[i]) == NULL)
      g_error ("the cell source %s is missing", cell_sources[i]);
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      AtlasCondition *condition = atlas_dataset_lookup_condition (bundled, conditions[i]);

      if (condition == NULL)
        g_error ("the condition %s is missing", conditions[i]);
      g_assert_cmpuint (atlas_condition_get_n_statuses (condition), >, 0);
    }

  /* Both therapy types, and guidance for patients with questions and red flags. */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_therapy_types (bundled)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_guidance (bundled)), >=, 5);
}

/* A source nobody cites is a sign of a fact that was dropped or mislinked. */
static void
add_cited (GHashTable         *cited,
           const char * const *source_ids)
{
  /* Keys are the dataset's own id strings, which outlive the table. */
  for (guint i = 0; source_ids && source_ids[i]; i++)
    g_hash_table_add (cited, (gpointer) atlas_source_get_id (atlas_dataset_lookup_source (bundled, source_ids[i])));
}

static void
test_every_source_cited (void)
{
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *countries = atlas_dataset_get_countries (bundled);
  GListModel *sources = atlas_dataset_get_sources (bundled);
  GListModel *lists[] = {
    atlas_dataset_get_cell_sources (bundled), atlas_dataset_get_therapy_types (bundled),
    atlas_dataset_get_conditions (bundled), atlas_dataset_get_guidance (bundled),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_auto(GStrv) ids = NULL;

        g_object_get (item, "source-ids", &ids, NULL);
        add_cited (cited, (const char * const *) ids);
      }

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *products = atlas_country_get_products (country);

      for (AtlasSection section = 0; section < ATLAS_N_SECTIONS; section++)
        for (guint j = 0; j < g_list_model_get_n_items (atlas_country_get_section (country, section)); j++)
          {
            g_autoptr(AtlasEntry) entry = g_list_model_get_item (atlas_country_get_section (country, section), j);

            add_cited (cited, atlas_entry_get_source_ids (entry));
          }

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          add_cited (cited, atlas_product_get_source_ids (product));
          for (guint k = 0; k < atlas_product_get_n_status_changes (product); k++)
            add_cited (cited, (const char * const *) atlas_product_get_status_change (product, k)->source_ids);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (atlas_dataset_get_conditions (bundled)); i++)
    {
      g_autoptr(AtlasCondition) condition = g_list_model_get_item (atlas_dataset_get_conditions (bundled), i);

      for (guint j = 0; j < atlas_condition_get_n_statuses (condition); j++)
        add_cited (cited, (const char * const *) atlas_condition_get_status (condition, j)->source_ids);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AtlasSource) source = g_list_model_get_item (sources, i);

      if (!g_hash_table_contains (cited, atlas_source_get_id (source)))
        g_error ("the source %s is not cited by any fact", atlas_source_get_id (source));
    }
}

/* Withdrawn products stay in the record, never as current; conditional
 * approvals are never rounded up; a record converted later keeps both. */
static void
test_status_histories (void)
{
  static const struct { const char *id; AtlasProductStatus status; const char *first; } expected[] = {
    { "heartsheet-jp", ATLAS_PRODUCT_STATUS_WITHDRAWN, NULL },
    { "alofisel-eu", ATLAS_PRODUCT_STATUS_WITHDRAWN, "2018-03-23" },
    { "zalmoxis-eu", ATLAS_PRODUCT_STATUS_WITHDRAWN, NULL },
    { "holoclar-eu", ATLAS_PRODUCT_STATUS_APPROVED, "2015-02" },
    { "casgevy-gb", ATLAS_PRODUCT_STATUS_CONDITIONAL, "2023-11-16" },
    { "stempeucel-in", ATLAS_PRODUCT_STATUS_APPROVED, "2016-05" },
    { "nc1-es", ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION, NULL },
    { "amchepry-jp", ATLAS_PRODUCT_STATUS_CONDITIONAL, "2026-03-06" },
    { "reheart-jp", ATLAS_PRODUCT_STATUS_CONDITIONAL, "2026-03-06" },
    { "ryoncil-us", ATLAS_PRODUCT_STATUS_APPROVED, "2024-12-18" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AtlasProduct *product = atlas_dataset_lookup_product (bundled, expected[i].id);

      if (product == NULL)
        g_error ("the product %s is missing", expected[i].id);
      g_assert_cmpstr (atlas_enum_to_nick (ATLAS_TYPE_PRODUCT_STATUS, atlas_product_get_status (product)), ==,
                       atlas_enum_to_nick (ATLAS_TYPE_PRODUCT_STATUS, expected[i].status));
      if (expected[i].first != NULL)
        g_assert_cmpstr (atlas_product_get_first_authorised_date (product), ==, expected[i].first);
    }

  /* Where nothing is approved, the data says so in words. */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_products (atlas_dataset_lookup_country (bundled, "sg"))), ==, 0);
  g_assert_nonnull (atlas_country_get_no_products_note (atlas_dataset_lookup_country (bundled, "sg")));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bundled = load_bundled ();
  g_test_add_func ("/bundled/founding-countries", test_founding_countries);
  g_test_add_func ("/bundled/every-fact-sourced", test_every_fact_sourced);
  g_test_add_func ("/bundled/exact-statuses", test_exact_statuses);
  g_test_add_func ("/bundled/coverage", test_coverage);
  g_test_add_func ("/bundled/every-source-cited", test_every_source_cited);
  g_test_add_func ("/bundled/status-histories", test_status_histories);

  status = g_test_run ();
  g_clear_object (&bundled);
  return status;
}
