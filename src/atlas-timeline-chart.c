/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasTimelineChart: when each product's status changed, one row per
 * country and the years across. Every mark has its own shape and colour per
 * status, so neither carries the meaning alone; hovering a mark or reaching
 * it with the arrow keys tells what it is, and the accessible description
 * sums the chart up for a screen reader (pages list the marks as text too). */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "atlas-date.h"
#include "atlas-timeline-chart.h"

/* Sizes in pixels. */
#define MARK_SIZE 14.0
#define LANE_OFFSET 13.0
#define ROW_MIN_HEIGHT 40
#define AXIS_HEIGHT 26
/* The caption under the chart: two lines where it is narrow. */
#define CAPTION_LINE_HEIGHT 18
#define NARROW_WIDTH 560
#define TOP_PADDING 6
#define END_PADDING 16
#define LABEL_PADDING 12
#define MAX_LABEL_WIDTH 150
#define MIN_PLOT_WIDTH 160
#define HIT_RADIUS 10.0

typedef struct
{
  AtlasCountry *country;
  AtlasProduct *product;
  guint change;
  guint row;
  AtlasProductStatus status;
  /* Years as a real number: 2015.7 is September 2015. */
  double when;
  /* Set by compute_layout() for the current width. */
  double x;
  double y;
} Mark;

struct _AtlasTimelineChart
{
  GtkWidget parent_instance;

  GPtrArray *countries;
  GArray *marks;
  char *summary;

  int first_year;
  int last_year;

  /* The layout for the width last allocated. */
  int label_width;
  int row_height;
  int tick_step;

  guint hovered;
  guint focused;
};

G_DEFINE_FINAL_TYPE (AtlasTimelineChart, atlas_timeline_chart, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GNOME's palette: darker shades on light backgrounds, lighter ones on dark,
 * each checked for contrast against the view background. */
static const char * const light_colors[] = {
  [ATLAS_PRODUCT_STATUS_APPROVED] = "#26a269",
  [ATLAS_PRODUCT_STATUS_CONDITIONAL] = "#c64600",
  [ATLAS_PRODUCT_STATUS_LIMITED] = "#1c71d8",
  [ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION] = "#813d9c",
  [ATLAS_PRODUCT_STATUS_WITHDRAWN] = "#c01c28",
};

static const char * const dark_colors[] = {
  [ATLAS_PRODUCT_STATUS_APPROVED] = "#57e389",
  [ATLAS_PRODUCT_STATUS_CONDITIONAL] = "#ffbe6f",
  [ATLAS_PRODUCT_STATUS_LIMITED] = "#62a0ea",
  [ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION] = "#dc8add",
  [ATLAS_PRODUCT_STATUS_WITHDRAWN] = "#f66151",
};

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
get_status_color (AtlasProductStatus  status,
                  GdkRGBA            *color)
{
  const char * const *colors = is_dark () ? dark_colors : light_colors;

  gdk_rgba_parse (color, colors[status]);
}

static void
get_foreground (GtkWidget *widget,
                GdkRGBA   *color)
{
  /* gtk_widget_get_color() is GTK 4.10; this is its 4.8 form. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

/* Draws the shape of @status centred on (x, y). */
static void
draw_shape (cairo_t            *cr,
            AtlasProductStatus  status,
            double              x,
            double              y,
            double              size,
            const GdkRGBA      *fill,
            const GdkRGBA      *outline)
{
  double r = size / 2.0;

  cairo_new_path (cr);

  switch (status)
    {
    case ATLAS_PRODUCT_STATUS_APPROVED:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;

    case ATLAS_PRODUCT_STATUS_CONDITIONAL:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.85);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.85);
      cairo_close_path (cr);
      break;

    case ATLAS_PRODUCT_STATUS_LIMITED:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;

    case ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;

    case ATLAS_PRODUCT_STATUS_WITHDRAWN:
      /* A cross: drawn as a thick stroke, with the outline under it. */
      cairo_move_to (cr, x - r * 0.8, y - r * 0.8);
      cairo_line_to (cr, x + r * 0.8, y + r * 0.8);
      cairo_move_to (cr, x + r * 0.8, y - r * 0.8);
      cairo_line_to (cr, x - r * 0.8, y + r * 0.8);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (outline != NULL)
        {
          gdk_cairo_set_source_rgba (cr, outline);
          cairo_set_line_width (cr, size * 0.36 + 3);
          cairo_stroke_preserve (cr);
        }
      gdk_cairo_set_source_rgba (cr, fill);
      cairo_set_line_width (cr, size * 0.36);
      cairo_stroke (cr);
      return;

    default:
      g_return_if_reached ();
    }

  gdk_cairo_set_source_rgba (cr, fill);
  if (outline != NULL)
    {
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, outline);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    {
      cairo_fill (cr);
    }
}

