/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A comparison on paper (or in a PDF): the table, drawn with Pango, its
 * header repeated on every page it continues on, then the sources it rests
 * on; every page's footer gives the data version and date, so a printout
 * can be checked against the data it came from. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-comparison-print.h"

#define BODY_FONT "Sans 9"
#define SMALL_FONT "Sans 7.5"
#define TITLE_FONT "Sans Bold 15"
#define HEADING_FONT "Sans Bold 11"
#define CELL_PADDING 4.0
#define BLOCK_SPACING 14.0
#define FOOTER_HEIGHT 24.0

typedef enum {
  BLOCK_TITLE,
  BLOCK_TABLE_HEADER,
  BLOCK_TABLE_ROW,
  BLOCK_SOURCES_HEADING,
  BLOCK_SOURCE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  guint index;
  double height;
} Block;

typedef struct
{
  AtlasComparison *comparison;
  char **source_ids;
  GArray *blocks;
  /* The first block of each page, and one past the last block. */
  GArray *page_starts;
  double width;
  double title_width;
  double column_width;
  double header_height;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->comparison);
  g_clear_pointer (&job->source_ids, g_strfreev);
  g_clear_pointer (&job->blocks, g_array_unref);
  g_clear_pointer (&job->page_starts, g_array_unref);
  g_free (job);
}

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *font,
             const char      *text,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  /* Text from the data is never markup. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static char *
dup_title_line (PrintJob *job)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < atlas_comparison_get_n_countries (job->comparison); i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, atlas_country_get_display_name (atlas_comparison_get_country (job->comparison, i)));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
dup_source_text (PrintJob *job,
                 guint     index)
{
  AtlasDataset *dataset = atlas_comparison_get_dataset (job->comparison);
  AtlasSource *source = atlas_dataset_lookup_source (dataset, job->source_ids[index]);

  if (source == NULL)
    return g_strdup (job->source_ids[index]);

  /* Translators: a numbered source: number, title, publisher, web address and the date it was read (YYYY-MM-DD). */
  return g_strdup_printf (_("%u. %s — %s. %s (accessed %s)"),
                          index + 1,
                          atlas_source_get_title (source),
                          atlas_source_get_publisher (source),
                          atlas_source_get_url (source),
                          atlas_source_get_accessed (source));
}

