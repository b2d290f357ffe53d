/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The comparison of countries and its CSV and Markdown exports, on a small
 * fictional dataset: which rows exist, what each cell says (including "No
 * data" and a true 0), which rows differ, and the exports byte for byte. */

#include "config.h"

#include "atlas-comparison.h"
#include "atlas-export.h"
#include "atlas-loader.h"

/* Valoria has many products and policies, Norland none at all (with a
 * no_products_note), Estmark only a withdrawn one. */
static const char * const three_ids[] = { "xv", "xn", "xe", NULL };

static AtlasDataset *
load_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", "dataset.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

static AtlasComparison *
compare (const char * const *ids)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(GError) error = NULL;
  AtlasComparison *comparison = atlas_comparison_new (dataset, ids, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);

  return comparison;
}

static AtlasComparisonRow *
lookup_row (AtlasComparison *comparison,
            const char      *id)
{
  AtlasComparisonRow *row = atlas_comparison_lookup_row (comparison, id);

  if (row == NULL)
    g_error ("no row with the id “%s”", id);

  return row;
}

static void
test_countries (void)
{
  g_autoptr(AtlasComparison) comparison = compare (three_ids);

  g_assert_cmpuint (atlas_comparison_get_n_countries (comparison), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (atlas_country_get_id (atlas_comparison_get_country (comparison, i)), ==, three_ids[i]);
  g_assert_cmpstr (atlas_country_get_name (atlas_comparison_get_country (comparison, 1)), ==, "Norland");
}

static void
test_rows_in_order (void)
{
  static const char * const expected[] = {
    "regulators", "laws", "pathways",
    "approved", "conditional", "limited", "hospital-exemption", "withdrawn",
    "first-approval", "by-cell-source",
    "funding", "embryo-research", "scnt", "protections",
  };
  g_autoptr(AtlasComparison) comparison = compare (three_ids);
  GListModel *rows = atlas_comparison_get_rows (comparison);

  g_assert_cmpuint (atlas_comparison_get_n_rows (comparison), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (expected));
  g_assert_true (g_list_model_get_item_type (rows) == ATLAS_TYPE_COMPARISON_ROW);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AtlasComparisonRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpstr (atlas_comparison_row_get_id (row), ==, expected[i]);
      g_assert_true (atlas_comparison_get_row (comparison, i) == row);
      g_assert_cmpstr (atlas_comparison_row_get_title (row), !=, "");
      g_assert_cmpuint (atlas_comparison_row_get_n_values (row), ==, 3);
    }

  g_assert_cmpstr (atlas_comparison_row_get_title (lookup_row (comparison, "regulators")), ==, "Regulators");
  g_assert_cmpstr (atlas_comparison_row_get_title (lookup_row (comparison, "approved")), ==, "Approved Products");
  g_assert_null (atlas_comparison_lookup_row (comparison, "no-such-row"));
}

typedef struct
{
  const char *row;
  /* Three values and the NULL that ends them. */
  const char *values[4];
  gboolean differs;
} RowCase;

/* Every cell of the three-country comparison. Norland has no products, so
 * its counts are a true 0 while the rows that need a product say "No data". */
static const RowCase row_cases[] = {
  { "regulators",
    { "VMB (Valorian Medicines Board); Cell Ethics Council", "Norland Health Agency", "EDO (Estmark Drug Office)" },
    TRUE },
  { "laws", { "Cell Therapy Act (2014); Tissue Safety Rules", "No data", "Medicines Law (1998)" }, TRUE },
  { "pathways", { "Conditional | time-limited approval; Hospital exemption", "No data", "No data" }, TRUE },
  { "approved", { "1", "0", "0" }, TRUE },
  { "conditional", { "2", "0", "0" }, TRUE },
  { "limited", { "0", "0", "0" }, FALSE },
  { "hospital-exemption", { "1", "0", "0" }, TRUE },
  { "withdrawn", { "1", "0", "1" }, TRUE },
  { "first-approval", { "2010", "No data", "2011" }, TRUE },
  { "by-cell-source", { "MSC 2, HSC 1, iPSC 1", "No data", "None" }, TRUE },
  { "funding", { "Fund for cells, tissues and organs", "No data", "No data" }, TRUE },
  { "embryo-research", { "Allowed up to 14 days.\nA licence is required.", "No data", "Embryo research forbidden" }, TRUE },
  { "scnt", { "Research cloning allowed", "No data", "=Forbidden by statute, with no exceptions." }, TRUE },
  { "protections", { "The \"Right to Know\" rule", "No data", "No data" }, TRUE },
};

static void
test_row (gconstpointer data)
{
  const RowCase *row_case = data;
  g_autoptr(AtlasComparison) comparison = compare (three_ids);
  AtlasComparisonRow *row = lookup_row (comparison, row_case->row);
  g_auto(GStrv) values = NULL;
  gboolean differs;

  for (guint i = 0; i < 3; i++)
    {
      gboolean no_data = g_str_equal (row_case->values[i], "No data");

      g_assert_cmpstr (atlas_comparison_row_get_value (row, i), ==, row_case->values[i]);
      g_assert_cmpint (atlas_comparison_row_is_missing (row, i), ==, no_data);
      /* Every fact cites a source; "No data" cites none. */
      if (no_data)
        g_assert_null (atlas_comparison_row_get_source_ids (row, i)[0]);
    }
  g_assert_cmpint (atlas_comparison_row_get_differs (row), ==, row_case->differs);

  /* The same through the properties a GTK expression would read. */
  g_object_get (row, "values", &values, "differs", &differs, NULL);
  g_assert_cmpstrv (values, row_case->values);
  g_assert_cmpint (differs, ==, row_case->differs);
}

