/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasSodiumCrypto: AtlasCrypto over libsodium, in atlas-network.so. */

#include "config.h"

#include <sodium.h>

#include "atlas-sodium-crypto.h"

G_STATIC_ASSERT (ATLAS_ED25519_PUBLIC_KEY_BYTES == crypto_sign_PUBLICKEYBYTES);
G_STATIC_ASSERT (ATLAS_ED25519_SIGNATURE_BYTES == crypto_sign_BYTES);
G_STATIC_ASSERT (ATLAS_BLAKE2B_512_BYTES == crypto_generichash_BYTES_MAX);

struct _AtlasSodiumCrypto
{
  AtlasCrypto parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasSodiumCrypto, atlas_sodium_crypto, ATLAS_TYPE_CRYPTO)

static gboolean
atlas_sodium_crypto_start (AtlasCrypto  *crypto,
                           GError      **error)
{
  (void) crypto;

  /* Thread-safe and idempotent. */
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "the cryptography library could not start, so no signature can be checked");
      return FALSE;
    }
  return TRUE;
}

static gboolean
atlas_sodium_crypto_verify_ed25519 (AtlasCrypto  *crypto,
                                    const guint8 *signature,
                                    const guint8 *message,
                                    gsize         message_length,
                                    const guint8 *public_key)
{
  (void) crypto;

  return crypto_sign_verify_detached (signature, message, message_length, public_key) == 0;
}

static void
atlas_sodium_crypto_hash_blake2b_512 (AtlasCrypto  *crypto,
                                      const guint8 *message,
                                      gsize         message_length,
                                      guint8       *hash)
{
  (void) crypto;

  crypto_generichash (hash, crypto_generichash_BYTES_MAX, message, message_length, NULL, 0);
}

static void
atlas_sodium_crypto_class_init (AtlasSodiumCryptoClass *klass)
{
  AtlasCryptoClass *crypto_class = ATLAS_CRYPTO_CLASS (klass);

  crypto_class->start = atlas_sodium_crypto_start;
  crypto_class->verify_ed25519 = atlas_sodium_crypto_verify_ed25519;
  crypto_class->hash_blake2b_512 = atlas_sodium_crypto_hash_blake2b_512;
}

static void
atlas_sodium_crypto_init (AtlasSodiumCrypto *self)
{
  (void) self;
}
