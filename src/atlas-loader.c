/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader: bytes in, a complete validated AtlasDataset or a GError out.
 *
 * It is the only code that touches JSON. It checks the syntax strictly
 * first (atlas-json-guard.c), then walks the document, collecting every
 * problem with its JSON path, what was expected and what was found. A
 * document with any problem is refused whole: no half-loaded dataset ever
 * leaves this file. Unknown members are ignored so that newer publishers
 * can add fields. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-dataset-private.h"
#include "atlas-json.h"
#include "atlas-json-guard.h"
#include "atlas-loader.h"
#include "atlas-model-private.h"

G_DEFINE_QUARK (atlas-loader-error-quark, atlas_loader_error)

/* Past this many problems the rest are counted, not listed. */
#define MAX_LISTED_PROBLEMS 50
#define MAX_NAME_LENGTH 200
#define MAX_TEXT_LENGTH 4000
#define MAX_URL_LENGTH 2000
#define MAX_ID_LENGTH 64
#define MAX_ARRAY_ITEMS 1000000
#define MIN_YEAR 1900
/* A dataset may be meant to last this many years after it was published. */
#define MAX_EXPIRY_YEARS 10

typedef struct
{
  GString *path;
  GPtrArray *problems;
  guint n_problems;
  int max_year;
  AtlasDataset *dataset;
} Loader;

typedef enum {
  REQUIRED,
  OPTIONAL,
} Presence;

/* ---- problems and paths ------------------------------------------------ */

G_GNUC_PRINTF (2, 3)
static void
report (Loader     *loader,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  loader->n_problems++;
  if (loader->problems->len >= MAX_LISTED_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->problems,
                   g_strdup_printf ("%s: %s", loader->path->len ? loader->path->str : "(document)", message));
}

static gsize
push_key (Loader     *loader,
          const char *key)
{
  gsize mark = loader->path->len;

  if (mark > 0)
    g_string_append_c (loader->path, '.');
  g_string_append (loader->path, key);
  return mark;
}

static gsize
push_index (Loader *loader,
            guint   index)
{
  gsize mark = loader->path->len;

  g_string_append_printf (loader->path, "[%u]", index);
  return mark;
}

static void
pop (Loader *loader,
     gsize   mark)
{
  g_string_truncate (loader->path, mark);
}

static const char *
describe_node (const AtlasJsonNode *node)
{
  switch (node->type)
    {
    case ATLAS_JSON_OBJECT:
      return "an object";
    case ATLAS_JSON_ARRAY:
      return "an array";
    case ATLAS_JSON_NULL:
      return "null";
    case ATLAS_JSON_STRING:
      return "a string";
    case ATLAS_JSON_BOOLEAN:
      return "a boolean";
    case ATLAS_JSON_INTEGER:
    case ATLAS_JSON_DOUBLE:
      return "a number";
    default:
      return "a value of an unknown kind";
    }
}

/* ---- members of an object ------------------------------------------------ */

/* The member's node, or NULL when it is absent (a problem if REQUIRED).
 * The path is left pointing at the member; the caller pops @mark. */
static const AtlasJsonNode *
member (Loader              *loader,
        const AtlasJsonNode *object,
        const char          *key,
        Presence             presence,
        gsize               *mark)
{
  const AtlasJsonNode *node = atlas_json_object_get_member (object, key);

  *mark = push_key (loader, key);
  if (node == NULL && presence == REQUIRED)
    report (loader, "is missing; it is required");

  return node;
}

static gboolean
check_text (Loader     *loader,
            const char *text,
            gsize       max_length)
{
  glong length = g_utf8_strlen (text, -1);

  if (length == 0)
    {
      report (loader, "expected a non-empty string, found \"\"");
      return FALSE;
    }
  if ((gsize) length > max_length)
    {
      report (loader, "expected at most %" G_GSIZE_FORMAT " characters, found %ld", max_length, length);
      return FALSE;
    }
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]))
    {
      report (loader, "expected no white space at the start or end of the text");
      return FALSE;
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029))
        {
          report (loader, "expected text without control characters, found U+%04X", c);
          return FALSE;
        }
    }

  return TRUE;
}

static const char *
node_text (Loader              *loader,
           const AtlasJsonNode *node,
           gsize                max_length)
{
  const char *text;

  if (node->type != ATLAS_JSON_STRING)
    {
      report (loader, "expected a string, found %s", describe_node (node));
      return NULL;
    }

  text = node->value.string;
  return check_text (loader, text, max_length) ? text : NULL;
}

static const char *
get_text (Loader              *loader,
          const AtlasJsonNode *object,
          const char          *key,
          Presence             presence,
          gsize                max_length)
{
  gsize mark;
  const AtlasJsonNode *node = member (loader, object, key, presence, &mark);
  const char *text = node ? node_text (loader, node, max_length) : NULL;

  pop (loader, mark);
  return text;
}

static gboolean
is_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > MAX_ID_LENGTH)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

