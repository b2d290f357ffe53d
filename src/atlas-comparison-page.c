/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasComparisonPage: two to four countries side by side. The rows come
 * from AtlasComparison; this page only shows them, lets the user choose and
 * order the columns, draws the compared countries' approvals over time, and
 * exports or prints what it shows. The chosen countries are the
 * "country-ids" property, which the window binds to GSettings. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-comparison-page.h"
#include "atlas-comparison-print.h"
#include "atlas-export.h"
#include "atlas-flag.h"
#include "atlas-links.h"
#include "atlas-row-pager.h"
#include "atlas-rows.h"

/* The list of the chart's marks grows by this many rows at a time. */
#define MARKS_PER_PAGE 50

struct _AtlasComparisonPage
{
  AdwBin parent_instance;

  gboolean view_stale;

  AtlasStore *store;
  char **country_ids;
  AtlasComparison *comparison;
  GListStore *countries;
  GMenu *add_menu;
  gboolean add_menu_stale;
  GtkNativeDialog *chooser;
  GtkPrintSettings *print_settings;
  GPtrArray *column_rows;
  GPtrArray *source_rows;
  /* A column whose menu button takes the focus after a rebuild, so that
   * moving a column with the keyboard can go on. */
  char *focus_id;

  GtkStack *stack;
  GtkMenuButton *empty_add_button;
  GtkMenuButton *add_button;
  GtkLabel *heading_label;
  GtkLabel *hint_label;
  AdwPreferencesGroup *columns_group;
  AtlasSideBySide *table;
  AtlasTimelineChart *chart;
  GtkFlowBox *legend_box;
  AdwExpanderRow *marks_row;
  AdwPreferencesGroup *sources_group;
  GtkLabel *footer_label;
};

G_DEFINE_FINAL_TYPE (AtlasComparisonPage, atlas_comparison_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COUNTRY_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *extension;
  const char *mime_type;
} formats[] = {
  [ATLAS_COMPARISON_FORMAT_CSV] = { "csv", "text/csv" },
  [ATLAS_COMPARISON_FORMAT_MARKDOWN] = { "md", "text/markdown" },
  [ATLAS_COMPARISON_FORMAT_PDF] = { "pdf", "application/pdf" },
};

static AtlasDataset *
get_dataset (AtlasComparisonPage *self)
{
  return self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
}

static guint
n_country_ids (AtlasComparisonPage *self)
{
  return self->country_ids != NULL ? g_strv_length (self->country_ids) : 0;
}

/* The ids that can be shown: distinct, at most four, and (when the data is
 * known) only those the dataset has. */
static char **
filter_ids (AtlasDataset       *dataset,
            const char * const *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (kept->len >= ATLAS_COMPARISON_MAX_COUNTRIES)
        break;
      if (g_ptr_array_find_with_equal_func (kept, ids[i], g_str_equal, NULL))
        continue;
      if (dataset != NULL && atlas_dataset_lookup_country (dataset, ids[i]) == NULL)
        continue;

      g_ptr_array_add (kept, (gpointer) ids[i]);
      g_strv_builder_add (builder, ids[i]);
    }

  return g_strv_builder_end (builder);
}

static void
show_toast (AtlasComparisonPage *self,
            const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  /* Toast titles are markup in libadwaita 1.2; messages are plain text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static char *
dup_country_names (AtlasComparison *comparison)
{
  guint n_countries = atlas_comparison_get_n_countries (comparison);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_countries; i++)
    {
      if (i > 0 && i + 1 == n_countries)
        /* Translators: between the last two names of a list, e.g. "Japan, China and South Korea". */
        g_string_append (names, _(" and "));
      else if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, atlas_country_get_display_name (atlas_comparison_get_country (comparison, i)));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GMenuModel *
make_column_menu (AtlasComparisonPage *self,
                  guint                column)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  guint n_columns = atlas_comparison_get_n_countries (self->comparison);
  const char *id = atlas_country_get_id (atlas_comparison_get_country (self->comparison, column));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (column > 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (rtl ? _("Move _Right") : _("Move _Left"), NULL);

      g_menu_item_set_action_and_target_value (item, "comparison.move-back", g_variant_new_string (id));
      g_menu_append_item (order, item);
    }
  if (column + 1 < n_columns)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (rtl ? _("Move _Left") : _("Move _Right"), NULL);

      g_menu_item_set_action_and_target_value (item, "comparison.move-forward", g_variant_new_string (id));
      g_menu_append_item (order, item);
    }
  if (n_columns > 1)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove from Comparison"), NULL);

    g_menu_item_set_action_and_target_value (item, "comparison.remove", g_variant_new_string (id));
    g_menu_append_item (removal, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  }

  return G_MENU_MODEL (menu);
}

