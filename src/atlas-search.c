/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Searching a dataset the way GNOME Shell's overview asks: every term must
 * match (logical AND), results are ids such as "country:jp", and each id can
 * be turned back into a name and a one-line description. GTK-free, so the
 * search provider and the tests share it. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-entry.h"
#include "atlas-search.h"

/* How well one term matches one text; a term that matches a secondary text
 * (a product's country, a product's cell source, a country's regulator)
 * counts half, so "ipsc" puts the iPSC cell source before iPSC products. */
enum {
  SCORE_NONE = 0,
  SCORE_SUBSTRING = 20,
  SCORE_WORD_PREFIX = 60,
  SCORE_PREFIX = 80,
  SCORE_EXACT = 100,
};

/* Ties go to the broader kind of result, in this order. */
typedef enum {
  KIND_COUNTRY,
  KIND_CELL_SOURCE,
  KIND_CONDITION,
  KIND_PRODUCT,
} Kind;

static const char * const kind_prefixes[] = {
  [KIND_COUNTRY] = "country",
  [KIND_CELL_SOURCE] = "cell-source",
  [KIND_CONDITION] = "condition",
  [KIND_PRODUCT] = "product",
};

#define MAX_TEXTS 8

typedef struct
{
  Kind kind;
  const char *id;
  const char *name;
  /* Folded; NULL-terminated. */
  char *primary[MAX_TEXTS];
  char *secondary[MAX_TEXTS];
} Candidate;

typedef struct
{
  Kind kind;
  const char *id;
  const char *name;
  int score;
} Hit;

/**
 * atlas_search_fold:
 * @text: UTF-8 text, or %NULL
 *
 * Returns @text in the form searches compare: compatibility-decomposed,
 * without accents and other combining marks, and case-folded, so that
 * "PARKINSON", "Parkinson" and "Párkinson" are the same.
 */
char *
atlas_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, -1);
}

static int
score_text (const char *text,
            const char *term)
{
  int best = SCORE_NONE;

  if (text == NULL || *text == '\0')
    return SCORE_NONE;

  if (g_str_equal (text, term))
    return SCORE_EXACT;

  if (g_str_has_prefix (text, term))
    return SCORE_PREFIX;

  for (const char *found = strstr (text, term); found != NULL; found = strstr (found + 1, term))
    {
      gunichar before = g_utf8_get_char (g_utf8_prev_char (found));

      if (!g_unichar_isalnum (before))
        return SCORE_WORD_PREFIX;

      /* One letter inside a word matches almost everything. */
      if (g_utf8_strlen (term, -1) > 1)
        best = SCORE_SUBSTRING;
    }

  return best;
}

static int
score_texts (char       **texts,
             const char  *term)
{
  int best = SCORE_NONE;

  for (guint i = 0; texts[i] != NULL; i++)
    best = MAX (best, score_text (texts[i], term));

  return best;
}

/* The sum over the terms, or 0 if any term matches nothing. */
static int
score_candidate (const Candidate *candidate,
                 GPtrArray       *terms)
{
  int total = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);
      int score = MAX (score_texts ((char **) candidate->primary, term),
                       score_texts ((char **) candidate->secondary, term) / 2);

      if (score == SCORE_NONE)
        return 0;
      total += score;
    }

  return total;
}

static void
add_text (char       **texts,
          const char  *text)
{
  guint i = 0;

  if (text == NULL || *text == '\0')
    return;

  while (texts[i] != NULL)
    i++;
  g_return_if_fail (i + 1 < MAX_TEXTS);
  texts[i] = atlas_search_fold (text);
}

static void
clear_candidate (Candidate *candidate)
{
  for (guint i = 0; i < MAX_TEXTS; i++)
    {
      g_free (candidate->primary[i]);
      g_free (candidate->secondary[i]);
    }
}

static void
consider (Candidate *candidate,
          GPtrArray *terms,
          GArray    *hits)
{
  int score = score_candidate (candidate, terms);

  if (score > 0)
    {
      Hit hit = { candidate->kind, candidate->id, candidate->name, score };

      g_array_append_val (hits, hit);
    }

  clear_candidate (candidate);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *hit_a = a;
  const Hit *hit_b = b;
  int order;

  if (hit_a->score != hit_b->score)
    return hit_a->score > hit_b->score ? -1 : 1;
  if (hit_a->kind != hit_b->kind)
    return hit_a->kind < hit_b->kind ? -1 : 1;

  order = g_utf8_collate (hit_a->name, hit_b->name);
  return order != 0 ? order : strcmp (hit_a->id, hit_b->id);
}

