/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasFlag: a bundled image for every bundled country's flag at every
 * size, drawn at its size; the emoji for a flag nothing is bundled for;
 * nothing for what no font can draw; and the app's window using it. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-flag.h"
#include "atlas-ui-test.h"

/* What build-aux/render-flags renders: ATLAS_FLAG_SIZE_* and twice them. */
static const int rendered_sizes[] = { 18, 24, 36, 48, 96 };

static AtlasApplication *app;

static void
test_code (void)
{
  static const struct { const char *emoji; const char *code; } cases[] = {
    { "🇯🇵", "jp" },
    { "🇪🇺", "eu" },
    { "🇦🇿", "az" },
    { "", NULL },
    { "JP", NULL },
    { "🇯", NULL },
    { "🇯🇵🇯", NULL },
    { "🇯🇵 ", NULL },
    /* England: a black flag and tag characters, not regional indicators. */
    { "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xa5\xf3\xa0\x81\xae\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf", NULL },
    { "\xf0\x9f\x87", NULL },
    { "\xff\xfe", NULL },
  };

  g_assert_null (atlas_flag_dup_code (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = atlas_flag_dup_code (cases[i].emoji);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_image_path (void)
{
  static const struct { int pixels; int size; } cases[] = {
    { 1, 18 }, { 18, 18 }, { 19, 24 }, { 24, 24 }, { 30, 36 }, { 36, 36 },
    { 48, 48 }, { 72, 96 }, { 96, 96 }, { 144, 96 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = atlas_flag_dup_image_path ("jp", cases[i].pixels);
      g_autofree char *expected = g_strdup_printf (ATLAS_FLAG_RESOURCE_PATH "jp-%d.png", cases[i].size);

      g_assert_cmpstr (path, ==, expected);
    }
}

/* The flags the bundled data shows, read with json-glib, not the app's loader. */
static GPtrArray *
dup_bundled_flags (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/data/atlas.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *flags = g_ptr_array_new_with_free_func (g_free);
  JsonArray *countries;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  countries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "countries");
  for (guint i = 0; i < json_array_get_length (countries); i++)
    g_ptr_array_add (flags, g_strdup (json_object_get_string_member (json_array_get_object_element (countries, i),
                                                                      "flag")));
  return flags;
}

static GdkTexture *
load_bundled_texture (const char *code,
                      int         size)
{
  g_autofree char *path = g_strdup_printf (ATLAS_FLAG_RESOURCE_PATH "%s-%d.png", code, size);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  if (bytes == NULL)
    g_error ("%s is not bundled", path);
  texture = gdk_texture_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return texture;
}

static void
test_bundled_images (void)
{
  g_autoptr(GPtrArray) flags = dup_bundled_flags ();

  g_assert_cmpuint (flags->len, >, 10);
  for (guint i = 0; i < flags->len; i++)
    {
      g_autofree char *code = atlas_flag_dup_code (g_ptr_array_index (flags, i));

      g_assert_nonnull (code);
      for (guint j = 0; j < G_N_ELEMENTS (rendered_sizes); j++)
        {
          g_autoptr(GdkTexture) texture = load_bundled_texture (code, rendered_sizes[j]);

          /* An emoji's line: about as high as its font size, at least as wide. */
          g_assert_cmpint (gdk_texture_get_height (texture), >=, rendered_sizes[j]);
          g_assert_cmpint (gdk_texture_get_height (texture), <=, rendered_sizes[j] * 13 / 10);
          g_assert_cmpint (gdk_texture_get_width (texture), >=, gdk_texture_get_height (texture));
        }
    }
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
contains_node_type (GskRenderNode     *node,
                    GskRenderNodeType  type)
{
  if (node == NULL)
    return FALSE;
  if (gsk_render_node_get_node_type (node) == type)
    return TRUE;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (contains_node_type (gsk_container_node_get_child (node, i), type))
          return TRUE;
      return FALSE;

    case GSK_TRANSFORM_NODE:
      return contains_node_type (gsk_transform_node_get_child (node), type);

    default:
      return FALSE;
    }
}

typedef struct
{
  GtkWindow *window;
  GtkBox *box;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
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
assert_draws_image (GtkWidget  *flag,
                    const char *code,
                    int         size)
{
  g_autoptr(GdkTexture) expected = load_bundled_texture (code, size * gtk_widget_get_scale_factor (flag));
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  int width, height;

  gtk_widget_measure (flag, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (flag, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  g_assert_cmpint (width * gtk_widget_get_scale_factor (flag), ==, gdk_texture_get_width (expected));
  g_assert_cmpint (height * gtk_widget_get_scale_factor (flag), ==, gdk_texture_get_height (expected));

  node = snapshot_widget (flag);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, ==, width);
  g_assert_cmpfloat (bounds.size.height, ==, height);
}

static void
test_draws_bundled_image (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *flag = atlas_flag_new ("🇯🇵", ATLAS_FLAG_SIZE_ROW);

  (void) data;

  gtk_box_append (fixture->box, flag);
  WAIT_UNTIL (gtk_widget_get_mapped (flag));
  g_assert_true (gtk_widget_get_visible (flag));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (flag)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  assert_draws_image (flag, "jp", ATLAS_FLAG_SIZE_ROW);

  atlas_flag_set_pixel_size (ATLAS_FLAG (flag), ATLAS_FLAG_SIZE_LARGE);
  assert_draws_image (flag, "jp", ATLAS_FLAG_SIZE_LARGE);

  atlas_flag_set_emoji (ATLAS_FLAG (flag), "🇧🇷");
  g_assert_cmpstr (atlas_flag_get_emoji (ATLAS_FLAG (flag)), ==, "🇧🇷");
  assert_draws_image (flag, "br", ATLAS_FLAG_SIZE_LARGE);

  atlas_flag_set_pixel_size (ATLAS_FLAG (flag), ATLAS_FLAG_SIZE_SMALL);
  assert_draws_image (flag, "br", ATLAS_FLAG_SIZE_SMALL);
}

/* Whether a font here can draw @text: what decides if the flag shows. */
static gboolean
font_draws (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  return pango_layout_get_unknown_glyphs_count (layout) == 0;
}

static void
test_falls_back_to_emoji (Fixture       *fixture,
                          gconstpointer  data)
{
  /* France: no bundled country has its flag. */
  const char *emoji = "🇫🇷";
  g_autofree char *path = atlas_flag_dup_image_path ("fr", ATLAS_FLAG_SIZE_ROW);
  GtkWidget *flag = atlas_flag_new (emoji, ATLAS_FLAG_SIZE_ROW);
  g_autoptr(GskRenderNode) node = NULL;
  int height;

  (void) data;

  g_assert_false (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  gtk_box_append (fixture->box, flag);

  if (!font_draws (flag, emoji))
    {
      g_test_message ("No font here draws %s: the flag must be hidden", emoji);
      g_assert_false (gtk_widget_get_visible (flag));
      return;
    }

  WAIT_UNTIL (gtk_widget_get_mapped (flag));
  node = snapshot_widget (flag);
  g_assert_false (contains_node_type (node, GSK_TEXTURE_NODE));
  g_assert_true (contains_node_type (node, GSK_TEXT_NODE));

  /* At the size asked for: an emoji's line is a little higher than its font. */
  gtk_widget_measure (flag, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  g_assert_cmpint (height, >=, ATLAS_FLAG_SIZE_ROW);
  g_assert_cmpint (height, <=, ATLAS_FLAG_SIZE_ROW * 13 / 10);
}

static void
test_nothing_to_draw (Fixture       *fixture,
                      gconstpointer  data)
{
  /* A private-use character: no font has a glyph for it. */
  const char *undrawable = "\xf4\x8f\xbf\xbd";
  GtkWidget *flag = atlas_flag_new (NULL, ATLAS_FLAG_SIZE_ROW);
  g_autoptr(GskRenderNode) node = NULL;

  (void) data;

  gtk_box_append (fixture->box, flag);
  g_assert_false (gtk_widget_get_visible (flag));

  atlas_flag_set_emoji (ATLAS_FLAG (flag), "🇯🇵");
  g_assert_true (gtk_widget_get_visible (flag));

  atlas_flag_set_emoji (ATLAS_FLAG (flag), "");
  g_assert_false (gtk_widget_get_visible (flag));

  g_assert_false (font_draws (flag, undrawable));
  atlas_flag_set_emoji (ATLAS_FLAG (flag), undrawable);
  g_assert_false (gtk_widget_get_visible (flag));
  node = snapshot_widget (flag);
  g_assert_null (node);
}

static gboolean
is_visible_flag (GtkWidget     *widget,
                 gconstpointer  data)
{
  (void) data;

  return ATLAS_IS_FLAG (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_visible_large_flag (GtkWidget     *widget,
                       gconstpointer  data)
{
  return is_visible_flag (widget, data) && atlas_flag_get_pixel_size (ATLAS_FLAG (widget)) == ATLAS_FLAG_SIZE_LARGE;
}

static void
collect_flags (GtkWidget *widget,
               GPtrArray *flags)
{
  if (is_visible_flag (widget, NULL))
    g_ptr_array_add (flags, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_flags (child, flags);
}

/* The sidebar and the country page draw the bundled images. */
static void
test_window_uses_images (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();
  gboolean large_seen = FALSE;

  /* The country page's title and the sidebar's rows. */
  WAIT_UNTIL (atlas_ui_test_find (GTK_WIDGET (window), is_visible_large_flag, NULL) != NULL &&
              atlas_ui_test_count (GTK_WIDGET (window), is_visible_flag, NULL) > 2);
  collect_flags (GTK_WIDGET (window), flags);

  for (guint i = 0; i < flags->len; i++)
    {
      AtlasFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *code = atlas_flag_dup_code (atlas_flag_get_emoji (flag));

      g_assert_nonnull (code);
      assert_draws_image (GTK_WIDGET (flag), code, atlas_flag_get_pixel_size (flag));
      large_seen |= atlas_flag_get_pixel_size (flag) == ATLAS_FLAG_SIZE_LARGE;
    }
  g_assert_true (large_seen);

  atlas_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  atlas_ui_test_init (&argc, &argv);
  app = atlas_ui_test_start_app ();

  g_test_add_func ("/ui/flag/code", test_code);
  g_test_add_func ("/ui/flag/image-path", test_image_path);
  g_test_add_func ("/ui/flag/bundled-images", test_bundled_images);
  g_test_add ("/ui/flag/draws-bundled-image", Fixture, NULL, fixture_set_up, test_draws_bundled_image,
              fixture_tear_down);
  g_test_add ("/ui/flag/falls-back-to-emoji", Fixture, NULL, fixture_set_up, test_falls_back_to_emoji,
              fixture_tear_down);
  g_test_add ("/ui/flag/nothing-to-draw", Fixture, NULL, fixture_set_up, test_nothing_to_draw,
              fixture_tear_down);
  g_test_add_func ("/ui/flag/window-uses-images", test_window_uses_images);

  return g_test_run ();
}
