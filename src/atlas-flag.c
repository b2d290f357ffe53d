/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Flags are emoji, which not every system has a font for. */

#include "config.h"

#include "atlas-flag.h"

/**
 * atlas_flag_set_label:
 * @label: a label that shows only the flag
 * @flag: (nullable): the flag emoji
 *
 * Shows @flag in @label, or hides the label when no font can draw it:
 * Pango would draw boxes.
 */
void
atlas_flag_set_label (GtkLabel   *label,
                      const char *flag)
{
  gboolean drawable = FALSE;

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, flag != NULL ? flag : "");
  if (flag != NULL && *flag != '\0')
    drawable = pango_layout_get_unknown_glyphs_count (gtk_label_get_layout (label)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (label), drawable);
}

/**
 * atlas_flag_new:
 * @flag: (nullable): the flag emoji
 *
 * A small flag beside a country's name, as in the sidebar. A screen reader
 * skips it: the name beside it says the same.
 *
 * Returns: (transfer floating): a label showing @flag
 */
GtkWidget *
atlas_flag_new (const char *flag)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   "valign", GTK_ALIGN_CENTER,
                                   NULL);

  gtk_widget_add_css_class (label, "flag");
  atlas_flag_set_label (GTK_LABEL (label), flag);

  return label;
}
