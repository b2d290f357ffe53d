/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signature checking on real minisign output (pre-signed fixtures made with
 * the minisign tool), on signatures made at test time, and on every way a
 * signature file or a public key can be wrong: each must end in the right
 * error, never in acceptance or a crash. */

#include "config.h"

#include "atlas-signature.h"
#include "atlas-sodium-crypto.h"
#include "atlas-test-signer.h"

#define ANY_CODE (-1)
#define ACCEPTED (-2)

static GBytes *signed_data;

typedef struct
{
  const char *name;
  /* Makes the signature file to check, from the data that is checked. */
  GBytes *(*make) (void);
  int code;
  const char *message;
} VerifyCase;

typedef struct
{
  const char *name;
  const char *text;
  int code;
  const char *message;
} KeyCase;

/* ---- signature files ----------------------------------------------------- */

static GBytes *
fixture (const char *name)
{
  return atlas_test_read_file ("fixtures", "signatures", name, NULL);
}

static GBytes *presigned_prehashed (void) { return fixture ("atlas.json.minisig"); }
static GBytes *presigned_legacy (void) { return fixture ("atlas.json.legacy.minisig"); }
static GBytes *presigned_second_key (void) { return fixture ("atlas.json.test-2.minisig"); }
static GBytes *presigned_unknown_key (void) { return fixture ("atlas.json.untrusted.minisig"); }

static GBytes *
signed_now (void)
{
  return atlas_test_sign ("test-1", signed_data, TRUE, "timestamp:1 file:atlas.json hashed");
}

static GBytes *
signed_now_legacy (void)
{
  return atlas_test_sign ("test-1", signed_data, FALSE, "timestamp:1 file:atlas.json");
}

static GBytes *
signed_now_second_key (void)
{
  return atlas_test_sign ("test-2", signed_data, FALSE, "rotated");
}

static GBytes *
signed_other_data (void)
{
  g_autoptr(GBytes) other = g_bytes_new_static ("{}", 2);

  return atlas_test_sign ("test-1", other, TRUE, "a valid signature of another file");
}

static GBytes *
flipped_signature_byte (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_change_byte (good, 1, 40, -1);
}

static GBytes *
flipped_key_id (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_change_byte (good, 1, 3, -1);
}

/* A pure signature relabelled as prehashed: the algorithm is signed over too. */
static GBytes *
relabelled_algorithm (void)
{
  g_autoptr(GBytes) good = signed_now_legacy ();

  return atlas_test_change_byte (good, 1, 1, 'D');
}

static GBytes *
unknown_algorithm (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_change_byte (good, 1, 1, 'x');
}

static GBytes *
tampered_trusted_comment (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_replace_line (good, 2, "trusted comment: timestamp:2 file:atlas.json hashed");
}

static GBytes *
flipped_global_signature (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_change_byte (good, 3, 63, -1);
}

static GBytes *
crlf_line_endings (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (good, NULL), g_bytes_get_size (good));

  g_string_replace (text, "\n", "\r\n", 0);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GBytes *
no_final_newline (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) - 1);
}

