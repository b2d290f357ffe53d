/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader on valid input and on one fixture per class of invalid input:
 * each must be refused whole with its JSON path and a clear message. */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>

#include "atlas-loader.h"

typedef struct
{
  const char *name;
  AtlasLoaderError code;
  const char *path;
  const char *message;
} InvalidCase;

#include "loader-cases.h"

static AtlasDataset *
load_fixture (const char  *dir,
              const char  *name,
              GError     **error)
{
  g_autofree char *file_name = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_loader_load_file (file, NULL, error);
}

static void
test_valid_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_fixture ("valid", "minimal", &error);
  AtlasCountry *country;
  AtlasProduct *product;
  AtlasCondition *condition;
  const AtlasConditionStatus *status;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  g_assert_cmpint (atlas_dataset_get_schema_version (dataset), ==, 1);
  g_assert_cmpint (atlas_dataset_get_dataset_version (dataset), ==, 3);
  g_assert_cmpstr (atlas_dataset_get_generated (dataset), ==, "2026-03-15");
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_countries (dataset)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_sources (dataset)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_therapy_types (dataset)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_guidance (dataset)), ==, 1);
  g_assert_cmpuint (atlas_dataset_count_products (dataset), ==, 1);

  country = atlas_dataset_lookup_country (dataset, "xa");
  g_assert_nonnull (country);
  g_assert_cmpstr (atlas_country_get_name (country), ==, "Atlantis");
  g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_REGULATORS)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_MILESTONES)), ==, 1);
  g_assert_true (atlas_country_matches (country, "testcel"));
  g_assert_true (atlas_country_matches (country, "atlan"));
  g_assert_false (atlas_country_matches (country, "zzz"));

  product = atlas_dataset_lookup_product (dataset, "prod-a");
  g_assert_nonnull (product);
  g_assert_true (atlas_dataset_find_product_country (dataset, "prod-a") == country);
  g_assert_cmpint (atlas_product_get_status (product), ==, ATLAS_PRODUCT_STATUS_APPROVED);
  g_assert_cmpstr (atlas_product_get_status_date (product), ==, "2020-01-02");
  g_assert_cmpstr (atlas_product_get_first_authorised_date (product), ==, "2015-09");
  g_assert_cmpuint (atlas_product_get_n_status_changes (product), ==, 2);
  g_assert_cmpint (atlas_product_get_origin (product), ==, ATLAS_ORIGIN_ALLOGENEIC);
  g_assert_cmpuint (atlas_country_count_products (country, ATLAS_PRODUCT_STATUS_APPROVED), ==, 1);

  condition = atlas_dataset_lookup_condition (dataset, "gvhd");
  g_assert_nonnull (condition);
  status = atlas_condition_find_status (condition, "xa");
  g_assert_nonnull (status);
  g_assert_cmpint (status->availability, ==, ATLAS_AVAILABILITY_CONDITIONAL);
  g_assert_cmpstr (status->product_ids[0], ==, "prod-a");

  country = atlas_dataset_lookup_country (dataset, "xr");
  g_assert_cmpint (atlas_country_get_kind (country), ==, ATLAS_COUNTRY_KIND_REGION);
  g_assert_cmpstr (atlas_country_get_no_products_note (country), ==, "No product is approved in this test region.");
}

/* "expires" is optional; past it the data is expired, from the start of
 * that day in UTC. */
static void
test_valid_expires (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) expiring = load_fixture ("valid", "expired", &error);
  g_autoptr(AtlasDataset) lasting = load_fixture ("valid", "minimal", &error);
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 3, 31, 23, 59, 59);
  g_autoptr(GDateTime) on = g_date_time_new_utc (2026, 4, 1, 0, 0, 0);
  g_autoptr(GDateTime) far = g_date_time_new_utc (2099, 1, 1, 0, 0, 0);

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_expires (expiring), ==, "2026-04-01");
  g_assert_cmpint (atlas_dataset_get_expiry_time (expiring), ==, g_date_time_to_unix (on));
  g_assert_false (atlas_dataset_is_expired (expiring, before));
  g_assert_true (atlas_dataset_is_expired (expiring, on));

  g_assert_null (atlas_dataset_get_expires (lasting));
  g_assert_cmpint (atlas_dataset_get_expiry_time (lasting), ==, 0);
  g_assert_false (atlas_dataset_is_expired (lasting, far));
}

static void
test_invalid_case (gconstpointer data)
{
  const InvalidCase *invalid = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_fixture ("invalid", invalid->name, &error);
  g_autofree char *expected = g_strdup_printf ("%s: %s", invalid->path, invalid->message);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_LOADER_ERROR, (int) invalid->code);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected the error to contain\n  %s\nbut it was\n  %s", expected, error->message);
}

