/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading the implementations that live in atlas-network.so.
 *
 * What only a refresh needs is built into a module the app loads the first
 * time it refreshes: libsoup and the twelve libraries it brings (Kerberos,
 * SQLite, nghttp2, psl, …) and libsodium are then neither loaded nor
 * relocated at start-up, and cost the many readers who never refresh in a
 * session no memory. Programs that link the implementations in (the tests)
 * register their types first, and those are used instead. */

#include "config.h"

#include <string.h>

#include <gmodule.h>

#include "atlas-module.h"

/* The directory the running program is in, or NULL. */
static char *
dup_program_dir (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  return program != NULL ? g_path_get_dirname (program) : NULL;
}

/* Where the module may be, in order: beside the program (a build tree),
 * and the installed directory, relative to where the program is (an
 * install under a DESTDIR or a moved prefix) and as configured. Only
 * $ATLAS_MODULE_DIR when that is set (tests). */
static GPtrArray *
dup_module_candidates (void)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program_dir = NULL;
  const char *override = g_getenv ("ATLAS_MODULE_DIR");

  if (override != NULL && *override != '\0')
    {
      g_ptr_array_add (candidates, g_build_filename (override, ATLAS_MODULE_FILE_NAME, NULL));
      return candidates;
    }

  program_dir = dup_program_dir ();
  if (program_dir != NULL)
    {
      g_ptr_array_add (candidates, g_build_filename (program_dir, ATLAS_MODULE_FILE_NAME, NULL));
      if (g_str_has_suffix (program_dir, ATLAS_BINDIR) && strlen (program_dir) > strlen (ATLAS_BINDIR))
        {
          g_autofree char *root = g_strndup (program_dir, strlen (program_dir) - strlen (ATLAS_BINDIR));

          g_ptr_array_add (candidates, g_build_filename (root, ATLAS_MODULE_DIR, ATLAS_MODULE_FILE_NAME, NULL));
        }
    }
  g_ptr_array_add (candidates, g_build_filename (ATLAS_MODULE_DIR, ATLAS_MODULE_FILE_NAME, NULL));
  return candidates;
}

/* The module, opened once and kept: the types it registers cannot be
 * unregistered. */
static GModule *
open_module (GError **error)
{
  static GModule *module = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *looked_at = NULL;

  if (module != NULL)
    return module;

  candidates = dup_module_candidates ();
  for (guint i = 0; i < candidates->len && module == NULL; i++)
    {
      const char *path = g_ptr_array_index (candidates, i);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not load %s: %s", path, g_module_error ());
          return NULL;
        }
    }

  if (module == NULL)
    {
      g_ptr_array_add (candidates, NULL);
      looked_at = g_strjoinv (", ", (char **) candidates->pdata);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s is not installed (looked for %s)",
                   ATLAS_MODULE_FILE_NAME, looked_at);
      return NULL;
    }

  g_module_make_resident (module);
  return module;
}

/**
 * atlas_module_load_type:
 * @type_name: the implementation's type name
 * @get_type_symbol: the module's function that registers and returns it
 * @parent_type: what the implementation must be
 * @error: return location for an error
 *
 * The implementation of @parent_type named @type_name: the one registered
 * already (programs that link it in), or the one atlas-network.so
 * registers, loading the module the first time. Any thread may ask.
 *
 * Returns: the type, or %G_TYPE_INVALID with @error set when the module is
 *   missing or broken (an installation problem)
 */
GType
atlas_module_load_type (const char  *type_name,
                        const char  *get_type_symbol,
                        GType        parent_type,
                        GError     **error)
{
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  GType (*get_type) (void) = NULL;
  GType type;
  GModule *module;

  g_return_val_if_fail (type_name != NULL, G_TYPE_INVALID);
  g_return_val_if_fail (get_type_symbol != NULL, G_TYPE_INVALID);

  type = g_type_from_name (type_name);
  if (type == G_TYPE_INVALID)
    {
      module = open_module (error);
      if (module == NULL)
        return G_TYPE_INVALID;

      if (!g_module_symbol (module, get_type_symbol, (gpointer *) &get_type) || get_type == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s has no %s: %s", g_module_name (module),
                       get_type_symbol, g_module_error ());
          return G_TYPE_INVALID;
        }
      type = get_type ();
    }

  if (!g_type_is_a (type, parent_type))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is not an %s", g_type_name (type),
                   g_type_name (parent_type));
      return G_TYPE_INVALID;
    }

  return type;
}
