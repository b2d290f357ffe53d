/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Instrumentation for build-aux/benchmark.
 *
 * Nothing happens unless ATLAS_BENCHMARK is set: atlas_benchmark_attach()
 * then costs one getenv() and returns. With it set, the window is followed
 * through one scripted run and every measurement is printed on standard
 * output as "ATLAS_BENCHMARK <what> <values>". Times come from
 * g_get_monotonic_time(), which on Linux is CLOCK_MONOTONIC in microseconds,
 * the clock the script reads just before it spawns the app. The run:
 *
 *   load-started  the application starts loading its data (after the first
 *                 frame, see atlas_application_activate());
 *   first-frame   the first "after-paint" of the window's frame clock while
 *                 the window is mapped, and the CPU time used until then;
 *   data-arrived  the dataset reaches the store (its countries model changes);
 *   data-in-use   the window has taken it (after the window's own handler);
 *   stall         the longest gap between two dispatches of a 1 ms probe on
 *                 the main loop, from the first frame to one second after the
 *                 data is in use (input events wait that long at worst),
 *                 with the main thread's CPU time in it (the rest is waiting
 *                 for a CPU, or for a lock);
 *   memory        the proportional set size two seconds after that, with
 *                 its parts (see emit_memory());
 *   keystroke     if ATLAS_BENCHMARK_QUERY is set, each prefix of it typed
 *                 into the sidebar's search entry: the time to set the text
 *                 plus the time the search takes once the entry reports it
 *                 (its usual delay is left out: it is a pause, not work),
 *                 until the sidebar's model stops changing; and the time of
 *                 the frame that follows;
 *   done          then the application quits. */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "atlas-benchmark.h"
#include "atlas-process-memory.h"
#include "atlas-window.h"

#define PROBE_INTERVAL_MS 1
#define LONG_GAP_US (50 * 1000)
#define STALL_TAIL_US (1 * G_USEC_PER_SEC)
#define SETTLE_MS 2000
/* Before the first keystroke and after each one: several frames, so each
 * keystroke starts on an idle main loop. */
#define KEYSTROKE_PAUSE_MS 100

typedef struct
{
  GtkWindow *window;
  AtlasApplication *app;
  AtlasStore *store;
  GtkSearchEntry *entry;
  GListModel *visible;

  gint64 first_frame;
  gboolean loading_noted;
  gint64 arrived;
  gint64 in_use;
  gboolean settle_scheduled;

  guint probe_id;
  gint64 last_probe;
  gint64 max_gap;
  gint64 max_gap_end;
  guint n_long_gaps;
  /* The main thread's CPU time: a gap it spent working, not waiting for a
   * CPU that other processes hold, shows as CPU time. */
  gint64 last_probe_cpu;
  gint64 max_gap_cpu;
  gint64 max_cpu_gap;

  char *query;
  glong query_length;
  glong n_typed;
  gboolean typing;
  gint64 key_start;
  gint64 key_text_done;
  gint64 search_start;
  gint64 search_done;
  gint64 last_items_changed;
  gboolean waiting_for_frame;
  gint64 frame_start;
  gint64 frame_time;
} Benchmark;

/* One window per run. */
static Benchmark *benchmark;

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

/* Of all threads, since exec. */
static gint64
get_process_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gint64
get_thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
emit_memory (void)
{
  g_autofree char *memory = atlas_process_memory_describe ();

  emit ("memory %s", memory);
}

static void
finish (void)
{
  g_clear_handle_id (&benchmark->probe_id, g_source_remove);
  emit ("done");
  g_application_quit (G_APPLICATION (benchmark->app));
}

static void
report_keystroke (void)
{
  Benchmark *b = benchmark;
  gint64 end = MAX (b->search_done, b->last_items_changed);
  gint64 filter = -1;

  if (b->search_start != 0 && b->search_done != 0)
    filter = (b->key_text_done - b->key_start) + (end - b->search_start);

  emit ("keystroke %ld filter-us %" G_GINT64_FORMAT " frame-us %" G_GINT64_FORMAT " shown %u",
        b->n_typed, filter, b->frame_time, g_list_model_get_n_items (b->visible));
}

