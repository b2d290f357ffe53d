/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasTherapyPage: autologous and allogeneic therapies side by side, and
 * every cell source in the data with its advantages, risks, maturity and
 * the products made from it. Products link to their country's page. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-flag.h"
#include "atlas-links.h"
#include "atlas-row-pager.h"
#include "atlas-rows.h"
#include "atlas-status-badge.h"
#include "atlas-therapy-page.h"

/* Links inside labels use this scheme for a country's page; anything else
 * goes through the web-link rules. */
#define COUNTRY_LINK_SCHEME "atlas-country:"

/* The examples of a therapy type stay a short paragraph whatever the size
 * of the data; a cell source's row lists its products a page at a time. */
#define MAX_EXAMPLE_COUNTRIES 20
#define MAX_EXAMPLES_PER_COUNTRY 6
#define PRODUCTS_PER_PAGE 15

struct _AtlasTherapyPage
{
  AdwBin parent_instance;

  AtlasStore *store;
  GPtrArray *therapy_types;
  GPtrArray *cell_source_rows;
  GPtrArray *source_rows;
  char *pending_cell_source;
  gboolean stale;

  GtkScrolledWindow *scrolled_window;
  AtlasSideBySide *types_table;
  AdwPreferencesGroup *cell_sources_group;
  AdwPreferencesGroup *sources_group;
};

G_DEFINE_FINAL_TYPE (AtlasTherapyPage, atlas_therapy_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows of the side-by-side table, in order. */
typedef enum {
  TYPE_ROW_DEFINITION,
  TYPE_ROW_HOW_OBTAINED,
  TYPE_ROW_IMMUNE_MATCH,
  TYPE_ROW_SCALABILITY,
  TYPE_ROW_ADVANTAGES,
  TYPE_ROW_RISKS,
  TYPE_ROW_MATURITY,
  TYPE_ROW_EXAMPLES,
  N_TYPE_ROWS
} TypeRow;

static const char * const type_row_titles[N_TYPE_ROWS] = {
  N_("Definition"),
  N_("How Cells Are Obtained"),
  N_("Immune Match"),
  N_("Scalability"),
  N_("Advantages"),
  N_("Risks"),
  N_("Maturity"),
  N_("Examples by Country"),
};

static AtlasDataset *
get_dataset (AtlasTherapyPage *self)
{
  return self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
}

/* Items as lines that start with a bullet. */
static char *
dup_bullets (const char * const *items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a list item; keep the bullet unless your script uses another. */
      g_string_append_printf (text, _("• %s"), items[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
make_text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
}

static int
compare_countries_by_name (gconstpointer a,
                           gconstpointer b)
{
  AtlasCountry *country_a = *(AtlasCountry **) a;
  AtlasCountry *country_b = *(AtlasCountry **) b;

  return g_utf8_collate (atlas_country_get_display_name (country_a), atlas_country_get_display_name (country_b));
}

/* The countries of the dataset, sorted by name. */
static GPtrArray *
dup_sorted_countries (AtlasDataset *dataset)
{
  GListModel *countries = atlas_dataset_get_countries (dataset);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (countries, i));
  g_ptr_array_sort (sorted, compare_countries_by_name);

  return sorted;
}

static gboolean
on_label_activate_link (GtkLabel   *label,
                        const char *uri,
                        gpointer    user_data)
{
  if (g_str_has_prefix (uri, COUNTRY_LINK_SCHEME))
    {
      gtk_widget_activate_action (GTK_WIDGET (label), "win.show-country", "s",
                                  uri + strlen (COUNTRY_LINK_SCHEME));
      return TRUE;
    }

  atlas_links_open_uri (GTK_WIDGET (label), uri);
  return TRUE;
}

static gboolean
is_example (AtlasProduct *product,
            AtlasOrigin   origin)
{
  return atlas_product_get_origin (product) == origin &&
         atlas_product_get_status (product) != ATLAS_PRODUCT_STATUS_WITHDRAWN;
}

static gboolean
country_has_example (AtlasCountry *country,
                     AtlasOrigin   origin)
{
  GListModel *products = atlas_country_get_products (country);

  for (guint j = 0; j < g_list_model_get_n_items (products); j++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

      if (is_example (product, origin))
        return TRUE;
    }

  return FALSE;
}

/* "<b>Japan</b>: Temcell, Alofisel", each product a link to the country's
 * page; after the first few, "and 3 more". FALSE if the country has no
 * example. */
static gboolean
append_country_examples (GString      *markup,
                         AtlasCountry *country,
                         AtlasOrigin   origin)
{
  GListModel *products = atlas_country_get_products (country);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *name = NULL;
  guint n_shown = 0;
  guint n_left = 0;

  for (guint j = 0; j < g_list_model_get_n_items (products); j++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);
      g_autofree char *product_name = NULL;
      g_autofree char *tooltip = NULL;
      g_autofree char *escaped_tooltip = NULL;

      if (!is_example (product, origin))
        continue;

      if (n_shown == MAX_EXAMPLES_PER_COUNTRY)
        {
          n_left++;
          continue;
        }

      if (n_shown++ > 0)
        g_string_append (links, _(", "));

      product_name = g_markup_escape_text (atlas_product_get_name (product), -1);
      /* Translators: a link's tooltip: a product's status and its country, e.g. "Conditional · Japan". */
      tooltip = g_strdup_printf (_("%s · %s"),
                                 atlas_product_status_to_label (atlas_product_get_status (product)),
                                 atlas_country_get_display_name (country));
      escaped_tooltip = g_markup_escape_text (tooltip, -1);
      /* Ids are lower-case letters, digits and dashes: safe in a URI. */
      g_string_append_printf (links, "<a href=\"" COUNTRY_LINK_SCHEME "%s\" title=\"%s\">%s</a>",
                              atlas_country_get_id (country), escaped_tooltip, product_name);
    }

  if (n_shown == 0)
    return FALSE;

  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  name = g_markup_escape_text (atlas_country_get_display_name (country), -1);
  g_string_append_printf (markup, "<b>%s</b>: ", name);

  if (n_left == 0)
    g_string_append (markup, links->str);
  else
    /* Translators: a country's first example products, then how many more it has, e.g. "Temcell, Alofisel and 3 more". */
    g_string_append_printf (markup, g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n_left),
                            links->str, n_left);

  return TRUE;
}

