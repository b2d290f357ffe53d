/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader's compact JSON reader: strict JSON in, the same values json-glib
 * would give out, and everything that is not strict JSON refused. */

#include "config.h"

#include "atlas-json.h"
#include "atlas-json-guard.h"

#define MAX_DEPTH 32

static AtlasJsonDocument *
parse (const char  *text,
       GError     **error)
{
  return atlas_json_document_parse (text, strlen (text), MAX_DEPTH, error);
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) document =
    parse (" {\"s\": \"x\\n\\u00e9\\ud83d\\ude00\\\"\\\\\\/\", \"i\": -42, \"d\": 2.5, \"e\": 1e2,"
           " \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}} ", &error);
  const AtlasJsonNode *root, *node;

  g_assert_no_error (error);
  root = atlas_json_document_get_root (document);
  g_assert_cmpint (root->type, ==, ATLAS_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 9);

  node = atlas_json_object_get_member (root, "s");
  g_assert_cmpint (node->type, ==, ATLAS_JSON_STRING);
  g_assert_cmpstr (node->value.string, ==, "x\n\xC3\xA9\xF0\x9F\x98\x80\"\\/");
  g_assert_cmpuint (node->length, ==, strlen (node->value.string));

  node = atlas_json_object_get_member (root, "i");
  g_assert_cmpint (node->type, ==, ATLAS_JSON_INTEGER);
  g_assert_cmpint (node->value.integer, ==, -42);

  node = atlas_json_object_get_member (root, "d");
  g_assert_cmpint (node->type, ==, ATLAS_JSON_DOUBLE);
  g_assert_cmpfloat (node->value.number, ==, 2.5);

  node = atlas_json_object_get_member (root, "e");
  g_assert_cmpint (node->type, ==, ATLAS_JSON_DOUBLE);
  g_assert_cmpfloat (node->value.number, ==, 100.0);

  g_assert_true (atlas_json_object_get_member (root, "t")->value.boolean);
  g_assert_cmpint (atlas_json_object_get_member (root, "f")->type, ==, ATLAS_JSON_BOOLEAN);
  g_assert_false (atlas_json_object_get_member (root, "f")->value.boolean);
  g_assert_cmpint (atlas_json_object_get_member (root, "n")->type, ==, ATLAS_JSON_NULL);
  g_assert_null (atlas_json_object_get_member (root, "missing"));

  node = atlas_json_object_get_member (root, "a");
  g_assert_cmpint (node->type, ==, ATLAS_JSON_ARRAY);
  g_assert_cmpuint (node->length, ==, 3);
  g_assert_cmpint (atlas_json_array_get_element (node, 0)->value.integer, ==, 1);
  g_assert_cmpint (atlas_json_array_get_element (node, 1)->type, ==, ATLAS_JSON_ARRAY);
  g_assert_cmpuint (atlas_json_array_get_element (node, 1)->length, ==, 0);
  g_assert_cmpint (atlas_json_array_get_element (node, 2)->type, ==, ATLAS_JSON_OBJECT);
  g_assert_cmpuint (atlas_json_array_get_element (node, 2)->length, ==, 0);

  node = atlas_json_object_get_member (root, "o");
  g_assert_cmpstr (atlas_json_object_get_member (node, "k")->value.string, ==, "v");
}

/* As in json-glib, the last of a repeated name wins. */
static void
test_repeated_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) document = parse ("{\"a\": 1, \"b\": 2, \"a\": 3}", &error);

  g_assert_no_error (error);
  g_assert_cmpint (atlas_json_object_get_member (atlas_json_document_get_root (document), "a")->value.integer,
                   ==, 3);
}

/* Names are stored once per document, escaped or not. */
static void
test_shared_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) document = parse ("[{\"name\": 1}, {\"na\\u006de\": 2}]", &error);
  const AtlasJsonNode *root;

  g_assert_no_error (error);
  root = atlas_json_document_get_root (document);
  g_assert_true (atlas_json_array_get_element (root, 0)->value.members[0].name ==
                 atlas_json_array_get_element (root, 1)->value.members[0].name);
  g_assert_cmpint (atlas_json_object_get_member (atlas_json_array_get_element (root, 1), "name")->value.integer,
                   ==, 2);
}

