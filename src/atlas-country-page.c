/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasCountryPage: everything the dataset says about one country. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-country-page.h"
#include "atlas-date.h"
#include "atlas-entry.h"
#include "atlas-flag.h"
#include "atlas-links.h"
#include "atlas-row-pager.h"
#include "atlas-rows.h"
#include "atlas-status-badge.h"

/* The sources a page cites, each once, in the order first cited. */
typedef struct
{
  GPtrArray *ids;
  GHashTable *seen;
} SourceList;

struct _AtlasCountryPage
{
  AdwBin parent_instance;

  AtlasStore *store;
  AtlasCountry *country;

  GtkScrolledWindow *scrolled_window;
  AtlasFlag *flag;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkLabel *reviewed_label;
  GtkBox *groups_box;

  gboolean groups_stale;
  /* While the groups are being added: the tick callback and the idle that
   * adds a group, the next group and the sources cited so far. The build
   * pauses while enough is ready below what is in view. */
  guint build_id;
  guint build_idle_id;
  gboolean build_paused;
  int build_step;
  SourceList sources;
};

G_DEFINE_FINAL_TYPE (AtlasCountryPage, atlas_country_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
source_list_init (SourceList *list)
{
  list->ids = g_ptr_array_new ();
  list->seen = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
source_list_clear (SourceList *list)
{
  g_clear_pointer (&list->ids, g_ptr_array_unref);
  g_clear_pointer (&list->seen, g_hash_table_unref);
}

static void
source_list_add (SourceList         *list,
                 const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (g_hash_table_add (list->seen, (gpointer) ids[i]))
        g_ptr_array_add (list->ids, (gpointer) ids[i]);
    }
}

static void
add_link_button (AtlasInfoRow *row,
                 const char   *url)
{
  GtkWidget *button = atlas_links_button_new (url);

  if (button == NULL)
    return;

  atlas_info_row_add_suffix (row, button);
  atlas_info_row_set_activatable_widget (row, button);
}

static char *
format_status_change (const AtlasStatusChange *change)
{
  g_autofree char *date = atlas_date_format (change->date);
  const char *label = atlas_product_status_to_label (change->status);

  if (change->note != NULL)
    /* Translators: a product's status, the date it took effect, and a note, e.g. "Conditional — September 2015 — for 7 years". */
    return g_strdup_printf (_("%s — %s — %s"), label, date, change->note);

  /* Translators: a product's status and the date it took effect, e.g. "Conditional — September 2015". */
  return g_strdup_printf (_("%s — %s"), label, date);
}

/* The groups are made while less than this share of a page is ready below
 * what is in view: scrolling or moving the focus down finds rows there,
 * and a long page costs only the part that is read. */
#define BUILD_AHEAD_PAGES 0.25

/* Long lists show this many rows, then a "Show More" row. */
#define ROWS_PER_PAGE 15
/* A product's row is an expander: a frame lays out ten in ~30 ms. */
#define PRODUCTS_PER_PAGE 10
#define SOURCES_PER_PAGE 10

static void
fill_product_row (AdwExpanderRow   *row,
                  AtlasProduct     *product,
                  AtlasCountryPage *self)
{
  AtlasDataset *dataset = self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
  const char *cell_source_id = atlas_product_get_cell_source_id (product);
  AtlasCellSource *cell_source = NULL;
  g_autoptr(GString) history = g_string_new (NULL);
  guint n_changes;

  adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Sponsor"),
                                                                      atlas_product_get_sponsor (product))));

  if (atlas_product_get_generic_name (product) != NULL)
    adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Generic name"),
                                                                        atlas_product_get_generic_name (product))));

  if (dataset != NULL && cell_source_id != NULL)
    cell_source = atlas_dataset_lookup_cell_source (dataset, cell_source_id);
  adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Cell source"),
                                                                      cell_source != NULL ? atlas_cell_source_get_name (cell_source)
                                                                                          : cell_source_id)));

  adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Origin"),
                                                                      atlas_origin_to_label (atlas_product_get_origin (product)))));

  n_changes = atlas_product_get_n_status_changes (product);
  for (guint i = 0; i < n_changes; i++)
    {
      const AtlasStatusChange *change = atlas_product_get_status_change (product, i);
      g_autofree char *line = format_status_change (change);

      if (history->len > 0)
        g_string_append_c (history, '\n');
      g_string_append (history, line);
    }
  adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Status history"), history->str)));

  if (atlas_product_get_note (product) != NULL)
    adw_expander_row_add_row (row, GTK_WIDGET (atlas_rows_new_property (_("Note"),
                                                                        atlas_product_get_note (product))));
}