static void
test_source_ids (void)
{
  static const char * const expected[] = {
    "src-board", "src-law", "src-norland", "src-estmark", "src-news", NULL
  };
  g_autoptr(AtlasComparison) comparison = compare (three_ids);
  g_auto(GStrv) all = atlas_comparison_dup_source_ids (comparison);
  AtlasComparisonRow *row;

  /* First-cited order, each once; the source nobody cites is left out. */
  g_assert_cmpstrv (all, expected);

  row = lookup_row (comparison, "regulators");
  g_assert_cmpstrv (atlas_comparison_row_get_source_ids (row, 0),
                    ((const char * const []) { "src-board", "src-law", NULL }));

  /* A count rests on the products and on their latest status change. */
  row = lookup_row (comparison, "approved");
  g_assert_cmpstrv (atlas_comparison_row_get_source_ids (row, 0),
                    ((const char * const []) { "src-board", "src-news", NULL }));
  g_assert_null (atlas_comparison_row_get_source_ids (row, 1)[0]);

  /* "None" rests on the withdrawal. */
  row = lookup_row (comparison, "by-cell-source");
  g_assert_cmpstrv (atlas_comparison_row_get_source_ids (row, 2),
                    ((const char * const []) { "src-estmark", NULL }));
}

/* Two countries that both lack data agree: nothing to highlight. */
static void
test_no_data_agrees (void)
{
  g_autoptr(AtlasComparison) comparison = compare ((const char * const []) { "xn", "xe", NULL });
  AtlasComparisonRow *row = lookup_row (comparison, "pathways");

  g_assert_cmpstr (atlas_comparison_row_get_value (row, 0), ==, "No data");
  g_assert_cmpstr (atlas_comparison_row_get_value (row, 1), ==, "No data");
  g_assert_false (atlas_comparison_row_get_differs (row));

  row = lookup_row (comparison, "withdrawn");
  g_assert_cmpstr (atlas_comparison_row_get_value (row, 0), ==, "0");
  g_assert_cmpstr (atlas_comparison_row_get_value (row, 1), ==, "1");
  g_assert_true (atlas_comparison_row_get_differs (row));
}

static void
test_single_country (void)
{
  g_autoptr(AtlasComparison) comparison = compare ((const char * const []) { "xe", NULL });

  g_assert_cmpuint (atlas_comparison_get_n_countries (comparison), ==, 1);
  for (guint i = 0; i < atlas_comparison_get_n_rows (comparison); i++)
    g_assert_false (atlas_comparison_row_get_differs (atlas_comparison_get_row (comparison, i)));
}

typedef struct
{
  const char *name;
  const char *ids[7];
  AtlasComparisonError code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "none", { NULL }, ATLAS_COMPARISON_ERROR_NO_COUNTRIES,
    "Choose at least one country to compare." },
  { "five", { "xv", "xn", "xe", "xa", "xb", NULL }, ATLAS_COMPARISON_ERROR_TOO_MANY_COUNTRIES,
    "At most 4 countries can be compared at once." },
  { "unknown", { "xv", "zz", NULL }, ATLAS_COMPARISON_ERROR_UNKNOWN_COUNTRY,
    "The data has no country with the code “zz”." },
  { "empty-id", { "", NULL }, ATLAS_COMPARISON_ERROR_UNKNOWN_COUNTRY,
    "The data has no country with the code “”." },
  { "duplicate", { "xv", "xe", "xv", NULL }, ATLAS_COMPARISON_ERROR_DUPLICATE_COUNTRY,
    "Valoria was chosen more than once." },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasComparison) comparison = atlas_comparison_new (dataset, error_case->ids, &error);

  g_assert_null (comparison);
  g_assert_error (error, ATLAS_COMPARISON_ERROR, (int) error_case->code);
  g_assert_cmpstr (error->message, ==, error_case->message);
}

static void
test_error_null_ids (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(GError) error = NULL;

  g_assert_null (atlas_comparison_new (dataset, NULL, &error));
  g_assert_error (error, ATLAS_COMPARISON_ERROR, ATLAS_COMPARISON_ERROR_NO_COUNTRIES);
}

typedef struct
{
  const char *file_name;
  char *(*export) (AtlasComparison *comparison);
} ExportCase;

/* The expected files were written once by these functions and then checked
 * by eye: CRLF line ends, quoting, the formula guard, escaped pipes. */
static const ExportCase export_cases[] = {
  { "expected.csv", atlas_export_csv },
  { "expected.md", atlas_export_markdown },
};

static void
test_export (gconstpointer data)
{
  const ExportCase *export_case = data;
  g_autoptr(AtlasComparison) comparison = compare (three_ids);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", export_case->file_name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = export_case->export (comparison);
  g_autofree char *again = export_case->export (comparison);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_utf8_validate (actual, -1, NULL));
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (again, ==, actual);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/comparison/countries", test_countries);
  g_test_add_func ("/comparison/rows-in-order", test_rows_in_order);
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/comparison/row/%s", row_cases[i].row);

      g_test_add_data_func (name, &row_cases[i], test_row);
    }
  g_test_add_func ("/comparison/source-ids", test_source_ids);
  g_test_add_func ("/comparison/no-data-agrees", test_no_data_agrees);
  g_test_add_func ("/comparison/single-country", test_single_country);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/comparison/error/%s", error_cases[i].name);

      g_test_add_data_func (name, &error_cases[i], test_error);
    }
  g_test_add_func ("/comparison/error/null-ids", test_error_null_ids);
  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/export/%s", export_cases[i].file_name);

      g_test_add_data_func (name, &export_cases[i], test_export);
    }

  return g_test_run ();
}