static const char *
node_id (Loader              *loader,
         const AtlasJsonNode *node)
{
  const char *text = node_text (loader, node, MAX_ID_LENGTH);

  if (text != NULL && !is_id (text))
    {
      report (loader, "expected an id of lower-case letters, digits and '-', found \"%s\"", text);
      return NULL;
    }

  return text;
}

static const char *
get_id (Loader              *loader,
        const AtlasJsonNode *object,
        const char          *key,
        Presence             presence)
{
  gsize mark;
  const AtlasJsonNode *node = member (loader, object, key, presence, &mark);
  const char *id = node ? node_id (loader, node) : NULL;

  pop (loader, mark);
  return id;
}

static const char *
get_url (Loader              *loader,
         const AtlasJsonNode *object,
         const char          *key,
         Presence             presence)
{
  gsize mark;
  const AtlasJsonNode *node = member (loader, object, key, presence, &mark);
  const char *url = node ? node_text (loader, node, MAX_URL_LENGTH) : NULL;

  if (url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

      if (uri == NULL || strpbrk (url, " \t\n") != NULL)
        {
          report (loader, "expected a web address, found \"%s\"", url);
          url = NULL;
        }
      else if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
        {
          report (loader, "expected an http or https address, found the scheme \"%s\"", scheme);
          url = NULL;
        }
      else if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
        {
          report (loader, "expected a web address with a host name, found \"%s\"", url);
          url = NULL;
        }
    }

  pop (loader, mark);
  return url;
}

static gboolean
node_integer (Loader              *loader,
              const AtlasJsonNode *node,
              gint64               min,
              gint64               max,
              gint64              *value)
{
  if (node->type != ATLAS_JSON_INTEGER)
    {
      if (node->type == ATLAS_JSON_DOUBLE)
        report (loader, "expected a whole number, found %g", node->value.number);
      else
        report (loader, "expected a whole number, found %s", describe_node (node));
      return FALSE;
    }

  *value = node->value.integer;
  if (*value < min || *value > max)
    {
      report (loader, "expected a number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ", found %" G_GINT64_FORMAT,
              min, max, *value);
      return FALSE;
    }

  return TRUE;
}

/* Dates are checked for shape, for being a real day, and for a plausible
 * year: before 1900 or after next year is a typo, not history. */
static const char *
node_date (Loader              *loader,
           const AtlasJsonNode *node,
           gboolean             full,
           AtlasDate           *date)
{
  const char *text = node_text (loader, node, 10);
  AtlasDate parsed;

  if (text == NULL)
    return NULL;

  if (!atlas_date_parse (text, &parsed) || (full && !atlas_date_is_full (&parsed)))
    {
      report (loader, "expected a date as %s, found \"%s\"",
              full ? "YYYY-MM-DD" : "YYYY, YYYY-MM or YYYY-MM-DD", text);
      return NULL;
    }
  if (parsed.year < MIN_YEAR || parsed.year > loader->max_year)
    {
      report (loader, "expected a year from %d to %d, found %d", MIN_YEAR, loader->max_year, parsed.year);
      return NULL;
    }

  if (date != NULL)
    *date = parsed;
  return text;
}

static const char *
get_date (Loader              *loader,
          const AtlasJsonNode *object,
          const char          *key,
          Presence             presence,
          gboolean             full,
          AtlasDate           *date)
{
  gsize mark;
  const AtlasJsonNode *node = member (loader, object, key, presence, &mark);
  const char *text = node ? node_date (loader, node, full, date) : NULL;

  pop (loader, mark);
  return text;
}

static gboolean
get_enum (Loader              *loader,
          const AtlasJsonNode *object,
          const char          *key,
          GType                enum_type,
          int                 *value)
{
  gsize mark;
  const AtlasJsonNode *node = member (loader, object, key, REQUIRED, &mark);
  const char *nick = node ? node_text (loader, node, MAX_NAME_LENGTH) : NULL;
  gboolean ok = FALSE;

  if (nick != NULL)
    {
      ok = atlas_enum_from_nick (enum_type, nick, value);
      if (!ok)
        {
          g_autofree char *expected = atlas_enum_list_nicks (enum_type);

          report (loader, "expected one of %s, found \"%s\"", expected, nick);
        }
    }

  pop (loader, mark);
  return ok;
}

/* The array at @key, or NULL (absent, or not an array: reported). */
static const AtlasJsonNode *
get_array (Loader              *loader,
           const AtlasJsonNode *object,
           const char          *key,
           Presence             presence,
           guint                min_items,
           gsize               *mark)
{
  const AtlasJsonNode *node = member (loader, object, key, presence, mark);

  if (node == NULL)
    return NULL;

  if (node->type != ATLAS_JSON_ARRAY)
    {
      report (loader, "expected an array, found %s", describe_node (node));
      return NULL;
    }

  if (node->length < min_items)
    {
      report (loader, "expected at least %u item%s, found %u", min_items, min_items == 1 ? "" : "s",
              node->length);
      return NULL;
    }
  if (node->length > MAX_ARRAY_ITEMS)
    {
      report (loader, "expected at most %u items, found %u", MAX_ARRAY_ITEMS, node->length);
      return NULL;
    }

  return node;
}

