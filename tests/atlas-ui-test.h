/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What every UI test program needs: waiting on the main loop with a time
 * limit, and opening and closing a real window. */

#include "atlas-application.h"
#include "atlas-country-page.h"
#include "atlas-window.h"

G_BEGIN_DECLS

#define ATLAS_UI_TEST_TIMEOUT_SECONDS 20

void         atlas_ui_test_init                  (int              *argc,
                                                  char           ***argv);
gboolean     atlas_ui_test_timed_out_cb          (gpointer          user_data);
void         atlas_ui_test_save_system_data_dirs (void);
void         atlas_ui_test_use_system_data_dirs  (void);
AtlasWindow *atlas_ui_test_open_window           (AtlasApplication *app);
void         atlas_ui_test_close_window          (AtlasWindow      *window);
void         atlas_ui_test_destroy_window        (GtkWindow        *window);
AtlasApplication *
             atlas_ui_test_start_app             (void);

/* Finding widgets in a window the way a user sees them. */
typedef gboolean (*AtlasUiTestMatch) (GtkWidget     *widget,
                                      gconstpointer  data);

GtkWidget   *atlas_ui_test_find                  (GtkWidget        *root,
                                                  AtlasUiTestMatch  match,
                                                  gconstpointer     data);
guint        atlas_ui_test_count                 (GtkWidget        *root,
                                                  AtlasUiTestMatch  match,
                                                  gconstpointer     data);
gboolean     atlas_ui_test_is_status_page        (GtkWidget        *widget,
                                                  gconstpointer     title);
gboolean     atlas_ui_test_is_row                (GtkWidget        *widget,
                                                  gconstpointer     title);
gboolean     atlas_ui_test_is_group              (GtkWidget        *widget,
                                                  gconstpointer     title);
gboolean     atlas_ui_test_is_label_with_class   (GtkWidget        *widget,
                                                  gconstpointer     css_class);
gboolean     atlas_ui_test_is_label_with_text    (GtkWidget        *widget,
                                                  gconstpointer     text);
gboolean     atlas_ui_test_is_icon               (GtkWidget        *widget,
                                                  gconstpointer     icon_name);
gboolean     atlas_ui_test_is_of_type            (GtkWidget        *widget,
                                                  gconstpointer     type);
void         atlas_ui_test_assert_decorative_icon (GtkWidget       *root,
                                                   const char      *icon_name);
void         atlas_ui_test_scroll_to_end         (AtlasCountryPage *page);

/* Runs the main loop until @cond holds, failing the test after a while. */
#define WAIT_UNTIL(cond)                                                      \
  G_STMT_START {                                                              \
    gboolean timed_out_ = FALSE;                                              \
    guint timeout_id_ = g_timeout_add_seconds (ATLAS_UI_TEST_TIMEOUT_SECONDS, \
                                               atlas_ui_test_timed_out_cb,    \
                                               &timed_out_);                  \
    while (!(cond) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (timeout_id_);                                          \
    else                                                                      \
      g_error ("Timed out waiting for %s", #cond);                            \
  } G_STMT_END

G_END_DECLS
