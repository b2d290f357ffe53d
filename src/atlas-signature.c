/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking the publisher's signature on the data, in minisign's format.
 *
 * The publisher signs each dataset with `minisign -S`; the app trusts a
 * small set of public keys (more than one, so that keys can be rotated) and
 * accepts data only when both signatures in the .minisig file check out:
 * the one over the exact bytes of the data and the global one over that
 * signature and the trusted comment. The cryptography is AtlasCrypto's
 * (libsodium's, loaded with the first check: atlas-crypto.c); this file
 * parses, and it parses strictly: exact line layout, exact
 * base64 lengths, bounded sizes, and a clear error for anything else.
 *
 * A public key file is
 *
 *     untrusted comment: <text>          (optional here)
 *     base64("Ed" || key id[8] || Ed25519 public key[32])
 *
 * and a signature file is
 *
 *     untrusted comment: <text>
 *     base64(algorithm[2] || key id[8] || signature[64])
 *     trusted comment: <text>
 *     base64(global signature[64])
 *
 * where the algorithm is "Ed" (the signature is over the data) or "ED"
 * (over the data's BLAKE2b-512 hash; minisign's default since 0.8) and the
 * global signature is over signature[64] || trusted comment. */

#include "config.h"

#include <string.h>

#include "atlas-crypto.h"
#include "atlas-signature.h"

#define ALGORITHM_BYTES 2
#define KEY_ID_BYTES 8
#define PUBLIC_KEY_FILE_BYTES (ALGORITHM_BYTES + KEY_ID_BYTES + ATLAS_ED25519_PUBLIC_KEY_BYTES)
#define SIGNATURE_LINE_BYTES (ALGORITHM_BYTES + KEY_ID_BYTES + ATLAS_ED25519_SIGNATURE_BYTES)
#define PREHASH_BYTES ATLAS_BLAKE2B_512_BYTES

#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "

G_DEFINE_QUARK (atlas-signature-error-quark, atlas_signature_error)

typedef struct
{
  guint8 key_id[KEY_ID_BYTES];
  guint8 key[ATLAS_ED25519_PUBLIC_KEY_BYTES];
} PublicKey;

/* Read-only once it is shared, so any thread may verify with it. */
struct _AtlasTrustedKeys
{
  GArray *keys;
};

struct _AtlasSignature
{
  gboolean prehashed;
  guint8 key_id[KEY_ID_BYTES];
  guint8 signature[ATLAS_ED25519_SIGNATURE_BYTES];
  char *trusted_comment;
  gsize trusted_comment_length;
  guint8 global_signature[ATLAS_ED25519_SIGNATURE_BYTES];
};

typedef struct
{
  const char *text;
  gsize length;
} Line;

G_DEFINE_BOXED_TYPE (AtlasTrustedKeys, atlas_trusted_keys, atlas_trusted_keys_ref, atlas_trusted_keys_unref)
G_DEFINE_BOXED_TYPE (AtlasSignature, atlas_signature, atlas_signature_copy, atlas_signature_free)

/* minisign shows a key id as a 64-bit little-endian number in hexadecimal:
 * the same text here lets a maintainer match the app's messages with it. */
static char *
format_key_id (const guint8 *key_id)
{
  GString *text = g_string_sized_new (2 * KEY_ID_BYTES);

  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    g_string_append_printf (text, "%02X", key_id[i]);

  return g_string_free (text, FALSE);
}

/* Splits @data into at most @max_lines lines, each ending in "\n" or
 * "\r\n" (the last may end without one). More lines than that is an error. */
static gboolean
split_lines (const char *data,
             gsize       length,
             Line       *lines,
             guint       max_lines,
             guint      *n_lines)
{
  const char *p = data;
  const char *end = data + length;
  guint n = 0;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;

      if (n == max_lines)
        return FALSE;

      lines[n].text = p;
      lines[n].length = line_end - p;
      if (lines[n].length > 0 && p[lines[n].length - 1] == '\r')
        lines[n].length--;
      n++;
      p = newline != NULL ? newline + 1 : end;
    }

  *n_lines = n;
  return TRUE;
}

static gboolean
line_has_prefix (const Line *line,
                 const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return line->length >= prefix_length && memcmp (line->text, prefix, prefix_length) == 0;
}