static GBytes *
extra_blank_line (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (good, NULL), g_bytes_get_size (good));

  g_string_append_c (text, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GBytes *
three_lines (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_auto(GStrv) lines = atlas_test_split_lines (good);
  g_autofree char *text = g_strjoin ("\n", lines[0], lines[1], lines[2], NULL);

  return g_bytes_new (text, strlen (text));
}

static GBytes *
empty (void)
{
  return g_bytes_new_static ("", 0);
}

static GBytes *
garbage (void)
{
  return g_bytes_new_static ("<html><body>Not Found</body></html>\n", 36);
}

static GBytes *
no_untrusted_prefix (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_replace_line (good, 0, "comment: signature from minisign secret key");
}

static GBytes *
no_trusted_prefix (void)
{
  g_autoptr(GBytes) good = signed_now ();

  return atlas_test_replace_line (good, 2, "trusted: timestamp:1 file:atlas.json hashed");
}

static GBytes *
bad_base64 (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_auto(GStrv) lines = atlas_test_split_lines (good);

  lines[1][10] = '!';
  return atlas_test_replace_line (good, 1, lines[1]);
}

static GBytes *
base64_with_space (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_auto(GStrv) lines = atlas_test_split_lines (good);
  g_autofree char *spaced = g_strdup_printf (" %s", lines[1]);

  return atlas_test_replace_line (good, 1, spaced);
}

static const char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The signature line's last character before its padding carries two bits
 * past the data, which must be zero: base64 with them set decodes to the
 * same bytes in lenient decoders. */
static GBytes *
stray_bits (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_auto(GStrv) lines = atlas_test_split_lines (good);
  gsize last = strlen (lines[1]) - 2;

  g_assert_cmpint (lines[1][last + 1], ==, '=');
  lines[1][last] = base64_alphabet[(strchr (base64_alphabet, lines[1][last]) - base64_alphabet) | 1];
  return atlas_test_replace_line (good, 1, lines[1]);
}

static GBytes *
missing_padding (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_auto(GStrv) lines = atlas_test_split_lines (good);
  gsize length = strlen (lines[3]);

  g_assert_cmpint (lines[3][length - 2], ==, '=');
  lines[3][length - 2] = 'A';
  return atlas_test_replace_line (good, 3, lines[3]);
}

static GBytes *
short_signature (void)
{
  g_autoptr(GBytes) good = signed_now ();
  g_auto(GStrv) lines = atlas_test_split_lines (good);
  g_autofree guchar *decoded = NULL;
  g_autofree char *encoded = NULL;
  gsize length;

  decoded = g_base64_decode (lines[1], &length);
  encoded = g_base64_encode (decoded, length - 1);
  return atlas_test_replace_line (good, 1, encoded);
}

static GBytes *
long_global_signature (void)
{
  g_autoptr(GBytes) good = signed_now ();
  guchar bytes[65] = { 0 };
  g_autofree char *encoded = g_base64_encode (bytes, sizeof bytes);

  return atlas_test_replace_line (good, 3, encoded);
}

static GBytes *
huge (void)
{
  gsize size = ATLAS_SIGNATURE_MAX_BYTES + 1;
  char *text = g_malloc (size);

  memset (text, 'A', size);
  return g_bytes_new_take (text, size);
}

static GBytes *
nul_byte (void)
{
  g_autoptr(GBytes) good = signed_now ();
  gsize length;
  g_autofree char *text = g_memdup2 (g_bytes_get_data (good, &length), g_bytes_get_size (good));

  text[25] = '\0';
  return g_bytes_new (text, length);
}

static GBytes *
control_character_in_comment (void)
{
  return atlas_test_sign ("test-1", signed_data, TRUE, "escape \x1b[31m sequences");
}

static GBytes *
long_comment (void)
{
  g_autofree char *comment = g_strnfill (ATLAS_SIGNATURE_MAX_COMMENT_BYTES + 1, 'c');

  return atlas_test_sign ("test-1", signed_data, TRUE, comment);
}

static const VerifyCase verify_cases[] = {
  /* Real minisign output, both formats, both trusted keys. */
  { "presigned-prehashed", presigned_prehashed, ACCEPTED, "test fixture signed by test-1, prehashed (ED)" },
  { "presigned-legacy", presigned_legacy, ACCEPTED, "test fixture signed by test-1, legacy (Ed)" },
  { "presigned-rotated-key", presigned_second_key, ACCEPTED, "test fixture signed by test-2" },
  { "presigned-unknown-key", presigned_unknown_key, ATLAS_SIGNATURE_ERROR_UNKNOWN_KEY,
    "signed with the key 6082F30658AC53A5, which is not a trusted key" },
  /* Signed at test time. */
  { "prehashed", signed_now, ACCEPTED, "timestamp:1 file:atlas.json hashed" },
  { "legacy", signed_now_legacy, ACCEPTED, "timestamp:1 file:atlas.json" },
  { "rotated-key", signed_now_second_key, ACCEPTED, "rotated" },
  { "crlf", crlf_line_endings, ACCEPTED, "timestamp:1 file:atlas.json hashed" },
  { "no-final-newline", no_final_newline, ACCEPTED, "timestamp:1 file:atlas.json hashed" },
  /* Valid signatures that do not cover these bytes or this comment. */
  { "other-data", signed_other_data, ATLAS_SIGNATURE_ERROR_INVALID, "does not match the data" },
  { "flipped-signature-byte", flipped_signature_byte, ATLAS_SIGNATURE_ERROR_INVALID, "does not match the data" },
  { "relabelled-algorithm", relabelled_algorithm, ATLAS_SIGNATURE_ERROR_INVALID, "does not match the data" },
  { "flipped-key-id", flipped_key_id, ATLAS_SIGNATURE_ERROR_UNKNOWN_KEY, "which is not a trusted key" },
  { "tampered-trusted-comment", tampered_trusted_comment, ATLAS_SIGNATURE_ERROR_INVALID,
    "the trusted comment does not match its signature" },
  { "flipped-global-signature", flipped_global_signature, ATLAS_SIGNATURE_ERROR_INVALID,
    "the trusted comment does not match its signature" },
  /* Not a well-formed signature file. */
  { "unknown-algorithm", unknown_algorithm, ATLAS_SIGNATURE_ERROR_UNSUPPORTED, "the algorithm \"Ex\"" },
  { "empty", empty, ATLAS_SIGNATURE_ERROR_MALFORMED, "the signature file is empty" },
  { "garbage", garbage, ATLAS_SIGNATURE_ERROR_MALFORMED, "does not have the four lines" },
  { "three-lines", three_lines, ATLAS_SIGNATURE_ERROR_MALFORMED, "does not have the four lines" },
  { "extra-blank-line", extra_blank_line, ATLAS_SIGNATURE_ERROR_MALFORMED, "does not have the four lines" },
  { "no-untrusted-prefix", no_untrusted_prefix, ATLAS_SIGNATURE_ERROR_MALFORMED,
    "line 1 of the signature file must start with \"untrusted comment: \"" },
  { "no-trusted-prefix", no_trusted_prefix, ATLAS_SIGNATURE_ERROR_MALFORMED,
    "line 3 of the signature file must start with \"trusted comment: \"" },
  { "bad-base64", bad_base64, ATLAS_SIGNATURE_ERROR_MALFORMED, "line 2 of the signature file is not 74 bytes of base64" },
  { "base64-with-space", base64_with_space, ATLAS_SIGNATURE_ERROR_MALFORMED, "line 2 of the signature file is not 74" },
  { "stray-bits", stray_bits, ATLAS_SIGNATURE_ERROR_MALFORMED, "line 2 of the signature file is not 74 bytes of base64" },
  { "missing-padding", missing_padding, ATLAS_SIGNATURE_ERROR_MALFORMED,
    "line 4 of the signature file is not 64 bytes of base64" },
  { "short-signature", short_signature, ATLAS_SIGNATURE_ERROR_MALFORMED, "line 2 of the signature file is not 74" },
  { "long-global-signature", long_global_signature, ATLAS_SIGNATURE_ERROR_MALFORMED,
    "line 4 of the signature file is not 64 bytes of base64" },
  { "huge", huge, ATLAS_SIGNATURE_ERROR_MALFORMED, "4097 bytes, more than the limit of 4096 bytes" },
  { "nul-byte", nul_byte, ATLAS_SIGNATURE_ERROR_MALFORMED, "holds a NUL byte" },
  { "control-character-in-comment", control_character_in_comment, ATLAS_SIGNATURE_ERROR_MALFORMED,
    "the trusted comment holds a control character (0x1B)" },
  { "long-comment", long_comment, ATLAS_SIGNATURE_ERROR_MALFORMED, "the trusted comment is longer than 1024 bytes" },
};

static void
test_verify (gconstpointer data)
{
  const VerifyCase *verify_case = data;
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", "test-2", NULL);
  g_autoptr(GBytes) signature = verify_case->make ();
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  gboolean ok;

  ok = atlas_trusted_keys_verify (keys, signed_data, signature, &comment, &error);

  if (verify_case->code == ACCEPTED)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (comment, ==, verify_case->message);
      return;
    }

  g_assert_false (ok);
  g_assert_null (comment);
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, verify_case->code);
  if (strstr (error->message, verify_case->message) == NULL)
    g_error ("expected the error to contain\n  %s\nbut it was\n  %s", verify_case->message, error->message);
}

