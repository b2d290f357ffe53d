/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasComparison: Up to four countries side by side, one row per topic.
 * Everything here is worked out once, from the dataset alone, when the
 * comparison is made; the UI and the exports only read the result. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-comparison.h"
#include "atlas-date.h"
#include "atlas-entry.h"

struct _AtlasComparison
{
  GObject parent_instance;

  AtlasDataset *dataset;
  GPtrArray *countries;
  GListStore *rows;
};

G_DEFINE_FINAL_TYPE (AtlasComparison, atlas_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-comparison-error-quark, atlas_comparison_error)

/* Each function works out one country's value for one row, appending the
 * ids of the sources it rests on to @source_ids (without repeats). It
 * returns NULL when the dataset has nothing to say, which the row shows as
 * "No data". */
typedef struct _RowSpec RowSpec;
typedef char *(*ValueFunc) (AtlasComparison *self,
                            AtlasCountry    *country,
                            const RowSpec   *spec,
                            GPtrArray       *source_ids);

struct _RowSpec
{
  const char *id;
  const char *title;
  ValueFunc value;
  /* For entry rows: the section, an optional policy topic, and how one
   * entry reads. */
  AtlasSection section;
  const char *topic;
  char *(*describe) (AtlasEntry *entry);
  /* For count rows. */
  AtlasProductStatus status;
};

static void
add_source_ids (GPtrArray          *source_ids,
                const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (source_ids, ids[i], g_str_equal, NULL))
        g_ptr_array_add (source_ids, (gpointer) ids[i]);
    }
}

/* A product's own sources and those of its latest status change, which
 * together back its current status. */
static void
add_product_source_ids (GPtrArray    *source_ids,
                        AtlasProduct *product)
{
  guint n_changes = atlas_product_get_n_status_changes (product);

  add_source_ids (source_ids, atlas_product_get_source_ids (product));
  if (n_changes > 0)
    {
      const AtlasStatusChange *change = atlas_product_get_status_change (product, n_changes - 1);

      add_source_ids (source_ids, (const char * const *) change->source_ids);
    }
}

static char *
describe_regulator (AtlasEntry *entry)
{
  const char *acronym = atlas_entry_get_acronym (entry);

  if (acronym != NULL)
    return g_strdup_printf ("%s (%s)", acronym, atlas_entry_get_title (entry));

  return g_strdup (atlas_entry_get_title (entry));
}

static char *
describe_law (AtlasEntry *entry)
{
  const char *date = atlas_entry_get_date (entry);

  /* Every date starts with its four-digit year; the loader checked that. */
  if (date != NULL && strlen (date) >= 4)
    return g_strdup_printf ("%s (%.4s)", atlas_entry_get_title (entry), date);

  return g_strdup (atlas_entry_get_title (entry));
}

static char *
describe_title (AtlasEntry *entry)
{
  return g_strdup (atlas_entry_get_title (entry));
}

/* A policy's title alone ("Embryo research allowed") says less than its
 * summary, which gives the conditions. */
static char *
describe_policy (AtlasEntry *entry)
{
  const char *summary = atlas_entry_get_summary (entry);

  return g_strdup (summary != NULL ? summary : atlas_entry_get_title (entry));
}

static char *
entries_value (AtlasComparison *self,
               AtlasCountry    *country,
               const RowSpec   *spec,
               GPtrArray       *source_ids)
{
  GListModel *entries = atlas_country_get_section (country, spec->section);
  guint n_entries = g_list_model_get_n_items (entries);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(AtlasEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *description = NULL;

      if (spec->topic != NULL && g_strcmp0 (atlas_entry_get_topic (entry), spec->topic) != 0)
        continue;

      description = spec->describe (entry);
      if (found)
        g_string_append (text, "; ");
      g_string_append (text, description);
      add_source_ids (source_ids, atlas_entry_get_source_ids (entry));
      found = TRUE;
    }

  if (!found)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A country without products has a no_products_note that says so, so its
 * counts are a true 0, never "No data". */
static char *
count_value (AtlasComparison *self,
             AtlasCountry    *country,
             const RowSpec   *spec,
             GPtrArray       *source_ids)
{
  GListModel *products = atlas_country_get_products (country);
  guint n_products = g_list_model_get_n_items (products);
  guint count = 0;

  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);

      if (atlas_product_get_status (product) != spec->status)
        continue;

      count++;
      add_product_source_ids (source_ids, product);
    }

  return g_strdup_printf ("%u", count);
}