/* The products of one origin, by country. Withdrawn products are not
 * examples of what is available. A few examples per country from a few
 * countries keep it a paragraph: the cell sources below list every
 * product. */
static GtkWidget *
make_examples_label (AtlasTherapyPage *self,
                     AtlasOrigin       origin)
{
  g_autoptr(GPtrArray) countries = dup_sorted_countries (get_dataset (self));
  g_autoptr(GString) markup = g_string_new (NULL);
  guint n_countries_shown = 0;
  guint n_countries_left = 0;
  GtkWidget *label;

  for (guint i = 0; i < countries->len; i++)
    {
      AtlasCountry *country = g_ptr_array_index (countries, i);

      if (n_countries_shown < MAX_EXAMPLE_COUNTRIES)
        n_countries_shown += append_country_examples (markup, country, origin);
      else
        n_countries_left += country_has_example (country, origin);
    }

  if (n_countries_left > 0)
    {
      g_string_append_c (markup, '\n');
      /* Translators: after the example products of the first countries. */
      g_string_append_printf (markup, g_dngettext (GETTEXT_PACKAGE, "And products in %u more country",
                                                   "And products in %u more countries", n_countries_left),
                              n_countries_left);
    }

  if (markup->len == 0)
    {
      label = make_text_label (_("No products in the data"));
      gtk_widget_add_css_class (label, "dim-label");
      return label;
    }

  label = make_text_label (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_widget_add_css_class (label, "examples");
  g_signal_connect (label, "activate-link", G_CALLBACK (on_label_activate_link), NULL);

  return label;
}

static GtkWidget *
make_type_part (AtlasSideBySide     *table,
                AtlasSideBySidePart  part,
                guint                row,
                guint                column,
                gboolean             stacked,
                gpointer             user_data)
{
  AtlasTherapyPage *self = user_data;
  AtlasTherapyType *type = g_ptr_array_index (self->therapy_types, column);
  g_autofree char *text = NULL;
  GtkWidget *label;
  int origin = ATLAS_ORIGIN_AUTOLOGOUS;

  switch (part)
    {
    case ATLAS_SIDE_BY_SIDE_HEADER:
      label = make_text_label (atlas_therapy_type_get_name (type));
      gtk_widget_add_css_class (label, stacked ? "caption-heading" : "heading");
      gtk_widget_add_css_class (label, "column-name");
      if (stacked)
        gtk_widget_add_css_class (label, "dim-label");
      return label;

    case ATLAS_SIDE_BY_SIDE_TITLE:
      label = make_text_label (_(type_row_titles[row]));
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "row-title-label");
      return label;

    case ATLAS_SIDE_BY_SIDE_CELL:
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  switch ((TypeRow) row)
    {
    case TYPE_ROW_DEFINITION:
      return make_text_label (atlas_therapy_type_get_definition (type));
    case TYPE_ROW_HOW_OBTAINED:
      return make_text_label (atlas_therapy_type_get_how_obtained (type));
    case TYPE_ROW_IMMUNE_MATCH:
      return make_text_label (atlas_therapy_type_get_immune_match (type));
    case TYPE_ROW_SCALABILITY:
      return make_text_label (atlas_therapy_type_get_scalability (type));
    case TYPE_ROW_ADVANTAGES:
      text = dup_bullets (atlas_therapy_type_get_advantages (type));
      return make_text_label (text);
    case TYPE_ROW_RISKS:
      text = dup_bullets (atlas_therapy_type_get_risks (type));
      return make_text_label (text);
    case TYPE_ROW_MATURITY:
      return make_text_label (atlas_therapy_type_get_maturity_note (type));
    case TYPE_ROW_EXAMPLES:
      /* The data's ids are the nicks of the origins. */
      atlas_enum_from_nick (ATLAS_TYPE_ORIGIN, atlas_therapy_type_get_id (type), &origin);
      return make_examples_label (self, origin);
    case N_TYPE_ROWS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static GtkWidget *
make_product_link_row (gpointer item,
                       gpointer user_data)
{
  AtlasTherapyPage *self = user_data;
  AtlasProduct *product = item;
  AtlasCountry *country = atlas_dataset_find_product_country (get_dataset (self), atlas_product_get_id (product));
  g_autofree char *subtitle = NULL;
  AtlasInfoRow *row;

  /* Translators: a product's country and its status, e.g. "Japan · Conditional". */
  subtitle = g_strdup_printf (_("%s · %s"), atlas_country_get_display_name (country),
                              atlas_product_status_to_label (atlas_product_get_status (product)));
  row = atlas_rows_new_country_link (atlas_product_get_name (product), subtitle,
                                     atlas_country_get_id (country), NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Open the country"));

  return GTK_WIDGET (row);
}

/* The products of a cell source are listed the first time its row opens. */
static void
on_cell_source_row_expanded (AdwExpanderRow   *row,
                             GParamSpec       *pspec,
                             AtlasTherapyPage *self)
{
  GListModel *products = g_object_get_data (G_OBJECT (row), "products");

  (void) pspec;

  if (!adw_expander_row_get_expanded (row) || atlas_row_pager_get_for (GTK_WIDGET (row)) != NULL)
    return;

  if (products == NULL || g_list_model_get_n_items (products) == 0)
    {
      adw_expander_row_add_row (row, GTK_WIDGET (atlas_info_row_new (_("No products in the data"), NULL)));
      g_signal_handlers_disconnect_by_func (row, on_cell_source_row_expanded, self);
      return;
    }

  atlas_row_pager_attach (GTK_WIDGET (row), products, PRODUCTS_PER_PAGE, make_product_link_row, self);
}

/* @products: the cell source's products, by country name */
static GtkWidget *
make_cell_source_row (AtlasTherapyPage *self,
                      AtlasCellSource  *cell_source,
                      GListModel       *products)
{
  AdwExpanderRow *row = atlas_rows_new_expander (atlas_cell_source_get_name (cell_source));
  g_autofree char *advantages = dup_bullets (atlas_cell_source_get_advantages (cell_source));
  g_autofree char *risks = dup_bullets (atlas_cell_source_get_risks (cell_source));
  g_autofree char *maturity = NULL;
  g_autofree char *subtitle = NULL;
  guint n_products = products != NULL ? g_list_model_get_n_items (products) : 0;
  AtlasMaturity level = atlas_cell_source_get_maturity (cell_source);

  adw_expander_row_add_action (row, atlas_status_badge_new_for_maturity (level));
  gtk_widget_set_name (GTK_WIDGET (row), atlas_cell_source_get_id (cell_source));

  adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Definition"),
                                                                      atlas_cell_source_get_definition (cell_source))));
  if (*advantages != '\0')
    adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Advantages"), advantages)));
  if (*risks != '\0')
    adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Risks"), risks)));

  /* Translators: a maturity level and a note on it, e.g. "Conditional approvals only — Only conditional approvals exist: …". */
  maturity = g_strdup_printf (_("%s — %s"), atlas_maturity_to_label (level),
                              atlas_cell_source_get_maturity_note (cell_source));
  adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Maturity"), maturity)));

  if (products != NULL)
    g_object_set_data_full (G_OBJECT (row), "products", g_object_ref (products), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_cell_source_row_expanded), self);

  /* Translators: a cell source's short name and how many products in the data use it, e.g. "iPSC · 2 products". */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u product", "%s · %u products", n_products),
                              atlas_cell_source_get_short_name (cell_source), n_products);
  adw_expander_row_set_subtitle (row, subtitle);

  return GTK_WIDGET (row);
}

