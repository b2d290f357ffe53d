/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasInfoRow in a real window: it shows its text as it is, lays out and
 * draws like the AdwActionRow it replaces, and activates like one. */

#include "config.h"

#include <adwaita.h>

#include "atlas-info-row.h"
#include "atlas-ui-test.h"

typedef struct
{
  GtkWindow *window;
  GtkBox *box;
  AdwPreferencesGroup *group;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_window_set_default_size (fixture->window, 480, 400);
  fixture->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_box_append (fixture->box, GTK_WIDGET (fixture->group));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->box));
  gtk_window_present (fixture->window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;

  atlas_ui_test_destroy_window (fixture->window);
}

static void
wait_for_layout (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  gint64 counter = gdk_frame_clock_get_frame_counter (clock);

  gtk_widget_queue_resize (GTK_WIDGET (fixture->window));
  WAIT_UNTIL (gdk_frame_clock_get_frame_counter (clock) > counter + 1);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static GtkLabel *
find_label (GtkWidget  *row,
            const char *css_class)
{
  return GTK_LABEL (atlas_ui_test_find (row, atlas_ui_test_is_label_with_class, css_class));
}

static void
test_text_as_is (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasInfoRow *row = atlas_info_row_new ("<b>Act</b> & Co", "a <i>law</i> &amp; more");
  AtlasInfoRow *bare = atlas_info_row_new ("Title only", NULL);
  GtkLabel *title;
  GtkLabel *subtitle;
  guint notified = 0;

  (void) data;

  adw_preferences_group_add (fixture->group, GTK_WIDGET (row));
  adw_preferences_group_add (fixture->group, GTK_WIDGET (bare));
  g_signal_connect_swapped (row, "notify::subtitle", G_CALLBACK (count_cb), &notified);

  /* Data is never markup: the labels show every character. */
  title = find_label (GTK_WIDGET (row), "title");
  subtitle = find_label (GTK_WIDGET (row), "subtitle");
  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "<b>Act</b> & Co");
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "a <i>law</i> &amp; more");
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_false (gtk_label_get_use_markup (subtitle));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "<b>Act</b> & Co");
  g_assert_cmpstr (atlas_info_row_get_subtitle (row), ==, "a <i>law</i> &amp; more");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subtitle)));

  /* No subtitle, no empty line under the title. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label (GTK_WIDGET (bare), "subtitle"))));
  g_assert_cmpstr (atlas_info_row_get_subtitle (bare), ==, "");

  atlas_info_row_set_subtitle (row, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subtitle)));
  atlas_info_row_set_subtitle (row, "");
  atlas_info_row_set_subtitle (row, "Again");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subtitle)));
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "Again");
  g_assert_cmpuint (notified, ==, 2);

  /* The title follows the row's title property. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Renamed");
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Renamed");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (title)));
}

/* Laid out next to AdwActionRow in the same boxed list, with the same text
 * and a suffix button, the row has the same height and puts its title,
 * subtitle and button in the same places: libadwaita's stylesheet draws it
 * as one of its own. */
static void
test_laid_out_like_action_row (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *title_text = "Therapeutic Goods (Human Cells, Tissues and Organs) Determination 2018";
  const char *subtitle_text = "1 July 2018 — In force from 1 July 2018; narrowed the exclusion for autologous cells.";
  AtlasInfoRow *row = atlas_info_row_new (title_text, subtitle_text);
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  GtkWidget *action_button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  GtkWidget *prefix = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *action_prefix = gtk_image_new_from_icon_name ("go-next-symbolic");
  struct { GtkWidget *widget; GtkWidget *action_widget; } pairs[4];
  graphene_rect_t bounds, action_bounds;

  (void) data;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle_text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), action_button);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), action_prefix);
  atlas_info_row_add_suffix (row, button);
  atlas_info_row_add_prefix (row, prefix);

  adw_preferences_group_add (fixture->group, action_row);
  adw_preferences_group_add (fixture->group, GTK_WIDGET (row));
  wait_for_layout (fixture);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row)), ==, gtk_widget_get_width (action_row));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), ==, gtk_widget_get_height (action_row));
  pairs[0].widget = GTK_WIDGET (find_label (GTK_WIDGET (row), "title"));
  pairs[0].action_widget = GTK_WIDGET (find_label (action_row, "title"));
  pairs[1].widget = GTK_WIDGET (find_label (GTK_WIDGET (row), "subtitle"));
  pairs[1].action_widget = GTK_WIDGET (find_label (action_row, "subtitle"));
  pairs[2].widget = button;
  pairs[2].action_widget = action_button;
  pairs[3].widget = prefix;
  pairs[3].action_widget = action_prefix;

  /* Wrapped over more than one line at this width, as in the window. */
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (pairs[1].widget))), >, 1);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_assert_true (gtk_widget_compute_bounds (pairs[i].widget, GTK_WIDGET (row), &bounds));
      g_assert_true (gtk_widget_compute_bounds (pairs[i].action_widget, action_row, &action_bounds));
      g_assert_true (graphene_rect_equal (&bounds, &action_bounds));
    }
}

/* Prefixes go before the title, the last added first, as in AdwActionRow;
 * suffixes after it in the order added. Neither box exists until needed. */
