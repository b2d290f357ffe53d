/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The sizes a flag is drawn at, in pixels: the height of the emoji's line
 * at that font size. build-aux/render-flags renders each bundled flag at
 * these sizes and twice them. */
#define ATLAS_FLAG_SIZE_SMALL 18
#define ATLAS_FLAG_SIZE_ROW 24
#define ATLAS_FLAG_SIZE_LARGE 48

/* Where the bundled flag images are: <code>-<size>.png. */
#define ATLAS_FLAG_RESOURCE_PATH RESOURCE_PREFIX "/flags/"

#define ATLAS_TYPE_FLAG (atlas_flag_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFlag, atlas_flag, ATLAS, FLAG, GtkWidget)

GtkWidget  *atlas_flag_new                (const char *emoji,
                                           int         pixel_size);
const char *atlas_flag_get_emoji          (AtlasFlag  *self);
void        atlas_flag_set_emoji          (AtlasFlag  *self,
                                           const char *emoji);
int         atlas_flag_get_pixel_size     (AtlasFlag  *self);
void        atlas_flag_set_pixel_size     (AtlasFlag  *self,
                                           int         pixel_size);

char       *atlas_flag_dup_code           (const char *emoji);
char       *atlas_flag_dup_image_path     (const char *code,
                                           int         pixels);

G_END_DECLS