/* Every product of the data by its cell source's id, in the order of the
 * countries' names: one pass, however many cell sources there are. */
static GHashTable *
dup_products_by_cell_source (AtlasDataset *dataset)
{
  g_autoptr(GPtrArray) countries = dup_sorted_countries (dataset);
  GHashTable *by_cell_source = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < countries->len; i++)
    {
      GListModel *products = atlas_country_get_products (g_ptr_array_index (countries, i));

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);
          const char *id = atlas_product_get_cell_source_id (product);
          GListStore *bucket;

          if (id == NULL)
            continue;

          bucket = g_hash_table_lookup (by_cell_source, id);
          if (bucket == NULL)
            {
              bucket = g_list_store_new (ATLAS_TYPE_PRODUCT);
              g_hash_table_insert (by_cell_source, (gpointer) id, bucket);
            }
          g_list_store_append (bucket, product);
        }
    }

  return by_cell_source;
}

static void
add_source_ids (GPtrArray          *ids,
                const char * const *source_ids)
{
  for (guint i = 0; source_ids != NULL && source_ids[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (ids, source_ids[i], g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) source_ids[i]);
    }
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static gboolean
show_pending_cell_source (gpointer user_data)
{
  AtlasTherapyPage *self = user_data;
  g_autofree char *id = g_steal_pointer (&self->pending_cell_source);

  for (guint i = 0; id != NULL && i < self->cell_source_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->cell_source_rows, i);

      if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          /* The viewport scrolls the focused row into view. */
          gtk_widget_grab_focus (row);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

static void
rebuild_now (AtlasTherapyPage *self)
{
  AtlasDataset *dataset = get_dataset (self);
  g_autoptr(GPtrArray) source_ids = g_ptr_array_new ();
  g_autoptr(GHashTable) products_by_cell_source = NULL;
  GListModel *model;

  self->stale = FALSE;
  g_ptr_array_set_size (self->therapy_types, 0);
  clear_rows (self->cell_sources_group, self->cell_source_rows);
  clear_rows (self->sources_group, self->source_rows);

  if (dataset == NULL)
    {
      atlas_side_by_side_set_content (self->types_table, 0, 0, NULL, NULL);
      return;
    }

  model = atlas_dataset_get_therapy_types (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      AtlasTherapyType *type = g_list_model_get_item (model, i);

      g_ptr_array_add (self->therapy_types, type);
      add_source_ids (source_ids, atlas_therapy_type_get_source_ids (type));
    }

  atlas_side_by_side_set_content (self->types_table, N_TYPE_ROWS, self->therapy_types->len,
                                  make_type_part, self);
  gtk_widget_set_visible (GTK_WIDGET (self->types_table), self->therapy_types->len > 0);

  products_by_cell_source = dup_products_by_cell_source (dataset);
  model = atlas_dataset_get_cell_sources (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AtlasCellSource) cell_source = g_list_model_get_item (model, i);
      GListModel *products = g_hash_table_lookup (products_by_cell_source, atlas_cell_source_get_id (cell_source));
      GtkWidget *row = make_cell_source_row (self, cell_source, products);

      adw_preferences_group_add (self->cell_sources_group, row);
      g_ptr_array_add (self->cell_source_rows, row);
      add_source_ids (source_ids, atlas_cell_source_get_source_ids (cell_source));
    }

  for (guint i = 0; i < source_ids->len; i++)
    {
      AtlasSource *source = atlas_dataset_lookup_source (dataset, g_ptr_array_index (source_ids, i));
      AtlasInfoRow *row;

      if (source == NULL)
        continue;

      row = atlas_rows_new_source (source);
      adw_preferences_group_add (self->sources_group, GTK_WIDGET (row));
      g_ptr_array_add (self->source_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), self->source_rows->len > 0);

  if (self->pending_cell_source != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_pending_cell_source, g_object_ref (self), g_object_unref);
}

/* The page is built when it is on screen: while hidden, a new dataset
 * only marks it stale. */
static void
rebuild (AtlasTherapyPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rebuild_now (self);
      return;
    }

  /* Old rows would keep the old dataset alive. */
  clear_rows (self->cell_sources_group, self->cell_source_rows);
  clear_rows (self->sources_group, self->source_rows);
  atlas_side_by_side_set_content (self->types_table, 0, 0, NULL, NULL);
  g_ptr_array_set_size (self->therapy_types, 0);
  self->stale = TRUE;
}