/* The year the first of the country's products was authorised, counting
 * products withdrawn since: they were authorised once. */
static char *
first_approval_value (AtlasComparison *self,
                      AtlasCountry    *country,
                      const RowSpec   *spec,
                      GPtrArray       *source_ids)
{
  GListModel *products = atlas_country_get_products (country);
  guint n_products = g_list_model_get_n_items (products);
  g_autoptr(AtlasProduct) earliest_product = NULL;
  const char *earliest_text = NULL;
  AtlasDate earliest = { 0, 0, 0 };

  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);
      const char *text = atlas_product_get_first_authorised_date (product);
      AtlasDate date;

      if (!atlas_date_parse (text, &date))
        continue;

      if (earliest_text == NULL || atlas_date_compare (&date, &earliest) < 0)
        {
          earliest = date;
          earliest_text = text;
          g_set_object (&earliest_product, product);
        }
    }

  if (earliest_product == NULL)
    return NULL;

  /* The authorising change is the first one that is not a withdrawal. */
  add_source_ids (source_ids, atlas_product_get_source_ids (earliest_product));
  for (guint i = 0; i < atlas_product_get_n_status_changes (earliest_product); i++)
    {
      const AtlasStatusChange *change = atlas_product_get_status_change (earliest_product, i);

      if (change->status != ATLAS_PRODUCT_STATUS_WITHDRAWN)
        {
          add_source_ids (source_ids, (const char * const *) change->source_ids);
          break;
        }
    }

  return g_strdup_printf ("%.4s", earliest_text);
}

typedef struct
{
  const char *name;
  guint count;
} CellSourceCount;

/* Most products first; then by name, byte-wise after ASCII case folding, so
 * that an export reads the same whatever the locale. */
static int
compare_cell_source_counts (gconstpointer a,
                            gconstpointer b)
{
  const CellSourceCount *count_a = a;
  const CellSourceCount *count_b = b;
  int result;

  if (count_a->count != count_b->count)
    return count_a->count > count_b->count ? -1 : 1;

  result = g_ascii_strcasecmp (count_a->name, count_b->name);
  if (result != 0)
    return result;

  return strcmp (count_a->name, count_b->name);
}