static double
date_to_years (const AtlasDate *date)
{
  /* A date without a month sits mid-year, one without a day mid-month. */
  if (date->month == 0)
    return date->year + 0.5;
  if (date->day == 0)
    return date->year + (date->month - 0.5) / 12.0;

  return date->year + (date->month - 1) / 12.0 + (date->day - 0.5) / 365.0;
}

static void
clear_mark (gpointer data)
{
  Mark *mark = data;

  g_clear_object (&mark->country);
  g_clear_object (&mark->product);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *mark_a = a;
  const Mark *mark_b = b;

  if (mark_a->row != mark_b->row)
    return mark_a->row < mark_b->row ? -1 : 1;
  if (mark_a->when != mark_b->when)
    return mark_a->when < mark_b->when ? -1 : 1;

  return g_utf8_collate (atlas_product_get_name (mark_a->product),
                         atlas_product_get_name (mark_b->product));
}

static const Mark *
get_mark (AtlasTimelineChart *self,
          guint               position)
{
  return &g_array_index (self->marks, Mark, position);
}

/* Works out where everything goes for @width: the label column, the tick
 * step, each mark's place and, where marks would overlap, their lanes
 * above and below the row's line. Returns the height the chart needs. */
static int
compute_layout (AtlasTimelineChart *self,
                int                 width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  int span = self->last_year - self->first_year;
  int max_lanes = 1;
  double plot_x, plot_width;
  int label_width = 0;
  int y = TOP_PADDING;
  int n_ticks;
  static const int steps[] = { 1, 2, 5, 10, 20, 50 };

  for (guint i = 0; i < self->countries->len; i++)
    {
      int text_width;

      pango_layout_set_text (layout, atlas_country_get_display_name (g_ptr_array_index (self->countries, i)), -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      label_width = MAX (label_width, text_width);
    }
  self->label_width = MIN (label_width, MAX_LABEL_WIDTH) + LABEL_PADDING * 2;

  plot_x = self->label_width + MARK_SIZE;
  plot_width = MAX (width - plot_x - END_PADDING, 1);

  /* About one tick per 64 pixels, on round years. */
  n_ticks = MAX ((int) (plot_width / 64), 1);
  self->tick_step = steps[G_N_ELEMENTS (steps) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (span / steps[i] <= n_ticks)
        {
          self->tick_step = steps[i];
          break;
        }
    }

  /* Lanes: a mark closer than its size to the last one in a lane moves to
   * the next lane. */
  for (guint row = 0; row < self->countries->len; row++)
    {
      double lane_end[5] = { -G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      for (guint i = 0; i < self->marks->len; i++)
        {
          Mark *mark = &g_array_index (self->marks, Mark, i);
          guint lane = 0;

          if (mark->row != row)
            continue;

          mark->x = plot_x + (mark->when - self->first_year) / MAX (span, 1) * plot_width;
          while (lane < G_N_ELEMENTS (lane_end) - 1 && mark->x - lane_end[lane] < MARK_SIZE + 2)
            lane++;
          lane_end[lane] = mark->x;
          max_lanes = MAX (max_lanes, (int) lane + 1);

          /* Lanes 1, 2, 3, 4 sit above, below, further above, further below. */
          mark->y = (lane + 1) / 2 * LANE_OFFSET * (lane % 2 == 1 ? -1 : 1);
        }
    }

  /* Odd lanes go above the line, even ones below: room for the larger side. */
  self->row_height = MAX (ROW_MIN_HEIGHT, (int) (2 * (max_lanes / 2) * LANE_OFFSET + MARK_SIZE + 10));

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      mark->y += y + mark->row * self->row_height + self->row_height / 2.0;
    }

  return y + self->countries->len * self->row_height + AXIS_HEIGHT +
         CAPTION_LINE_HEIGHT * (width < NARROW_WIDTH ? 2 : 1) + 10;
}

static guint
find_mark_at (AtlasTimelineChart *self,
              double              x,
              double              y)
{
  guint found = GTK_INVALID_LIST_POSITION;
  double best = HIT_RADIUS * HIT_RADIUS;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = get_mark (self, i);
      double distance = (mark->x - x) * (mark->x - x) + (mark->y - y) * (mark->y - y);

      if (distance <= best)
        {
          best = distance;
          found = i;
        }
    }

  return found;
}