/* The value of a character of base64's standard alphabet, or -1. */
static int
base64_value (char c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/* Base64 of exactly @out_length bytes: the text must have exactly the
 * matching length, with padding, no white space and no stray bits. (GLib's
 * decoder skips what is not base64.) */
static gboolean
decode_base64 (const Line *line,
               guint8     *out,
               gsize       out_length)
{
  gsize encoded_length = 4 * ((out_length + 2) / 3);
  gsize padding = (3 - out_length % 3) % 3;
  guint32 bits = 0;
  guint n_bits = 0;
  gsize written = 0;

  if (line->length != encoded_length)
    return FALSE;

  for (gsize i = 0; i < encoded_length - padding; i++)
    {
      int value = base64_value (line->text[i]);

      if (value < 0)
        return FALSE;
      bits = (bits << 6) | (guint32) value;
      n_bits += 6;
      if (n_bits >= 8)
        {
          n_bits -= 8;
          if (written == out_length)
            return FALSE;
          out[written++] = (guint8) (bits >> n_bits);
          bits &= (1u << n_bits) - 1;
        }
    }

  for (gsize i = encoded_length - padding; i < encoded_length; i++)
    if (line->text[i] != '=')
      return FALSE;

  return bits == 0 && written == out_length;
}

/* Comments are one line of printable text: no control characters. */
static gboolean
check_comment (const char  *what,
               const char  *text,
               gsize        length,
               gboolean     must_be_utf8,
               GError     **error)
{
  if (length > ATLAS_SIGNATURE_MAX_COMMENT_BYTES)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "the %s is longer than %d bytes", what, ATLAS_SIGNATURE_MAX_COMMENT_BYTES);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t') || c == 0x7F)
        {
          g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                       "the %s holds a control character (0x%02X)", what, c);
          return FALSE;
        }
    }

  if (must_be_utf8 && !g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "the %s is not valid UTF-8", what);
      return FALSE;
    }

  return TRUE;
}

/* The algorithm bytes as printable text for a message, whatever they are. */
static char *
describe_algorithm (const guint8 *algorithm)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < ALGORITHM_BYTES; i++)
    {
      if (g_ascii_isprint (algorithm[i]) && algorithm[i] != '"' && algorithm[i] != '\\')
        g_string_append_c (text, (char) algorithm[i]);
      else
        g_string_append_printf (text, "\\x%02X", algorithm[i]);
    }

  return g_string_free (text, FALSE);
}

/* Checks the size and that there is no NUL: every later step may then
 * treat the bytes as text of a known length. */
static const char *
get_text (GBytes      *bytes,
          const char  *what,
          gsize        max_length,
          gsize       *length,
          GError     **error)
{
  const char *data = g_bytes_get_data (bytes, length);

  if (*length == 0)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED, "the %s is empty", what);
      return NULL;
    }
  if (*length > max_length)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "the %s is %" G_GSIZE_FORMAT " bytes, more than the limit of %" G_GSIZE_FORMAT " bytes",
                   what, *length, max_length);
      return NULL;
    }
  if (memchr (data, '\0', *length) != NULL)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "the %s holds a NUL byte; it is not a minisign text file", what);
      return NULL;
    }

  return data;
}

/* ---- trusted keys ---------------------------------------------------------- */

AtlasTrustedKeys *
atlas_trusted_keys_new (void)
{
  AtlasTrustedKeys *self = g_atomic_rc_box_new0 (AtlasTrustedKeys);

  self->keys = g_array_new (FALSE, TRUE, sizeof (PublicKey));
  return self;
}

AtlasTrustedKeys *
atlas_trusted_keys_ref (AtlasTrustedKeys *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
trusted_keys_clear (AtlasTrustedKeys *self)
{
  g_array_unref (self->keys);
}

void
atlas_trusted_keys_unref (AtlasTrustedKeys *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) trusted_keys_clear);
}

static const PublicKey *
find_key (AtlasTrustedKeys *self,
          const guint8     *key_id)
{
  for (guint i = 0; i < self->keys->len; i++)
    {
      const PublicKey *key = &g_array_index (self->keys, PublicKey, i);

      if (memcmp (key->key_id, key_id, KEY_ID_BYTES) == 0)
        return key;
    }

  return NULL;
}

/* Adds one minisign public key: the contents of a .pub file, or its key
 * line alone. Call it only before the set is shared. */
