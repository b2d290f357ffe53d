/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasWindow: the sidebar of countries and the page of the one selected.
 * Above the countries, the sidebar lists the views across them: the
 * comparison, the therapy types and the conditions. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-comparison-page.h"
#include "atlas-conditions-page.h"
#include "atlas-country-row.h"
#include "atlas-staged-list-model.h"
#include "atlas-therapy-page.h"
#include "atlas-window.h"

/* A list view makes every row of a batch at once and lays them out in the
 * next frame: a batch is about a screenful at the default size, so the
 * first one fills the view and none holds the main loop long. */
#define SIDEBAR_BATCH_SIZE 12

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AtlasApplication *app;
  AtlasStore *store;
  GSettings *settings;

  /* The country on the content page, which may be filtered out of the list. */
  AtlasCountry *country;
  /* The view shown instead of the country ("compare", "therapies" or
   * "conditions"), or NULL. */
  const char *view;

  GtkCustomFilter *filter;
  /* The store's countries, taken a batch at a time after a change. */
  AtlasStagedListModel *sidebar_countries;
  GtkSingleSelection *selection;
  char *folded_query;
  gboolean state_saved;
  gboolean scroll_pending;

  AtlasUpdater *updater;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkStack *refresh_stack;
  GtkSpinner *refresh_spinner;
  GtkImage *offline_icon;
  GtkRevealer *expired_revealer;
  GtkLabel *expired_label;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *list_view;
  GtkWidget *content;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkSpinner *loading_spinner;
  guint loading_spinner_id;
  AtlasCountryPage *country_page;
  GtkListBox *nav_list;
  GtkListBoxRow *compare_row;
  GtkListBoxRow *therapies_row;
  GtkListBoxRow *conditions_row;
  GtkListBoxRow *guidance_row;
  GtkLabel *compare_count_label;
  GtkWidget *add_to_comparison_button;
  GtkWidget *export_button;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *export_menu;
  AtlasComparisonPage *comparison_page;
  /* Made the first time they are shown (ensure_view_page()). */
  AtlasTherapyPage *therapy_page;
  AtlasConditionsPage *conditions_page;
  AtlasGuidancePage *guidance_page;
};

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
get_view_title (const char *view)
{
  if (g_strcmp0 (view, "compare") == 0)
    return _("Compare Countries");
  if (g_strcmp0 (view, "therapies") == 0)
    return _("Therapy Types");
  if (g_strcmp0 (view, "conditions") == 0)
    return _("Conditions");
  if (g_strcmp0 (view, "guidance") == 0)
    return _("For Patients");

  return NULL;
}

static void
set_action_enabled (AtlasWindow *self,
                    const char  *name,
                    gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* What the header bar offers depends on the page in view, and so do the
 * actions behind it. */
/* Setting a tooltip asks the display server where the pointer is: only
 * when it changes. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* The ids of the compared countries: the comparison page's once it is
 * made, the setting's until then. */
static GStrv
dup_compared_ids (AtlasWindow *self)
{
  if (self->comparison_page != NULL)
    return g_strdupv ((char **) atlas_comparison_page_get_country_ids (self->comparison_page));
  if (self->settings != NULL)
    return g_settings_get_strv (self->settings, "comparison-countries");

  return g_new0 (char *, 1);
}

/* Compared countries the data has: the page drops the others when it is
 * made. */
static guint
count_compared (AtlasWindow        *self,
                const char * const *ids)
{
  AtlasDataset *dataset = self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
  guint n = 0;

  for (guint i = 0; dataset != NULL && ids[i] != NULL; i++)
    n += atlas_dataset_lookup_country (dataset, ids[i]) != NULL;

  return n;
}

static void
update_actions (AtlasWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean comparing = g_strcmp0 (page, "compare") == 0 && self->comparison_page != NULL &&
                       atlas_comparison_page_get_comparison (self->comparison_page) != NULL;
  gboolean on_country = g_strcmp0 (page, "country") == 0 && self->country != NULL;
  g_auto(GStrv) compared = dup_compared_ids (self);
  guint n_compared = count_compared (self, (const char * const *) compared);
  gboolean already = on_country && g_strv_contains ((const char * const *) compared, atlas_country_get_id (self->country));
  static const char * const export_actions[] = { "export-csv", "export-markdown", "export-pdf", "print" };
  gboolean can_add;

  can_add = on_country && !already && n_compared < ATLAS_COMPARISON_MAX_COUNTRIES;
  set_action_enabled (self, "add-to-comparison", can_add);

  /* A button that cannot be used says why. */
  if (can_add || !on_country)
    set_tooltip (self->add_to_comparison_button, _("Add to Comparison (Ctrl+D)"));
  else if (already)
    set_tooltip (self->add_to_comparison_button, _("Already in the comparison"));
  else
    set_tooltip (self->add_to_comparison_button, _("Up to four countries can be compared at once"));

  for (guint i = 0; i < G_N_ELEMENTS (export_actions); i++)
    set_action_enabled (self, export_actions[i], comparing);

  gtk_widget_set_visible (self->add_to_comparison_button, on_country);
  gtk_widget_set_visible (self->export_button, comparing);

  if (n_compared > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_compared);

      gtk_label_set_label (self->compare_count_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->compare_count_label), n_compared > 0);
}