static const AtlasJsonNode *
node_object (Loader              *loader,
             const AtlasJsonNode *node)
{
  if (node->type != ATLAS_JSON_OBJECT)
    {
      report (loader, "expected an object, found %s", describe_node (node));
      return NULL;
    }

  return node;
}

typedef const char *(*ItemReader) (Loader              *loader,
                                   const AtlasJsonNode *node);

static const char *
read_text_item (Loader              *loader,
                const AtlasJsonNode *node)
{
  return node_text (loader, node, MAX_TEXT_LENGTH);
}

static char **
get_string_list (Loader              *loader,
                 const AtlasJsonNode *object,
                 const char          *key,
                 Presence             presence,
                 guint                min_items,
                 ItemReader           read_item)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize mark;
  const AtlasJsonNode *array = get_array (loader, object, key, presence, min_items, &mark);
  guint length = array ? array->length : 0;

  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = push_index (loader, i);
      const char *text = read_item (loader, atlas_json_array_get_element (array, i));

      if (text != NULL)
        g_strv_builder_add (builder, text);
      pop (loader, item_mark);
    }

  pop (loader, mark);
  return g_strv_builder_end (builder);
}

/* A reference list (ids of sources, conditions, products ...) whose every
 * id must be found by @lookup in the dataset. */
typedef gpointer (*Lookup) (AtlasDataset *dataset,
                            const char   *id);

static char **
get_references (Loader              *loader,
                const AtlasJsonNode *object,
                const char          *key,
                Presence             presence,
                guint                min_items,
                Lookup               lookup,
                const char          *kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize mark;
  const AtlasJsonNode *array = get_array (loader, object, key, presence, min_items, &mark);
  guint length = array ? array->length : 0;

  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = push_index (loader, i);
      const char *id = node_id (loader, atlas_json_array_get_element (array, i));

      if (id != NULL && lookup (loader->dataset, id) == NULL)
        report (loader, "refers to the %s \"%s\", which the document does not define", kind, id);
      else if (id != NULL)
        g_strv_builder_add (builder, id);
      pop (loader, item_mark);
    }

  pop (loader, mark);
  return g_strv_builder_end (builder);
}

static char **
get_source_ids (Loader              *loader,
                const AtlasJsonNode *object,
                Presence             presence)
{
  return get_references (loader, object, "sources", presence, presence == REQUIRED ? 1 : 0,
                         (Lookup) atlas_dataset_lookup_source, "source");
}

/* Calls @read_item for each object in the array at @key. */
typedef void (*ObjectReader) (Loader              *loader,
                              const AtlasJsonNode *object,
                              gpointer             user_data);

static guint
for_each_object (Loader              *loader,
                 const AtlasJsonNode *parent,
                 const char          *key,
                 Presence             presence,
                 guint                min_items,
                 ObjectReader         read_item,
                 gpointer             user_data)
{
  gsize mark;
  const AtlasJsonNode *array = get_array (loader, parent, key, presence, min_items, &mark);
  guint length = array ? array->length : 0;

  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = push_index (loader, i);
      const AtlasJsonNode *object = node_object (loader, atlas_json_array_get_element (array, i));

      if (object != NULL)
        read_item (loader, object, user_data);
      pop (loader, item_mark);
    }

  pop (loader, mark);
  return length;
}

static void
report_duplicate (Loader     *loader,
                  const char *kind,
                  const char *id)
{
  gsize mark = push_key (loader, "id");

  report (loader, "the %s id \"%s\" is used more than once", kind, id);
  pop (loader, mark);
}

/* ---- the parts of the document ------------------------------------------ */

static void
read_source (Loader              *loader,
             const AtlasJsonNode *object,
             gpointer             user_data)
{
  const char *id = get_id (loader, object, "id", REQUIRED);
  const char *title = get_text (loader, object, "title", REQUIRED, MAX_NAME_LENGTH);
  const char *publisher = get_text (loader, object, "publisher", REQUIRED, MAX_NAME_LENGTH);
  const char *url = get_url (loader, object, "url", REQUIRED);
  const char *accessed = get_date (loader, object, "accessed", REQUIRED, TRUE, NULL);
  g_autoptr(AtlasSource) source = NULL;

  if (!id || !title || !publisher || !url || !accessed)
    return;

  source = g_object_new (ATLAS_TYPE_SOURCE,
                         "id", id, "title", title, "publisher", publisher,
                         "url", url, "accessed", accessed,
                         NULL);
  if (!atlas_dataset_add_source (loader->dataset, source))
    report_duplicate (loader, "source", id);
}