static GtkWidget *
make_header (AtlasComparisonPage *self,
             guint                column,
             gboolean             stacked)
{
  AtlasCountry *country = atlas_comparison_get_country (self->comparison, column);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, stacked ? 6 : 8);
  GtkWidget *name = gtk_label_new (atlas_country_get_display_name (country));

  gtk_box_append (GTK_BOX (box), atlas_flag_new (atlas_country_get_flag (country), ATLAS_FLAG_SIZE_SMALL));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "column-name");
  gtk_widget_add_css_class (name, stacked ? "caption-heading" : "heading");
  gtk_box_append (GTK_BOX (box), name);

  if (!stacked)
    {
      g_autoptr(GMenuModel) menu = make_column_menu (self, column);
      GtkWidget *button = gtk_menu_button_new ();
      /* Translators: %s is a country, e.g. "Options for Japan". */
      g_autofree char *label = g_strdup_printf (_("Options for %s"), atlas_country_get_display_name (country));

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
      gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Move or Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_name (button, atlas_country_get_id (country));
      gtk_widget_add_css_class (button, "column-menu");
      gtk_box_append (GTK_BOX (box), button);
    }
  else
    {
      gtk_widget_add_css_class (name, "dim-label");
    }

  return box;
}

static GtkWidget *
make_title (AtlasComparisonPage *self,
            guint                row_position,
            gboolean             stacked)
{
  AtlasComparisonRow *row = atlas_comparison_get_row (self->comparison, row_position);
  GtkWidget *box = gtk_box_new (stacked ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (atlas_comparison_row_get_title (row));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "row-title-label");
  gtk_box_append (GTK_BOX (box), title);

  /* The word says it; the colour only draws the eye. */
  if (atlas_comparison_row_get_differs (row))
    {
      GtkWidget *tag = gtk_label_new (_("Differs"));

      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "differs-tag");
      gtk_widget_set_tooltip_text (tag, _("The countries’ values differ"));
      gtk_box_append (GTK_BOX (box), tag);
    }

  return box;
}

static GtkWidget *
make_cell (AtlasComparisonPage *self,
           guint                row_position,
           guint                column)
{
  AtlasComparisonRow *row = atlas_comparison_get_row (self->comparison, row_position);
  gboolean missing = atlas_comparison_row_is_missing (row, column);
  GtkWidget *label = gtk_label_new (missing ? _("No data") : atlas_comparison_row_get_value (row, column));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "comparison-value");
  if (missing)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "no-data");
    }

  return label;
}

static GtkWidget *
make_part (AtlasSideBySide     *table,
           AtlasSideBySidePart  part,
           guint                row,
           guint                column,
           gboolean             stacked,
           gpointer             user_data)
{
  AtlasComparisonPage *self = user_data;

  switch (part)
    {
    case ATLAS_SIDE_BY_SIDE_HEADER:
      return make_header (self, column, stacked);
    case ATLAS_SIDE_BY_SIDE_TITLE:
      return make_title (self, row, stacked);
    case ATLAS_SIDE_BY_SIDE_CELL:
      return make_cell (self, row, column);
    default:
      g_return_val_if_reached (NULL);
    }
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *tooltip,
                  const char *action_name,
                  const char *id,
                  gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");

  /* An action would make the button sensitive again. */
  if (!sensitive)
    {
      gtk_widget_set_sensitive (button, FALSE);
      return button;
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));

  return button;
}

/* Where the table is stacked there are no column headers to hold the
 * column menus; this list does their job. */