/* The therapy, conditions and guidance pages are added to the content
 * stack the first time they are wanted: a window that never shows them
 * never builds them, and start-up is quicker. */
static GtkWidget *
ensure_view_page (AtlasWindow  *self,
                  const char   *view,
                  GtkWidget   **page,
                  GtkWidget  *(*page_new) (AtlasStore *store))
{
  if (*page == NULL)
    {
      *page = page_new (self->store);
      gtk_stack_add_named (self->content_stack, *page, view);
    }

  return *page;
}

static AtlasTherapyPage *
ensure_therapy_page (AtlasWindow *self)
{
  return ATLAS_THERAPY_PAGE (ensure_view_page (self, "therapies", (GtkWidget **) &self->therapy_page,
                                               atlas_therapy_page_new));
}

static AtlasConditionsPage *
ensure_conditions_page (AtlasWindow *self)
{
  return ATLAS_CONDITIONS_PAGE (ensure_view_page (self, "conditions", (GtkWidget **) &self->conditions_page,
                                                  atlas_conditions_page_new));
}

static AtlasGuidancePage *
ensure_guidance_page (AtlasWindow *self)
{
  return ATLAS_GUIDANCE_PAGE (ensure_view_page (self, "guidance", (GtkWidget **) &self->guidance_page,
                                                atlas_guidance_page_new));
}

static void on_comparison_changed (AtlasWindow *self);

static AtlasComparisonPage *
ensure_comparison_page (AtlasWindow *self)
{
  if (self->comparison_page != NULL)
    return self->comparison_page;

  self->comparison_page = ATLAS_COMPARISON_PAGE (atlas_comparison_page_new (self->store));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->comparison_page), "compare");

  /* The compared countries survive a restart; the page drops ids that the
   * data does not have, and that reaches the setting too. */
  if (self->settings != NULL)
    g_settings_bind (self->settings, "comparison-countries",
                     self->comparison_page, "country-ids",
                     G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->comparison_page, "notify::country-ids", G_CALLBACK (on_comparison_changed), self);

  return self->comparison_page;
}

/* Made for the first country shown: until the data arrives there is none,
 * and the window's first frame comes sooner without the page. */
static AtlasCountryPage *
ensure_country_page (AtlasWindow *self)
{
  if (self->country_page != NULL)
    return self->country_page;

  self->country_page = ATLAS_COUNTRY_PAGE (atlas_country_page_new (self->store));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->country_page), "country");

  return self->country_page;
}

/* The status pages are rarely seen, so they are made when first shown.
 * Their icons are set then too: at 128 px Adwaita has only SVG, which
 * would load librsvg (6.5 MB) for pages nobody looks at. */
static AdwStatusPage *
ensure_status_page (GtkStack    *stack,
                    const char  *name,
                    const char  *icon_name,
                    const char  *title,
                    const char  *description)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  if (page == NULL)
    {
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
      adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
      adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
      gtk_stack_add_named (stack, page, name);
    }
  return ADW_STATUS_PAGE (page);
}

