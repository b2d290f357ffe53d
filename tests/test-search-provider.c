/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search, as the shell asks it: over D-Bus, from a separate
 * connection, to the real application registered on the test's session
 * bus (the test command runs one with dbus-run-session). */

#include "config.h"

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-search.h"
#include "atlas-search-provider.h"
#include "atlas-window.h"

#define TIMEOUT_SECONDS 20
#define SEARCH_PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static AtlasApplication *app;
static GDBusConnection *client;
static GDBusProxy *provider;
static char *system_data_dirs;

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds, failing the test after a while. */
#define WAIT_UNTIL(cond)                                                      \
  G_STMT_START {                                                              \
    gboolean timed_out_ = FALSE;                                              \
    guint timeout_id_ = g_timeout_add_seconds (TIMEOUT_SECONDS,               \
                                               timed_out_cb, &timed_out_);    \
    while (!(cond) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (timeout_id_);                                          \
    else                                                                      \
      g_error ("Timed out waiting for %s", #cond);                            \
  } G_STMT_END

static void
call_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The application answers in this process, so the call must not block the
 * main loop that dispatches it. */
static GVariant *
call (const char *method,
      GVariant   *parameters)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  g_dbus_proxy_call (provider, method, parameters, G_DBUS_CALL_FLAGS_NONE, -1, NULL, call_done_cb, &result);
  WAIT_UNTIL (result != NULL);

  reply = g_dbus_proxy_call_finish (provider, result, &error);
  g_assert_no_error (error);
  return reply;
}

static GStrv
get_initial_result_set (const char * const *terms)
{
  g_autoptr(GVariant) reply = call ("GetInitialResultSet", g_variant_new ("(^as)", terms));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  g_assert_cmpuint (g_strv_length (results), <=, ATLAS_SEARCH_MAX_RESULTS);
  return results;
}

static GStrv
get_subsearch_result_set (const char * const *previous,
                          const char * const *terms)
{
  g_autoptr(GVariant) reply = call ("GetSubsearchResultSet", g_variant_new ("(^as^as)", previous, terms));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  g_assert_cmpuint (g_strv_length (results), <=, ATLAS_SEARCH_MAX_RESULTS);
  return results;
}

static AtlasDataset *
get_dataset (void)
{
  return atlas_store_get_dataset (atlas_application_get_store (app));
}

/* Isolation replaces the system data directories before every test; a
 * window needs them for its icons. They are read-only. */
static void
use_system_data_dirs (void)
{
  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
}

static AtlasWindow *
find_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (ATLAS_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
close_windows (void)
{
  AtlasWindow *window;

  while ((window = find_window ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
window_shows_country (const char *name)
{
  AtlasWindow *window = find_window ();

  return window != NULL &&
         g_strcmp0 (atlas_window_get_visible_page_name (window), "country") == 0 &&
         g_strcmp0 (atlas_country_page_get_title_text (atlas_window_get_country_page (window)), name) == 0;
}

/* Runs first: the shell may ask before anything has loaded the data, as when
 * it starts the application for a search. The answer waits for the data. */
static void
test_search_before_data (void)
{
  const char *terms[] = { "japan", NULL };
  g_auto(GStrv) results = NULL;

  g_assert_null (get_dataset ());

  results = get_initial_result_set (terms);
  g_assert_nonnull (get_dataset ());
  g_assert_cmpuint (g_strv_length (results), >=, 1);
  g_assert_cmpstr (results[0], ==, "country:jp");
}

static void
test_search_cell_source (void)
{
  const char *terms[] = { "ipsc", NULL };
  g_auto(GStrv) results = get_initial_result_set (terms);
  GListModel *countries = atlas_dataset_get_countries (get_dataset ());
  guint n_ipsc_products = 0;

  g_assert_cmpstr (results[0], ==, "cell-source:ipsc");

  /* Every iPSC product follows (the bundled data has fewer than five). */
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *products = atlas_country_get_products (country);

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);
          g_autofree char *id = g_strconcat ("product:", atlas_product_get_id (product), NULL);

          if (g_strcmp0 (atlas_product_get_cell_source_id (product), "ipsc") != 0)
            continue;

          n_ipsc_products++;
          g_assert_true (g_strv_contains ((const char * const *) results + 1, id));
        }
    }

  g_assert_cmpuint (n_ipsc_products, >=, 1);
  g_assert_cmpuint (g_strv_length (results), ==, 1 + n_ipsc_products);
}

static void
test_search_product (void)
{
  const char *terms[] = { "stemirac", NULL };
  g_auto(GStrv) results = get_initial_result_set (terms);

  g_assert_cmpuint (g_strv_length (results), ==, 1);
  g_assert_cmpstr (results[0], ==, "product:stemirac-jp");
}

static void
test_search_no_match (void)
{
  const char *terms[] = { "zzz", NULL };
  const char *blank[] = { "  ", NULL };
  const char *none[] = { NULL };
  g_auto(GStrv) results = get_initial_result_set (terms);
  g_auto(GStrv) blank_results = get_initial_result_set (blank);
  g_auto(GStrv) no_results = get_initial_result_set (none);

  g_assert_cmpuint (g_strv_length (results), ==, 0);
  g_assert_cmpuint (g_strv_length (blank_results), ==, 0);
  g_assert_cmpuint (g_strv_length (no_results), ==, 0);
}

typedef struct
{
  const char *terms[3];
  const char *first;
} FirstResultCase;

static const FirstResultCase first_result_cases[] = {
  /* Case and accents do not matter. */
  { { "JAPAN", NULL }, "country:jp" },
  { { "Japán", NULL }, "country:jp" },
  { { "PÁRKINSON", NULL }, "condition:parkinsons" },
  /* Every term must match. */
  { { "south", "korea", NULL }, "country:kr" },
  /* Generic names, short names, codes and regulators. */
  { { "darvadstrocel", NULL }, "product:alofisel-eu" },
  { { "msc", NULL }, "cell-source:msc" },
  { { "mfds", NULL }, "country:kr" },
  /* A word inside a name. */
  { { "pluripotent", NULL }, "cell-source:ipsc" },
};

static void
test_search_first_result (gconstpointer data)
{
  const FirstResultCase *test_case = data;
  g_auto(GStrv) results = get_initial_result_set (test_case->terms);

  g_assert_cmpuint (g_strv_length (results), >=, 1);
  g_assert_cmpstr (results[0], ==, test_case->first);
}

static void
test_search_at_most_five (void)
{
  const char *terms[] = { "cell", NULL };
  g_auto(GStrv) all = atlas_search_dataset (get_dataset (), terms, G_MAXUINT);
  g_auto(GStrv) results = get_initial_result_set (terms);

  /* The term matches more than the shell is given, and the best come first. */
  g_assert_cmpuint (g_strv_length (all), >, ATLAS_SEARCH_MAX_RESULTS);
  g_assert_cmpuint (g_strv_length (results), ==, ATLAS_SEARCH_MAX_RESULTS);
  for (guint i = 0; i < ATLAS_SEARCH_MAX_RESULTS; i++)
    g_assert_cmpstr (results[i], ==, all[i]);
}

static void
test_subsearch_narrows (void)
{
  const char *terms[] = { "ipsc", NULL };
  const char *narrower[] = { "ipsc", "reheart", NULL };
  const char *nothing[] = { "ipsczzz", NULL };
  g_auto(GStrv) previous = get_initial_result_set (terms);
  g_auto(GStrv) results = get_subsearch_result_set ((const char * const *) previous, narrower);
  g_auto(GStrv) no_results = get_subsearch_result_set ((const char * const *) previous, nothing);

  g_assert_cmpuint (g_strv_length (previous), >, 1);
  g_assert_cmpuint (g_strv_length (results), ==, 1);
  g_assert_cmpstr (results[0], ==, "product:reheart-jp");
  g_assert_true (g_strv_contains ((const char * const *) previous, results[0]));
  g_assert_cmpuint (g_strv_length (no_results), ==, 0);
}

/* A complete earlier answer bounds the next: nothing new appears. */
static void
test_subsearch_keeps_to_previous (void)
{
  const char *previous[] = { "country:jp", NULL };
  const char *terms[] = { "japan", NULL };
  g_auto(GStrv) results = get_subsearch_result_set (previous, terms);

  g_assert_cmpuint (g_strv_length (results), ==, 1);
  g_assert_cmpstr (results[0], ==, "country:jp");
}

static void
test_result_metas (void)
{
  const char *ids[] = {
    "country:jp", "product:stemirac-jp", "cell-source:ipsc", "condition:parkinsons",
    "country:nowhere", "nonsense", NULL
  };
  const struct {
    const char *id;
    const char *name;
    const char *description;
  } expected[] = {
    { "country:jp", "Japan", "Country · MHLW" },
    { "product:stemirac-jp", NULL, "Product · Japan · Conditional" },
    { "cell-source:ipsc", "Induced pluripotent stem cells", "Cell source · iPSC · Conditional approvals only" },
    { "condition:parkinsons", "Parkinson's disease", "Condition · A therapy approved in 1 place" },
  };
  g_autoptr(GVariant) reply = call ("GetResultMetas", g_variant_new ("(^as)", ids));
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);

  /* Unknown ids are left out. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, i);
      g_autoptr(GVariantDict) dict = g_variant_dict_new (meta);
      g_autoptr(GVariant) serialized_icon = g_variant_dict_lookup_value (dict, "icon", NULL);
      g_autoptr(GIcon) icon = NULL;
      const char *id = NULL, *name = NULL, *description = NULL;

      g_assert_true (g_variant_dict_lookup (dict, "id", "&s", &id));
      g_assert_true (g_variant_dict_lookup (dict, "name", "&s", &name));
      g_assert_true (g_variant_dict_lookup (dict, "description", "&s", &description));
      g_assert_cmpstr (id, ==, expected[i].id);
      if (expected[i].name != NULL)
        g_assert_cmpstr (name, ==, expected[i].name);
      else
        g_assert_true (g_str_has_prefix (name, "Stemirac"));
      g_assert_cmpstr (description, ==, expected[i].description);

      g_assert_nonnull (serialized_icon);
      icon = g_icon_deserialize (serialized_icon);
      g_assert_true (G_IS_THEMED_ICON (icon));
      g_assert_cmpstr (g_themed_icon_get_names (G_THEMED_ICON (icon))[0], ==, APP_ID);
    }
}

static void
activate_result (const char *id)
{
  const char *terms[] = { "x", NULL };
  g_autoptr(GVariant) reply = call ("ActivateResult", g_variant_new ("(s^asu)", id, terms, 0));
}

static void
test_activate_country (void)
{
  const char *korea = atlas_country_get_name (atlas_dataset_lookup_country (get_dataset (), "kr"));

  use_system_data_dirs ();
  g_assert_null (find_window ());

  activate_result ("country:kr");
  WAIT_UNTIL (window_shows_country (korea));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_window ())));

  /* A second result reuses the window. */
  activate_result ("country:jp");
  WAIT_UNTIL (window_shows_country ("Japan"));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_windows ();
}

/* A result chosen before anything loaded the data (the shell started the
 * app for it) opens once the data is there. A subprocess has a fresh
 * application without data. */
static void
test_activate_before_data (void)
{
  if (g_test_subprocess ())
    {
      use_system_data_dirs ();
      g_assert_null (get_dataset ());

      activate_result ("country:kr");
      WAIT_UNTIL (get_dataset () != NULL);
      WAIT_UNTIL (window_shows_country ("South Korea"));

      close_windows ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_activate_product (void)
{
  use_system_data_dirs ();

  activate_result ("product:hearticellgram-kr");
  WAIT_UNTIL (window_shows_country ("South Korea"));

  close_windows ();
}

/* Without a therapy or conditions page to go to, the window opens as is. */
static void
test_activate_cell_source (void)
{
  use_system_data_dirs ();

  activate_result ("cell-source:ipsc");
  WAIT_UNTIL (find_window () != NULL && gtk_widget_get_mapped (GTK_WIDGET (find_window ())));
  activate_result ("condition:parkinsons");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_windows ();
}

static void
test_launch_search (void)
{
  const char *terms[] = { "south", "kor", NULL };
  g_autoptr(GVariant) reply = NULL;
  AtlasWindow *window;
  GListModel *visible;

  use_system_data_dirs ();

  reply = call ("LaunchSearch", g_variant_new ("(^asu)", terms, 0));
  WAIT_UNTIL (find_window () != NULL);
  window = find_window ();
  visible = atlas_window_get_visible_countries (window);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (atlas_window_get_search_entry (window))), ==, "south kor");
  WAIT_UNTIL (g_list_model_get_n_items (visible) == 1);

  close_windows ();
}

/* The files that tell GNOME Shell and D-Bus where the provider is must name
 * what the application exports. */
static void
test_provider_files (void)
{
  g_autofree char *ini_path = g_test_build_filename (G_TEST_DIST, "..", "data", APP_ID ".search-provider.ini", NULL);
  g_autofree char *service_path = g_test_build_filename (G_TEST_BUILT, "..", "data", APP_ID ".service", NULL);
  g_autofree char *object_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (app)),
                                              ATLAS_SEARCH_PROVIDER_PATH_SUFFIX, NULL);
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GKeyFile) service = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_id = NULL;
  g_autofree char *bus_name = NULL;
  g_autofree char *ini_object_path = NULL;
  g_autofree char *service_name = NULL;
  g_autofree char *exec = NULL;
  int version;

  g_key_file_load_from_file (ini, ini_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  ini_object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
  version = g_key_file_get_integer (ini, "Shell Search Provider", "Version", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (desktop_id, ==, APP_ID ".desktop");
  g_assert_cmpstr (bus_name, ==, APP_ID);
  g_assert_cmpstr (ini_object_path, ==, object_path);
  g_assert_cmpint (version, ==, 2);

  g_key_file_load_from_file (service, service_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  service_name = g_key_file_get_string (service, "D-BUS Service", "Name", &error);
  g_assert_no_error (error);
  exec = g_key_file_get_string (service, "D-BUS Service", "Exec", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (service_name, ==, APP_ID);
  g_assert_true (g_path_is_absolute (exec));
  g_assert_true (g_str_has_suffix (exec, "/stem-cell-atlas --gapplication-service"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *object_path = NULL;
  int status;

  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  if (system_data_dirs == NULL)
    system_data_dirs = g_strdup ("/usr/local/share:/usr/share");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  use_system_data_dirs ();

  app = atlas_application_new ();
  /* Another instance on the session bus must not take the test over; the
   * test calls this one by its connection's unique name. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_application_get_dbus_connection (G_APPLICATION (app)));

  /* Keep the application alive with no window between tests. */
  g_application_hold (G_APPLICATION (app));

  /* The shell's side: its own connection to the bus. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  client = g_dbus_connection_new_for_address_sync (address,
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);

  object_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (app)),
                             ATLAS_SEARCH_PROVIDER_PATH_SUFFIX, NULL);
  provider = g_dbus_proxy_new_sync (client,
                                    G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                                    G_DBUS_PROXY_FLAGS_DO_NOT_CONNECT_SIGNALS |
                                    G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                    NULL,
                                    g_dbus_connection_get_unique_name (g_application_get_dbus_connection (G_APPLICATION (app))),
                                    object_path,
                                    SEARCH_PROVIDER_IFACE,
                                    NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/desktop/search-provider/before-data", test_search_before_data);
  g_test_add_func ("/desktop/search-provider/cell-source", test_search_cell_source);
  g_test_add_func ("/desktop/search-provider/product", test_search_product);
  g_test_add_func ("/desktop/search-provider/no-match", test_search_no_match);
  for (guint i = 0; i < G_N_ELEMENTS (first_result_cases); i++)
    {
      g_autofree char *joined = g_strjoinv ("+", (char **) first_result_cases[i].terms);
      g_autofree char *path = g_strdup_printf ("/desktop/search-provider/first-result/%s", joined);

      g_test_add_data_func (path, &first_result_cases[i], test_search_first_result);
    }
  g_test_add_func ("/desktop/search-provider/at-most-five", test_search_at_most_five);
  g_test_add_func ("/desktop/search-provider/subsearch-narrows", test_subsearch_narrows);
  g_test_add_func ("/desktop/search-provider/subsearch-keeps-to-previous", test_subsearch_keeps_to_previous);
  g_test_add_func ("/desktop/search-provider/result-metas", test_result_metas);
  g_test_add_func ("/desktop/search-provider/activate-country", test_activate_country);
  g_test_add_func ("/desktop/search-provider/activate-before-data", test_activate_before_data);
  g_test_add_func ("/desktop/search-provider/activate-product", test_activate_product);
  g_test_add_func ("/desktop/search-provider/activate-cell-source", test_activate_cell_source);
  g_test_add_func ("/desktop/search-provider/launch-search", test_launch_search);
  g_test_add_func ("/desktop/search-provider/provider-files", test_provider_files);

  status = g_test_run ();

  g_clear_object (&provider);
  g_clear_object (&client);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (system_data_dirs);

  return status;
}
