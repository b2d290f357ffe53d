/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The minisign parsers on arbitrary bytes: each input is tried as a public
 * key, as a signature file, and as the signature of a fixed message under a
 * fixed trusted key (the test key tests/keys/test-1.pub, which the app never
 * trusts). The seed corpus holds real signatures of that message, so the
 * fuzzer reaches the cryptographic checks too. */

#include "config.h"

#include "atlas-signature.h"
#include "atlas-sodium-crypto.h"
#include "fuzz-common.h"

#define TEST_PUBLIC_KEY "RWTLkX/4CuDzuC/QLxzz0R0JktjA/26kPT7FiIpXZGJl+EkW03XQ+vAr"
#define MESSAGE "Stem Cell Atlas fuzzing message\n"

static AtlasTrustedKeys *keys;
static GBytes *message;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GBytes) key = g_bytes_new_static (TEST_PUBLIC_KEY, strlen (TEST_PUBLIC_KEY));

  fuzz_make_warnings_fatal ();
  g_type_ensure (ATLAS_TYPE_SODIUM_CRYPTO);
  keys = atlas_trusted_keys_new ();
  g_assert_true (atlas_trusted_keys_add (keys, key, NULL));
  message = g_bytes_new_static (MESSAGE, strlen (MESSAGE));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(AtlasTrustedKeys) as_keys = atlas_trusted_keys_new ();
  g_autoptr(AtlasSignature) signature = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GError) verify_error = NULL;
  g_autofree char *comment = NULL;
  gboolean verified;

  if (atlas_trusted_keys_add (as_keys, input, &key_error))
    {
      g_autofree char *key_id = atlas_trusted_keys_dup_key_id (as_keys, 0);

      g_assert_no_error (key_error);
      g_assert_cmpuint (strlen (key_id), ==, 16);
    }
  else
    g_assert_true (key_error != NULL && key_error->domain == ATLAS_SIGNATURE_ERROR);

  signature = atlas_signature_parse (input, &parse_error);
  if (signature != NULL)
    {
      g_autofree char *key_id = atlas_signature_dup_key_id (signature);

      g_assert_no_error (parse_error);
      g_assert_cmpuint (strlen (key_id), ==, 16);
      g_assert_true (g_utf8_validate (atlas_signature_get_trusted_comment (signature), -1, NULL));
    }
  else
    g_assert_true (parse_error != NULL && parse_error->domain == ATLAS_SIGNATURE_ERROR);

  verified = atlas_trusted_keys_verify (keys, message, input, &comment, &verify_error);
  g_assert_true (verified == (verify_error == NULL));
  g_assert_true (verified == (comment != NULL));
  /* Nothing verifies that does not parse. */
  g_assert_true (!verified || signature != NULL);

  return 0;
}