/* Larger than one block of the document, with strings of every length. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) document = NULL;
  const AtlasJsonNode *root;
  guint n_items = 60000;

  for (guint i = 0; i < n_items; i++)
    {
      g_string_append_printf (text, "%s{\"id\": %u, \"text\": \"", i ? "," : "", i);
      for (guint j = 0; j < i % 50; j++)
        g_string_append_c (text, 'a' + j % 26);
      g_string_append (text, "\"}");
    }
  g_string_append (text, "]");

  document = atlas_json_document_parse (text->str, text->len, MAX_DEPTH, &error);
  g_assert_no_error (error);
  root = atlas_json_document_get_root (document);
  g_assert_cmpuint (root->length, ==, n_items);
  for (guint i = 0; i < n_items; i += 997)
    {
      const AtlasJsonNode *item = atlas_json_array_get_element (root, i);

      g_assert_cmpint (atlas_json_object_get_member (item, "id")->value.integer, ==, i);
      g_assert_cmpuint (atlas_json_object_get_member (item, "text")->length, ==, i % 50);
    }
}

typedef struct
{
  const char *name;
  const char *text;
  gssize length; /* -1: strlen */
} RefusedCase;

/* Each is refused by the guard too; the reader must not rely on it. */
static const RefusedCase refused_cases[] = {
  { "empty", "", -1 },
  { "white-space-only", "  \n", -1 },
  { "comment", "{/* hi */}", -1 },
  { "single-quotes", "{'a': 1}", -1 },
  { "leading-zero", "[007]", -1 },
  { "trailing-comma", "[1, 2,]", -1 },
  { "trailing-comma-object", "{\"a\": 1,}", -1 },
  { "missing-comma", "{\"a\": 1 \"b\": 2}", -1 },
  { "missing-colon", "{\"a\" 1}", -1 },
  { "unterminated-string", "[\"abc", -1 },
  { "unterminated-escape", "[\"abc\\", -1 },
  { "unterminated-array", "[1, 2", -1 },
  { "raw-control", "[\"a\tb\"]", -1 },
  { "bad-escape", "[\"\\x41\"]", -1 },
  { "nul-escape", "[\"a\\u0000b\"]", -1 },
  { "lone-high-surrogate", "[\"\\ud800\"]", -1 },
  { "high-surrogate-then-text", "[\"\\ud800abcdef\"]", -1 },
  { "lone-low-surrogate", "[\"\\udc00\"]", -1 },
  { "short-unicode-escape", "[\"\\u12\"]", -1 },
  { "short-unicode-escape-at-end", "[\"\\u1", -1 },
  { "invalid-utf8", "[\"\xC3\x28\"]", -1 },
  { "overlong-utf8", "[\"\xC0\xAF\"]", -1 },
  { "embedded-nul", "[1]\0[2]", 7 },
  { "nul-in-string", "[\"a\0b\"]", 7 },
  { "byte-order-mark", "\xEF\xBB\xBF{}", -1 },
  { "too-long-number", "[1234567890123456789012345678901234567890123]", -1 },
  { "huge-exponent", "[1e999]", -1 },
  { "nan", "[NaN]", -1 },
  { "infinity", "[-Infinity]", -1 },
  { "plus-sign", "[+1]", -1 },
  { "lone-minus", "[-]", -1 },
  { "bare-fraction", "[.5]", -1 },
  { "dot-without-digits", "[1.]", -1 },
  { "exponent-without-digits", "[1e]", -1 },
  { "bare-word", "{\"a\": yes}", -1 },
  { "truncated-literal", "[tru", -1 },
  { "trailing-text", "{} {}", -1 },
  { "name-not-string", "{1: 2}", -1 },
  { "too-deep", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", -1 },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *refused = data;
  gsize length = refused->length < 0 ? strlen (refused->text) : (gsize) refused->length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) guard_error = NULL;
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_parse (refused->text, length, MAX_DEPTH, &error);

  g_assert_null (document);
  g_assert_error (error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_SYNTAX);
  g_assert_false (atlas_json_guard_check (refused->text, length, MAX_DEPTH, &guard_error));
}

static void
test_deep_enough (void)
{
  const char *text = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) document = parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/repeated-name", test_repeated_name);
  g_test_add_func ("/json/shared-names", test_shared_names);
  g_test_add_func ("/json/large", test_large);
  g_test_add_func ("/json/deep-enough", test_deep_enough);
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/refused/%s", refused_cases[i].name);

      g_test_add_data_func (path, &refused_cases[i], test_refused);
    }

  return g_test_run ();
}