static char *
cell_source_value (AtlasComparison *self,
                   AtlasCountry    *country,
                   const RowSpec   *spec,
                   GPtrArray       *source_ids)
{
  GListModel *products = atlas_country_get_products (country);
  guint n_products = g_list_model_get_n_items (products);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (CellSourceCount));
  g_autoptr(GPtrArray) withdrawn_source_ids = g_ptr_array_new ();
  g_autoptr(GString) text = NULL;

  if (n_products == 0)
    return NULL;

  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);
      const char *cell_source_id = atlas_product_get_cell_source_id (product);
      AtlasCellSource *cell_source = atlas_dataset_lookup_cell_source (self->dataset, cell_source_id);
      const char *name = cell_source != NULL ? atlas_cell_source_get_short_name (cell_source) : cell_source_id;
      gboolean counted = FALSE;

      if (atlas_product_get_status (product) == ATLAS_PRODUCT_STATUS_WITHDRAWN)
        {
          add_product_source_ids (withdrawn_source_ids, product);
          continue;
        }

      add_product_source_ids (source_ids, product);
      for (guint j = 0; j < counts->len && !counted; j++)
        {
          CellSourceCount *count = &g_array_index (counts, CellSourceCount, j);

          if (strcmp (count->name, name) == 0)
            {
              count->count++;
              counted = TRUE;
            }
        }
      if (!counted)
        {
          CellSourceCount count = { name, 1 };

          g_array_append_val (counts, count);
        }
    }

  /* Every product was withdrawn: "None" rests on the withdrawals. */
  if (counts->len == 0)
    {
      g_ptr_array_add (withdrawn_source_ids, NULL);
      add_source_ids (source_ids, (const char * const *) withdrawn_source_ids->pdata);
      return g_strdup (_("None"));
    }

  g_array_sort (counts, compare_cell_source_counts);
  text = g_string_new (NULL);
  for (guint i = 0; i < counts->len; i++)
    {
      const CellSourceCount *count = &g_array_index (counts, CellSourceCount, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s %u", count->name, count->count);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define ENTRY_ROW(id, title, section, topic, describe) \
  { id, title, entries_value, section, topic, describe, 0 }
#define COUNT_ROW(id, title, status) \
  { id, title, count_value, 0, NULL, NULL, status }
#define OTHER_ROW(id, title, value) \
  { id, title, value, 0, NULL, NULL, 0 }

/* The rows in the order a reader meets them: who regulates and under what
 * rules, what came of it, then research policy and patient protection. */
static const RowSpec row_specs[] = {
  ENTRY_ROW ("regulators", N_("Regulators"), ATLAS_SECTION_REGULATORS, NULL, describe_regulator),
  ENTRY_ROW ("laws", N_("Laws and Frameworks"), ATLAS_SECTION_LAWS, NULL, describe_law),
  ENTRY_ROW ("pathways", N_("Approval Pathways"), ATLAS_SECTION_PATHWAYS, NULL, describe_title),
  COUNT_ROW ("approved", N_("Approved Products"), ATLAS_PRODUCT_STATUS_APPROVED),
  COUNT_ROW ("conditional", N_("Conditional Approvals"), ATLAS_PRODUCT_STATUS_CONDITIONAL),
  COUNT_ROW ("limited", N_("Limited Approvals"), ATLAS_PRODUCT_STATUS_LIMITED),
  COUNT_ROW ("hospital-exemption", N_("Hospital Exemptions"), ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION),
  COUNT_ROW ("withdrawn", N_("Withdrawn Products"), ATLAS_PRODUCT_STATUS_WITHDRAWN),
  OTHER_ROW ("first-approval", N_("First Approval"), first_approval_value),
  OTHER_ROW ("by-cell-source", N_("Products by Cell Source"), cell_source_value),
  ENTRY_ROW ("funding", N_("Funding"), ATLAS_SECTION_FUNDING, NULL, describe_title),
  ENTRY_ROW ("embryo-research", N_("Embryo Research"), ATLAS_SECTION_POLICIES, "embryo-research", describe_policy),
  ENTRY_ROW ("scnt", N_("Nuclear Transfer (SCNT)"), ATLAS_SECTION_POLICIES, "scnt", describe_policy),
  ENTRY_ROW ("protections", N_("Patient Protection"), ATLAS_SECTION_PROTECTIONS, NULL, describe_title),
};

static AtlasComparisonRow *
build_row (AtlasComparison *self,
           const RowSpec   *spec)
{
  guint n_countries = self->countries->len;
  char *values[ATLAS_COMPARISON_MAX_COUNTRIES] = { NULL, };
  GPtrArray *source_ids[ATLAS_COMPARISON_MAX_COUNTRIES] = { NULL, };
  const char * const *source_id_lists[ATLAS_COMPARISON_MAX_COUNTRIES] = { NULL, };
  AtlasComparisonRow *row;

  for (guint i = 0; i < n_countries; i++)
    {
      /* The ids belong to the dataset's objects, which outlive this call. */
      source_ids[i] = g_ptr_array_new ();
      values[i] = spec->value (self, g_ptr_array_index (self->countries, i), spec, source_ids[i]);
      g_ptr_array_add (source_ids[i], NULL);
      source_id_lists[i] = (const char * const *) source_ids[i]->pdata;
    }

  row = atlas_comparison_row_new (spec->id, _(spec->title), n_countries,
                                  (const char * const *) values, source_id_lists);

  for (guint i = 0; i < n_countries; i++)
    {
      g_free (values[i]);
      g_ptr_array_unref (source_ids[i]);
    }

  return row;
}

static void
atlas_comparison_finalize (GObject *object)
{
  AtlasComparison *self = ATLAS_COMPARISON (object);

  g_clear_object (&self->rows);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_comparison_parent_class)->finalize (object);
}

static void
atlas_comparison_class_init (AtlasComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_comparison_finalize;
}

static void
atlas_comparison_init (AtlasComparison *self)
{
  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_list_store_new (ATLAS_TYPE_COMPARISON_ROW);
}

/**
 * atlas_comparison_new:
 * @dataset: the dataset in use
 * @country_ids: (array zero-terminated=1) (nullable): the ids of 1 to
 *   %ATLAS_COMPARISON_MAX_COUNTRIES distinct countries, in column order
 * @error: return location for an #ATLAS_COMPARISON_ERROR
 *
 * Returns: (transfer full): the comparison, or NULL with @error set
 */
AtlasComparison *
atlas_comparison_new (AtlasDataset       *dataset,
                      const char * const *country_ids,
                      GError            **error)
{
  g_autoptr(AtlasComparison) self = NULL;
  guint n_ids = country_ids != NULL ? g_strv_length ((char **) country_ids) : 0;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_ids == 0)
    {
      g_set_error_literal (error, ATLAS_COMPARISON_ERROR, ATLAS_COMPARISON_ERROR_NO_COUNTRIES,
                           _("Choose at least one country to compare."));
      return NULL;
    }

  if (n_ids > ATLAS_COMPARISON_MAX_COUNTRIES)
    {
      g_set_error (error, ATLAS_COMPARISON_ERROR, ATLAS_COMPARISON_ERROR_TOO_MANY_COUNTRIES,
                   _("At most %d countries can be compared at once."),
                   ATLAS_COMPARISON_MAX_COUNTRIES);
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_COMPARISON, NULL);
  self->dataset = g_object_ref (dataset);

  for (guint i = 0; i < n_ids; i++)
    {
      AtlasCountry *country = atlas_dataset_lookup_country (dataset, country_ids[i]);

      if (country == NULL)
        {
          g_set_error (error, ATLAS_COMPARISON_ERROR, ATLAS_COMPARISON_ERROR_UNKNOWN_COUNTRY,
                       _("The data has no country with the code “%s”."), country_ids[i]);
          return NULL;
        }

      /* Two identical columns would only look like agreement. */
      if (g_ptr_array_find (self->countries, country, NULL))
        {
          g_set_error (error, ATLAS_COMPARISON_ERROR, ATLAS_COMPARISON_ERROR_DUPLICATE_COUNTRY,
                       _("%s was chosen more than once."), atlas_country_get_display_name (country));
          return NULL;
        }

      g_ptr_array_add (self->countries, g_object_ref (country));
    }

  for (guint i = 0; i < G_N_ELEMENTS (row_specs); i++)
    {
      g_autoptr(AtlasComparisonRow) row = build_row (self, &row_specs[i]);

      g_list_store_append (self->rows, row);
    }

  return g_steal_pointer (&self);
}