/* A product's details are built the first time its row opens: most rows of
 * a long list are never opened. */
static void
on_product_row_expanded (AdwExpanderRow   *row,
                         GParamSpec       *pspec,
                         AtlasCountryPage *self)
{
  AtlasProduct *product = g_object_get_data (G_OBJECT (row), "product");

  (void) pspec;

  if (!adw_expander_row_get_expanded (row) || product == NULL)
    return;

  fill_product_row (row, product, self);
  g_signal_handlers_disconnect_by_func (row, on_product_row_expanded, self);
}

static GtkWidget *
make_product_row (gpointer item,
                  gpointer user_data)
{
  AtlasProduct *product = item;
  AdwExpanderRow *row = atlas_rows_new_expander (atlas_product_get_name (product));

  adw_expander_row_set_subtitle (row, atlas_product_get_indication (product));
  adw_expander_row_add_action (row, atlas_status_badge_new_for_product_status (atlas_product_get_status (product)));

  g_object_set_data_full (G_OBJECT (row), "product", g_object_ref (product), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_product_row_expanded), user_data);

  return GTK_WIDGET (row);
}

static void
add_product_sources (AtlasProduct *product,
                     SourceList   *sources)
{
  source_list_add (sources, atlas_product_get_source_ids (product));
  for (guint i = 0; i < atlas_product_get_n_status_changes (product); i++)
    source_list_add (sources, (const char * const *) atlas_product_get_status_change (product, i)->source_ids);
}

static GtkWidget *
make_products_group (AtlasCountryPage *self,
                     SourceList       *sources)
{
  AdwPreferencesGroup *group = atlas_rows_new_group (_("Products"));
  GListModel *products = atlas_country_get_products (self->country);
  guint n_products = g_list_model_get_n_items (products);

  /* The page cites the sources of every product, shown yet or not. */
  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);

      add_product_sources (product, sources);
    }

  if (n_products == 0)
    {
      const char *note = atlas_country_get_no_products_note (self->country);

      adw_preferences_group_add (group, GTK_WIDGET (atlas_info_row_new (_("No Approved Products"), note)));
      return GTK_WIDGET (group);
    }

  atlas_row_pager_attach (GTK_WIDGET (group), products, PRODUCTS_PER_PAGE, make_product_row, self);

  return GTK_WIDGET (group);
}

static char *
dup_entry_title (AtlasEntry *entry)
{
  const char *acronym = atlas_entry_get_acronym (entry);

  if (acronym != NULL)
    /* Translators: a name and its acronym, e.g. "Food and Drug Administration (FDA)". */
    return g_strdup_printf (_("%s (%s)"), atlas_entry_get_title (entry), acronym);

  return g_strdup (atlas_entry_get_title (entry));
}

static char *
dup_entry_subtitle (AtlasEntry *entry)
{
  const char *date = atlas_entry_get_date (entry);
  const char *summary = atlas_entry_get_summary (entry);
  g_autofree char *formatted = NULL;

  if (date == NULL)
    return g_strdup (summary);

  formatted = atlas_date_format (date);
  if (summary == NULL)
    return g_steal_pointer (&formatted);

  /* Translators: a date and a summary, e.g. "November 2014 — Introduced conditional approval". */
  return g_strdup_printf (_("%s — %s"), formatted, summary);
}

static GtkWidget *
make_entry_row (gpointer item,
                gpointer user_data)
{
  AtlasEntry *entry = item;
  g_autofree char *title = dup_entry_title (entry);
  g_autofree char *subtitle = dup_entry_subtitle (entry);
  AtlasInfoRow *row = atlas_info_row_new (title, subtitle);

  (void) user_data;

  if (atlas_entry_get_url (entry) != NULL)
    add_link_button (row, atlas_entry_get_url (entry));

  return GTK_WIDGET (row);
}

static GtkWidget *
make_section_group (AtlasSection  section,
                    GListModel   *entries,
                    SourceList   *sources)
{
  AdwPreferencesGroup *group = atlas_rows_new_group (atlas_section_to_title (section));
  guint n_entries = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(AtlasEntry) entry = g_list_model_get_item (entries, i);

      source_list_add (sources, atlas_entry_get_source_ids (entry));
    }

  atlas_row_pager_attach (GTK_WIDGET (group), entries, ROWS_PER_PAGE, make_entry_row, NULL);

  return GTK_WIDGET (group);
}

static GtkWidget *
make_source_row (gpointer item,
                 gpointer user_data)
{
  (void) user_data;

  return GTK_WIDGET (atlas_rows_new_source (item));
}