/* One changed byte anywhere in the data, first, middle or last. */
static void
test_flipped_data_byte (void)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);
  gsize length = g_bytes_get_size (signed_data);
  const gsize offsets[] = { 0, length / 2, length - 1 };

  for (guint prehashed = 0; prehashed < 2; prehashed++)
    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        g_autoptr(GBytes) signature = atlas_test_sign ("test-1", signed_data, prehashed, "flip");
        g_autofree guchar *changed = g_memdup2 (g_bytes_get_data (signed_data, NULL), length);
        g_autoptr(GBytes) changed_data = NULL;
        g_autoptr(GError) error = NULL;

        changed[offsets[i]] ^= 0x01;
        changed_data = g_bytes_new (changed, length);
        g_assert_false (atlas_trusted_keys_verify (keys, changed_data, signature, NULL, &error));
        g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_INVALID);
      }
}

/* A truncated or extended copy of the data fails too. */
static void
test_truncated_data (void)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);
  g_autoptr(GBytes) signature = signed_now ();
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (signed_data, 0, g_bytes_get_size (signed_data) - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_trusted_keys_verify (keys, truncated, signature, NULL, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_INVALID);
}

static void
test_no_keys (void)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_trusted_keys_new ();
  g_autoptr(GBytes) signature = signed_now ();
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_trusted_keys_verify (keys, signed_data, signature, NULL, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_NO_KEYS);
}