static void
update_content_page (AtlasWindow *self)
{
  const GError *error = self->app != NULL ? atlas_application_get_load_error (self->app) : NULL;
  gboolean loaded = self->store != NULL && atlas_store_get_dataset (self->store) != NULL;
  const char *name;

  if (self->view != NULL && loaded)
    {
      name = self->view;
      if (g_str_equal (name, "compare"))
        ensure_comparison_page (self);
      else if (g_str_equal (name, "therapies"))
        ensure_therapy_page (self);
      else if (g_str_equal (name, "conditions"))
        ensure_conditions_page (self);
      else if (g_str_equal (name, "guidance"))
        ensure_guidance_page (self);
    }
  else if (self->country != NULL)
    {
      name = "country";
    }
  else if (loaded && self->sidebar_countries != NULL && atlas_staged_list_model_get_pending (self->sidebar_countries))
    {
      /* The country comes back once the sidebar has its row: until then
       * the data is still on its way, as far as the reader can tell. */
      name = "loading";
    }
  else if (loaded)
    {
      name = "empty";
      ensure_status_page (self->content_stack, name, "mark-location-symbolic",
                          _("No Country Selected"), _("Choose a country from the list"));
    }
  else if (error != NULL)
    {
      /* Status page descriptions are markup; the message is not. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      name = "error";
      adw_status_page_set_description (ensure_status_page (self->content_stack, name, "dialog-error-symbolic",
                                                           _("Could Not Load Data"), NULL),
                                       escaped);
    }
  else
    {
      name = "loading";
    }

  gtk_stack_set_visible_child_name (self->content_stack, name);
  if (!g_str_equal (name, "loading"))
    {
      g_clear_handle_id (&self->loading_spinner_id, g_source_remove);
      gtk_spinner_stop (self->loading_spinner);
    }

  if (self->view != NULL)
    adw_window_title_set_title (self->content_title, get_view_title (self->view));
  else
    adw_window_title_set_title (self->content_title,
                                self->country != NULL ? atlas_country_get_display_name (self->country) : "");

  update_actions (self);
}

static void
update_sidebar_page (AtlasWindow *self)
{
  gboolean searching = self->folded_query != NULL && *self->folded_query != '\0';
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (searching && n_items == 0)
    {
      AdwStatusPage *page = ensure_status_page (self->sidebar_stack, "no-results", "edit-find-symbolic",
                                                _("No Results Found"), _("Try a different search"));

      gtk_widget_add_css_class (GTK_WIDGET (page), "compact");
      gtk_stack_set_visible_child (self->sidebar_stack, GTK_WIDGET (page));
    }
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
}

static void
show_country (AtlasWindow  *self,
              AtlasCountry *country)
{
  if (g_set_object (&self->country, country))
    {
      if (country != NULL || self->country_page != NULL)
        atlas_country_page_set_country (ensure_country_page (self), country);

      if (country != NULL && self->settings != NULL)
        {
          g_autofree char *saved = g_settings_get_string (self->settings, "selected-country");
          const char *id = atlas_country_get_id (country);

          if (g_strcmp0 (saved, id) != 0)
            g_settings_set_string (self->settings, "selected-country", id);
        }
    }

  update_content_page (self);
}

static void
scroll_to_selected (AtlasWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* Until the list has its size it cannot tell where a row is;
   * on_list_adjustment_changed() comes back here. */
  if (adjustment == NULL || gtk_adjustment_get_page_size (adjustment) <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }

  self->scroll_pending = FALSE;
  /* gtk_list_view_scroll_to() is GTK 4.12; the action is older. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
scroll_to_selected_idle (gpointer user_data)
{
  AtlasWindow *self = user_data;

  if (self->scroll_pending && self->selection != NULL)
    scroll_to_selected (self);

  return G_SOURCE_REMOVE;
}

static void
on_list_adjustment_changed (AtlasWindow *self)
{
  /* The list ignores scrolling while it is being allocated, which is when
   * the adjustment changes: scroll once that is over. */
  if (self->scroll_pending)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_selected_idle, g_object_ref (self), g_object_unref);
}