static void
rebuild_columns_group (AtlasComparisonPage *self)
{
  guint n_columns = self->comparison != NULL ? atlas_comparison_get_n_countries (self->comparison) : 0;

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint i = 0; i < n_columns; i++)
    {
      AtlasCountry *country = atlas_comparison_get_country (self->comparison, i);
      const char *id = atlas_country_get_id (country);
      AtlasInfoRow *row = atlas_info_row_new (atlas_country_get_display_name (country), NULL);

      atlas_info_row_add_prefix (row, atlas_flag_new (atlas_country_get_flag (country), ATLAS_FLAG_SIZE_SMALL));
      atlas_info_row_add_suffix (row, make_icon_button ("go-up-symbolic", _("Move Up"),
                                                        "comparison.move-back", id, i > 0));
      atlas_info_row_add_suffix (row, make_icon_button ("go-down-symbolic", _("Move Down"),
                                                        "comparison.move-forward", id, i + 1 < n_columns));
      atlas_info_row_add_suffix (row, make_icon_button ("list-remove-symbolic", _("Remove from Comparison"),
                                                        "comparison.remove", id, TRUE));

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static GtkWidget *
make_mark_row (guint    position,
               gpointer user_data)
{
  AtlasComparisonPage *self = user_data;
  AtlasProduct *product = atlas_timeline_chart_get_mark_product (self->chart, position);
  AtlasCountry *country = atlas_timeline_chart_get_mark_country (self->chart, position);
  g_autofree char *text = atlas_timeline_chart_dup_mark_text (self->chart, position);
  AtlasInfoRow *row = atlas_rows_new_country_link (atlas_product_get_name (product), text,
                                                   atlas_country_get_id (country), NULL);

  atlas_info_row_add_prefix (row, atlas_timeline_chart_key_new (atlas_timeline_chart_get_mark_status (self->chart, position)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Open the country"));

  return GTK_WIDGET (row);
}

/* The list is built when the reader opens it, a page at a time: four
 * countries of a large dataset have thousands of status changes. */
static void
on_marks_row_expanded (AtlasComparisonPage *self)
{
  if (!adw_expander_row_get_expanded (self->marks_row) ||
      atlas_row_pager_get_for (GTK_WIDGET (self->marks_row)) != NULL)
    return;

  atlas_row_pager_attach_n (GTK_WIDGET (self->marks_row), atlas_timeline_chart_get_n_marks (self->chart),
                            MARKS_PER_PAGE, make_mark_row, self, NULL);
}

static void
rebuild_marks_list (AtlasComparisonPage *self)
{
  guint n_marks = atlas_timeline_chart_get_n_marks (self->chart);
  g_autofree char *subtitle = NULL;

  atlas_row_pager_remove (GTK_WIDGET (self->marks_row));

  /* Translators: the number of marks in a chart, listed as text. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u status change, as text",
                                           "%u status changes, as text", n_marks), n_marks);
  adw_expander_row_set_subtitle (self->marks_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->marks_row), n_marks > 0);
  if (n_marks == 0)
    adw_expander_row_set_expanded (self->marks_row, FALSE);

  on_marks_row_expanded (self);
}

static void
rebuild_sources (AtlasComparisonPage *self)
{
  AtlasDataset *dataset = get_dataset (self);
  g_auto(GStrv) source_ids = NULL;

  for (guint i = 0; i < self->source_rows->len; i++)
    adw_preferences_group_remove (self->sources_group, g_ptr_array_index (self->source_rows, i));
  g_ptr_array_set_size (self->source_rows, 0);

  if (self->comparison == NULL || dataset == NULL)
    return;

  source_ids = atlas_comparison_dup_source_ids (self->comparison);
  for (guint i = 0; source_ids[i] != NULL; i++)
    {
      AtlasSource *source = atlas_dataset_lookup_source (dataset, source_ids[i]);
      AtlasInfoRow *row;

      if (source == NULL)
        continue;

      row = atlas_rows_new_source (source);
      adw_preferences_group_add (self->sources_group, GTK_WIDGET (row));
      g_ptr_array_add (self->source_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), self->source_rows->len > 0);
}

static int
compare_collate_keys (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *keys = user_data;

  return strcmp (g_hash_table_lookup (keys, *(gpointer *) a), g_hash_table_lookup (keys, *(gpointer *) b));
}

static gboolean
is_compared (AtlasComparisonPage *self,
             AtlasCountry        *country)
{
  return self->country_ids != NULL &&
         g_strv_contains ((const char * const *) self->country_ids, atlas_country_get_id (country));
}

/* The "Add Country" menu: every country not yet compared, by name as in
 * the sidebar. Made when a menu is about to open: with hundreds of
 * countries, a menu kept up to date would cost a widget per country on
 * every change. */
static void
fill_add_menu (AtlasComparisonPage *self)
{
  GListModel *countries = self->store != NULL ? atlas_store_get_countries (self->store) : NULL;
  guint n_items = countries != NULL ? g_list_model_get_n_items (countries) : 0;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  self->add_menu_stale = FALSE;
  g_menu_remove_all (self->add_menu);

  for (guint i = 0; i < n_items; i++)
    {
      AtlasCountry *country = g_list_model_get_item (countries, i);

      if (is_compared (self, country))
        {
          g_object_unref (country);
          continue;
        }

      g_hash_table_insert (keys, country, g_utf8_collate_key (atlas_country_get_display_name (country), -1));
      g_ptr_array_add (candidates, country);
    }
  g_ptr_array_sort_with_data (candidates, compare_collate_keys, keys);

  for (guint i = 0; i < candidates->len; i++)
    {
      AtlasCountry *country = g_ptr_array_index (candidates, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);
      g_autoptr(GString) label = g_string_new (atlas_country_get_display_name (country));

      /* Menu labels take underlines as mnemonics; a name has none to give. */
      g_string_replace (label, "_", "__", 0);
      g_menu_item_set_label (item, label->str);
      g_menu_item_set_action_and_target_value (item, "comparison.add",
                                               g_variant_new_string (atlas_country_get_id (country)));
      g_menu_append_item (self->add_menu, item);
    }
}

static void
on_add_menu_about_to_open (GtkMenuButton *button,
                           gpointer       user_data)
{
  AtlasComparisonPage *self = user_data;

  if (self->add_menu_stale)
    fill_add_menu (self);
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->add_menu));
}

static void
rebuild_add_menu (AtlasComparisonPage *self)
{
  GListModel *countries = self->store != NULL ? atlas_store_get_countries (self->store) : NULL;
  guint n_items = countries != NULL ? g_list_model_get_n_items (countries) : 0;
  gboolean full = n_country_ids (self) >= ATLAS_COMPARISON_MAX_COUNTRIES;
  guint n_candidates = 0;
  const char *tooltip;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);

      n_candidates += !is_compared (self, country);
    }

  self->add_menu_stale = TRUE;
  g_menu_remove_all (self->add_menu);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !full && n_candidates > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_add_button), n_candidates > 0);
  tooltip = full ? _("Up to four countries can be compared at once") : _("Add a country to the comparison");
  /* Setting a tooltip asks the display server where the pointer is. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->add_button)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tooltip);
}

static void
focus_column_menu (AtlasComparisonPage *self)
{
  g_autofree char *id = g_steal_pointer (&self->focus_id);
  guint n_columns = atlas_side_by_side_get_n_columns (self->table);

  if (id == NULL)
    return;

  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *header = atlas_side_by_side_get_part (self->table, ATLAS_SIDE_BY_SIDE_HEADER, 0, i);

      for (GtkWidget *child = header != NULL ? gtk_widget_get_first_child (header) : NULL;
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_widget_get_name (child), id) == 0)
            {
              gtk_widget_grab_focus (child);
              return;
            }
        }
    }
}

static void
clear_view (AtlasComparisonPage *self)
{
  atlas_side_by_side_set_content (self->table, 0, 0, NULL, NULL);
  atlas_timeline_chart_set_countries (self->chart, NULL);
  rebuild_columns_group (self);
  rebuild_marks_list (self);
  rebuild_sources (self);
}

static void
rebuild_view (AtlasComparisonPage *self)
{
  AtlasDataset *dataset = get_dataset (self);
  g_autofree char *names = NULL;
  g_autofree char *footer = NULL;

  self->view_stale = FALSE;

  if (self->comparison == NULL)
    {
      clear_view (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  names = dup_country_names (self->comparison);
  gtk_label_set_label (self->heading_label, names);
  gtk_label_set_label (self->hint_label,
                       atlas_comparison_get_n_countries (self->comparison) < 2
                       ? _("Add at least one more country to compare")
                       : _("Rows marked “Differs” have different values"));

  atlas_side_by_side_set_content (self->table,
                                  atlas_comparison_get_n_rows (self->comparison),
                                  atlas_comparison_get_n_countries (self->comparison),
                                  make_part, self);
  rebuild_columns_group (self);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), atlas_side_by_side_get_stacked (self->table));

  atlas_timeline_chart_set_countries (self->chart, G_LIST_MODEL (self->countries));
  rebuild_marks_list (self);
  rebuild_sources (self);

  /* Translators: the dataset's version number and its publication date, e.g. "Data version 3, published 25 November 2026". */
  footer = g_strdup_printf (_("Data version %d, published %s"),
                            atlas_dataset_get_dataset_version (dataset),
                            atlas_dataset_get_generated (dataset));
  gtk_label_set_label (self->footer_label, footer);

  gtk_stack_set_visible_child_name (self->stack, "table");
  focus_column_menu (self);
}