/* Draws a block, or with @cr NULL only measures it. Returns its height. */
static double
draw_block (PrintJob        *job,
            GtkPrintContext *context,
            cairo_t         *cr,
            const Block     *block,
            double           y)
{
  guint n_columns = atlas_comparison_get_n_countries (job->comparison);
  double height = 0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      {
        g_autoptr(PangoLayout) title = make_layout (context, TITLE_FONT, _("Stem Cell Atlas — Country Comparison"), job->width);
        g_autofree char *line = dup_title_line (job);
        g_autoptr(PangoLayout) names = make_layout (context, BODY_FONT, line, job->width);

        if (cr != NULL)
          {
            cairo_move_to (cr, 0, y);
            pango_cairo_show_layout (cr, title);
            cairo_move_to (cr, 0, y + layout_height (title) + 2);
            pango_cairo_show_layout (cr, names);
          }
        height = layout_height (title) + 2 + layout_height (names);
      }
      break;

    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
      {
        AtlasComparisonRow *row = block->kind == BLOCK_TABLE_ROW
                                  ? atlas_comparison_get_row (job->comparison, block->index) : NULL;
        g_autoptr(GString) title_text = g_string_new (row != NULL ? atlas_comparison_row_get_title (row) : _("Topic"));
        g_autoptr(PangoLayout) title = NULL;
        g_autoptr(PangoLayout) marker = NULL;
        double title_height;

        /* The header row sits on a grey band, drawn before its text. */
        if (cr != NULL && row == NULL)
          {
            cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
            cairo_rectangle (cr, 0, y, job->width, draw_block (job, context, NULL, block, y));
            cairo_fill (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }

        title = make_layout (context, row != NULL ? "Sans Bold 9" : "Sans Bold 9.5",
                             title_text->str, job->title_width - 2 * CELL_PADDING);
        title_height = layout_height (title);
        if (row != NULL && atlas_comparison_row_get_differs (row))
          {
            marker = make_layout (context, SMALL_FONT, _("≠ Differs"), job->title_width - 2 * CELL_PADDING);
            title_height += 2 + layout_height (marker);
          }
        height = title_height;

        for (guint i = 0; i < n_columns; i++)
          {
            const char *text;
            g_autoptr(PangoLayout) cell = NULL;
            gboolean missing = FALSE;
            double x = job->title_width + i * job->column_width;

            if (row == NULL)
              text = atlas_country_get_display_name (atlas_comparison_get_country (job->comparison, i));
            else if ((missing = atlas_comparison_row_is_missing (row, i)))
              text = _("No data");
            else
              text = atlas_comparison_row_get_value (row, i);

            cell = make_layout (context,
                                row == NULL ? "Sans Bold 9.5" : (missing ? "Sans Italic 9" : BODY_FONT),
                                text, job->column_width - 2 * CELL_PADDING);
            height = MAX (height, layout_height (cell));

            if (cr != NULL)
              {
                cairo_set_source_rgb (cr, missing ? 0.45 : 0, missing ? 0.45 : 0, missing ? 0.45 : 0);
                cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
                pango_cairo_show_layout (cr, cell);
                cairo_set_source_rgb (cr, 0, 0, 0);
              }
          }

        height += 2 * CELL_PADDING;

        if (cr != NULL)
          {
            cairo_move_to (cr, CELL_PADDING, y + CELL_PADDING);
            pango_cairo_show_layout (cr, title);
            if (marker != NULL)
              {
                cairo_move_to (cr, CELL_PADDING, y + CELL_PADDING + layout_height (title) + 2);
                pango_cairo_show_layout (cr, marker);
              }

            cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
            cairo_set_line_width (cr, 0.5);
            cairo_move_to (cr, 0, y + height);
            cairo_line_to (cr, job->width, y + height);
            cairo_stroke (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
      }
      break;

    case BLOCK_SOURCES_HEADING:
      {
        g_autoptr(PangoLayout) heading = make_layout (context, HEADING_FONT, _("Sources"), job->width);

        if (cr != NULL)
          {
            cairo_move_to (cr, 0, y);
            pango_cairo_show_layout (cr, heading);
          }
        height = layout_height (heading);
      }
      break;

    case BLOCK_SOURCE:
      {
        g_autofree char *text = dup_source_text (job, block->index);
        g_autoptr(PangoLayout) source = make_layout (context, SMALL_FONT, text, job->width);

        if (cr != NULL)
          {
            cairo_move_to (cr, 0, y);
            pango_cairo_show_layout (cr, source);
          }
        height = layout_height (source) + 3;
      }
      break;

    default:
      g_return_val_if_reached (0);
    }

  return height;
}

static void
add_block (PrintJob  *job,
           BlockKind  kind,
           guint      index)
{
  Block block = { kind, index, 0 };

  g_array_append_val (job->blocks, block);
}

/* Space above a block that does not start a page: headings stand apart,
 * table rows and sources follow each other closely. */
static double
spacing_before (PrintJob *job,
                guint     index)
{
  const Block *block = &g_array_index (job->blocks, Block, index);

  if (index == 0)
    return 0;

  return block->kind == BLOCK_TABLE_HEADER || block->kind == BLOCK_SOURCES_HEADING ? BLOCK_SPACING : 0;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double page_height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  guint n_columns = atlas_comparison_get_n_countries (job->comparison);
  guint n_rows = atlas_comparison_get_n_rows (job->comparison);
  guint first = 0;
  double y = 0;

  job->width = gtk_print_context_get_width (context);
  job->title_width = job->width * (n_columns > 2 ? 0.2 : 0.25);
  job->column_width = (job->width - job->title_width) / MAX (n_columns, 1);

  g_array_set_size (job->blocks, 0);
  g_array_set_size (job->page_starts, 0);

  add_block (job, BLOCK_TITLE, 0);
  add_block (job, BLOCK_TABLE_HEADER, 0);
  for (guint i = 0; i < n_rows; i++)
    add_block (job, BLOCK_TABLE_ROW, i);
  if (job->source_ids[0] != NULL)
    add_block (job, BLOCK_SOURCES_HEADING, 0);
  for (guint i = 0; job->source_ids[i] != NULL; i++)
    add_block (job, BLOCK_SOURCE, i);

  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = &g_array_index (job->blocks, Block, i);

      block->height = draw_block (job, context, NULL, block, 0);
      if (block->kind == BLOCK_TABLE_HEADER)
        job->header_height = block->height;
    }

  /* Blocks flow down the page; a table row that starts a page is preceded
   * by the header again. A block taller than a page gets a page of its own
   * and is cut at its foot. */
  g_array_append_val (job->page_starts, first);
  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = &g_array_index (job->blocks, Block, i);
      double spacing = spacing_before (job, i);

      if (y > 0 && y + spacing + block->height > page_height)
        {
          g_array_append_val (job->page_starts, i);
          y = block->kind == BLOCK_TABLE_ROW ? job->header_height : 0;
          spacing = 0;
        }

      y += spacing + block->height;
    }

  gtk_print_operation_set_n_pages (operation, job->page_starts->len);
}