static void
test_many_problems_listed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  const char *text = "{\"schema_version\": 1, \"dataset_version\": 0, \"generated\": \"soon\", "
                     "\"sources\": [], \"cell_sources\": {}, \"countries\": []}";

  bytes = g_bytes_new_static (text, strlen (text));
  dataset = atlas_loader_load_bytes (bytes, &error);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "5 problems found:\n"));
  g_assert_nonnull (strstr (error->message, "dataset_version: expected a number from 1 to"));
  g_assert_nonnull (strstr (error->message, "generated: expected a date as YYYY-MM-DD, found \"soon\""));
  g_assert_nonnull (strstr (error->message, "sources: expected at least 1 item, found 0"));
  g_assert_nonnull (strstr (error->message, "cell_sources: expected an array, found an object"));
  g_assert_nonnull (strstr (error->message, "countries: expected at least 1 item, found 0"));
}

/* Hostile input: each must end in a clear error, never a crash or a hang. */
static void
test_too_large (void)
{
  gsize size = ATLAS_LOADER_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);

  g_assert_null (atlas_loader_load_bytes (bytes, &error));
  g_assert_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "more than the limit of"));
}

static void
test_too_large_file (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FILE *stream = fopen (path, "w");

  /* A sparse file: huge on paper, cheap on disk. */
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, ATLAS_LOADER_MAX_BYTES + 10, SEEK_SET), ==, 0);
  fputc (' ', stream);
  fclose (stream);

  g_assert_null (atlas_loader_load_file (file, NULL, &error));
  g_assert_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "larger than the limit"));
}

static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  g_autoptr(GString) text = g_string_new ("{\"countries\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  bytes = g_bytes_new (text->str, text->len);

  g_assert_null (atlas_loader_load_bytes (bytes, &error));
  g_assert_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nesting is deeper than 32 levels"));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/atlas.json");
  g_autoptr(GError) error = NULL;

  g_assert_null (atlas_loader_load_file (file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
loaded_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AtlasDataset **dataset = user_data;
  g_autoptr(GError) error = NULL;

  *dataset = atlas_loader_load_bytes_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  atlas_loader_load_bytes_async (bytes, NULL, loaded_cb, &dataset);
  while (dataset == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (atlas_dataset_get_dataset_version (dataset), ==, 3);
}

/* Country names in the reader's language come from iso-codes, trying the
 * common name ("South Korea") before the formal one ("Korea, Republic of"). */
static void
test_display_names (void)
{
  static const struct { const char *language; const char *korea; const char *germany; } cases[] = {
    { "de", "Südkorea", "Deutschland" },
    { "ja", "大韓民国 (韓国)", "ドイツ" },
    { "C", "South Korea", "Germany" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "\"xa\"", "\"kr\"", 0);
  g_string_replace (text, "\"Atlantis\"", "\"South Korea\"", 0);
  g_string_replace (text, "\"xr\"", "\"de\"", 0);
  g_string_replace (text, "\"Test Union\"", "\"Germany\"", 0);
  g_string_replace (text, "\"region\"", "\"country\"", 0);
  g_string_replace (text, "\"member_of\": [\"de\"],", "", 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      /* Setting the locale again makes gettext forget cached translations. */
      setlocale (LC_ALL, "");
      dataset = atlas_loader_load_bytes (bytes, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (atlas_country_get_display_name (atlas_dataset_lookup_country (dataset, "kr")), ==, cases[i].korea);
      g_assert_cmpstr (atlas_country_get_display_name (atlas_dataset_lookup_country (dataset, "de")), ==, cases[i].germany);
      /* The data keeps its English name, and search finds either. */
      g_assert_cmpstr (atlas_country_get_name (atlas_dataset_lookup_country (dataset, "kr")), ==, "South Korea");
      g_assert_true (atlas_country_matches (atlas_dataset_lookup_country (dataset, "kr"), "south"));
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* Inputs the fuzzer (fuzz/fuzz-loader) once crashed on, kept in
 * tests/fixtures/fuzz/loader-*: each must now end in a clear error. Under
 * the AddressSanitizer build a regression is a sanitizer report. */
static void
test_fuzz_regression (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_loader_load_file (file, NULL, &error);

  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ATLAS_LOADER_ERROR);
}

static void
add_fuzz_regressions (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "loader-"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_name = g_strdup_printf ("/loader/fuzz-regression/%s", (char *) names->pdata[i]);

      /* The name lives as long as the test run. */
      g_test_add_data_func_full (test_name, names->pdata[i], test_fuzz_regression, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The test environment sets LC_ALL=C.UTF-8; LANGUAGE then picks catalogues. */
  setlocale (LC_ALL, "");
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/valid/minimal", test_valid_minimal);
  g_test_add_func ("/loader/valid/expires", test_valid_expires);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/loader/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (name, &invalid_cases[i], test_invalid_case);
    }
  g_test_add_func ("/loader/invalid/many-problems", test_many_problems_listed);
  g_test_add_func ("/loader/hostile/too-large", test_too_large);
  g_test_add_func ("/loader/hostile/too-large-file", test_too_large_file);
  g_test_add_func ("/loader/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/async", test_async);
  add_fuzz_regressions ();
  g_test_add_func ("/loader/display-names", test_display_names);

  return g_test_run ();
}