static void
search_countries (AtlasDataset *dataset,
                  GPtrArray    *terms,
                  GArray       *hits)
{
  GListModel *countries = atlas_dataset_get_countries (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *regulators = atlas_country_get_section (country, ATLAS_SECTION_REGULATORS);
      Candidate candidate = { KIND_COUNTRY, atlas_country_get_id (country), atlas_country_get_display_name (country),
                              { 0 }, { 0 } };

      /* The reader's language first, and the English name the data keeps. */
      add_text (candidate.primary, atlas_country_get_display_name (country));
      add_text (candidate.primary, atlas_country_get_name (country));
      /* The two-letter code, as typed: "jp", "us". */
      add_text (candidate.secondary, atlas_country_get_id (country));
      for (guint j = 0; j < g_list_model_get_n_items (regulators) && j < MAX_TEXTS - 2; j++)
        {
          g_autoptr(AtlasEntry) regulator = g_list_model_get_item (regulators, j);

          add_text (candidate.secondary, atlas_entry_get_acronym (regulator));
        }

      consider (&candidate, terms, hits);
    }
}

static void
search_products (AtlasDataset *dataset,
                 GPtrArray    *terms,
                 GArray       *hits)
{
  GListModel *countries = atlas_dataset_get_countries (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *products = atlas_country_get_products (country);

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);
          AtlasCellSource *cell_source = atlas_dataset_lookup_cell_source (dataset, atlas_product_get_cell_source_id (product));
          Candidate candidate = { KIND_PRODUCT, atlas_product_get_id (product), atlas_product_get_name (product), { 0 }, { 0 } };

          add_text (candidate.primary, atlas_product_get_name (product));
          add_text (candidate.primary, atlas_product_get_generic_name (product));
          add_text (candidate.secondary, atlas_country_get_display_name (country));
          if (cell_source != NULL)
            {
              add_text (candidate.secondary, atlas_cell_source_get_short_name (cell_source));
              add_text (candidate.secondary, atlas_cell_source_get_name (cell_source));
            }

          consider (&candidate, terms, hits);
        }
    }
}

static void
search_cell_sources (AtlasDataset *dataset,
                     GPtrArray    *terms,
                     GArray       *hits)
{
  GListModel *cell_sources = atlas_dataset_get_cell_sources (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (cell_sources); i++)
    {
      g_autoptr(AtlasCellSource) cell_source = g_list_model_get_item (cell_sources, i);
      Candidate candidate = { KIND_CELL_SOURCE, atlas_cell_source_get_id (cell_source),
                              atlas_cell_source_get_name (cell_source), { 0 }, { 0 } };

      add_text (candidate.primary, atlas_cell_source_get_name (cell_source));
      add_text (candidate.primary, atlas_cell_source_get_short_name (cell_source));

      consider (&candidate, terms, hits);
    }
}

static void
search_conditions (AtlasDataset *dataset,
                   GPtrArray    *terms,
                   GArray       *hits)
{
  GListModel *conditions = atlas_dataset_get_conditions (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(AtlasCondition) condition = g_list_model_get_item (conditions, i);
      Candidate candidate = { KIND_CONDITION, atlas_condition_get_id (condition),
                              atlas_condition_get_name (condition), { 0 }, { 0 } };

      add_text (candidate.primary, atlas_condition_get_name (condition));

      consider (&candidate, terms, hits);
    }
}

/**
 * atlas_search_dataset:
 * @terms: the words typed, all of which must match
 * @max_results: how many results to return at most
 *
 * Finds countries (by name, code or regulator acronym), products (by name,
 * generic name, country or cell source), cell sources (by name or short
 * name) and conditions (by name), best match first, ignoring case and
 * accents. The dataset is small (a few hundred short texts), so each search
 * folds what it compares afresh rather than keeping an index.
 *
 * Returns: (transfer full): result ids such as "country:jp",
 *   "product:stemirac-jp", "cell-source:ipsc" or "condition:parkinsons";
 *   empty when there are no terms or nothing matches
 */
GStrv
atlas_search_dataset (AtlasDataset       *dataset,
                      const char * const *terms,
                      guint               max_results)
{
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GPtrArray *results;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_autofree char *term = atlas_search_fold (terms[i]);

      g_strstrip (term);
      if (*term != '\0')
        g_ptr_array_add (folded, g_steal_pointer (&term));
    }

  if (folded->len > 0)
    {
      search_countries (dataset, folded, hits);
      search_cell_sources (dataset, folded, hits);
      search_conditions (dataset, folded, hits);
      search_products (dataset, folded, hits);
      g_array_sort (hits, compare_hits);
    }

  results = g_ptr_array_new ();
  for (guint i = 0; i < hits->len && i < max_results; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);

      g_ptr_array_add (results, g_strconcat (kind_prefixes[hit->kind], ":", hit->id, NULL));
    }
  g_ptr_array_add (results, NULL);

  return (GStrv) g_ptr_array_free (results, FALSE);
}

/**
 * atlas_search_parse_result_id:
 * @result_id: an id from atlas_search_dataset()
 * @kind: (out) (transfer full): "country", "product", "cell-source" or
 *   "condition"
 * @id: (out) (transfer none): the item's id within @result_id
 *
 * Returns: %FALSE if @result_id is not of the form "kind:id" with a kind
 *   this module produces
 */