static void
read_cell_source (Loader              *loader,
                  const AtlasJsonNode *object,
                  gpointer             user_data)
{
  const char *id = get_id (loader, object, "id", REQUIRED);
  const char *name = get_text (loader, object, "name", REQUIRED, MAX_NAME_LENGTH);
  const char *short_name = get_text (loader, object, "short_name", REQUIRED, MAX_NAME_LENGTH);
  const char *definition = get_text (loader, object, "definition", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) advantages = get_string_list (loader, object, "advantages", REQUIRED, 0, read_text_item);
  g_auto(GStrv) risks = get_string_list (loader, object, "risks", REQUIRED, 0, read_text_item);
  const char *maturity_note = get_text (loader, object, "maturity_note", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  g_autoptr(AtlasCellSource) cell_source = NULL;
  int maturity;

  if (!get_enum (loader, object, "maturity", ATLAS_TYPE_MATURITY, &maturity) ||
      !id || !name || !short_name || !definition || !maturity_note)
    return;

  cell_source = g_object_new (ATLAS_TYPE_CELL_SOURCE,
                              "id", id, "name", name, "short-name", short_name,
                              "definition", definition, "advantages", advantages,
                              "risks", risks, "maturity", maturity,
                              "maturity-note", maturity_note, "source-ids", source_ids,
                              NULL);
  if (!atlas_dataset_add_cell_source (loader->dataset, cell_source))
    report_duplicate (loader, "cell source", id);
}

static void
read_therapy_type (Loader              *loader,
                   const AtlasJsonNode *object,
                   gpointer             user_data)
{
  int origin;
  const char *name = get_text (loader, object, "name", REQUIRED, MAX_NAME_LENGTH);
  const char *definition = get_text (loader, object, "definition", REQUIRED, MAX_TEXT_LENGTH);
  const char *how_obtained = get_text (loader, object, "how_obtained", REQUIRED, MAX_TEXT_LENGTH);
  const char *immune_match = get_text (loader, object, "immune_match", REQUIRED, MAX_TEXT_LENGTH);
  const char *scalability = get_text (loader, object, "scalability", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) advantages = get_string_list (loader, object, "advantages", REQUIRED, 0, read_text_item);
  g_auto(GStrv) risks = get_string_list (loader, object, "risks", REQUIRED, 0, read_text_item);
  const char *maturity_note = get_text (loader, object, "maturity_note", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  g_autoptr(AtlasTherapyType) therapy_type = NULL;

  /* The id doubles as the origin: one therapy type per origin. */
  if (!get_enum (loader, object, "id", ATLAS_TYPE_ORIGIN, &origin) ||
      !name || !definition || !how_obtained || !immune_match || !scalability || !maturity_note)
    return;

  therapy_type = g_object_new (ATLAS_TYPE_THERAPY_TYPE,
                               "id", atlas_enum_to_nick (ATLAS_TYPE_ORIGIN, origin),
                               "name", name, "definition", definition,
                               "how-obtained", how_obtained, "immune-match", immune_match,
                               "scalability", scalability, "advantages", advantages,
                               "risks", risks, "maturity-note", maturity_note,
                               "source-ids", source_ids,
                               NULL);
  atlas_dataset_add_therapy_type (loader->dataset, therapy_type);
}

static void
read_guidance (Loader              *loader,
               const AtlasJsonNode *object,
               gpointer             user_data)
{
  const char *id = get_id (loader, object, "id", REQUIRED);
  const char *title = get_text (loader, object, "title", REQUIRED, MAX_NAME_LENGTH);
  const char *text = get_text (loader, object, "text", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  g_autoptr(AtlasGuidance) guidance = NULL;
  int kind;

  if (!get_enum (loader, object, "kind", ATLAS_TYPE_GUIDANCE_KIND, &kind) || !id || !title || !text)
    return;

  guidance = g_object_new (ATLAS_TYPE_GUIDANCE,
                           "id", id, "kind", kind, "title", title, "text", text,
                           "source-ids", source_ids,
                           NULL);
  atlas_dataset_add_guidance (loader->dataset, guidance);
}

static void
read_condition (Loader              *loader,
                const AtlasJsonNode *object,
                gpointer             user_data)
{
  const char *id = get_id (loader, object, "id", REQUIRED);
  const char *name = get_text (loader, object, "name", REQUIRED, MAX_NAME_LENGTH);
  const char *summary = get_text (loader, object, "summary", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  g_autoptr(AtlasCondition) condition = NULL;

  if (!id || !name || !summary)
    return;

  /* Statuses refer to countries and products, which come later: they are
   * read by read_condition_statuses() once the countries are in. */
  condition = g_object_new (ATLAS_TYPE_CONDITION,
                            "id", id, "name", name, "summary", summary,
                            "source-ids", source_ids,
                            NULL);
  if (!atlas_dataset_add_condition (loader->dataset, condition))
    report_duplicate (loader, "condition", id);
}

static void
read_condition_status (Loader              *loader,
                       const AtlasJsonNode *object,
                       gpointer             user_data)
{
  AtlasCondition *condition = user_data;
  gsize mark;
  const char *country_id = get_id (loader, object, "country", REQUIRED);
  const char *summary = get_text (loader, object, "summary", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) product_ids = get_references (loader, object, "products", OPTIONAL, 0,
                                              (Lookup) atlas_dataset_lookup_product, "product");
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  int availability;

  if (!get_enum (loader, object, "status", ATLAS_TYPE_AVAILABILITY, &availability) || !summary || !country_id)
    return;

  if (atlas_dataset_lookup_country (loader->dataset, country_id) == NULL)
    {
      mark = push_key (loader, "country");
      report (loader, "refers to the country \"%s\", which the document does not define", country_id);
      pop (loader, mark);
      return;
    }

  if (condition != NULL)
    atlas_condition_add_status (condition, country_id, availability, summary, product_ids, source_ids);
}

static void
read_condition_statuses (Loader              *loader,
                         const AtlasJsonNode *object,
                         gpointer             user_data)
{
  const char *id = get_id (loader, object, "id", REQUIRED);
  AtlasCondition *condition = id ? atlas_dataset_lookup_condition (loader->dataset, id) : NULL;

  for_each_object (loader, object, "statuses", REQUIRED, 0, read_condition_status, condition);
}

static void
read_entry (Loader              *loader,
            const AtlasJsonNode *object,
            gpointer             user_data)
{
  AtlasCountry *country = ((gpointer *) user_data)[0];
  AtlasSection section = GPOINTER_TO_UINT (((gpointer *) user_data)[1]);
  static const char * const topics[] = { "embryo-research", "scnt", "funding-policy", NULL };
  const char *title = get_text (loader, object, "title", REQUIRED, MAX_NAME_LENGTH);
  const char *acronym = get_text (loader, object, "acronym", OPTIONAL, MAX_NAME_LENGTH);
  const char *date = get_date (loader, object, "date",
                               section == ATLAS_SECTION_MILESTONES ? REQUIRED : OPTIONAL, FALSE, NULL);
  const char *summary = get_text (loader, object, "summary", OPTIONAL, MAX_TEXT_LENGTH);
  const char *url = get_url (loader, object, "url", OPTIONAL);
  const char *topic = NULL;
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  g_autoptr(AtlasEntry) entry = NULL;

  if (section == ATLAS_SECTION_POLICIES)
    {
      topic = get_id (loader, object, "topic", REQUIRED);
      if (topic != NULL && !g_strv_contains (topics, topic))
        {
          gsize mark = push_key (loader, "topic");

          report (loader, "expected one of \"embryo-research\", \"scnt\" or \"funding-policy\", found \"%s\"", topic);
          pop (loader, mark);
          topic = NULL;
        }
      if (topic == NULL)
        return;
    }

  if (title == NULL)
    return;

  entry = g_object_new (ATLAS_TYPE_ENTRY,
                        "title", title, "acronym", acronym, "date", date,
                        "summary", summary, "url", url, "topic", topic,
                        "source-ids", source_ids,
                        NULL);
  atlas_country_add_entry (country, section, entry);
}

static void
read_status_change (Loader              *loader,
                    const AtlasJsonNode *object,
                    gpointer             user_data)
{
  AtlasProduct *product = ((gpointer *) user_data)[0];
  AtlasDate *previous = ((gpointer *) user_data)[1];
  AtlasDate date;
  const char *date_text = get_date (loader, object, "date", REQUIRED, FALSE, &date);
  const char *note = get_text (loader, object, "note", OPTIONAL, MAX_TEXT_LENGTH);
  g_auto(GStrv) source_ids = get_source_ids (loader, object, OPTIONAL);
  int status;

  if (!get_enum (loader, object, "status", ATLAS_TYPE_PRODUCT_STATUS, &status) || date_text == NULL)
    return;

  if (previous->year != 0 && atlas_date_compare (&date, previous) < 0)
    {
      gsize mark = push_key (loader, "date");

      report (loader, "expected the history in date order, found %s after a later date", date_text);
      pop (loader, mark);
    }
  *previous = date;

  atlas_product_add_status_change (product, status, date_text, note, source_ids);
}

static void
read_product (Loader              *loader,
              const AtlasJsonNode *object,
              gpointer             user_data)
{
  AtlasCountry *country = user_data;
  /* Problems counted from here on mean this product is incomplete. */
  guint n_problems = loader->n_problems;
  const char *id = get_id (loader, object, "id", REQUIRED);
  const char *name = get_text (loader, object, "name", REQUIRED, MAX_NAME_LENGTH);
  const char *generic_name = get_text (loader, object, "generic_name", OPTIONAL, MAX_NAME_LENGTH);
  const char *sponsor = get_text (loader, object, "sponsor", REQUIRED, MAX_NAME_LENGTH);
  const char *cell_source = get_id (loader, object, "cell_source", REQUIRED);
  const char *indication = get_text (loader, object, "indication", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) condition_ids = get_references (loader, object, "conditions", OPTIONAL, 0,
                                                (Lookup) atlas_dataset_lookup_condition, "condition");
  const char *note = get_text (loader, object, "note", OPTIONAL, MAX_TEXT_LENGTH);
  g_auto(GStrv) source_ids = get_source_ids (loader, object, REQUIRED);
  g_autoptr(AtlasProduct) product = NULL;
  AtlasDate previous = { 0, 0, 0 };
  gpointer history_data[2];
  int origin = 0;

  get_enum (loader, object, "origin", ATLAS_TYPE_ORIGIN, &origin);
  if (cell_source != NULL && atlas_dataset_lookup_cell_source (loader->dataset, cell_source) == NULL)
    {
      gsize mark = push_key (loader, "cell_source");

      report (loader, "refers to the cell source \"%s\", which the document does not define", cell_source);
      pop (loader, mark);
    }

  product = g_object_new (ATLAS_TYPE_PRODUCT,
                          "id", id, "name", name, "generic-name", generic_name,
                          "sponsor", sponsor, "cell-source-id", cell_source,
                          "origin", origin, "indication", indication,
                          "condition-ids", condition_ids, "note", note,
                          "source-ids", source_ids,
                          NULL);
  history_data[0] = product;
  history_data[1] = &previous;
  for_each_object (loader, object, "history", REQUIRED, 1, read_status_change, history_data);

  /* Any problem above means the product is incomplete: the document will be
   * refused anyway, so it is not added. */
  if (loader->n_problems != n_problems)
    return;

  if (!atlas_dataset_index_product (loader->dataset, country, product))
    report_duplicate (loader, "product", id);
  else
    atlas_country_add_product (country, product);
}

/* A string member of an object node, or NULL. */
static const char *
get_string_member (const AtlasJsonNode *object,
                   const char          *name)
{
  const AtlasJsonNode *member = atlas_json_object_get_member (object, name);

  return member != NULL && member->type == ATLAS_JSON_STRING ? member->value.string : NULL;
}

/* iso-codes' names for each alpha-2 code, most familiar first (common name,
 * then name), read once from its JSON: the msgids of its translations. */
static GHashTable *
read_iso_country_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
#ifdef ISO_3166_1_JSON
  g_autoptr(GFile) file = g_file_new_for_path (ISO_3166_1_JSON);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasJsonDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasJsonNode *root;
  const AtlasJsonNode *countries = NULL;

  bytes = atlas_loader_read_file (file, NULL, &error);
  if (bytes != NULL &&
      atlas_json_guard_check (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), ATLAS_LOADER_MAX_DEPTH, &error))
    document = atlas_json_document_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          ATLAS_LOADER_MAX_DEPTH, &error);
  if (document == NULL)
    {
      g_debug ("Country names stay in English: %s", error->message);
      return names;
    }

  root = atlas_json_document_get_root (document);
  if (root->type == ATLAS_JSON_OBJECT)
    countries = atlas_json_object_get_member (root, "3166-1");
  if (countries == NULL || countries->type != ATLAS_JSON_ARRAY)
    return names;

  for (guint i = 0; i < countries->length; i++)
    {
      const AtlasJsonNode *country = atlas_json_array_get_element (countries, i);
      g_autoptr(GStrvBuilder) builder = NULL;
      const char *code;

      if (country->type != ATLAS_JSON_OBJECT || (code = get_string_member (country, "alpha_2")) == NULL)
        continue;

      builder = g_strv_builder_new ();
      if (get_string_member (country, "common_name") != NULL)
        g_strv_builder_add (builder, get_string_member (country, "common_name"));
      if (get_string_member (country, "name") != NULL)
        g_strv_builder_add (builder, get_string_member (country, "name"));
      g_hash_table_insert (names, g_ascii_strdown (code, -1), g_strv_builder_end (builder));
    }
#endif

  return names;
}

/* The country's name in the reader's language: iso-codes' translation of
 * its common name or its name, else ours (the EU is not in ISO 3166-1),
 * else the English name from the data. */
static char *
dup_display_name (const char *id,
                  const char *name)
{
  static GHashTable *iso_names;
  const char * const *candidates;

  if (g_once_init_enter (&iso_names))
    g_once_init_leave (&iso_names, read_iso_country_names ());

  candidates = g_hash_table_lookup (iso_names, id);
  for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
    {
      const char *translated = g_dgettext ("iso_3166-1", candidates[i]);

      if (translated != candidates[i])
        return g_strdup (translated);
    }

  /* N_() marks the names of regions so that they are in our catalogue. */
  if (g_str_equal (id, "eu"))
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, N_("European Union")));

  return g_strdup (name);
}