/* The comparison itself is made at once (the window's actions depend on
 * it); its widgets when the page is on screen. */
static void
rebuild (AtlasComparisonPage *self)
{
  AtlasDataset *dataset = get_dataset (self);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->comparison);
  g_list_store_remove_all (self->countries);

  rebuild_add_menu (self);

  if (dataset != NULL && n_country_ids (self) > 0)
    {
      self->comparison = atlas_comparison_new (dataset, (const char * const *) self->country_ids, &error);
      /* The ids were filtered against this dataset. */
      if (self->comparison == NULL)
        g_debug ("Cannot compare: %s", error->message);
    }

  for (guint i = 0; self->comparison != NULL && i < atlas_comparison_get_n_countries (self->comparison); i++)
    g_list_store_append (self->countries, atlas_comparison_get_country (self->comparison, i));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rebuild_view (self);
      return;
    }

  /* Old widgets would keep the old dataset alive. */
  clear_view (self);
  self->view_stale = TRUE;
}

static void
atlas_comparison_page_map (GtkWidget *widget)
{
  AtlasComparisonPage *self = ATLAS_COMPARISON_PAGE (widget);

  if (self->view_stale)
    rebuild_view (self);

  GTK_WIDGET_CLASS (atlas_comparison_page_parent_class)->map (widget);
}