gboolean
atlas_search_parse_result_id (const char  *result_id,
                              char       **kind,
                              const char **id)
{
  const char *colon = result_id ? strchr (result_id, ':') : NULL;

  if (colon == NULL || colon[1] == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_prefixes); i++)
    {
      size_t length = strlen (kind_prefixes[i]);

      if ((size_t) (colon - result_id) == length && strncmp (result_id, kind_prefixes[i], length) == 0)
        {
          *kind = g_strdup (kind_prefixes[i]);
          *id = colon + 1;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
describe_country (AtlasCountry *country)
{
  GListModel *regulators = atlas_country_get_section (country, ATLAS_SECTION_REGULATORS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;
  /* Translators: the kind of a search result in GNOME Shell's search */
  const char *kind = atlas_country_get_kind (country) == ATLAS_COUNTRY_KIND_REGION ? _("Region") : _("Country");

  for (guint i = 0; i < g_list_model_get_n_items (regulators); i++)
    {
      g_autoptr(AtlasEntry) regulator = g_list_model_get_item (regulators, i);
      const char *acronym = atlas_entry_get_acronym (regulator);

      g_strv_builder_add (builder, acronym != NULL && *acronym != '\0' ? acronym : atlas_entry_get_title (regulator));
    }

  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return g_strdup (kind);

  /* Translators: separates the regulators of a country in a search result, as in "PMDA, MHLW" */
  joined = g_strjoinv (_(", "), names);
  /* Translators: a search result's description: "Country · PMDA, MHLW" or "Region · EMA" */
  return g_strdup_printf (_("%s · %s"), kind, joined);
}

static char *
describe_product (AtlasDataset *dataset,
                  AtlasProduct *product)
{
  AtlasCountry *country = atlas_dataset_find_product_country (dataset, atlas_product_get_id (product));
  const char *status = atlas_product_status_to_label (atlas_product_get_status (product));

  if (country == NULL)
    /* Translators: a search result's description: "Product · Conditional" */
    return g_strdup_printf (_("Product · %s"), status);

  /* Translators: a search result's description: "Product · Japan · Conditional" */
  return g_strdup_printf (_("Product · %s · %s"), atlas_country_get_display_name (country), status);
}

static char *
describe_cell_source (AtlasCellSource *cell_source)
{
  /* Translators: a search result's description: "Cell source · iPSC · Conditional approvals only" */
  return g_strdup_printf (_("Cell source · %s · %s"),
                          atlas_cell_source_get_short_name (cell_source),
                          atlas_maturity_to_label (atlas_cell_source_get_maturity (cell_source)));
}

static char *
describe_condition (AtlasCondition *condition)
{
  guint n_places = 0;

  for (guint i = 0; i < atlas_condition_get_n_statuses (condition); i++)
    {
      const AtlasConditionStatus *status = atlas_condition_get_status (condition, i);

      if (status->availability == ATLAS_AVAILABILITY_APPROVED ||
          status->availability == ATLAS_AVAILABILITY_CONDITIONAL)
        n_places++;
    }

  if (n_places == 0)
    /* Translators: a search result's description */
    return g_strdup (_("Condition · No approved therapy"));

  /* Translators: a search result's description; %u counts countries and regions */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Condition · A therapy approved in %u place",
                                       "Condition · Therapies approved in %u places",
                                       n_places),
                          n_places);
}

/**
 * atlas_search_describe:
 * @result_id: an id from atlas_search_dataset()
 * @name: (out) (transfer full): what the result is called
 * @description: (out) (transfer full): its kind and a fact or two, such as
 *   "Product · Japan · Conditional"
 *
 * Returns: %FALSE if the dataset has no such item (it may have been
 *   refreshed since the search)
 */
gboolean
atlas_search_describe (AtlasDataset  *dataset,
                       const char    *result_id,
                       char         **name,
                       char         **description)
{
  g_autofree char *kind = NULL;
  const char *id = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (name != NULL && description != NULL, FALSE);

  if (!atlas_search_parse_result_id (result_id, &kind, &id))
    return FALSE;

  if (g_str_equal (kind, "country"))
    {
      AtlasCountry *country = atlas_dataset_lookup_country (dataset, id);

      if (country == NULL)
        return FALSE;
      *name = g_strdup (atlas_country_get_display_name (country));
      *description = describe_country (country);
      return TRUE;
    }

  if (g_str_equal (kind, "product"))
    {
      AtlasProduct *product = atlas_dataset_lookup_product (dataset, id);

      if (product == NULL)
        return FALSE;
      *name = g_strdup (atlas_product_get_name (product));
      *description = describe_product (dataset, product);
      return TRUE;
    }

  if (g_str_equal (kind, "cell-source"))
    {
      AtlasCellSource *cell_source = atlas_dataset_lookup_cell_source (dataset, id);

      if (cell_source == NULL)
        return FALSE;
      *name = g_strdup (atlas_cell_source_get_name (cell_source));
      *description = describe_cell_source (cell_source);
      return TRUE;
    }

  if (g_str_equal (kind, "condition"))
    {
      AtlasCondition *condition = atlas_dataset_lookup_condition (dataset, id);

      if (condition == NULL)
        return FALSE;
      *name = g_strdup (atlas_condition_get_name (condition));
      *description = describe_condition (condition);
      return TRUE;
    }

  return FALSE;
}
