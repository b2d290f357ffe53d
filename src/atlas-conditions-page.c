/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasConditionsPage: start from a disease and see, country by country,
 * what exists for it (an approved product, a conditional one, a hospital
 * exemption, trials or nothing) and the products, each of which opens its
 * country. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-conditions-page.h"
#include "atlas-flag.h"
#include "atlas-links.h"
#include "atlas-row-pager.h"
#include "atlas-rows.h"

/* A condition with many products lists them a page at a time. */
#define PRODUCTS_PER_PAGE 15
#include "atlas-status-badge.h"

struct _AtlasConditionsPage
{
  AdwBin parent_instance;

  AtlasStore *store;
  AtlasCondition *condition;
  /* Kept across a refresh, which brings new condition objects. */
  char *condition_id;
  GPtrArray *status_rows;
  GPtrArray *source_rows;

  GtkScrolledWindow *scrolled_window;
  AdwComboRow *condition_row;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  AdwPreferencesGroup *status_group;
  AdwPreferencesGroup *sources_group;

  gboolean stale;
};

G_DEFINE_FINAL_TYPE (AtlasConditionsPage, atlas_conditions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AtlasDataset *
get_dataset (AtlasConditionsPage *self)
{
  return self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
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

typedef struct
{
  const AtlasConditionStatus *status;
  AtlasCountry *country;
} StatusEntry;

/* Most available first, then by country name. */
static int
compare_status_entries (gconstpointer a,
                        gconstpointer b)
{
  const StatusEntry *entry_a = a;
  const StatusEntry *entry_b = b;

  if (entry_a->status->availability != entry_b->status->availability)
    return entry_a->status->availability < entry_b->status->availability ? -1 : 1;

  return g_utf8_collate (atlas_country_get_display_name (entry_a->country), atlas_country_get_display_name (entry_b->country));
}

static GtkWidget *
make_product_row (gpointer item,
                  gpointer user_data)
{
  AtlasProduct *product = item;
  AtlasCountry *country = atlas_dataset_find_product_country (user_data, atlas_product_get_id (product));
  g_autofree char *subtitle = NULL;
  AtlasInfoRow *row;

  /* Translators: a product's sponsor and its country, e.g. "JCR Pharmaceuticals · Japan". */
  subtitle = g_strdup_printf (_("%s · %s"), atlas_product_get_sponsor (product), atlas_country_get_display_name (country));
  row = atlas_rows_new_country_link (atlas_product_get_name (product), subtitle, atlas_country_get_id (country),
                                     atlas_status_badge_new_for_product_status (atlas_product_get_status (product)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Open the country"));

  return GTK_WIDGET (row);
}

/* The products a status names that the data has, with a country. */
static GListModel *
dup_status_products (AtlasDataset              *dataset,
                     const AtlasConditionStatus *status)
{
  GListStore *products = g_list_store_new (ATLAS_TYPE_PRODUCT);

  for (guint i = 0; status->product_ids != NULL && status->product_ids[i] != NULL; i++)
    {
      AtlasProduct *product = atlas_dataset_lookup_product (dataset, status->product_ids[i]);

      if (product != NULL && atlas_dataset_find_product_country (dataset, status->product_ids[i]) != NULL)
        g_list_store_append (products, product);
    }

  return G_LIST_MODEL (products);
}

static GtkWidget *
make_status_row (AtlasDataset *dataset,
                 StatusEntry  *entry)
{
  const AtlasConditionStatus *status = entry->status;
  GtkWidget *badge = atlas_status_badge_new_for_availability (status->availability);
  g_autoptr(GListModel) products = dup_status_products (dataset, status);
  AdwExpanderRow *expander;

  if (g_list_model_get_n_items (products) == 0)
    {
      AtlasInfoRow *row = atlas_info_row_new (atlas_country_get_display_name (entry->country), status->summary);

      atlas_info_row_add_prefix (row, atlas_flag_new (atlas_country_get_flag (entry->country), ATLAS_FLAG_SIZE_SMALL));
      atlas_info_row_add_suffix (row, badge);
      gtk_widget_set_name (GTK_WIDGET (row), atlas_country_get_id (entry->country));
      return GTK_WIDGET (row);
    }

  expander = atlas_rows_new_expander (atlas_country_get_display_name (entry->country));
  adw_expander_row_set_subtitle (expander, status->summary);
  adw_expander_row_add_prefix (expander, atlas_flag_new (atlas_country_get_flag (entry->country), ATLAS_FLAG_SIZE_SMALL));
  adw_expander_row_add_action (expander, badge);
  gtk_widget_set_name (GTK_WIDGET (expander), atlas_country_get_id (entry->country));

  atlas_row_pager_attach (GTK_WIDGET (expander), products, PRODUCTS_PER_PAGE, make_product_row, dataset);

  /* The products are what a reader came for. */
  adw_expander_row_set_expanded (expander, TRUE);

  return GTK_WIDGET (expander);
}

static void
show_condition_now (AtlasConditionsPage *self)
{
  AtlasDataset *dataset = get_dataset (self);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (StatusEntry));
  g_autoptr(GPtrArray) source_ids = g_ptr_array_new ();

  self->stale = FALSE;
  clear_rows (self->status_group, self->status_rows);
  clear_rows (self->sources_group, self->source_rows);

  if (dataset == NULL || self->condition == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->sources_group), FALSE);
      return;
    }

  gtk_label_set_label (self->name_label, atlas_condition_get_name (self->condition));
  gtk_label_set_label (self->summary_label, atlas_condition_get_summary (self->condition));
  add_source_ids (source_ids, atlas_condition_get_source_ids (self->condition));

  for (guint i = 0; i < atlas_condition_get_n_statuses (self->condition); i++)
    {
      const AtlasConditionStatus *status = atlas_condition_get_status (self->condition, i);
      StatusEntry entry = { status, atlas_dataset_lookup_country (dataset, status->country_id) };

      /* The loader checked every reference. */
      if (entry.country == NULL)
        continue;

      g_array_append_val (entries, entry);
      add_source_ids (source_ids, (const char * const *) status->source_ids);
    }
  g_array_sort (entries, compare_status_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = make_status_row (dataset, &g_array_index (entries, StatusEntry, i));

      adw_preferences_group_add (self->status_group, row);
      g_ptr_array_add (self->status_rows, row);
    }

  if (entries->len == 0)
    {
      GtkWidget *row = GTK_WIDGET (atlas_info_row_new (_("No country in the data has anything for this condition"), NULL));

      adw_preferences_group_add (self->status_group, row);
      g_ptr_array_add (self->status_rows, row);
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

  /* A new condition starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/* The rows are built when the page is on screen: while hidden, a new
 * dataset or condition only marks it stale. */
static void
show_condition (AtlasConditionsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_condition_now (self);
      return;
    }

  /* Old rows would keep the old dataset alive. */
  clear_rows (self->status_group, self->status_rows);
  clear_rows (self->sources_group, self->source_rows);
  self->stale = TRUE;
}

static void
atlas_conditions_page_map (GtkWidget *widget)
{
  AtlasConditionsPage *self = ATLAS_CONDITIONS_PAGE (widget);

  if (self->stale)
    show_condition_now (self);

  GTK_WIDGET_CLASS (atlas_conditions_page_parent_class)->map (widget);
}

static void
on_selected_condition_changed (AtlasConditionsPage *self)
{
  AtlasCondition *condition = adw_combo_row_get_selected_item (self->condition_row);

  if (!g_set_object (&self->condition, condition))
    return;

  if (condition != NULL)
    {
      g_free (self->condition_id);
      self->condition_id = g_strdup (atlas_condition_get_id (condition));
    }

  show_condition (self);
}

static guint
find_condition_position (GListModel *conditions,
                         const char *id)
{
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(AtlasCondition) condition = g_list_model_get_item (conditions, i);

      if (g_strcmp0 (atlas_condition_get_id (condition), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
on_store_dataset_changed (AtlasConditionsPage *self)
{
  AtlasDataset *dataset = get_dataset (self);
  GListModel *conditions = dataset != NULL ? atlas_dataset_get_conditions (dataset) : NULL;
  g_autofree char *id = g_strdup (self->condition_id);
  guint position;

  g_clear_object (&self->condition);
  adw_combo_row_set_model (self->condition_row, conditions);

  if (conditions == NULL)
    {
      show_condition (self);
      return;
    }

  /* The same condition after a refresh, if the new data still has it. */
  position = find_condition_position (conditions, id);
  adw_combo_row_set_selected (self->condition_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
  on_selected_condition_changed (self);
}

static void
atlas_conditions_page_dispose (GObject *object)
{
  AtlasConditionsPage *self = ATLAS_CONDITIONS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_object (&self->store);
  g_clear_object (&self->condition);
  g_clear_pointer (&self->condition_id, g_free);
  g_clear_pointer (&self->status_rows, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_conditions_page_parent_class)->dispose (object);
}

static void
atlas_conditions_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtlasConditionsPage *self = ATLAS_CONDITIONS_PAGE (object);

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
atlas_conditions_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtlasConditionsPage *self = ATLAS_CONDITIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atlas_conditions_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_conditions_page_class_init (AtlasConditionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_conditions_page_dispose;
  object_class->get_property = atlas_conditions_page_get_property;
  object_class->set_property = atlas_conditions_page_set_property;

  widget_class->map = atlas_conditions_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-conditions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasConditionsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasConditionsPage, condition_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasConditionsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasConditionsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasConditionsPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasConditionsPage, sources_group);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_condition_changed);

  atlas_links_install_action (widget_class);
}

static void
atlas_conditions_page_init (AtlasConditionsPage *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->status_rows = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_property_expression_new (ATLAS_TYPE_CONDITION, NULL, "name");
  adw_combo_row_set_expression (self->condition_row, expression);
}

GtkWidget *
atlas_conditions_page_new (AtlasStore *store)
{
  return g_object_new (ATLAS_TYPE_CONDITIONS_PAGE,
                       "store", store,
                       NULL);
}

AtlasStore *
atlas_conditions_page_get_store (AtlasConditionsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), NULL);

  return self->store;
}

void
atlas_conditions_page_set_store (AtlasConditionsPage *self,
                                 AtlasStore          *store)
{
  g_return_if_fail (ATLAS_IS_CONDITIONS_PAGE (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_swapped (self->store, "notify::dataset", G_CALLBACK (on_store_dataset_changed), self);

  on_store_dataset_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Returns: (nullable): the id of the condition shown */
const char *
atlas_conditions_page_get_condition_id (AtlasConditionsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), NULL);

  return self->condition != NULL ? atlas_condition_get_id (self->condition) : NULL;
}

/**
 * atlas_conditions_page_select_condition:
 * @id: a condition's id, such as "parkinsons"
 *
 * Shows the condition, as if the user had chosen it.
 *
 * Returns: FALSE if the data has no such condition
 */
gboolean
atlas_conditions_page_select_condition (AtlasConditionsPage *self,
                                        const char          *id)
{
  GListModel *conditions;
  guint position;

  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  conditions = adw_combo_row_get_model (self->condition_row);
  if (conditions == NULL)
    {
      /* Shown once the data arrives. */
      g_free (self->condition_id);
      self->condition_id = g_strdup (id);
      return FALSE;
    }

  position = find_condition_position (conditions, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  adw_combo_row_set_selected (self->condition_row, position);
  return TRUE;
}

const char *
atlas_conditions_page_get_title_text (AtlasConditionsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), NULL);

  return gtk_label_get_label (self->name_label);
}

/* The countries listed for the condition. */
guint
atlas_conditions_page_get_n_countries (AtlasConditionsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), 0);

  if (self->condition == NULL || atlas_condition_get_n_statuses (self->condition) == 0)
    return 0;

  return self->status_rows->len;
}

/* Returns: (transfer none): the row of the country at @position */
AdwPreferencesRow *
atlas_conditions_page_get_country_row (AtlasConditionsPage *self,
                                       guint                position)
{
  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), NULL);
  g_return_val_if_fail (position < self->status_rows->len, NULL);

  return g_ptr_array_index (self->status_rows, position);
}

/* Returns: (transfer none) (nullable): the first row with @title under
 * "By Country": a country or a product */
GtkWidget *
atlas_conditions_page_find_row (AtlasConditionsPage *self,
                                const char          *title)
{
  g_return_val_if_fail (ATLAS_IS_CONDITIONS_PAGE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return atlas_rows_find (GTK_WIDGET (self->status_group), title);
}
