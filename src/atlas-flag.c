/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasFlag: a country's flag, drawn from a bundled image when there is one
 * for it and as the emoji otherwise.
 *
 * The bundled images are the emoji as Noto Color Emoji draws them
 * (build-aux/render-flags), so both look alike. With them the window does
 * not map the 10 MB emoji font at start-up (0.7 MiB of PSS for 18 flags:
 * the kernel maps the pages around each flag it reads), and the flags show
 * on systems without a colour emoji font. A flag that data from a refresh
 * brings and nothing is bundled for is drawn as the emoji; one that no font
 * can draw hides the widget, as Pango would draw boxes. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-flag.h"
#include "atlas-flag-resources.h"

struct _AtlasFlag
{
  GtkWidget parent_instance;

  char *emoji;
  int pixel_size;

  /* One of them, or neither when there is nothing to draw. */
  GdkTexture *texture;
  PangoLayout *layout;

  /* The texture's size on screen. */
  int width;
  int height;
};

G_DEFINE_FINAL_TYPE (AtlasFlag, atlas_flag, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMOJI,
  PROP_PIXEL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sizes build-aux/render-flags renders: ATLAS_FLAG_SIZE_* and twice them. */
static const int bundled_sizes[] = { 18, 24, 36, 48, 96 };

#define REGIONAL_INDICATOR_A 0x1F1E6

/**
 * atlas_flag_dup_code:
 * @emoji: (nullable): a flag emoji
 *
 * Returns: (nullable): the two lower-case letters a flag emoji of two
 *   regional indicators spells ("🇯🇵" → "jp"), or %NULL for anything else
 */
char *
atlas_flag_dup_code (const char *emoji)
{
  char code[3] = { 0 };
  const char *p = emoji;

  if (emoji == NULL || !g_utf8_validate (emoji, -1, NULL))
    return NULL;

  for (guint i = 0; i < 2; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < REGIONAL_INDICATOR_A || c >= REGIONAL_INDICATOR_A + 26)
        return NULL;
      code[i] = (char) ('a' + (c - REGIONAL_INDICATOR_A));
    }

  return *p == '\0' ? g_strdup (code) : NULL;
}

/**
 * atlas_flag_dup_image_path:
 * @code: a flag's code, as from atlas_flag_dup_code()
 * @pixels: the size to draw at, in device pixels
 *
 * Returns: the resource path of the image to draw @code from at @pixels:
 *   the smallest bundled size at least as large, or the largest. Whether
 *   there is an image for @code at all is the resource's to say.
 */
char *
atlas_flag_dup_image_path (const char *code,
                           int         pixels)
{
  int size = bundled_sizes[G_N_ELEMENTS (bundled_sizes) - 1];

  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bundled_sizes); i++)
    {
      if (bundled_sizes[i] >= pixels)
        {
          size = bundled_sizes[i];
          break;
        }
    }

  return g_strdup_printf (ATLAS_FLAG_RESOURCE_PATH "%s-%d.png", code, size);
}

static int
image_size_of (const char *path)
{
  const char *dash = strrchr (path, '-');

  return dash != NULL ? atoi (dash + 1) : 0;
}

/* The bundled image for the flag at this size and scale, with its size on
 * screen, or NULL when nothing is bundled for it. */
static GdkTexture *
load_texture (AtlasFlag *self,
              int       *width,
              int       *height)
{
  g_autofree char *code = atlas_flag_dup_code (self->emoji);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  int image_size;

  if (code == NULL)
    return NULL;

  path = atlas_flag_dup_image_path (code, self->pixel_size * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_warning ("The flag image %s could not be read: %s", path, error->message);
      return NULL;
    }

  image_size = image_size_of (path);
  *width = MAX (1, (gdk_texture_get_width (texture) * self->pixel_size + image_size / 2) / image_size);
  *height = MAX (1, (gdk_texture_get_height (texture) * self->pixel_size + image_size / 2) / image_size);
  return texture;
}

