/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing test data at test time with the test keys, byte for byte as
 * minisign does (checked by the pre-signed fixtures, which minisign made).
 * Test code only: the app verifies and never signs. */

#include "config.h"

#include <sodium.h>

#include "atlas-test-signer.h"

/* An unencrypted minisign secret key (`minisign -G -W`):
 * "Ed" || kdf "\0\0" || "B2" || salt[32] || opslimit[8] || memlimit[8] ||
 * key id[8] || Ed25519 secret key[64] || checksum[32]. */
#define SECRET_KEY_FILE_BYTES 158
#define KEY_ID_OFFSET 54
#define SECRET_KEY_OFFSET 62

static GBytes *
read_file_v (const char *first_part,
             va_list     parts)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_ptr_array_add (elements, (gpointer) g_test_get_dir (G_TEST_DIST));
  for (const char *part = first_part; part != NULL; part = va_arg (parts, const char *))
    g_ptr_array_add (elements, (gpointer) part);
  g_ptr_array_add (elements, NULL);
  path = g_build_filenamev ((char **) elements->pdata);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

GBytes *
atlas_test_read_file (const char *first_part,
                      ...)
{
  va_list parts;
  GBytes *bytes;

  va_start (parts, first_part);
  bytes = read_file_v (first_part, parts);
  va_end (parts);
  return bytes;
}

static void
read_secret_key (const char *key_name,
                 guint8      key_id[8],
                 guint8      secret_key[crypto_sign_SECRETKEYBYTES])
{
  g_autofree char *file_name = g_strconcat (key_name, ".sec", NULL);
  g_autoptr(GBytes) file = atlas_test_read_file ("keys", file_name, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint8 decoded[SECRET_KEY_FILE_BYTES];
  size_t length = 0;

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_cmpint (sodium_base642bin (decoded, sizeof decoded, lines[1], strlen (lines[1]), NULL, &length, NULL,
                                      sodium_base64_VARIANT_ORIGINAL), ==, 0);
  g_assert_cmpuint (length, ==, SECRET_KEY_FILE_BYTES);
  g_assert_true (memcmp (decoded, "Ed\0\0B2", 6) == 0); /* Ed25519, not password-protected */

  memcpy (key_id, decoded + KEY_ID_OFFSET, 8);
  memcpy (secret_key, decoded + SECRET_KEY_OFFSET, crypto_sign_SECRETKEYBYTES);
}

static char *
to_base64 (const guint8 *data,
           gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, data, length, sodium_base64_VARIANT_ORIGINAL);
  return text;
}

GBytes *
atlas_test_sign (const char *key_name,
                 GBytes     *data,
                 gboolean    prehashed,
                 const char *trusted_comment)
{
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  guint8 line[2 + 8 + crypto_sign_BYTES];
  guint8 global[crypto_sign_BYTES];
  guint8 prehash[crypto_generichash_BYTES_MAX];
  g_autofree guint8 *signed_comment = NULL;
  g_autofree char *line_text = NULL;
  g_autofree char *global_text = NULL;
  const guint8 *message;
  gsize message_length;
  gsize comment_length = strlen (trusted_comment);
  GString *text;

  g_assert_cmpint (sodium_init (), >=, 0);
  read_secret_key (key_name, line + 2, secret_key);
  memcpy (line, prehashed ? "ED" : "Ed", 2);

  message = g_bytes_get_data (data, &message_length);
  if (prehashed)
    {
      crypto_generichash (prehash, sizeof prehash, message, message_length, NULL, 0);
      message = prehash;
      message_length = sizeof prehash;
    }
  crypto_sign_detached (line + 10, NULL, message, message_length, secret_key);

  signed_comment = g_malloc (crypto_sign_BYTES + comment_length);
  memcpy (signed_comment, line + 10, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, trusted_comment, comment_length);
  crypto_sign_detached (global, NULL, signed_comment, crypto_sign_BYTES + comment_length, secret_key);
  sodium_memzero (secret_key, sizeof secret_key);

  line_text = to_base64 (line, sizeof line);
  global_text = to_base64 (global, sizeof global);
  text = g_string_new ("untrusted comment: signature from minisign secret key\n");
  g_string_append_printf (text, "%s\ntrusted comment: %s\n%s\n", line_text, trusted_comment, global_text);
  return g_string_free_to_bytes (text);
}

AtlasTrustedKeys *
atlas_test_trusted_keys (const char *first_key_name,
                         ...)
{
  AtlasTrustedKeys *keys = atlas_trusted_keys_new ();
  va_list names;

  va_start (names, first_key_name);
  for (const char *name = first_key_name; name != NULL; name = va_arg (names, const char *))
    {
      g_autofree char *file_name = g_strconcat (name, ".pub", NULL);
      g_autoptr(GBytes) file = atlas_test_read_file ("keys", file_name, NULL);
      g_autoptr(GError) error = NULL;

      atlas_trusted_keys_add (keys, file, &error);
      g_assert_no_error (error);
    }
  va_end (names);

  return keys;
}

char **
atlas_test_split_lines (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_strsplit (text, "\n", -1);
}

/* The signature file with line @line_index replaced by @line. */
GBytes *
atlas_test_replace_line (GBytes     *signature,
                         guint       line_index,
                         const char *line)
{
  g_auto(GStrv) lines = atlas_test_split_lines (signature);
  char *text;

  g_assert_cmpuint (line_index, <, g_strv_length (lines));
  g_free (lines[line_index]);
  lines[line_index] = g_strdup (line);
  text = g_strjoinv ("\n", lines);
  return g_bytes_new_take (text, strlen (text));
}

/* Decodes line @line_index, flips the bits of byte @offset (or sets it to
 * @value when that is not -1), encodes it again: a well-formed file with one
 * changed byte. */
GBytes *
atlas_test_change_byte (GBytes *signature,
                        guint   line_index,
                        gsize   offset,
                        int     value)
{
  g_auto(GStrv) lines = atlas_test_split_lines (signature);
  g_autofree guchar *decoded = NULL;
  g_autofree char *encoded = NULL;
  gsize length;

  decoded = g_base64_decode (lines[line_index], &length);
  g_assert_cmpuint (offset, <, length);
  decoded[offset] = value == -1 ? decoded[offset] ^ 0xFF : (guchar) value;
  encoded = g_base64_encode (decoded, length);
  return atlas_test_replace_line (signature, line_index, encoded);
}