static guint
find_country_position (AtlasWindow *self,
                       const char  *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (model);

  if (id == NULL || *id == '\0')
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (model, i);

      if (g_strcmp0 (atlas_country_get_id (country), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Shows the country with @id, selecting its row when the list shows it.
 * Returns FALSE if the dataset has no such country. */
static gboolean
show_country_by_id (AtlasWindow *self,
                    const char  *id)
{
  AtlasDataset *dataset = atlas_store_get_dataset (self->store);
  guint position = find_country_position (self, id);
  AtlasCountry *country;

  /* While a view is shown, the list shows no selection. */
  if (position != GTK_INVALID_LIST_POSITION && self->view == NULL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to_selected (self);
      return TRUE;
    }

  country = dataset != NULL && id != NULL ? atlas_dataset_lookup_country (dataset, id) : NULL;
  if (country == NULL)
    return FALSE;

  show_country (self, country);
  return TRUE;
}

static void
navigate_to_content (AtlasWindow *self)
{
  /* Also when unfolded, so that the content stays in view if the window
   * is narrowed later. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static GtkListBoxRow *
get_view_row (AtlasWindow *self,
              const char  *view)
{
  if (g_strcmp0 (view, "compare") == 0)
    return self->compare_row;
  if (g_strcmp0 (view, "therapies") == 0)
    return self->therapies_row;
  if (g_strcmp0 (view, "conditions") == 0)
    return self->conditions_row;
  if (g_strcmp0 (view, "guidance") == 0)
    return self->guidance_row;

  return NULL;
}

/* Shows @view ("compare", "therapies" or "conditions") in the content
 * pane. The country stays the one its page shows, for when the user comes
 * back to it. */
static void
show_view (AtlasWindow *self,
           const char  *view)
{
  self->view = view;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_box_select_row (self->nav_list, get_view_row (self, view));
  update_content_page (self);
  navigate_to_content (self);
}

/* Back to the country page: its row in the list is selected again. */
static void
leave_view (AtlasWindow *self)
{
  guint position;

  if (self->view == NULL)
    return;

  self->view = NULL;
  gtk_list_box_unselect_all (self->nav_list);

  if (self->country != NULL)
    {
      position = find_country_position (self, atlas_country_get_id (self->country));
      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, position);
    }

  update_content_page (self);
}

static void
restore_selection (AtlasWindow *self)
{
  g_autofree char *id = NULL;

  if (atlas_store_get_dataset (self->store) == NULL)
    return;

  /* After a refresh the country objects are new; keep the same country. */
  if (self->country != NULL)
    id = g_strdup (atlas_country_get_id (self->country));
  else if (self->settings != NULL)
    id = g_settings_get_string (self->settings, "selected-country");

  if (show_country_by_id (self, id))
    return;

  if (self->view == NULL && !adw_leaflet_get_folded (self->leaflet) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      return;
    }

  show_country (self, NULL);
}

static void
on_store_dataset_changed (AtlasWindow *self)
{
  /* The sidebar takes new countries a batch at a time; the country comes
   * back once its row is there. */
  if (atlas_staged_list_model_get_pending (self->sidebar_countries))
    return;

  restore_selection (self);
  update_sidebar_page (self);
  update_content_page (self);
}

static void
on_selected_item_changed (AtlasWindow *self)
{
  AtlasCountry *country = gtk_single_selection_get_selected_item (self->selection);

  /* A search that hides the selected row leaves its page in view. */
  if (country != NULL)
    {
      leave_view (self);
      show_country (self, country);
    }
}

static gboolean
filter_country (gpointer item,
                gpointer user_data)
{
  AtlasWindow *self = user_data;

  return atlas_country_matches (ATLAS_COUNTRY (item), self->folded_query);
}

static void
on_search_changed (AtlasWindow    *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint position;

  g_free (self->folded_query);
  self->folded_query = g_utf8_casefold (query, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Highlight the shown country again when the search lets it back in. */
  if (self->country != NULL && self->view == NULL)
    {
      position = find_country_position (self, atlas_country_get_id (self->country));
      if (position != GTK_INVALID_LIST_POSITION &&
          position != gtk_single_selection_get_selected (self->selection))
        gtk_single_selection_set_selected (self->selection, position);
    }

  update_sidebar_page (self);
}

static void
activate_position (AtlasWindow *self,
                   guint        position)
{
  g_autoptr(AtlasCountry) country = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (country == NULL)
    return;

  leave_view (self);
  gtk_single_selection_set_selected (self->selection, position);
  show_country (self, country);
  navigate_to_content (self);
}

static void
on_search_activate (AtlasWindow    *self,
                    GtkSearchEntry *entry)
{
  activate_position (self, 0);
}

static void
on_list_view_activate (AtlasWindow *self,
                       guint        position)
{
  activate_position (self, position);
}

/* A click on a row opens its page even when the row is already selected,
 * which matters when the leaflet is folded and the user has come back. */
static void
on_row_released (AtlasWindow     *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  AtlasCountry *country = atlas_country_row_get_country (ATLAS_COUNTRY_ROW (row));

  if (country == NULL)
    return;

  leave_view (self);
  show_country (self, country);
  navigate_to_content (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AtlasWindow              *self)
{
  GtkWidget *row = atlas_country_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_row_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  atlas_country_row_set_country (ATLAS_COUNTRY_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  atlas_country_row_set_country (ATLAS_COUNTRY_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_back_clicked (AtlasWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_leaflet_folded_changed (AtlasWindow *self)
{
  /* Side by side, an empty content pane would waste the space. */
  if (!adw_leaflet_get_folded (self->leaflet) && self->country == NULL)
    restore_selection (self);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AtlasWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focused = focus != NULL &&
                     (focus == GTK_WIDGET (self->search_entry) ||
                      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)));

  if (gtk_search_bar_get_search_mode (self->search_bar) && focused)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  /* The list is in the sidebar, which a folded leaflet may have hidden. */
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_compare_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  show_view (ATLAS_WINDOW (user_data), "compare");
}

/* @parameter: a cell source's id to open on the page, or "" */
static void
show_therapies_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AtlasWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  show_view (self, "therapies");
  if (*id != '\0')
    atlas_therapy_page_show_cell_source (ensure_therapy_page (self), id);
}

/* @parameter: a condition's id to show, or "" for the one last shown */
static void
show_conditions_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  AtlasWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (*id != '\0')
    atlas_conditions_page_select_condition (ensure_conditions_page (self), id);
  show_view (self, "conditions");
}

static void
show_guidance_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  show_view (ATLAS_WINDOW (user_data), "guidance");
}

/* Pages link products and marks to their country with this. */
static void
show_country_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  atlas_window_select_country (ATLAS_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
add_to_comparison_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  AtlasWindow *self = user_data;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->country == NULL ||
      !atlas_comparison_page_add_country (ensure_comparison_page (self), atlas_country_get_id (self->country)))
    return;

  /* Translators: %s is a country, e.g. "Japan added to the comparison". */
  title = g_strdup_printf (_("%s added to the comparison"), atlas_country_get_display_name (self->country));
  /* Toast titles are markup in libadwaita 1.2; names are plain text. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Compare"));
  adw_toast_set_action_name (toast, "win.show-compare");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_csv_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_comparison_page_export (ensure_comparison_page (self), ATLAS_COMPARISON_FORMAT_CSV);
}

static void
export_markdown_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_comparison_page_export (ensure_comparison_page (self), ATLAS_COMPARISON_FORMAT_MARKDOWN);
}

static void
export_pdf_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_comparison_page_export (ensure_comparison_page (self), ATLAS_COMPARISON_FORMAT_PDF);
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_comparison_page_print (ensure_comparison_page (self));
}

static void
on_comparison_changed (AtlasWindow *self)
{
  update_actions (self);
}

/* The keyboard shortcuts window, built the first time it is asked for
 * (GtkApplication would build one for every window as it opens). Defined
 * before gtk_application_window_set_help_overlay() is called, this action
 * is the one the window keeps. */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/atlas-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry win_actions[] = {
  { "search", search_activated, NULL, NULL, NULL, { 0 } },
  { "show-compare", show_compare_activated, NULL, NULL, NULL, { 0 } },
  { "show-therapies", show_therapies_activated, "s", NULL, NULL, { 0 } },
  { "show-conditions", show_conditions_activated, "s", NULL, NULL, { 0 } },
  { "show-guidance", show_guidance_activated, NULL, NULL, NULL, { 0 } },
  { "show-country", show_country_activated, "s", NULL, NULL, { 0 } },
  { "add-to-comparison", add_to_comparison_activated, NULL, NULL, NULL, { 0 } },
  { "export-csv", export_csv_activated, NULL, NULL, NULL, { 0 } },
  { "export-markdown", export_markdown_activated, NULL, NULL, NULL, { 0 } },
  { "export-pdf", export_pdf_activated, NULL, NULL, NULL, { 0 } },
  { "print", print_activated, NULL, NULL, NULL, { 0 } },
  { "show-help-overlay", show_help_overlay_activated, NULL, NULL, NULL, { 0 } },
};

static void
save_window_state (AtlasWindow *self)
{
  int width, height;

  if (self->settings == NULL || self->state_saved)
    return;

  self->state_saved = TRUE;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  save_window_state (ATLAS_WINDOW (window));

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  save_window_state (self);

  g_clear_handle_id (&self->loading_spinner_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->app != NULL)
    g_signal_handlers_disconnect_by_data (self->app, self);
  if (self->updater != NULL)
    g_signal_handlers_disconnect_by_data (self->updater, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->sidebar_countries != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar_countries, self);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  g_clear_object (&self->country);
  g_clear_object (&self->selection);
  g_clear_object (&self->sidebar_countries);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->app);
  g_clear_object (&self->updater);
  g_clear_pointer (&self->folded_query, g_free);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  window_class->close_request = atlas_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, offline_icon);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, expired_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, expired_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, nav_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, compare_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, therapies_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, conditions_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, guidance_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, compare_count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, add_to_comparison_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, export_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);
}

/* A menu button makes its popover when given a model; these get theirs
 * when first opened, which keeps two popovers out of start-up. */
static void
on_menu_about_to_open (GtkMenuButton *button,
                       gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, user_data);
}