static GtkWidget *
make_sources_group (AtlasCountryPage *self,
                    SourceList       *sources)
{
  AtlasDataset *dataset = self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
  g_autoptr(GListStore) cited = NULL;
  GtkWidget *group;

  if (dataset == NULL || sources->ids->len == 0)
    return NULL;

  cited = g_list_store_new (ATLAS_TYPE_SOURCE);
  for (guint i = 0; i < sources->ids->len; i++)
    {
      AtlasSource *source = atlas_dataset_lookup_source (dataset, g_ptr_array_index (sources->ids, i));

      if (source != NULL)
        g_list_store_append (cited, source);
    }

  group = GTK_WIDGET (atlas_rows_new_group (_("Sources")));
  atlas_row_pager_attach (group, G_LIST_MODEL (cited), SOURCES_PER_PAGE, make_source_row, NULL);

  return group;
}

static void
clear_groups (AtlasCountryPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
rebuild_header (AtlasCountryPage *self)
{
  g_autofree char *reviewed = NULL;
  g_autofree char *reviewed_line = NULL;

  if (self->country == NULL)
    {
      atlas_flag_set_emoji (self->flag, NULL);
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->summary_label, "");
      gtk_label_set_label (self->reviewed_label, "");
      return;
    }

  atlas_flag_set_emoji (self->flag, atlas_country_get_flag (self->country));
  gtk_label_set_label (self->name_label, atlas_country_get_display_name (self->country));
  gtk_label_set_label (self->summary_label, atlas_country_get_summary (self->country));

  reviewed = atlas_date_format (atlas_country_get_reviewed (self->country));
  /* Translators: %s is a date such as "18 December 2024". */
  reviewed_line = g_strdup_printf (_("Reviewed %s"), reviewed);
  gtk_label_set_label (self->reviewed_label, reviewed_line);
}

static void
stop_ticking (AtlasCountryPage *self)
{
  if (self->build_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->build_id);
  self->build_id = 0;
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
}

static void
cancel_build (AtlasCountryPage *self)
{
  stop_ticking (self);
  self->build_paused = FALSE;
  source_list_clear (&self->sources);
}

/* Whether the rows below what is in view run short of BUILD_AHEAD_PAGES. */
static gboolean
wants_more_rows (AtlasCountryPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double below = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page_size;

  /* Not laid out yet: nothing tells how much is in view. */
  if (page_size <= 0)
    return TRUE;

  return below < page_size * BUILD_AHEAD_PAGES;
}

/* Adds the next group: the products, each section with entries, then the
 * sources they cite. Returns FALSE when the page is complete. */
static gboolean
add_next_group (AtlasCountryPage *self)
{
  while (self->build_step <= ATLAS_N_SECTIONS)
    {
      int step = self->build_step++;
      GListModel *entries;

      if (step == 0)
        {
          gtk_box_append (self->groups_box, make_products_group (self, &self->sources));
          return TRUE;
        }

      entries = atlas_country_get_section (self->country, step - 1);
      if (entries != NULL && g_list_model_get_n_items (entries) > 0)
        {
          gtk_box_append (self->groups_box, make_section_group (step - 1, entries, &self->sources));
          return TRUE;
        }
    }

  if (self->build_step == ATLAS_N_SECTIONS + 1)
    {
      GtkWidget *sources_group = make_sources_group (self, &self->sources);

      self->build_step++;
      if (sources_group != NULL)
        gtk_box_append (self->groups_box, sources_group);
    }

  source_list_clear (&self->sources);
  return FALSE;
}

static gboolean
add_next_group_idle (gpointer user_data)
{
  AtlasCountryPage *self = user_data;

  self->build_idle_id = 0;

  /* The idle runs after the frame: the groups added so far are laid out,
   * so the adjustment tells what is ready below the view. */
  if (!wants_more_rows (self))
    {
      stop_ticking (self);
      self->build_paused = TRUE;
    }
  else if (!add_next_group (self))
    stop_ticking (self);

  return G_SOURCE_REMOVE;
}

/* Each frame asks for the next group, which is made once the frame is
 * done: the making and the laying out then hold the main loop in turn,
 * not together. */
static gboolean
on_build_tick (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  AtlasCountryPage *self = ATLAS_COUNTRY_PAGE (widget);

  (void) frame_clock;
  (void) user_data;

  if (self->build_idle_id == 0)
    self->build_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_next_group_idle, self, NULL);

  return G_SOURCE_CONTINUE;
}