static void
update_summary (AtlasTimelineChart *self)
{
  guint counts[ATLAS_PRODUCT_STATUS_WITHDRAWN + 1] = { 0, };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) products = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; i < self->countries->len; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 == self->countries->len ? _(" and ") : _(", "));
      g_string_append (names, atlas_country_get_display_name (g_ptr_array_index (self->countries, i)));
    }

  if (self->marks->len == 0)
    {
      g_clear_pointer (&self->summary, g_free);
      if (self->countries->len == 0)
        self->summary = g_strdup (_("No countries to show."));
      else
        /* Translators: %s is a list of countries, e.g. "Germany and Sweden". */
        self->summary = g_strdup_printf (_("No product status changes in the data for %s."), names->str);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                      -1);
      return;
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = get_mark (self, i);

      counts[mark->status]++;
      g_hash_table_add (products, mark->product);
    }

  g_string_append_printf (text,
                          /* Translators: the first sentence of a chart's description, e.g. "12 status changes of 10 products in Japan and South Korea, 2011–2026." */
                          _("%u status changes of %u products in %s, %d–%d."),
                          self->marks->len, g_hash_table_size (products), names->str,
                          self->first_year, self->last_year - 1);

  /* The per-status counts, in the order of the statuses. */
  g_string_append_c (text, ' ');
  for (AtlasProductStatus status = 0; status <= ATLAS_PRODUCT_STATUS_WITHDRAWN; status++)
    {
      if (counts[status] == 0)
        continue;

      if (!first)
        g_string_append (text, _(", "));
      /* Translators: a count and a status, e.g. "3 Conditional". */
      g_string_append_printf (text, _("%u %s"), counts[status], atlas_product_status_to_label (status));
      first = FALSE;
    }
  g_string_append_c (text, '.');

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
rebuild_marks (AtlasTimelineChart *self)
{
  int first = G_MAXINT, last = G_MININT;

  g_array_set_size (self->marks, 0);

  for (guint row = 0; row < self->countries->len; row++)
    {
      AtlasCountry *country = g_ptr_array_index (self->countries, row);
      GListModel *products = atlas_country_get_products (country);

      for (guint i = 0; i < g_list_model_get_n_items (products); i++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);

          for (guint j = 0; j < atlas_product_get_n_status_changes (product); j++)
            {
              const AtlasStatusChange *change = atlas_product_get_status_change (product, j);
              Mark mark = { NULL, };
              AtlasDate date;

              /* The loader checked every date; a miss would be a bug. */
              if (!atlas_date_parse (change->date, &date))
                continue;

              mark.country = g_object_ref (country);
              mark.product = g_object_ref (product);
              mark.change = j;
              mark.row = row;
              mark.status = change->status;
              mark.when = date_to_years (&date);
              g_array_append_val (self->marks, mark);

              first = MIN (first, date.year);
              last = MAX (last, date.year);
            }
        }
    }

  g_array_sort (self->marks, compare_marks);

  if (self->marks->len == 0)
    {
      GDateTime *now = g_date_time_new_now_utc ();

      last = g_date_time_get_year (now);
      first = last - 10;
      g_date_time_unref (now);
    }

  /* Whole years on both sides, so no mark sits on the edge. */
  self->first_year = first;
  self->last_year = last + 1;

  self->hovered = GTK_INVALID_LIST_POSITION;
  self->focused = self->marks->len > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