/* A spinner that flashes for a frame is noise, and its icon (SVG only in
 * Adwaita) would load librsvg at start-up: it appears only when loading
 * takes longer than this. */
#define LOADING_SPINNER_DELAY_MS 500

static gboolean
show_loading_spinner (gpointer user_data)
{
  AtlasWindow *self = user_data;

  self->loading_spinner_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_start (self->loading_spinner);

  return G_SOURCE_REMOVE;
}

static void
atlas_window_init (AtlasWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading_spinner_id = g_timeout_add (LOADING_SPINNER_DELAY_MS, show_loading_spinner, self);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, on_menu_about_to_open, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->export_button), on_menu_about_to_open,
                                         self->export_menu, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), "changed",
                           G_CALLBACK (on_list_adjustment_changed), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_country, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* The models are built in attach_application(), once the store is known. */
}

static void
update_refresh_state (AtlasWindow *self)
{
  gboolean refreshing = atlas_updater_get_refreshing (self->updater);

  gtk_stack_set_visible_child_name (self->refresh_stack, refreshing ? "refreshing" : "idle");
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);
  gtk_widget_set_visible (GTK_WIDGET (self->offline_icon), atlas_updater_get_offline (self->updater));
}

/* Data past its expiry is still shown, marked for as long as it is in use. */
static void
update_expired_banner (AtlasWindow *self)
{
  AtlasDataset *dataset = atlas_store_get_dataset (self->store);
  gboolean expired = dataset != NULL && atlas_updater_get_expired (self->updater);

  if (expired)
    {
      g_autofree char *text = atlas_refresh_describe_expired (dataset);

      gtk_label_set_label (self->expired_label, text);
    }
  gtk_revealer_set_reveal_child (self->expired_revealer, expired);
}