static void
start_ticking (AtlasCountryPage *self)
{
  self->build_paused = FALSE;
  self->build_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_build_tick, NULL, NULL);
}

/* Scrolling down, or a taller view, resumes a paused build. */
static void
on_view_changed (AtlasCountryPage *self)
{
  if (self->build_paused && wants_more_rows (self))
    start_ticking (self);
}

/* A group per frame, from the top: a frame lays out the rows it was given,
 * and a country of a large dataset would otherwise hold the main loop for
 * the whole page at once. */
static void
rebuild_groups (AtlasCountryPage *self)
{
  self->groups_stale = FALSE;
  cancel_build (self);
  clear_groups (self);

  if (self->country == NULL)
    return;

  source_list_init (&self->sources);
  self->build_step = 0;

  /* A new country starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  start_ticking (self);
}

/* The groups are built when the page is on screen: a page hidden behind
 * another costs nothing when the data or the country changes. */
static void
rebuild (AtlasCountryPage *self)
{
  rebuild_header (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rebuild_groups (self);
      return;
    }

  /* Old rows would keep the old dataset alive. */
  cancel_build (self);
  clear_groups (self);
  self->groups_stale = TRUE;
}

static void
atlas_country_page_map (GtkWidget *widget)
{
  AtlasCountryPage *self = ATLAS_COUNTRY_PAGE (widget);

  if (self->groups_stale)
    rebuild_groups (self);

  GTK_WIDGET_CLASS (atlas_country_page_parent_class)->map (widget);
}

static void
atlas_country_page_dispose (GObject *object)
{
  AtlasCountryPage *self = ATLAS_COUNTRY_PAGE (object);

  cancel_build (self);
  /* AdwBin unparents the template's scrolled window itself. */
  g_clear_object (&self->country);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_country_page_parent_class)->dispose (object);
}

static void
atlas_country_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasCountryPage *self = ATLAS_COUNTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_COUNTRY:
      g_value_set_object (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_country_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasCountryPage *self = ATLAS_COUNTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atlas_country_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_COUNTRY:
      atlas_country_page_set_country (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_country_page_class_init (AtlasCountryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_country_page_dispose;
  object_class->get_property = atlas_country_page_get_property;
  object_class->set_property = atlas_country_page_set_property;

  widget_class->map = atlas_country_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COUNTRY] =
    g_param_spec_object ("country", NULL, NULL,
                         ATLAS_TYPE_COUNTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_FLAG);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-country-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryPage, flag);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryPage, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryPage, groups_box);

  atlas_links_install_action (widget_class);
}

static void
atlas_country_page_init (AtlasCountryPage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_country_page_new (AtlasStore *store)
{
  return g_object_new (ATLAS_TYPE_COUNTRY_PAGE,
                       "store", store,
                       NULL);
}

AtlasStore *
atlas_country_page_get_store (AtlasCountryPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_PAGE (self), NULL);

  return self->store;
}

void
atlas_country_page_set_store (AtlasCountryPage *self,
                              AtlasStore       *store)
{
  g_return_if_fail (ATLAS_IS_COUNTRY_PAGE (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AtlasCountry *
atlas_country_page_get_country (AtlasCountryPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_PAGE (self), NULL);

  return self->country;
}

void
atlas_country_page_set_country (AtlasCountryPage *self,
                                AtlasCountry     *country)
{
  g_return_if_fail (ATLAS_IS_COUNTRY_PAGE (self));
  g_return_if_fail (country == NULL || ATLAS_IS_COUNTRY (country));

  if (!g_set_object (&self->country, country))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/* Whether groups are being added now: not while the build waits for the
 * view to come near the end of what is built. */
gboolean
atlas_country_page_get_building (AtlasCountryPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_PAGE (self), FALSE);

  return self->build_id != 0;
}

/* Whether every group of the country is on the page. */
gboolean
atlas_country_page_get_complete (AtlasCountryPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_PAGE (self), FALSE);

  return self->country != NULL && !self->groups_stale && self->build_id == 0 &&
         !self->build_paused && self->build_step > ATLAS_N_SECTIONS + 1;
}

const char *
atlas_country_page_get_title_text (AtlasCountryPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_PAGE (self), NULL);

  return gtk_label_get_label (self->name_label);
}

/**
 * atlas_country_page_find_row:
 * @title: the exact title a row shows
 *
 * Returns: (transfer none) (nullable): the first row on the page with @title
 */
GtkWidget *
atlas_country_page_find_row (AtlasCountryPage *self,
                             const char       *title)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_PAGE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return atlas_rows_find (GTK_WIDGET (self->groups_box), title);
}