static void
atlas_therapy_page_map (GtkWidget *widget)
{
  AtlasTherapyPage *self = ATLAS_THERAPY_PAGE (widget);

  if (self->stale)
    rebuild_now (self);

  GTK_WIDGET_CLASS (atlas_therapy_page_parent_class)->map (widget);
}

static void
atlas_therapy_page_dispose (GObject *object)
{
  AtlasTherapyPage *self = ATLAS_THERAPY_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_object (&self->store);
  g_clear_pointer (&self->therapy_types, g_ptr_array_unref);
  g_clear_pointer (&self->cell_source_rows, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pending_cell_source, g_free);

  G_OBJECT_CLASS (atlas_therapy_page_parent_class)->dispose (object);
}

static void
atlas_therapy_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasTherapyPage *self = ATLAS_THERAPY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_therapy_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasTherapyPage *self = ATLAS_THERAPY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atlas_therapy_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_therapy_page_class_init (AtlasTherapyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_therapy_page_dispose;
  object_class->get_property = atlas_therapy_page_get_property;
  object_class->set_property = atlas_therapy_page_set_property;

  widget_class->map = atlas_therapy_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_SIDE_BY_SIDE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-therapy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTherapyPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasTherapyPage, types_table);
  gtk_widget_class_bind_template_child (widget_class, AtlasTherapyPage, cell_sources_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasTherapyPage, sources_group);

  atlas_links_install_action (widget_class);
}