draw_text (AtlasTimelineChart *self,
           GtkSnapshot        *snapshot,
           PangoLayout        *layout,
           double              x,
           double              y,
           const GdkRGBA      *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
atlas_timeline_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasTimelineChart *self = ATLAS_TIMELINE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) caption = gtk_widget_create_pango_layout (widget, NULL);
  PangoFontDescription *small;
  GdkRGBA fg, dim, faint, band, background;
  double plot_x, plot_width, axis_y;
  int span = MAX (self->last_year - self->first_year, 1);
  guint shown;
  cairo_t *cr;

  compute_layout (self, width);

  get_foreground (widget, &fg);
  dim = fg;
  dim.alpha *= 0.65;
  faint = fg;
  faint.alpha *= 0.12;
  band = fg;
  band.alpha *= 0.04;
  /* The outline that separates overlapping marks: the card's colour. */
  background = is_dark () ? (GdkRGBA) { 0.19, 0.19, 0.19, 1 } : (GdkRGBA) { 1, 1, 1, 1 };

  plot_x = self->label_width + MARK_SIZE;
  plot_width = MAX (width - plot_x - END_PADDING, 1);
  axis_y = TOP_PADDING + self->countries->len * self->row_height;

  /* Rows: a faint band on every other one, and the country's name. */
  pango_layout_set_width (layout, (self->label_width - LABEL_PADDING * 2) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint row = 0; row < self->countries->len; row++)
    {
      double row_y = TOP_PADDING + row * self->row_height;
      int text_height;

      if (row % 2 == 0)
        gtk_snapshot_append_color (snapshot, &band,
                                   &GRAPHENE_RECT_INIT (0, row_y, width, self->row_height));

      pango_layout_set_text (layout, atlas_country_get_display_name (g_ptr_array_index (self->countries, row)), -1);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      draw_text (self, snapshot, layout, LABEL_PADDING, row_y + (self->row_height - text_height) / 2.0, &fg);
    }

  /* Years: a line and a label at each tick. */
  small = pango_font_description_from_string ("9");
  pango_layout_set_font_description (layout, small);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  for (int year = (self->first_year + self->tick_step - 1) / self->tick_step * self->tick_step;
       year <= self->last_year;
       year += self->tick_step)
    {
      double x = plot_x + (double) (year - self->first_year) / span * plot_width;
      char text[16];
      int text_width;

      gtk_snapshot_append_color (snapshot, &faint,
                                 &GRAPHENE_RECT_INIT (x, TOP_PADDING, 1, axis_y - TOP_PADDING + 4));

      g_snprintf (text, sizeof text, "%d", year);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      draw_text (self, snapshot, layout, CLAMP (x - text_width / 2.0, plot_x - MARK_SIZE, width - text_width), axis_y + 6, &dim);
    }
  pango_font_description_free (small);

  /* The marks, and a ring round the one in focus. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = get_mark (self, i);
      GdkRGBA color;

      get_status_color (mark->status, &color);
      draw_shape (cr, mark->status, mark->x, mark->y,
                  i == self->hovered ? MARK_SIZE + 4 : MARK_SIZE,
                  &color, &background);
    }

  if (gtk_widget_has_focus (widget) && self->focused < self->marks->len)
    {
      const Mark *mark = get_mark (self, self->focused);
      GdkRGBA accent;

      gdk_rgba_parse (&accent, is_dark () ? "#78aeed" : "#1c71d8");
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_new_path (cr);
      cairo_arc (cr, mark->x, mark->y, MARK_SIZE / 2.0 + 5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  /* The caption: the mark under the pointer or in focus, or how to get one. */
  shown = self->hovered;
  if (shown == GTK_INVALID_LIST_POSITION && gtk_widget_has_focus (widget))
    shown = self->focused;

  /* Up to two lines: enough for a mark in a narrow window. */
  pango_layout_set_width (caption, MAX (width - LABEL_PADDING * 2, 1) * PANGO_SCALE);
  pango_layout_set_wrap (caption, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (caption, -2);
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  if (shown < self->marks->len)
    {
      g_autofree char *text = atlas_timeline_chart_dup_mark_text (self, shown);

      pango_layout_set_text (caption, text, -1);
      draw_text (self, snapshot, caption, LABEL_PADDING, axis_y + AXIS_HEIGHT + 4, &fg);
    }
  else if (self->marks->len > 0)
    {
      pango_layout_set_text (caption, _("Point at a mark, or focus the chart and use the arrow keys"), -1);
      draw_text (self, snapshot, caption, LABEL_PADDING, axis_y + AXIS_HEIGHT + 4, &dim);
    }
  else
    {
      pango_layout_set_text (caption, self->summary != NULL ? self->summary : "", -1);
      draw_text (self, snapshot, caption, LABEL_PADDING, axis_y + AXIS_HEIGHT + 4, &dim);
    }
}