/* Only the rotated-in key: data signed by the old one is refused. */
static void
test_retired_key (void)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-2", NULL);
  g_autoptr(GBytes) signature = signed_now ();
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_trusted_keys_verify (keys, signed_data, signature, NULL, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNKNOWN_KEY);
}

static void
test_parse (void)
{
  g_autoptr(GBytes) file = presigned_prehashed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasSignature) signature = atlas_signature_parse (file, &error);
  g_autoptr(AtlasSignature) copy = NULL;
  g_autofree char *key_id = NULL;

  g_assert_no_error (error);
  key_id = atlas_signature_dup_key_id (signature);
  g_assert_cmpstr (key_id, ==, "B8F3E00AF87F91CB");
  g_assert_true (atlas_signature_get_prehashed (signature));
  copy = atlas_signature_copy (signature);
  g_assert_cmpstr (atlas_signature_get_trusted_comment (copy), ==, "test fixture signed by test-1, prehashed (ED)");
}

/* ---- public keys ------------------------------------------------------------ */

static const KeyCase key_cases[] = {
  { "file", "untrusted comment: minisign public key B8F3E00AF87F91CB\n"
            "RWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr\n", ACCEPTED, "B8F3E00AF87F91CB" },
  { "key-line-only", "RWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr", ACCEPTED, "B8F3E00AF87F91CB" },
  { "crlf", "untrusted comment: x\r\nRWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr\r\n", ACCEPTED,
    "B8F3E00AF87F91CB" },
  { "empty", "", ATLAS_SIGNATURE_ERROR_MALFORMED, "the public key is empty" },
  { "three-lines", "untrusted comment: x\nRWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr\n\n",
    ATLAS_SIGNATURE_ERROR_MALFORMED, "more than two lines" },
  { "bad-comment", "comment: x\nRWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr\n",
    ATLAS_SIGNATURE_ERROR_MALFORMED, "line 1 of the public key must start with" },
  { "short", "RWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vA=", ATLAS_SIGNATURE_ERROR_MALFORMED,
    "not 42 bytes of base64" },
  { "bad-base64", "RWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+v!r", ATLAS_SIGNATURE_ERROR_MALFORMED,
    "not 42 bytes of base64" },
  /* The same key with "Ex" instead of "Ed". */
  { "other-algorithm", "RXjLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr", ATLAS_SIGNATURE_ERROR_UNSUPPORTED,
    "only Ed25519" },
};