static gboolean
type_next_cb (gpointer user_data)
{
  Benchmark *b = benchmark;
  g_autofree char *prefix = NULL;

  if (b->n_typed > 0)
    report_keystroke ();

  if (b->n_typed >= b->query_length)
    {
      finish ();
      return G_SOURCE_REMOVE;
    }

  b->n_typed++;
  prefix = g_utf8_substring (b->query, 0, b->n_typed);
  b->search_start = b->search_done = b->last_items_changed = 0;
  b->waiting_for_frame = FALSE;
  b->frame_start = b->frame_time = 0;

  b->key_start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (b->entry), prefix);
  b->key_text_done = g_get_monotonic_time ();

  /* on_search_changed_after() schedules the next keystroke. */
  return G_SOURCE_REMOVE;
}

/* Runs before any handler, so before the window starts filtering. */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_params,
                     const GValue          *params,
                     gpointer               user_data)
{
  Benchmark *b = benchmark;

  if (b->typing && b->search_start == 0 && g_value_peek_pointer (&params[0]) == (gpointer) b->entry)
    b->search_start = g_get_monotonic_time ();

  return TRUE;
}

/* Runs after the window's handler has filtered. */
static void
on_search_changed_after (GtkSearchEntry *entry,
                         gpointer        user_data)
{
  Benchmark *b = benchmark;

  if (!b->typing || b->search_start == 0)
    return;

  b->search_done = g_get_monotonic_time ();
  b->waiting_for_frame = TRUE;
  g_timeout_add (KEYSTROKE_PAUSE_MS, type_next_cb, NULL);
}

static void
on_visible_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          gpointer    user_data)
{
  Benchmark *b = benchmark;

  if (b->typing && b->search_start != 0)
    b->last_items_changed = g_get_monotonic_time ();
}

static void
start_typing (void)
{
  Benchmark *b = benchmark;

  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  g_signal_connect_after (b->entry, "search-changed", G_CALLBACK (on_search_changed_after), NULL);
  g_signal_connect_after (b->visible, "items-changed", G_CALLBACK (on_visible_items_changed), NULL);

  /* As a user would: open the search bar first. */
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.search", NULL);
  b->typing = TRUE;
  g_timeout_add (KEYSTROKE_PAUSE_MS, type_next_cb, NULL);
}

static gboolean
settled_cb (gpointer user_data)
{
  emit_memory ();

  if (benchmark->query_length > 0)
    start_typing ();
  else
    finish ();

  return G_SOURCE_REMOVE;
}

/* Once the window is on screen and the data in use, wait for things to
 * settle before measuring memory. */
static void
maybe_schedule_settle (void)
{
  Benchmark *b = benchmark;

  if (b->first_frame == 0 || b->in_use == 0 || b->settle_scheduled)
    return;

  b->settle_scheduled = TRUE;
  g_timeout_add (SETTLE_MS, settled_cb, NULL);
}

static gboolean
probe_cb (gpointer user_data)
{
  Benchmark *b = benchmark;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = get_thread_cpu_time ();
  gint64 gap = now - b->last_probe;
  gint64 cpu_gap = cpu - b->last_probe_cpu;

  if (gap > b->max_gap)
    {
      b->max_gap = gap;
      b->max_gap_end = now;
      b->max_gap_cpu = cpu_gap;
    }
  b->max_cpu_gap = MAX (b->max_cpu_gap, cpu_gap);
  if (gap > LONG_GAP_US)
    b->n_long_gaps++;
  b->last_probe = now;
  b->last_probe_cpu = cpu;

  if (b->in_use != 0 && now >= MAX (b->in_use, b->first_frame) + STALL_TAIL_US)
    {
      emit ("stall max-us %" G_GINT64_FORMAT " ended-at %" G_GINT64_FORMAT " long-gaps %u"
            " cpu-us %" G_GINT64_FORMAT " max-cpu-us %" G_GINT64_FORMAT,
            b->max_gap, b->max_gap_end, b->n_long_gaps, b->max_gap_cpu, b->max_cpu_gap);
      b->probe_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  Benchmark *b = benchmark;

  if (b->waiting_for_frame && b->frame_start == 0)
    b->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  Benchmark *b = benchmark;
  gint64 now = g_get_monotonic_time ();

  if (b->first_frame == 0 && b->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (b->window)))
    {
      b->first_frame = now;
      emit ("first-frame %" G_GINT64_FORMAT " cpu-us %" G_GINT64_FORMAT, now, get_process_cpu_time ());

      b->last_probe = now;
      b->last_probe_cpu = get_thread_cpu_time ();
      b->probe_id = g_timeout_add (PROBE_INTERVAL_MS, probe_cb, NULL);
      maybe_schedule_settle ();
    }

  if (b->waiting_for_frame && b->frame_start != 0)
    {
      b->frame_time = now - b->frame_start;
      b->waiting_for_frame = FALSE;
    }
}