static GtkSizeRequestMode
atlas_timeline_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
atlas_timeline_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  AtlasTimelineChart *self = ATLAS_TIMELINE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      compute_layout (self, 0);
      *minimum = self->label_width + MARK_SIZE + MIN_PLOT_WIDTH + END_PADDING;
      *natural = MAX (*minimum, 640);
    }
  else
    {
      *minimum = *natural = compute_layout (self, for_size >= 0 ? for_size : 640);
    }
}

static void
atlas_timeline_chart_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  compute_layout (ATLAS_TIMELINE_CHART (widget), width);
}

static gboolean
atlas_timeline_chart_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_tooltip,
                                    GtkTooltip *tooltip)
{
  AtlasTimelineChart *self = ATLAS_TIMELINE_CHART (widget);
  guint position = keyboard_tooltip ? self->focused : find_mark_at (self, x, y);
  const Mark *mark;
  g_autofree char *text = NULL;
  const AtlasStatusChange *change;

  if (position >= self->marks->len)
    return FALSE;

  mark = get_mark (self, position);
  change = atlas_product_get_status_change (mark->product, mark->change);
  text = atlas_timeline_chart_dup_mark_text (self, position);
  if (change->note != NULL)
    {
      g_autofree char *with_note = g_strdup_printf ("%s\n%s", text, change->note);

      g_free (text);
      text = g_steal_pointer (&with_note);
    }

  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              mark->x - HIT_RADIUS, mark->y - HIT_RADIUS,
                              HIT_RADIUS * 2, HIT_RADIUS * 2
                            });

  return TRUE;
}

static void
set_focused (AtlasTimelineChart *self,
             guint               position)
{
  g_autofree char *text = NULL;

  if (position >= self->marks->len)
    return;

  self->focused = position;
  text = atlas_timeline_chart_dup_mark_text (self, position);
  /* A screen reader hears the mark it moved to. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The mark in the row above or below nearest in time to the focused one. */
static guint
find_in_next_row (AtlasTimelineChart *self,
                  int                 direction)
{
  const Mark *focused;
  guint found = GTK_INVALID_LIST_POSITION;
  double best = G_MAXDOUBLE;
  int row;

  if (self->focused >= self->marks->len)
    return GTK_INVALID_LIST_POSITION;

  focused = get_mark (self, self->focused);
  for (row = (int) focused->row + direction; row >= 0 && row < (int) self->countries->len; row += direction)
    {
      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *mark = get_mark (self, i);

          if ((int) mark->row == row && fabs (mark->when - focused->when) < best)
            {
              best = fabs (mark->when - focused->when);
              found = i;
            }
        }

      if (found != GTK_INVALID_LIST_POSITION)
        break;
    }

  return found;
}