AtlasDataset *
atlas_comparison_get_dataset (AtlasComparison *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), NULL);

  return self->dataset;
}

guint
atlas_comparison_get_n_countries (AtlasComparison *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), 0);

  return self->countries->len;
}

/* Returns: (transfer none): the country of column @position. */
AtlasCountry *
atlas_comparison_get_country (AtlasComparison *self,
                              guint            position)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (position < self->countries->len, NULL);

  return g_ptr_array_index (self->countries, position);
}

guint
atlas_comparison_get_n_rows (AtlasComparison *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* Returns: (transfer none): a model of AtlasComparisonRow, which never changes. */
GListModel *
atlas_comparison_get_rows (AtlasComparison *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/* Returns: (transfer none): the row at @position. */
AtlasComparisonRow *
atlas_comparison_get_row (AtlasComparison *self,
                          guint            position)
{
  g_autoptr(AtlasComparisonRow) row = NULL;

  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (position < atlas_comparison_get_n_rows (self), NULL);

  /* The store holds its own reference for as long as the comparison lives. */
  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return row;
}

/* Returns: (transfer none) (nullable): the row with the stable @id, e.g. "regulators". */
AtlasComparisonRow *
atlas_comparison_lookup_row (AtlasComparison *self,
                             const char      *id)
{
  guint n_rows;

  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n_rows = atlas_comparison_get_n_rows (self);
  for (guint i = 0; i < n_rows; i++)
    {
      AtlasComparisonRow *row = atlas_comparison_get_row (self, i);

      if (strcmp (atlas_comparison_row_get_id (row), id) == 0)
        return row;
    }

  return NULL;
}

/**
 * atlas_comparison_dup_source_ids:
 *
 * Every source cited by any value, each once, in the order a reader meets
 * them: row by row, and within a row column by column.
 *
 * Returns: (transfer full): a NULL-terminated array of source ids
 */
char **
atlas_comparison_dup_source_ids (AtlasComparison *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint n_rows;

  g_return_val_if_fail (ATLAS_IS_COMPARISON (self), NULL);

  ids = g_ptr_array_new_with_free_func (g_free);
  n_rows = atlas_comparison_get_n_rows (self);
  for (guint i = 0; i < n_rows; i++)
    {
      AtlasComparisonRow *row = atlas_comparison_get_row (self, i);

      for (guint j = 0; j < atlas_comparison_row_get_n_values (row); j++)
        {
          const char * const *row_ids = atlas_comparison_row_get_source_ids (row, j);

          for (guint k = 0; row_ids[k] != NULL; k++)
            {
              if (!g_ptr_array_find_with_equal_func (ids, row_ids[k], g_str_equal, NULL))
                g_ptr_array_add (ids, g_strdup (row_ids[k]));
            }
        }
    }

  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}