static void
read_country (Loader              *loader,
              const AtlasJsonNode *object,
              gpointer             user_data)
{
  guint n_problems = loader->n_problems;
  const char *id = get_id (loader, object, "id", REQUIRED);
  const char *name = get_text (loader, object, "name", REQUIRED, MAX_NAME_LENGTH);
  const char *flag = get_text (loader, object, "flag", REQUIRED, 16);
  const char *summary = get_text (loader, object, "summary", REQUIRED, MAX_TEXT_LENGTH);
  g_auto(GStrv) strengths = get_string_list (loader, object, "strengths", REQUIRED, 1, read_text_item);
  const char *reviewed = get_date (loader, object, "reviewed", REQUIRED, TRUE, NULL);
  const char *no_products_note = get_text (loader, object, "no_products_note", OPTIONAL, MAX_TEXT_LENGTH);
  g_auto(GStrv) member_of = get_string_list (loader, object, "member_of", OPTIONAL, 0, node_id);
  g_autoptr(AtlasCountry) country = NULL;
  g_autofree char *display_name = NULL;
  guint n_products;
  int kind = 0;

  get_enum (loader, object, "kind", ATLAS_TYPE_COUNTRY_KIND, &kind);
  if (id != NULL && !(strlen (id) == 2 && g_ascii_isalpha (id[0]) && g_ascii_isalpha (id[1])))
    {
      gsize mark = push_key (loader, "id");

      report (loader, "expected a two-letter ISO 3166-1 code such as \"jp\" (or \"eu\"), found \"%s\"", id);
      pop (loader, mark);
    }

  country = g_object_new (ATLAS_TYPE_COUNTRY,
                          "id", id, "name", name, "flag", flag, "kind", kind,
                          "member-of", member_of, "summary", summary,
                          "strengths", strengths, "reviewed", reviewed,
                          "no-products-note", no_products_note,
                          NULL);

  for (AtlasSection section = 0; section < ATLAS_N_SECTIONS; section++)
    {
      gpointer entry_data[2] = { country, GUINT_TO_POINTER (section) };
      guint min_items = section == ATLAS_SECTION_REGULATORS ? 1 : 0;

      for_each_object (loader, object, atlas_section_to_json_name (section), REQUIRED, min_items,
                       read_entry, entry_data);
    }

  n_products = for_each_object (loader, object, "products", REQUIRED, 0, read_product, country);
  if (n_products == 0 && no_products_note == NULL && atlas_json_object_get_member (object, "products") != NULL)
    {
      gsize mark = push_key (loader, "no_products_note");

      report (loader, "is missing; it is required when \"products\" is empty, to say plainly that none is approved");
      pop (loader, mark);
    }

  if (loader->n_problems != n_problems || id == NULL)
    return;

  display_name = dup_display_name (id, name);
  atlas_country_set_display_name (country, display_name);
  atlas_country_seal (country);
  if (!atlas_dataset_add_country (loader->dataset, country))
    report_duplicate (loader, "country", id);
}