static void
test_prefixes_and_suffixes (Fixture       *fixture,
                            gconstpointer  data)
{
  AtlasInfoRow *row = atlas_info_row_new ("Title", "Subtitle");
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *first_prefix = gtk_label_new ("1");
  GtkWidget *second_prefix = gtk_label_new ("2");
  GtkWidget *first_suffix = gtk_label_new ("3");
  GtkWidget *second_suffix = gtk_label_new ("4");
  GtkWidget *prefixes, *title_box, *suffixes;

  (void) data;

  adw_preferences_group_add (fixture->group, GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_css_class (header, "header"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (header), "title"));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (header)));

  atlas_info_row_add_prefix (row, first_prefix);
  atlas_info_row_add_prefix (row, second_prefix);
  atlas_info_row_add_suffix (row, first_suffix);
  atlas_info_row_add_suffix (row, second_suffix);

  prefixes = gtk_widget_get_first_child (header);
  title_box = gtk_widget_get_next_sibling (prefixes);
  suffixes = gtk_widget_get_next_sibling (title_box);
  g_assert_true (gtk_widget_has_css_class (prefixes, "prefixes"));
  g_assert_true (gtk_widget_has_css_class (title_box, "title"));
  g_assert_true (gtk_widget_has_css_class (suffixes, "suffixes"));
  g_assert_null (gtk_widget_get_next_sibling (suffixes));
  g_assert_true (gtk_widget_get_first_child (prefixes) == second_prefix);
  g_assert_true (gtk_widget_get_last_child (prefixes) == first_prefix);
  g_assert_true (gtk_widget_get_first_child (suffixes) == first_suffix);
  g_assert_true (gtk_widget_get_last_child (suffixes) == second_suffix);

  /* An arrow after the suffixes: drawn, but not read out. */
  atlas_info_row_add_suffix_icon (row, "go-next-symbolic");
  g_assert_true (atlas_ui_test_is_icon (gtk_widget_get_last_child (suffixes), "go-next-symbolic"));
  atlas_ui_test_assert_decorative_icon (GTK_WIDGET (row), "go-next-symbolic");
}

/* A click on the row or Enter on it activates its activatable widget (a
 * source's "Open Website" button), and "activated" follows. */
static void
test_activation (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasInfoRow *row = atlas_info_row_new ("A source", "Its publisher");
  AtlasInfoRow *other = atlas_info_row_new ("Another row", NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  AdwPreferencesGroup *second_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint clicked = 0, activated = 0, other_activated = 0;
  GtkWidget *list_box;

  (void) data;

  /* Not activatable until it has something to activate. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  atlas_info_row_add_suffix (row, button);
  atlas_info_row_set_activatable_widget (row, button);
  g_assert_true (atlas_info_row_get_activatable_widget (row) == button);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  g_signal_connect_swapped (button, "clicked", G_CALLBACK (count_cb), &clicked);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (count_cb), &activated);
  g_signal_connect_swapped (other, "activated", G_CALLBACK (count_cb), &other_activated);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (other), TRUE);

  adw_preferences_group_add (fixture->group, GTK_WIDGET (row));
  adw_preferences_group_add (fixture->group, GTK_WIDGET (other));

  /* Enter on the row: the row's "activate" key binding. A button says
   * "clicked" once it has shown itself pressed for a moment. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (activated, ==, 1);
  WAIT_UNTIL (clicked == 1);
  g_assert_cmpuint (other_activated, ==, 0);

  /* A click: the list box says which row. Another row leaves it alone. */
  list_box = gtk_widget_get_parent (GTK_WIDGET (row));
  g_assert_true (GTK_IS_LIST_BOX (list_box));
  g_signal_emit_by_name (list_box, "row-activated", other);
  g_assert_cmpuint (clicked, ==, 1);
  g_assert_cmpuint (other_activated, ==, 1);
  g_signal_emit_by_name (list_box, "row-activated", row);
  g_assert_cmpuint (activated, ==, 2);
  WAIT_UNTIL (clicked == 2);

  /* Moved to another list, it answers that list only. */
  gtk_box_append (fixture->box, GTK_WIDGET (second_group));
  g_object_ref (row);
  adw_preferences_group_remove (fixture->group, GTK_WIDGET (row));
  adw_preferences_group_add (second_group, GTK_WIDGET (row));
  g_object_unref (row);
  g_signal_emit_by_name (list_box, "row-activated", row);
  g_assert_cmpuint (activated, ==, 2);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (activated, ==, 3);
  WAIT_UNTIL (clicked == 3);
}

int
main (int   argc,
      char *argv[])
{
  atlas_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/ui/info-row/text-as-is", Fixture, NULL, fixture_set_up, test_text_as_is, fixture_tear_down);
  g_test_add ("/ui/info-row/laid-out-like-action-row", Fixture, NULL,
              fixture_set_up, test_laid_out_like_action_row, fixture_tear_down);
  g_test_add ("/ui/info-row/prefixes-and-suffixes", Fixture, NULL,
              fixture_set_up, test_prefixes_and_suffixes, fixture_tear_down);
  g_test_add ("/ui/info-row/activation", Fixture, NULL, fixture_set_up, test_activation, fixture_tear_down);

  return g_test_run ();
}