static void
on_updater_notice (AtlasWindow *self,
                   const char  *message)
{
  /* Toast titles are markup in libadwaita 1.2; messages are plain text. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
attach_updater (AtlasWindow  *self,
                AtlasUpdater *updater)
{
  self->updater = g_object_ref (updater);
  g_signal_connect_swapped (updater, "notify::refreshing", G_CALLBACK (update_refresh_state), self);
  g_signal_connect_swapped (updater, "notify::offline", G_CALLBACK (update_refresh_state), self);
  g_signal_connect_swapped (updater, "notice", G_CALLBACK (on_updater_notice), self);
  g_signal_connect_swapped (updater, "notify::expired", G_CALLBACK (update_expired_banner), self);
  update_refresh_state (self);
  update_expired_banner (self);
}

static void
attach_application (AtlasWindow      *self,
                    AtlasApplication *app)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  self->app = g_object_ref (app);
  self->store = g_object_ref (atlas_application_get_store (app));
  if (atlas_application_get_settings (app) != NULL)
    self->settings = g_object_ref (atlas_application_get_settings (app));

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* Until the comparison page is made, the setting is what is compared;
   * without settings, the page is the only place that knows. */
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::comparison-countries", G_CALLBACK (update_actions), self);
  else
    ensure_comparison_page (self);

  /* Sorted before it is staged: the batches then come in the order the
   * rows are shown, so a row never moves under the pointer while the list
   * fills, and the first batch is the top of the list. */
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (ATLAS_TYPE_COUNTRY, NULL, "display-name")));
  sorted = gtk_sort_list_model_new (g_object_ref (atlas_store_get_countries (self->store)), sorter);
  self->sidebar_countries = atlas_staged_list_model_new (G_LIST_MODEL (sorted), SIDEBAR_BATCH_SIZE);
  g_object_unref (sorted);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sidebar_countries)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  /* Without autoselect from the start: a model that already has items would
   * otherwise come with its first row selected, unseen by the handler below. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (filtered));
  g_object_unref (filtered);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (update_sidebar_page), self);
  g_signal_connect_swapped (self->store, "notify::dataset",
                            G_CALLBACK (on_store_dataset_changed), self);
  g_signal_connect_swapped (self->sidebar_countries, "notify::pending",
                            G_CALLBACK (on_store_dataset_changed), self);
  g_signal_connect_swapped (self->app, "notify::loading",
                            G_CALLBACK (update_content_page), self);
  g_signal_connect_swapped (self->app, "notify::load-error",
                            G_CALLBACK (update_content_page), self);

  if (atlas_application_get_updater (app) != NULL)
    attach_updater (self, atlas_application_get_updater (app));

  restore_selection (self);
  update_sidebar_page (self);
  update_content_page (self);
}

AtlasWindow *
atlas_window_new (AtlasApplication *app)
{
  AtlasWindow *self;

  g_return_val_if_fail (ATLAS_IS_APPLICATION (app), NULL);

  self = g_object_new (ATLAS_TYPE_WINDOW,
                       "application", app,
                       NULL);
  attach_application (self, app);

  return self;
}

/**
 * atlas_window_select_country:
 * @id: a country id such as "jp"
 *
 * Shows the country as if the user had chosen it in the sidebar.
 */