/* member_of must name regions, which may be defined after their members. */
static void
check_memberships (Loader *loader)
{
  GListModel *model = atlas_dataset_get_countries (loader->dataset);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (model, i);
      const char * const *member_of = atlas_country_get_member_of (country);

      for (guint j = 0; member_of && member_of[j]; j++)
        {
          AtlasCountry *region = atlas_dataset_lookup_country (loader->dataset, member_of[j]);

          if (region == NULL || atlas_country_get_kind (region) != ATLAS_COUNTRY_KIND_REGION)
            {
              g_autofree char *path = g_strdup_printf ("countries[id=%s].member_of[%u]",
                                                       atlas_country_get_id (country), j);
              gsize mark = push_key (loader, path);

              report (loader, "expected the id of a region defined in \"countries\", found \"%s\"", member_of[j]);
              pop (loader, mark);
            }
        }
    }
}

/* "expires": when the publisher means to have replaced this dataset. Past
 * it the data is still shown, marked as possibly out of date; a server
 * that keeps offering an old dataset (a freeze) cannot hide that. */
static void
read_expires (Loader              *loader,
              const AtlasJsonNode *root,
              const AtlasDate     *generated)
{
  int max_year = loader->max_year;
  AtlasDate expires = { 0, 0, 0 };
  const char *text;

  if (generated != NULL)
    loader->max_year = generated->year + MAX_EXPIRY_YEARS;
  text = get_date (loader, root, "expires", OPTIONAL, TRUE, &expires);
  loader->max_year = max_year;

  if (text == NULL)
    return;

  if (generated != NULL && atlas_date_compare (&expires, generated) <= 0)
    {
      gsize mark = push_key (loader, "expires");

      report (loader, "expected a date after \"generated\" (%04d-%02d-%02d), found \"%s\"",
              generated->year, generated->month, generated->day, text);
      pop (loader, mark);
      return;
    }

  atlas_dataset_set_expires (loader->dataset, text);
}