gboolean
atlas_trusted_keys_add (AtlasTrustedKeys  *self,
                        GBytes            *public_key,
                        GError           **error)
{
  guint8 decoded[PUBLIC_KEY_FILE_BYTES];
  g_autofree char *id_text = NULL;
  Line lines[2];
  guint n_lines = 0;
  const Line *key_line;
  const char *data;
  gsize length;
  PublicKey key;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);

  data = get_text (public_key, "public key", ATLAS_PUBLIC_KEY_MAX_BYTES, &length, error);
  if (data == NULL)
    return FALSE;

  if (!split_lines (data, length, lines, G_N_ELEMENTS (lines), &n_lines) || n_lines == 0)
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                           "the public key has more than two lines; expected an optional "
                           "\"untrusted comment:\" line and the key");
      return FALSE;
    }

  if (n_lines == 2)
    {
      if (!line_has_prefix (&lines[0], UNTRUSTED_PREFIX))
        {
          g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                               "line 1 of the public key must start with \"" UNTRUSTED_PREFIX "\"");
          return FALSE;
        }
      if (!check_comment ("public key's untrusted comment", lines[0].text + strlen (UNTRUSTED_PREFIX),
                          lines[0].length - strlen (UNTRUSTED_PREFIX), FALSE, error))
        return FALSE;
    }
  key_line = &lines[n_lines - 1];

  if (!decode_base64 (key_line, decoded, sizeof decoded))
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "the public key is not %d bytes of base64 (a minisign key starts with \"RW\")",
                   PUBLIC_KEY_FILE_BYTES);
      return FALSE;
    }

  if (memcmp (decoded, "Ed", ALGORITHM_BYTES) != 0)
    {
      g_autofree char *algorithm = describe_algorithm (decoded);

      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNSUPPORTED,
                   "the public key is for the algorithm \"%s\"; only Ed25519 (\"Ed\") is supported", algorithm);
      return FALSE;
    }

  memcpy (key.key_id, decoded + ALGORITHM_BYTES, KEY_ID_BYTES);
  memcpy (key.key, decoded + ALGORITHM_BYTES + KEY_ID_BYTES, ATLAS_ED25519_PUBLIC_KEY_BYTES);

  /* Ids pick the key to verify with, so they must be unique. */
  if (find_key (self, key.key_id) != NULL)
    {
      id_text = format_key_id (key.key_id);
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "the public key %s is already trusted", id_text);
      return FALSE;
    }

  g_array_append_val (self->keys, key);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every *.pub file directly under @path in the registered resources, in
 * name order. Having none is an error: the app could then trust nothing. */
AtlasTrustedKeys *
atlas_trusted_keys_new_from_resource (const char  *path,
                                      GError     **error)
{
  g_autoptr(AtlasTrustedKeys) self = atlas_trusted_keys_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *directory = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  directory = g_str_has_suffix (path, "/") ? g_strdup (path) : g_strconcat (path, "/", NULL);
  names = g_resources_enumerate_children (directory, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names != NULL)
    g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (directory, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".pub"))
        continue;

      bytes = g_resources_lookup_data (name, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL || !atlas_trusted_keys_add (self, bytes, error))
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
    }

  if (self->keys->len == 0)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_NO_KEYS,
                   "no public key (*.pub) was found in the resource folder %s", directory);
      return NULL;
    }

  return g_steal_pointer (&self);
}

guint
atlas_trusted_keys_get_n_keys (AtlasTrustedKeys *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->keys->len;
}

/* The key's id as minisign prints it, e.g. "B8F3E00AF87F91CB". */
char *
atlas_trusted_keys_dup_key_id (AtlasTrustedKeys *self,
                               guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->keys->len, NULL);

  return format_key_id (g_array_index (self->keys, PublicKey, index).key_id);
}

/* ---- signatures ------------------------------------------------------------- */

AtlasSignature *
atlas_signature_parse (GBytes  *signature_file,
                       GError **error)
{
  g_autoptr(AtlasSignature) self = NULL;
  guint8 decoded[SIGNATURE_LINE_BYTES];
  Line lines[4];
  guint n_lines = 0;
  const char *data;
  const char *comment;
  gsize comment_length;
  gsize length;

  g_return_val_if_fail (signature_file != NULL, NULL);

  data = get_text (signature_file, "signature file", ATLAS_SIGNATURE_MAX_BYTES, &length, error);
  if (data == NULL)
    return NULL;

  if (!split_lines (data, length, lines, G_N_ELEMENTS (lines), &n_lines) || n_lines != G_N_ELEMENTS (lines))
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                           "the signature file does not have the four lines of a minisign signature");
      return NULL;
    }

  if (!line_has_prefix (&lines[0], UNTRUSTED_PREFIX))
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                           "line 1 of the signature file must start with \"" UNTRUSTED_PREFIX "\"");
      return NULL;
    }
  if (!check_comment ("signature's untrusted comment", lines[0].text + strlen (UNTRUSTED_PREFIX),
                      lines[0].length - strlen (UNTRUSTED_PREFIX), FALSE, error))
    return NULL;

  if (!decode_base64 (&lines[1], decoded, sizeof decoded))
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "line 2 of the signature file is not %d bytes of base64", SIGNATURE_LINE_BYTES);
      return NULL;
    }

  self = g_new0 (AtlasSignature, 1);
  if (memcmp (decoded, "ED", ALGORITHM_BYTES) == 0)
    self->prehashed = TRUE;
  else if (memcmp (decoded, "Ed", ALGORITHM_BYTES) != 0)
    {
      g_autofree char *algorithm = describe_algorithm (decoded);

      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNSUPPORTED,
                   "the signature uses the algorithm \"%s\"; only Ed25519 (\"Ed\" or \"ED\") is supported",
                   algorithm);
      return NULL;
    }
  memcpy (self->key_id, decoded + ALGORITHM_BYTES, KEY_ID_BYTES);
  memcpy (self->signature, decoded + ALGORITHM_BYTES + KEY_ID_BYTES, ATLAS_ED25519_SIGNATURE_BYTES);

  if (!line_has_prefix (&lines[2], TRUSTED_PREFIX))
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                           "line 3 of the signature file must start with \"" TRUSTED_PREFIX "\"");
      return NULL;
    }
  comment = lines[2].text + strlen (TRUSTED_PREFIX);
  comment_length = lines[2].length - strlen (TRUSTED_PREFIX);
  if (!check_comment ("trusted comment", comment, comment_length, TRUE, error))
    return NULL;
  self->trusted_comment = g_strndup (comment, comment_length);
  self->trusted_comment_length = comment_length;

  if (!decode_base64 (&lines[3], self->global_signature, sizeof self->global_signature))
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   "line 4 of the signature file is not %d bytes of base64", ATLAS_ED25519_SIGNATURE_BYTES);
      return NULL;
    }

  return g_steal_pointer (&self);
}

