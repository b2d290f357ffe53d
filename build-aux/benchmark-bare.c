/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor for build-aux/benchmark: the minimum GNOME app. An AdwApplication
 * whose activate presents an AdwApplicationWindow with a header bar and an
 * empty status page, at the size Stem Cell Atlas opens with.
 *
 * With ATLAS_BENCHMARK set it reports like src/atlas-benchmark.c does: the
 * first frame painted while mapped, and the proportional set size two
 * seconds later; then it quits. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "atlas-process-memory.h"

#define SETTLE_MS 2000

static gint64 first_frame;

G_GNUC_PRINTF (1, 2)
static void
emit (const char *format,
      ...)
{
  va_list args;

  fputs ("ATLAS_BENCHMARK ", stdout);
  va_start (args, format);
  vfprintf (stdout, format, args);
  va_end (args);
  fputc ('\n', stdout);
  fflush (stdout);
}

static gint64
get_process_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* The same report as src/atlas-benchmark.c makes. */
static gboolean
settled_cb (gpointer user_data)
{
  g_autofree char *memory = atlas_process_memory_describe ();

  emit ("memory %s", memory);
  emit ("done");
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  if (first_frame != 0 || !gtk_widget_get_mapped (window))
    return;

  first_frame = g_get_monotonic_time ();
  emit ("first-frame %" G_GINT64_FORMAT " cpu-us %" G_GINT64_FORMAT, first_frame, get_process_cpu_time ());
  g_timeout_add (SETTLE_MS, settled_cb, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status_page = adw_status_page_new ();
  const char *size = g_getenv ("ATLAS_BENCHMARK_SIZE");
  int width = 1000, height = 700;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_set_vexpand (status_page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));

  if (g_getenv ("ATLAS_BENCHMARK") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.stemcellatlas.StemCellAtlas.BenchmarkBare",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
