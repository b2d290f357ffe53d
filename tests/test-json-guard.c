/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The strict syntax check in front of json-glib: everything that is not
 * strict JSON is refused with where and why; strict JSON passes. */

#include "config.h"

#include "atlas-json-guard.h"
#include "atlas-loader.h"

typedef struct
{
  const char *name;
  const char *text;
  gssize length; /* -1: strlen */
  const char *message; /* NULL: accepted */
} GuardCase;

static const GuardCase guard_cases[] = {
  { "object", "{\"a\": [1, -2.5e10, true, false, null, \"x\\n\\u00e9\\ud83d\\ude00\"]}", -1, NULL },
  { "white-space", " \t\r\n{ }\n", -1, NULL },
  { "scalar", "42", -1, NULL },
  { "empty", "", -1, "line 1, column 1: expected a value but found the end of the document" },
  { "comment", "{/* hi */}", -1, "line 1, column 2: expected a member name in double quotes" },
  { "line-comment", "[1, // two\n2]", -1, "line 1, column 5: expected a value but found an unexpected character" },
  { "single-quotes", "{'a': 1}", -1, "line 1, column 2: expected a member name in double quotes" },
  { "leading-zero", "[007]", -1, "line 1, column 3: numbers may not have leading zeros" },
  { "trailing-comma", "[1, 2,]", -1, "line 1, column 7: expected a value but found an unexpected character" },
  { "missing-comma", "{\"a\": 1 \"b\": 2}", -1, "line 1, column 9: expected ',' or '}'" },
  { "unterminated-string", "[\"abc", -1, "the document ends inside a string" },
  { "raw-control", "[\"a\tb\"]", -1, "line 1, column 4: a string holds a raw control character (0x09)" },
  { "bad-escape", "[\"\\x41\"]", -1, "\\x is not a JSON escape" },
  { "nul-escape", "[\"a\\u0000b\"]", -1, "the escape \\u0000 (a NUL character) is not allowed" },
  { "lone-high-surrogate", "[\"\\ud800\"]", -1, "unpaired high surrogate" },
  { "lone-low-surrogate", "[\"\\udc00\"]", -1, "unpaired low surrogate" },
  { "short-unicode-escape", "[\"\\u12\"]", -1, "a \\u escape needs four hexadecimal digits" },
  { "invalid-utf8", "[\"\xC3\x28\"]", -1, "line 1, column 3: the text is not valid UTF-8" },
  { "overlong-utf8", "[\"\xC0\xAF\"]", -1, "the text is not valid UTF-8" },
  { "embedded-nul", "[1]\0[2]", 7, "the text is not valid UTF-8" },
  { "byte-order-mark", "\xEF\xBB\xBF{}", -1, "the document starts with a byte order mark" },
  { "huge-integer", "[123456789012345678901234567890]", -1, "a number has more than 15 digits" },
  { "huge-exponent", "[1e999]", -1, "a number's exponent is too large" },
  { "nan", "[NaN]", -1, "expected a value but found an unexpected character" },
  { "infinity", "[-Infinity]", -1, "expected a digit" },
  { "plus-sign", "[+1]", -1, "expected a value" },
  { "bare-word", "{\"a\": yes}", -1, "expected a value" },
  { "truncated-literal", "[tru", -1, "expected a value but found" },
  { "trailing-text", "{} {}", -1, "line 1, column 4: unexpected text after the end of the document" },
  { "second-line", "{\n  \"a\": 1,\n  \"b\" 2\n}", -1, "line 3, column 7: expected ':' after a member name" },
  { "too-deep", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", -1,
    "nesting is deeper than 32 levels" },
  { "deep-enough", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", -1, NULL },
};

static void
test_guard_case (gconstpointer data)
{
  const GuardCase *guard = data;
  gsize length = guard->length < 0 ? strlen (guard->text) : (gsize) guard->length;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = atlas_json_guard_check (guard->text, length, ATLAS_LOADER_MAX_DEPTH, &error);

  if (guard->message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX);
  if (strstr (error->message, guard->message) == NULL)
    g_error ("expected the error to contain\n  %s\nbut it was\n  %s", guard->message, error->message);
}

/* The loader runs the guard: text json-glib would wrongly accept is refused. */
static void
test_loader_uses_guard (void)
{
  const char *text = "{\"schema_version\": 01}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_null (atlas_loader_load_bytes (bytes, &error));
  g_assert_error (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "leading zeros"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (guard_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/json-guard/%s", guard_cases[i].name);

      g_test_add_data_func (name, &guard_cases[i], test_guard_case);
    }
  g_test_add_func ("/json-guard/loader-uses-guard", test_loader_uses_guard);

  return g_test_run ();
}