static gboolean
on_key_pressed (AtlasTimelineChart    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n_marks = self->marks->len;

  if (n_marks == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_focused (self, self->focused + 1 < n_marks ? self->focused + 1 : self->focused);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_focused (self, self->focused > 0 ? self->focused - 1 : 0);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focused (self, find_in_next_row (self, 1));
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_focused (self, find_in_next_row (self, -1));
      return TRUE;

    case GDK_KEY_Home:
      set_focused (self, 0);
      return TRUE;

    case GDK_KEY_End:
      set_focused (self, n_marks - 1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focused < n_marks)
        g_signal_emit (self, signals[SIGNAL_MARK_ACTIVATED], 0, self->focused);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_motion (AtlasTimelineChart       *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint position = find_mark_at (self, x, y);

  if (position != self->hovered)
    {
      self->hovered = position;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (AtlasTimelineChart *self)
{
  if (self->hovered != GTK_INVALID_LIST_POSITION)
    {
      self->hovered = GTK_INVALID_LIST_POSITION;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_released (AtlasTimelineChart *self,
             int                 n_press,
             double              x,
             double              y,
             GtkGestureClick    *gesture)
{
  guint position = find_mark_at (self, x, y);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focused (self, position);
  g_signal_emit (self, signals[SIGNAL_MARK_ACTIVATED], 0, position);
}

static void
on_focus_changed (AtlasTimelineChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_timeline_chart_dispose (GObject *object)
{
  AtlasTimelineChart *self = ATLAS_TIMELINE_CHART (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (atlas_timeline_chart_parent_class)->dispose (object);
}

static void
atlas_timeline_chart_class_init (AtlasTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_chart_dispose;

  widget_class->snapshot = atlas_timeline_chart_snapshot;
  widget_class->get_request_mode = atlas_timeline_chart_get_request_mode;
  widget_class->measure = atlas_timeline_chart_measure;
  widget_class->size_allocate = atlas_timeline_chart_size_allocate;
  widget_class->query_tooltip = atlas_timeline_chart_query_tooltip;

  /**
   * AtlasTimelineChart::mark-activated:
   * @position: the mark's position
   *
   * The user clicked a mark, or pressed Enter on the one in focus.
   */
  signals[SIGNAL_MARK_ACTIVATED] =
    g_signal_new ("mark-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "timelinechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_timeline_chart_init (AtlasTimelineChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, clear_mark);
  self->hovered = GTK_INVALID_LIST_POSITION;
  self->focused = GTK_INVALID_LIST_POSITION;
  self->row_height = ROW_MIN_HEIGHT;
  self->tick_step = 5;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of product approvals"),
                                  -1);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_summary (self);
}

GtkWidget *
atlas_timeline_chart_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE_CHART, NULL);
}

/**
 * atlas_timeline_chart_set_countries:
 * @countries: (nullable): a model of AtlasCountry, one row each, in order
 *
 * Shows every status change of the countries' products. The chart keeps
 * the countries, not the model.
 */
void
atlas_timeline_chart_set_countries (AtlasTimelineChart *self,
                                    GListModel         *countries)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));
  g_return_if_fail (countries == NULL || G_IS_LIST_MODEL (countries));

  g_ptr_array_set_size (self->countries, 0);
  for (guint i = 0; countries != NULL && i < g_list_model_get_n_items (countries); i++)
    g_ptr_array_add (self->countries, g_list_model_get_item (countries, i));

  rebuild_marks (self);
}

/* One mark per status change, in the order of the rows, then of time. */
guint
atlas_timeline_chart_get_n_marks (AtlasTimelineChart *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), 0);

  return self->marks->len;
}

/* Returns: (transfer none): the product whose status changed. */
AtlasProduct *
atlas_timeline_chart_get_mark_product (AtlasTimelineChart *self,
                                       guint               position)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);
  g_return_val_if_fail (position < self->marks->len, NULL);

  return get_mark (self, position)->product;
}

/* Returns: (transfer none): the country of the mark's row. */
AtlasCountry *
atlas_timeline_chart_get_mark_country (AtlasTimelineChart *self,
                                       guint               position)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);
  g_return_val_if_fail (position < self->marks->len, NULL);

  return get_mark (self, position)->country;
}

AtlasProductStatus
atlas_timeline_chart_get_mark_status (AtlasTimelineChart *self,
                                      guint               position)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), 0);
  g_return_val_if_fail (position < self->marks->len, 0);

  return get_mark (self, position)->status;
}

/**
 * atlas_timeline_chart_dup_mark_text:
 *
 * Returns: (transfer full): the mark in words: product, country, status
 *   and date
 */
char *
atlas_timeline_chart_dup_mark_text (AtlasTimelineChart *self,
                                    guint               position)
{
  const Mark *mark;
  const AtlasStatusChange *change;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);
  g_return_val_if_fail (position < self->marks->len, NULL);

  mark = get_mark (self, position);
  change = atlas_product_get_status_change (mark->product, mark->change);
  date = atlas_date_format (change->date);

  /* Translators: a product, its country, a status and a date, e.g. "Temcell HS Inj. · Japan · Approved · 18 September 2015". */
  return g_strdup_printf (_("%s · %s · %s · %s"),
                          atlas_product_get_name (mark->product),
                          atlas_country_get_display_name (mark->country),
                          atlas_product_status_to_label (mark->status),
                          date);
}

/* The chart in one or two sentences: its accessible description. */
const char *
atlas_timeline_chart_get_summary (AtlasTimelineChart *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);

  return self->summary;
}

static void
draw_key (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  AtlasProductStatus status = GPOINTER_TO_INT (user_data);
  GdkRGBA color;

  get_status_color (status, &color);
  draw_shape (cr, status, width / 2.0, height / 2.0, MARK_SIZE - 2, &color, NULL);
}

/**
 * atlas_timeline_chart_key_new:
 *
 * The mark of @status on its own, for a legend beside its label.
 *
 * Returns: (transfer floating): a small drawing
 */
GtkWidget *
atlas_timeline_chart_key_new (AtlasProductStatus status)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), MARK_SIZE + 4);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), MARK_SIZE + 4);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_key, GINT_TO_POINTER (status), NULL);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, atlas_product_status_to_label (status),
                                  -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);

  return area;
}