static void
atlas_therapy_page_init (AtlasTherapyPage *self)
{
  self->therapy_types = g_ptr_array_new_with_free_func (g_object_unref);
  self->cell_source_rows = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_therapy_page_new (AtlasStore *store)
{
  return g_object_new (ATLAS_TYPE_THERAPY_PAGE,
                       "store", store,
                       NULL);
}

AtlasStore *
atlas_therapy_page_get_store (AtlasTherapyPage *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_PAGE (self), NULL);

  return self->store;
}

void
atlas_therapy_page_set_store (AtlasTherapyPage *self,
                              AtlasStore       *store)
{
  g_return_if_fail (ATLAS_IS_THERAPY_PAGE (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_swapped (self->store, "notify::dataset", G_CALLBACK (rebuild), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * atlas_therapy_page_show_cell_source:
 * @id: a cell source's id, such as "ipsc"
 *
 * Opens the cell source's row and scrolls to it, once the page is shown.
 */
void
atlas_therapy_page_show_cell_source (AtlasTherapyPage *self,
                                     const char       *id)
{
  g_return_if_fail (ATLAS_IS_THERAPY_PAGE (self));
  g_return_if_fail (id != NULL);

  g_free (self->pending_cell_source);
  self->pending_cell_source = g_strdup (id);

  /* Wait for the page to be laid out, so that the row can be scrolled to. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_pending_cell_source, g_object_ref (self), g_object_unref);
}

AtlasSideBySide *
atlas_therapy_page_get_types_table (AtlasTherapyPage *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_PAGE (self), NULL);

  return self->types_table;
}

/* The rows of the "Cell Sources" list. */
guint
atlas_therapy_page_get_n_cell_sources (AtlasTherapyPage *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_PAGE (self), 0);

  return self->cell_source_rows->len;
}

/* Returns: (transfer none): the row of the cell source at @position */
AdwPreferencesRow *
atlas_therapy_page_get_cell_source_row (AtlasTherapyPage *self,
                                        guint             position)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_PAGE (self), NULL);
  g_return_val_if_fail (position < self->cell_source_rows->len, NULL);

  return g_ptr_array_index (self->cell_source_rows, position);
}

/* Returns: (transfer none) (nullable): the label with the examples of the
 * therapy type in @column, with its links */
GtkLabel *
atlas_therapy_page_find_examples_label (AtlasTherapyPage *self,
                                        guint             column)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_PAGE (self), NULL);

  return GTK_LABEL (atlas_side_by_side_get_part (self->types_table, ATLAS_SIDE_BY_SIDE_CELL,
                                                 TYPE_ROW_EXAMPLES, column));
}