/* The emoji as text, or NULL when a font lacks any of its glyphs. */
static PangoLayout *
make_layout (AtlasFlag *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (self->emoji == NULL || *self->emoji == '\0')
    return NULL;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (self->pixel_size * PANGO_SCALE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_text (layout, self->emoji, -1);

  if (pango_layout_get_unknown_glyphs_count (layout) > 0)
    return NULL;

  return g_steal_pointer (&layout);
}

static void
update (AtlasFlag *self)
{
  g_clear_object (&self->texture);
  g_clear_object (&self->layout);

  self->texture = load_texture (self, &self->width, &self->height);
  if (self->texture == NULL)
    self->layout = make_layout (self);

  gtk_widget_set_visible (GTK_WIDGET (self), self->texture != NULL || self->layout != NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
atlas_flag_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  AtlasFlag *self = ATLAS_FLAG (widget);
  int width = 0, height = 0;

  (void) for_size;
  (void) minimum_baseline;
  (void) natural_baseline;

  if (self->texture != NULL)
    {
      width = self->width;
      height = self->height;
    }
  else if (self->layout != NULL)
    pango_layout_get_pixel_size (self->layout, &width, &height);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
}

static void
atlas_flag_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  AtlasFlag *self = ATLAS_FLAG (widget);

  if (self->texture != NULL)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT ((gtk_widget_get_width (widget) - self->width) / 2.f,
                                                   (gtk_widget_get_height (widget) - self->height) / 2.f,
                                                   self->width, self->height);

      gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
    }
  else if (self->layout != NULL)
    {
      /* A colour glyph ignores the colour; black is for anything else. */
      static const GdkRGBA black = { 0, 0, 0, 1 };

      gtk_snapshot_append_layout (snapshot, self->layout, &black);
    }
}

static void
on_scale_factor_changed (AtlasFlag *self)
{
  update (self);
}

static void
atlas_flag_finalize (GObject *object)
{
  AtlasFlag *self = ATLAS_FLAG (object);

  g_free (self->emoji);
  g_clear_object (&self->texture);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (atlas_flag_parent_class)->finalize (object);
}

static void
atlas_flag_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasFlag *self = ATLAS_FLAG (object);

  switch (prop_id)
    {
    case PROP_EMOJI:
      g_value_set_string (value, self->emoji);
      break;

    case PROP_PIXEL_SIZE:
      g_value_set_int (value, self->pixel_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_flag_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AtlasFlag *self = ATLAS_FLAG (object);

  switch (prop_id)
    {
    case PROP_EMOJI:
      atlas_flag_set_emoji (self, g_value_get_string (value));
      break;

    case PROP_PIXEL_SIZE:
      atlas_flag_set_pixel_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_flag_class_init (AtlasFlagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The images live in a static library: referring to them keeps their
   * object, whose constructor registers them (see atlas-application.c). */
  g_assert (atlas_flags_get_resource () != NULL);

  object_class->finalize = atlas_flag_finalize;
  object_class->get_property = atlas_flag_get_property;
  object_class->set_property = atlas_flag_set_property;

  widget_class->measure = atlas_flag_measure;
  widget_class->snapshot = atlas_flag_snapshot;

  properties[PROP_EMOJI] =
    g_param_spec_string ("emoji", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIXEL_SIZE] =
    g_param_spec_int ("pixel-size", NULL, NULL, 1, 512, ATLAS_FLAG_SIZE_ROW,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flag");
  /* A screen reader skips it: the name beside it says the same. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
atlas_flag_init (AtlasFlag *self)
{
  self->pixel_size = ATLAS_FLAG_SIZE_ROW;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
}

/**
 * atlas_flag_new:
 * @emoji: (nullable): the flag emoji
 * @pixel_size: the size to draw it at, such as %ATLAS_FLAG_SIZE_SMALL
 *
 * Returns: (transfer floating): a flag, hidden when there is nothing to draw
 */
GtkWidget *
atlas_flag_new (const char *emoji,
                int         pixel_size)
{
  return g_object_new (ATLAS_TYPE_FLAG, "pixel-size", pixel_size, "emoji", emoji, NULL);
}

const char *
atlas_flag_get_emoji (AtlasFlag *self)
{
  g_return_val_if_fail (ATLAS_IS_FLAG (self), NULL);

  return self->emoji;
}

void
atlas_flag_set_emoji (AtlasFlag  *self,
                      const char *emoji)
{
  g_return_if_fail (ATLAS_IS_FLAG (self));

  if (g_strcmp0 (self->emoji, emoji) == 0)
    return;

  g_free (self->emoji);
  self->emoji = g_strdup (emoji);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMOJI]);
}

int
atlas_flag_get_pixel_size (AtlasFlag *self)
{
  g_return_val_if_fail (ATLAS_IS_FLAG (self), 0);

  return self->pixel_size;
}

void
atlas_flag_set_pixel_size (AtlasFlag *self,
                           int        pixel_size)
{
  g_return_if_fail (ATLAS_IS_FLAG (self));
  g_return_if_fail (pixel_size > 0);

  if (self->pixel_size == pixel_size)
    return;

  self->pixel_size = pixel_size;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_SIZE]);
}