/* The schema version comes first: a newer format may break any other rule,
 * and the right advice then is to update the app, not a list of problems. */
static gboolean
check_schema_version (Loader               *loader,
                      const AtlasJsonNode  *root,
                      int                  *schema_version,
                      GError              **error)
{
  gsize mark;
  const AtlasJsonNode *node = member (loader, root, "schema_version", REQUIRED, &mark);
  gint64 value = 0;

  if (node != NULL && node_integer (loader, node, 1, G_MAXINT, &value) && value > ATLAS_SCHEMA_VERSION)
    {
      g_set_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_NEWER_SCHEMA,
                   "schema_version: the data uses format version %" G_GINT64_FORMAT ", but this version of "
                   "Stem Cell Atlas reads only version %d. Update the app to read it.",
                   value, ATLAS_SCHEMA_VERSION);
      pop (loader, mark);
      return FALSE;
    }

  pop (loader, mark);
  *schema_version = (int) value;
  return TRUE;
}

static AtlasDataset *
read_document (Loader               *loader,
               const AtlasJsonNode  *root_node,
               GError              **error)
{
  const AtlasJsonNode *root = node_object (loader, root_node);
  int schema_version = 0;
  gint64 dataset_version = 0;
  AtlasDate generated = { 0, 0, 0 };
  const char *generated_text;
  gsize mark;
  const AtlasJsonNode *node;

  if (root == NULL || !check_schema_version (loader, root, &schema_version, error))
    return NULL;

  node = member (loader, root, "dataset_version", REQUIRED, &mark);
  if (node != NULL)
    node_integer (loader, node, 1, G_MAXINT, &dataset_version);
  pop (loader, mark);

  /* Every other date is judged against the publication year. */
  loader->max_year = 2100;
  generated_text = get_date (loader, root, "generated", REQUIRED, TRUE, &generated);
  if (generated_text != NULL)
    loader->max_year = generated.year + 1;

  loader->dataset = atlas_dataset_new (schema_version, (int) dataset_version, generated_text);
  read_expires (loader, root, generated_text != NULL ? &generated : NULL);

  for_each_object (loader, root, "sources", REQUIRED, 1, read_source, NULL);
  for_each_object (loader, root, "cell_sources", REQUIRED, 0, read_cell_source, NULL);
  for_each_object (loader, root, "conditions", OPTIONAL, 0, read_condition, NULL);
  for_each_object (loader, root, "therapy_types", OPTIONAL, 0, read_therapy_type, NULL);
  for_each_object (loader, root, "guidance", OPTIONAL, 0, read_guidance, NULL);
  for_each_object (loader, root, "countries", REQUIRED, 1, read_country, NULL);
  check_memberships (loader);
  for_each_object (loader, root, "conditions", OPTIONAL, 0, read_condition_statuses, NULL);

  return g_object_ref (loader->dataset);
}