/* Replaces the ids; rebuilds and notifies if they changed. */
static void
take_country_ids (AtlasComparisonPage *self,
                  char               **ids)
{
  if (self->country_ids != NULL && g_strv_equal ((const char * const *) ids,
                                                 (const char * const *) self->country_ids))
    {
      g_strfreev (ids);
      return;
    }

  g_strfreev (self->country_ids);
  self->country_ids = ids;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_IDS]);
}

static void
on_store_dataset_changed (AtlasComparisonPage *self)
{
  char **ids = filter_ids (get_dataset (self), (const char * const *) self->country_ids);

  /* After a refresh the country objects are new: rebuild from the same ids,
   * less any the new data no longer has. */
  if (self->country_ids != NULL && g_strv_equal ((const char * const *) ids,
                                                 (const char * const *) self->country_ids))
    {
      g_strfreev (ids);
      rebuild (self);
      return;
    }

  take_country_ids (self, ids);
}

static void
on_table_stacked_changed (AtlasComparisonPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group),
                          self->comparison != NULL && atlas_side_by_side_get_stacked (self->table));
}

static void
on_chart_mark_activated (AtlasComparisonPage *self,
                         guint                position)
{
  AtlasCountry *country = atlas_timeline_chart_get_mark_country (self->chart, position);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-country", "s", atlas_country_get_id (country));
}

/* Column actions come from menus and buttons that a rebuild destroys: the
 * change waits until the menu or button is done with its click. */
typedef struct
{
  AtlasComparisonPage *self;
  char *action_name;
  char *id;
} DeferredAction;

static gboolean
run_deferred_action (gpointer user_data)
{
  DeferredAction *deferred = user_data;
  AtlasComparisonPage *self = deferred->self;
  const char *name = deferred->action_name;

  if (g_str_equal (name, "comparison.add"))
    {
      atlas_comparison_page_add_country (self, deferred->id);
    }
  else if (g_str_equal (name, "comparison.remove"))
    {
      atlas_comparison_page_remove_country (self, deferred->id);
    }
  else
    {
      g_free (self->focus_id);
      self->focus_id = g_strdup (deferred->id);
      atlas_comparison_page_move_country (self, deferred->id,
                                          g_str_equal (name, "comparison.move-back") ? -1 : 1);
    }

  return G_SOURCE_REMOVE;
}

static void
free_deferred_action (gpointer user_data)
{
  DeferredAction *deferred = user_data;

  g_object_unref (deferred->self);
  g_free (deferred->action_name);
  g_free (deferred->id);
  g_free (deferred);
}

static void
column_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeferredAction *deferred = g_new0 (DeferredAction, 1);

  deferred->self = g_object_ref (ATLAS_COMPARISON_PAGE (widget));
  deferred->action_name = g_strdup (action_name);
  deferred->id = g_variant_dup_string (parameter, NULL);

  g_idle_add_full (G_PRIORITY_DEFAULT, run_deferred_action, deferred, free_deferred_action);
}

static void
atlas_comparison_page_dispose (GObject *object)
{
  AtlasComparisonPage *self = ATLAS_COMPARISON_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);

  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->comparison);
  g_clear_object (&self->countries);
  g_clear_object (&self->add_menu);
  g_clear_object (&self->print_settings);
  g_clear_pointer (&self->country_ids, g_strfreev);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (atlas_comparison_page_parent_class)->dispose (object);
}