static void
test_public_key (gconstpointer data)
{
  const KeyCase *key_case = data;
  g_autoptr(AtlasTrustedKeys) keys = atlas_trusted_keys_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (key_case->text, strlen (key_case->text));
  g_autoptr(GError) error = NULL;
  gboolean ok = atlas_trusted_keys_add (keys, bytes, &error);

  if (key_case->code == ACCEPTED)
    {
      g_autofree char *key_id = NULL;

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (atlas_trusted_keys_get_n_keys (keys), ==, 1);
      key_id = atlas_trusted_keys_dup_key_id (keys, 0);
      g_assert_cmpstr (key_id, ==, key_case->message);
      return;
    }

  g_assert_false (ok);
  g_assert_cmpuint (atlas_trusted_keys_get_n_keys (keys), ==, 0);
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, key_case->code);
  if (strstr (error->message, key_case->message) == NULL)
    g_error ("expected the error to contain\n  %s\nbut it was\n  %s", key_case->message, error->message);
}

static void
test_public_key_huge (void)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_trusted_keys_new ();
  g_autofree char *text = g_strnfill (ATLAS_PUBLIC_KEY_MAX_BYTES + 1, 'R');
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_trusted_keys_add (keys, bytes, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "more than the limit of 1024 bytes"));
}

static void
test_public_key_duplicate (void)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);
  g_autoptr(GBytes) again = atlas_test_read_file ("keys", "test-1.pub", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_trusted_keys_add (keys, again, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "B8F3E00AF87F91CB is already trusted"));
  g_assert_cmpuint (atlas_trusted_keys_get_n_keys (keys), ==, 1);
}

/* The keys the app ships: at least two (rotation), none of them a test key,
 * so data signed with a test key is refused by the real app. */
static void
test_shipped_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTrustedKeys) shipped = atlas_trusted_keys_new_from_resource (ATLAS_TRUSTED_KEYS_RESOURCE_PATH, &error);
  g_autoptr(AtlasTrustedKeys) test_keys = atlas_test_trusted_keys ("test-1", "test-2", "test-untrusted", NULL);
  g_autoptr(GBytes) signature = signed_now ();

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_trusted_keys_get_n_keys (shipped), >=, 2);
  for (guint i = 0; i < atlas_trusted_keys_get_n_keys (shipped); i++)
    for (guint j = 0; j < atlas_trusted_keys_get_n_keys (test_keys); j++)
      {
        g_autofree char *shipped_id = atlas_trusted_keys_dup_key_id (shipped, i);
        g_autofree char *test_id = atlas_trusted_keys_dup_key_id (test_keys, j);

        g_assert_cmpstr (shipped_id, !=, test_id);
      }

  g_assert_false (atlas_trusted_keys_verify (shipped, signed_data, signature, NULL, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNKNOWN_KEY);
}

static void
test_missing_resource_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTrustedKeys) keys = atlas_trusted_keys_new_from_resource ("/no/such/folder", &error);

  g_assert_null (keys);
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_NO_KEYS);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Linked in, as the app gets it from its network module. */
  g_type_ensure (ATLAS_TYPE_SODIUM_CRYPTO);

  signed_data = atlas_test_read_file ("fixtures", "signatures", "atlas.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (verify_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/signature/verify/%s", verify_cases[i].name);

      g_test_add_data_func (name, &verify_cases[i], test_verify);
    }
  g_test_add_func ("/signature/verify/flipped-data-byte", test_flipped_data_byte);
  g_test_add_func ("/signature/verify/truncated-data", test_truncated_data);
  g_test_add_func ("/signature/verify/no-keys", test_no_keys);
  g_test_add_func ("/signature/verify/retired-key", test_retired_key);
  g_test_add_func ("/signature/parse", test_parse);
  for (guint i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/signature/public-key/%s", key_cases[i].name);

      g_test_add_data_func (name, &key_cases[i], test_public_key);
    }
  g_test_add_func ("/signature/public-key/huge", test_public_key_huge);
  g_test_add_func ("/signature/public-key/duplicate", test_public_key_duplicate);
  g_test_add_func ("/signature/shipped-keys", test_shipped_keys);
  g_test_add_func ("/signature/missing-resource-folder", test_missing_resource_folder);

  status = g_test_run ();
  g_bytes_unref (signed_data);
  return status;
}