static GError *
problems_to_error (Loader *loader)
{
  g_autoptr(GString) message = g_string_new (NULL);

  if (loader->n_problems == 1)
    g_string_append (message, g_ptr_array_index (loader->problems, 0));
  else
    {
      g_string_append_printf (message, "%u problems found:", loader->n_problems);
      for (guint i = 0; i < loader->problems->len; i++)
        g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (loader->problems, i));
      if (loader->n_problems > loader->problems->len)
        g_string_append_printf (message, "\n… and %u more", loader->n_problems - loader->problems->len);
    }

  return g_error_new_literal (ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_INVALID, message->str);
}

AtlasDataset *
atlas_loader_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(AtlasJsonDocument) document = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { 0, };
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > ATLAS_LOADER_MAX_BYTES)
    {
      g_set_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX,
                   "the document is %" G_GSIZE_FORMAT " bytes, more than the limit of %d bytes",
                   length, ATLAS_LOADER_MAX_BYTES);
      return NULL;
    }

  if (!atlas_json_guard_check (data ? data : "", length, ATLAS_LOADER_MAX_DEPTH, error))
    return NULL;

  /* The guard has given any syntax error its line and column; this cannot
   * fail on what it accepts, but refuses rather than trusts. */
  document = atlas_json_document_parse (data ? data : "", length, ATLAS_LOADER_MAX_DEPTH, &local_error);
  if (document == NULL)
    {
      g_set_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX,
                   "the document is not valid JSON: %s", local_error->message);
      return NULL;
    }

  loader.path = g_string_new (NULL);
  loader.problems = g_ptr_array_new_with_free_func (g_free);
  dataset = read_document (&loader, atlas_json_document_get_root (document), &local_error);
  if (local_error == NULL && loader.n_problems > 0)
    local_error = problems_to_error (&loader);

  g_clear_object (&loader.dataset);
  g_string_free (loader.path, TRUE);
  g_ptr_array_unref (loader.problems);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

/* Reads at most ATLAS_LOADER_MAX_BYTES + 1 bytes, so a huge or endless file
 * (a FIFO, /dev/zero) costs no more than the limit. */
GBytes *
atlas_loader_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[64 * 1024];

  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);

      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;
      if (buffer->len + (gsize) n_read > ATLAS_LOADER_MAX_BYTES)
        {
          g_set_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX,
                       "the document is larger than the limit of %d bytes", ATLAS_LOADER_MAX_BYTES);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

AtlasDataset *
atlas_loader_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = atlas_loader_read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return atlas_loader_load_bytes (bytes, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  AtlasDataset *dataset = atlas_loader_load_bytes (task_data, &error);

  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Parsing a large feed takes long enough to stall the main loop, so it runs
 * in a worker thread; the dataset is not shared until it is complete. */
void
atlas_loader_load_bytes_async (GBytes              *bytes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (bytes != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_loader_load_bytes_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, load_in_thread);
}

AtlasDataset *
atlas_loader_load_bytes_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_loader_load_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