static void
draw_footer (PrintJob        *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  AtlasDataset *dataset = atlas_comparison_get_dataset (job->comparison);
  double height = gtk_print_context_get_height (context);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autoptr(PangoLayout) left_layout = NULL;
  g_autoptr(PangoLayout) right_layout = NULL;
  int right_width;

  /* Translators: a printed page's footer: the dataset's version and its publication date (YYYY-MM-DD). */
  left = g_strdup_printf (_("Stem Cell Atlas · data version %d, published %s"),
                          atlas_dataset_get_dataset_version (dataset),
                          atlas_dataset_get_generated (dataset));
  /* Translators: a page number and the number of pages. */
  right = g_strdup_printf (_("Page %d of %u"), page_nr + 1, job->page_starts->len);

  left_layout = make_layout (context, SMALL_FONT, left, job->width * 0.75);
  right_layout = make_layout (context, SMALL_FONT, right, -1);
  pango_layout_get_size (right_layout, &right_width, NULL);

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, height - FOOTER_HEIGHT + 6);
  cairo_line_to (cr, job->width, height - FOOTER_HEIGHT + 6);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, height - FOOTER_HEIGHT + 10);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, job->width - pango_units_to_double (right_width), height - FOOTER_HEIGHT + 10);
  pango_cairo_show_layout (cr, right_layout);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  guint first, end;
  double y = 0;

  if (page_nr < 0 || (guint) page_nr >= job->page_starts->len)
    return;

  first = g_array_index (job->page_starts, guint, page_nr);
  end = (guint) page_nr + 1 < job->page_starts->len
        ? g_array_index (job->page_starts, guint, page_nr + 1) : job->blocks->len;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, job->width, page_height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = first; i < end; i++)
    {
      const Block *block = &g_array_index (job->blocks, Block, i);

      if (i == first && block->kind == BLOCK_TABLE_ROW)
        {
          Block header = { BLOCK_TABLE_HEADER, 0, job->header_height };

          y += draw_block (job, context, cr, &header, y);
        }
      else if (i > first)
        {
          y += spacing_before (job, i);
        }

      y += draw_block (job, context, cr, block, y);
    }

  cairo_restore (cr);
  draw_footer (job, context, cr, page_nr);
}

/**
 * atlas_comparison_print_operation_new:
 * @comparison: what to print
 *
 * A print operation that draws the comparison. Run it with a dialog to
 * print, or with %GTK_PRINT_OPERATION_ACTION_EXPORT and an export file name
 * to write a PDF.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
atlas_comparison_print_operation_new (AtlasComparison *comparison)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  g_autofree char *names = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (ATLAS_IS_COMPARISON (comparison), NULL);

  job = g_new0 (PrintJob, 1);
  job->comparison = g_object_ref (comparison);
  job->source_ids = atlas_comparison_dup_source_ids (comparison);
  job->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  job->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  names = dup_title_line (job);
  /* Translators: the name of a print job; %s lists the countries. */
  job_name = g_strdup_printf (_("Comparison of %s"), names);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_object_set_data_full (G_OBJECT (operation), "atlas-print-job", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);

  return operation;
}