static void
atlas_comparison_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtlasComparisonPage *self = ATLAS_COMPARISON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_COUNTRY_IDS:
      g_value_set_boxed (value, self->country_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_comparison_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtlasComparisonPage *self = ATLAS_COMPARISON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atlas_comparison_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_COUNTRY_IDS:
      atlas_comparison_page_set_country_ids (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_comparison_page_class_init (AtlasComparisonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_comparison_page_dispose;
  object_class->get_property = atlas_comparison_page_get_property;
  object_class->set_property = atlas_comparison_page_set_property;

  widget_class->map = atlas_comparison_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtlasComparisonPage:country-ids:
   *
   * The ids of the compared countries, in column order. Ids the data does
   * not have are dropped once the data is known.
   */
  properties[PROP_COUNTRY_IDS] =
    g_param_spec_boxed ("country-ids", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_SIDE_BY_SIDE);
  g_type_ensure (ATLAS_TYPE_TIMELINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-comparison-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, table);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, chart);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, marks_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasComparisonPage, footer_label);
  gtk_widget_class_bind_template_callback (widget_class, on_table_stacked_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_mark_activated);

  gtk_widget_class_install_action (widget_class, "comparison.add", "s", column_action);
  gtk_widget_class_install_action (widget_class, "comparison.remove", "s", column_action);
  gtk_widget_class_install_action (widget_class, "comparison.move-back", "s", column_action);
  gtk_widget_class_install_action (widget_class, "comparison.move-forward", "s", column_action);
  atlas_links_install_action (widget_class);
}

static void
atlas_comparison_page_init (AtlasComparisonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->countries = g_list_store_new (ATLAS_TYPE_COUNTRY);
  self->column_rows = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();
  self->add_menu = g_menu_new ();
  self->country_ids = g_new0 (char *, 1);
  g_signal_connect_swapped (self->marks_row, "notify::expanded", G_CALLBACK (on_marks_row_expanded), self);

  gtk_menu_button_set_create_popup_func (self->add_button, on_add_menu_about_to_open, self, NULL);
  gtk_menu_button_set_create_popup_func (self->empty_add_button, on_add_menu_about_to_open, self, NULL);

  /* The legend: each status's mark and its word. */
  for (AtlasProductStatus status = 0; status <= ATLAS_PRODUCT_STATUS_WITHDRAWN; status++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (atlas_product_status_to_label (status));
      GtkWidget *key = atlas_timeline_chart_key_new (status);

      gtk_accessible_update_property (GTK_ACCESSIBLE (key), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (item), key);
      gtk_box_append (GTK_BOX (item), label);
      gtk_flow_box_append (self->legend_box, item);
    }

  rebuild (self);
}

GtkWidget *
atlas_comparison_page_new (AtlasStore *store)
{
  return g_object_new (ATLAS_TYPE_COMPARISON_PAGE,
                       "store", store,
                       NULL);
}

AtlasStore *
atlas_comparison_page_get_store (AtlasComparisonPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  return self->store;
}

void
atlas_comparison_page_set_store (AtlasComparisonPage *self,
                                 AtlasStore          *store)
{
  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));
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

/* Returns: (transfer none) (array zero-terminated=1): the compared ids, in column order */
const char * const *
atlas_comparison_page_get_country_ids (AtlasComparisonPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  return (const char * const *) self->country_ids;
}

void
atlas_comparison_page_set_country_ids (AtlasComparisonPage *self,
                                       const char * const  *ids)
{
  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));

  take_country_ids (self, filter_ids (get_dataset (self), ids));
}

/* Whether the country with @id exists, is not compared yet, and fits. */
gboolean
atlas_comparison_page_can_add_country (AtlasComparisonPage *self,
                                       const char          *id)
{
  AtlasDataset *dataset;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), FALSE);

  dataset = get_dataset (self);
  return id != NULL && dataset != NULL &&
         atlas_dataset_lookup_country (dataset, id) != NULL &&
         !g_strv_contains ((const char * const *) self->country_ids, id) &&
         n_country_ids (self) < ATLAS_COMPARISON_MAX_COUNTRIES;
}

/* Adds a column at the end. Returns FALSE if the country cannot be added. */
gboolean
atlas_comparison_page_add_country (AtlasComparisonPage *self,
                                   const char          *id)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), FALSE);

  if (!atlas_comparison_page_can_add_country (self, id))
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->country_ids);
  g_strv_builder_add (builder, id);
  take_country_ids (self, g_strv_builder_end (builder));

  return TRUE;
}

void
atlas_comparison_page_remove_country (AtlasComparisonPage *self,
                                      const char          *id)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));
  g_return_if_fail (id != NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; self->country_ids[i] != NULL; i++)
    {
      if (!g_str_equal (self->country_ids[i], id))
        g_strv_builder_add (builder, self->country_ids[i]);
    }

  take_country_ids (self, g_strv_builder_end (builder));
}