AtlasSignature *
atlas_signature_copy (const AtlasSignature *self)
{
  AtlasSignature *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->trusted_comment = g_strdup (self->trusted_comment);
  return copy;
}

void
atlas_signature_free (AtlasSignature *self)
{
  if (self == NULL)
    return;

  g_free (self->trusted_comment);
  g_free (self);
}

char *
atlas_signature_dup_key_id (const AtlasSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return format_key_id (self->key_id);
}

gboolean
atlas_signature_get_prehashed (const AtlasSignature *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->prehashed;
}

const char *
atlas_signature_get_trusted_comment (const AtlasSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->trusted_comment;
}

/* TRUE only when @signature_file is a well-formed minisign signature by one
 * of the trusted keys over exactly @data, and its global signature covers
 * its trusted comment, which @trusted_comment then receives. */
gboolean
atlas_trusted_keys_verify (AtlasTrustedKeys  *self,
                           GBytes            *data,
                           GBytes            *signature_file,
                           char             **trusted_comment,
                           GError           **error)
{
  g_autoptr(AtlasSignature) signature = NULL;
  g_autofree guint8 *signed_comment = NULL;
  g_autoptr(GError) crypto_error = NULL;
  guint8 prehash[PREHASH_BYTES];
  AtlasCrypto *crypto;
  const PublicKey *key;
  const guint8 *message;
  gsize message_length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (signature_file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  signature = atlas_signature_parse (signature_file, error);
  if (signature == NULL)
    return FALSE;

  if (self->keys->len == 0)
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_NO_KEYS,
                           "there is no trusted key to check the signature with");
      return FALSE;
    }

  key = find_key (self, signature->key_id);
  if (key == NULL)
    {
      g_autofree char *id_text = format_key_id (signature->key_id);

      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNKNOWN_KEY,
                   "the data was signed with the key %s, which is not a trusted key", id_text);
      return FALSE;
    }

  crypto = atlas_crypto_get_default (&crypto_error);
  if (crypto == NULL)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNAVAILABLE,
                   "the signature cannot be checked: %s", crypto_error->message);
      return FALSE;
    }

  message = g_bytes_get_data (data, &message_length);
  if (message == NULL)
    message = (const guint8 *) "";
  if (signature->prehashed)
    {
      atlas_crypto_hash_blake2b_512 (crypto, message, message_length, prehash);
      message = prehash;
      message_length = sizeof prehash;
    }

  if (!atlas_crypto_verify_ed25519 (crypto, signature->signature, message, message_length, key->key))
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_INVALID,
                           "the signature does not match the data");
      return FALSE;
    }

  /* The global signature binds the trusted comment to this signature. */
  signed_comment = g_malloc (ATLAS_ED25519_SIGNATURE_BYTES + signature->trusted_comment_length);
  memcpy (signed_comment, signature->signature, ATLAS_ED25519_SIGNATURE_BYTES);
  memcpy (signed_comment + ATLAS_ED25519_SIGNATURE_BYTES, signature->trusted_comment, signature->trusted_comment_length);
  if (!atlas_crypto_verify_ed25519 (crypto, signature->global_signature, signed_comment,
                                    ATLAS_ED25519_SIGNATURE_BYTES + signature->trusted_comment_length, key->key))
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_INVALID,
                           "the trusted comment does not match its signature (the signature file was altered)");
      return FALSE;
    }

  if (trusted_comment != NULL)
    *trusted_comment = g_strdup (signature->trusted_comment);
  return TRUE;
}