static void
connect_frame_clock (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_realize (GtkWidget *window,
                   gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_window_realize, user_data);
  connect_frame_clock (window);
}

/* Runs before any handler: the moment the dataset reaches the store. */
static gboolean
items_changed_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  Benchmark *b = benchmark;

  if (g_value_peek_pointer (&params[0]) != (gpointer) atlas_store_get_countries (b->store))
    return TRUE;

  b->arrived = g_get_monotonic_time ();
  emit ("data-arrived %" G_GINT64_FORMAT, b->arrived);
  return FALSE;
}

/* Connected after the window's handler: the dataset is on screen. */
static void
on_store_dataset_changed (AtlasStore *store,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  Benchmark *b = benchmark;
  AtlasDataset *dataset = atlas_store_get_dataset (store);

  if (b->in_use != 0 || dataset == NULL)
    return;

  b->in_use = g_get_monotonic_time ();
  emit ("data-in-use %" G_GINT64_FORMAT " dataset-version %d countries %u",
        b->in_use, atlas_dataset_get_dataset_version (dataset),
        g_list_model_get_n_items (atlas_dataset_get_countries (dataset)));
  maybe_schedule_settle ();
}

static void
on_load_error_changed (AtlasApplication *app,
                       GParamSpec       *pspec,
                       gpointer          user_data)
{
  const GError *error = atlas_application_get_load_error (app);

  if (error == NULL)
    return;

  emit ("load-error %s", error->message);
  finish ();
}

/**
 * atlas_benchmark_attach:
 * @window: the main window, just presented, before the data starts loading
 *
 * Follows @window through one benchmark run when ATLAS_BENCHMARK is set;
 * otherwise does nothing.
 */
void
atlas_benchmark_attach (GtkWindow *window)
{
  Benchmark *b;
  const char *query;

  if (G_LIKELY (g_getenv ("ATLAS_BENCHMARK") == NULL))
    return;

  g_return_if_fail (ATLAS_IS_WINDOW (window));

  if (benchmark != NULL)
    return;

  benchmark = b = g_new0 (Benchmark, 1);
  b->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &b->window);
  b->app = ATLAS_APPLICATION (gtk_window_get_application (window));
  b->store = atlas_application_get_store (b->app);
  b->entry = atlas_window_get_search_entry (ATLAS_WINDOW (window));
  b->visible = atlas_window_get_visible_countries (ATLAS_WINDOW (window));

  query = g_getenv ("ATLAS_BENCHMARK_QUERY");
  b->query = g_strdup (query != NULL ? query : "");
  b->query_length = g_utf8_strlen (b->query, -1);

  emit ("attached %" G_GINT64_FORMAT, g_get_monotonic_time ());

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    connect_frame_clock (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);

  g_signal_connect (b->app, "notify::load-error", G_CALLBACK (on_load_error_changed), NULL);
  g_signal_connect_after (b->store, "notify::dataset", G_CALLBACK (on_store_dataset_changed), NULL);

  if (atlas_store_get_dataset (b->store) != NULL)
    {
      b->arrived = g_get_monotonic_time ();
      on_store_dataset_changed (b->store, NULL, NULL);
    }
  else
    {
      g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                                  items_changed_hook, NULL, NULL);
    }
}

/**
 * atlas_benchmark_loading:
 * @application: the application, about to start loading its data
 *
 * Notes when loading starts (once), for the loader's time on its thread.
 */
void
atlas_benchmark_loading (gpointer application)
{
  (void) application;

  if (G_LIKELY (benchmark == NULL) || benchmark->loading_noted)
    return;

  benchmark->loading_noted = TRUE;
  emit ("load-started %" G_GINT64_FORMAT, g_get_monotonic_time ());
}