/* Moves the column of @id by @offset places (negative: towards the
 * start), stopping at either end. */
void
atlas_comparison_page_move_country (AtlasComparisonPage *self,
                                    const char          *id,
                                    int                  offset)
{
  char **ids;
  guint n_ids, from = G_MAXUINT, to;

  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));
  g_return_if_fail (id != NULL);

  n_ids = n_country_ids (self);
  for (guint i = 0; i < n_ids; i++)
    {
      if (g_str_equal (self->country_ids[i], id))
        from = i;
    }
  if (from == G_MAXUINT)
    return;

  to = (guint) CLAMP ((int) from + offset, 0, (int) n_ids - 1);
  if (to == from)
    return;

  ids = g_strdupv (self->country_ids);
  g_free (ids[from]);
  if (to < from)
    memmove (&ids[to + 1], &ids[to], (from - to) * sizeof (char *));
  else
    memmove (&ids[from], &ids[from + 1], (to - from) * sizeof (char *));
  ids[to] = g_strdup (id);

  take_country_ids (self, ids);
}

/* Returns: (transfer none) (nullable): what the page shows, or NULL when it
 * shows no country */
AtlasComparison *
atlas_comparison_page_get_comparison (AtlasComparisonPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  return self->comparison;
}

static GtkWindow *
get_parent_window (AtlasComparisonPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
dup_file_name (AtlasComparisonPage   *self,
               AtlasComparisonFormat  format)
{
  g_autoptr(GString) name = g_string_new (_("comparison"));

  for (guint i = 0; self->country_ids[i] != NULL; i++)
    g_string_append_printf (name, "-%s", self->country_ids[i]);
  g_string_append_printf (name, ".%s", formats[format].extension);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AtlasComparisonPage *self = ATLAS_COMPARISON_PAGE (object);
  GFile *file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (atlas_comparison_page_write_finish (self, result, &error))
    /* Translators: %s is a file name. */
    message = g_strdup_printf (_("Saved “%s”"), name);
  else
    /* Translators: a file name, then what went wrong. */
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

  show_toast (self, message);
  g_object_unref (file);
}

static void
on_chooser_response (AtlasComparisonPage *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  AtlasComparisonFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "atlas-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        atlas_comparison_page_write_async (self, format, file, NULL, write_done_cb, file);
    }

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

/**
 * atlas_comparison_page_export:
 * @format: what to save the comparison as
 *
 * Asks where to save the comparison, then saves it there; what went wrong,
 * or that it worked, shows as a toast.
 */
void
atlas_comparison_page_export (AtlasComparisonPage   *self,
                              AtlasComparisonFormat  format)
{
  static const char *titles[] = {
    [ATLAS_COMPARISON_FORMAT_CSV] = N_("Export Comparison as CSV"),
    [ATLAS_COMPARISON_FORMAT_MARKDOWN] = N_("Export Comparison as Markdown"),
    [ATLAS_COMPARISON_FORMAT_PDF] = N_("Save Comparison as PDF"),
  };
  static const char *filter_names[] = {
    [ATLAS_COMPARISON_FORMAT_CSV] = N_("CSV files"),
    [ATLAS_COMPARISON_FORMAT_MARKDOWN] = N_("Markdown files"),
    [ATLAS_COMPARISON_FORMAT_PDF] = N_("PDF documents"),
  };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));

  if (self->comparison == NULL || self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_(titles[format]), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  name = dup_file_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  pattern = g_strconcat ("*.", formats[format].extension, NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_object_set_data (G_OBJECT (chooser), "atlas-format", GINT_TO_POINTER (format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * atlas_comparison_page_write_async:
 * @format: CSV, Markdown or PDF
 * @file: where to write; a PDF needs a local file
 *
 * Writes what the page shows to @file: the same bytes as atlas_export_csv()
 * or atlas_export_markdown(), or the printout as a PDF. The file is
 * replaced whole or not at all.
 */
void
atlas_comparison_page_write_async (AtlasComparisonPage   *self,
                                   AtlasComparisonFormat  format,
                                   GFile                 *file,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_comparison_page_write_async);

  if (self->comparison == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is nothing to export: add a country to the comparison first."));
      return;
    }

  if (format == ATLAS_COMPARISON_FORMAT_PDF)
    {
      g_autoptr(GtkPrintOperation) operation = atlas_comparison_page_create_print_operation (self);
      g_autofree char *path = g_file_get_path (file);
      GError *error = NULL;

      if (path == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("A PDF can only be saved to a folder on this computer."));
          return;
        }

      /* Exporting draws every page before it returns; it never waits for
       * the user. */
      gtk_print_operation_set_export_filename (operation, path);
      if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                   get_parent_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  text = format == ATLAS_COMPARISON_FORMAT_CSV ? atlas_export_csv (self->comparison)
                                               : atlas_export_markdown (self->comparison);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replace_contents_cb, g_steal_pointer (&task));
}

gboolean
atlas_comparison_page_write_finish (AtlasComparisonPage  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_comparison_page_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atlas_comparison_page_create_print_operation:
 *
 * Returns: (transfer full) (nullable): an operation that prints what the
 *   page shows, or NULL when it shows no country
 */
GtkPrintOperation *
atlas_comparison_page_create_print_operation (AtlasComparisonPage *self)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  if (self->comparison == NULL)
    return NULL;

  operation = atlas_comparison_print_operation_new (self->comparison);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);

  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  AtlasComparisonPage *self = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s says what went wrong. */
      message = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : "");
      show_toast (self, message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The next printout starts from the same printer and paper. */
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
    }

  g_object_unref (operation);
  g_object_unref (self);
}