void
atlas_window_select_country (AtlasWindow *self,
                             const char  *id)
{
  AtlasDataset *dataset;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  dataset = self->store != NULL ? atlas_store_get_dataset (self->store) : NULL;
  if (dataset != NULL && atlas_dataset_lookup_country (dataset, id) != NULL)
    leave_view (self);

  if (show_country_by_id (self, id))
    navigate_to_content (self);
}

/**
 * atlas_window_search_for:
 * @text: what to search for, as if typed
 *
 * Shows the sidebar's search with @text in it, as GNOME Shell's "search in
 * the app" asks.
 */
void
atlas_window_search_for (AtlasWindow *self,
                         const char  *text)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSearchEntry *
atlas_window_get_search_entry (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->search_entry;
}

/* The sidebar's model: the countries a user sees, filtered and sorted. */
GListModel *
atlas_window_get_visible_countries (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

AtlasCountryPage *
atlas_window_get_country_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return ensure_country_page (self);
}

/* "loading", "error", "empty", "country", "compare", "therapies" or
 * "conditions". */
const char *
atlas_window_get_visible_page_name (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

AtlasComparisonPage *
atlas_window_get_comparison_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return ensure_comparison_page (self);
}

AtlasTherapyPage *
atlas_window_get_therapy_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return ensure_therapy_page (self);
}

AtlasGuidancePage *
atlas_window_get_guidance_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return ensure_guidance_page (self);
}

AtlasConditionsPage *
atlas_window_get_conditions_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return ensure_conditions_page (self);
}