/* Shows the print dialog, from which the comparison can also be saved as
 * a PDF; what went wrong shows as a toast. */
void
atlas_comparison_page_print (AtlasComparisonPage *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATLAS_IS_COMPARISON_PAGE (self));

  operation = atlas_comparison_page_create_print_operation (self);
  if (operation == NULL)
    return;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_object_ref (self));

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               get_parent_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      show_toast (self, message);
    }
}

AtlasSideBySide *
atlas_comparison_page_get_table (AtlasComparisonPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  return self->table;
}

AtlasTimelineChart *
atlas_comparison_page_get_chart (AtlasComparisonPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  return self->chart;
}

static GtkWidget *
find_child_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;

      found = find_child_with_class (child, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
find_row_by_title (AtlasComparisonPage *self,
                   const char          *row_title)
{
  guint n_rows = atlas_side_by_side_get_n_rows (self->table);

  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *title = atlas_side_by_side_get_part (self->table, ATLAS_SIDE_BY_SIDE_TITLE, i, 0);
      GtkWidget *label = find_child_with_class (title, "row-title-label");

      if (label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), row_title) == 0)
        return i;
    }

  return G_MAXUINT;
}

/**
 * atlas_comparison_page_find_value_label:
 * @row_title: the title a row shows, e.g. "Regulators"
 * @column: the column
 *
 * Returns: (transfer none) (nullable): the label in view for the value
 */
GtkLabel *
atlas_comparison_page_find_value_label (AtlasComparisonPage *self,
                                        const char          *row_title,
                                        guint                column)
{
  guint row;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  row = find_row_by_title (self, row_title);
  if (row == G_MAXUINT)
    return NULL;

  return GTK_LABEL (atlas_side_by_side_get_part (self->table, ATLAS_SIDE_BY_SIDE_CELL, row, column));
}

/* Returns: (transfer none) (nullable): the "Differs" tag of the row, if it has one */
GtkWidget *
atlas_comparison_page_find_differs_tag (AtlasComparisonPage *self,
                                        const char          *row_title)
{
  guint row;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  row = find_row_by_title (self, row_title);
  if (row == G_MAXUINT)
    return NULL;

  return find_child_with_class (atlas_side_by_side_get_part (self->table, ATLAS_SIDE_BY_SIDE_TITLE, row, 0),
                                "differs-tag");
}

/* Returns: (transfer none) (nullable): the country name heading a column */
GtkLabel *
atlas_comparison_page_get_column_label (AtlasComparisonPage *self,
                                        guint                column)
{
  GtkWidget *header;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  header = atlas_side_by_side_get_part (self->table, ATLAS_SIDE_BY_SIDE_HEADER, 0, column);
  if (header == NULL)
    return NULL;

  return GTK_LABEL (find_child_with_class (header, "column-name"));
}

/* The status changes that the list under the chart names, once open. */
guint
atlas_comparison_page_get_n_listed_marks (AtlasComparisonPage *self)
{
  AtlasRowPager *pager;

  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), 0);

  pager = atlas_row_pager_get_for (GTK_WIDGET (self->marks_row));
  return pager != NULL ? atlas_row_pager_get_n_items (pager) : 0;
}

/* Returns: (transfer none): the row that lists the chart's marks as text */
AdwExpanderRow *
atlas_comparison_page_get_marks_row (AtlasComparisonPage *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_PAGE (self), NULL);

  return self->marks_row;
}
