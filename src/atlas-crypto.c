/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasCrypto: the two primitives checking a minisign signature needs,
 * Ed25519 verification and BLAKE2b-512. The implementation, over libsodium
 * (src/atlas-sodium-crypto.c), lives in atlas-network.so with the HTTP
 * transport: only a refresh checks signatures, so libsodium is loaded on
 * the first one, not at start-up (see atlas-module.c). */

#include "config.h"

#include "atlas-crypto.h"
#include "atlas-module.h"

#define IMPLEMENTATION_TYPE_NAME "AtlasSodiumCrypto"
#define MODULE_GET_TYPE_SYMBOL "atlas_sodium_crypto_get_type"

G_DEFINE_ABSTRACT_TYPE (AtlasCrypto, atlas_crypto, G_TYPE_OBJECT)

static void
atlas_crypto_class_init (AtlasCryptoClass *klass)
{
  (void) klass;
}

static void
atlas_crypto_init (AtlasCrypto *self)
{
  (void) self;
}

/**
 * atlas_crypto_get_default:
 * @error: return location for an error
 *
 * The implementation, started, loading its module the first time. Any
 * thread may ask, and use it.
 *
 * Returns: (transfer none) (nullable): the implementation, or %NULL with
 *   @error set when it is missing or could not start
 */
AtlasCrypto *
atlas_crypto_get_default (GError **error)
{
  static GMutex lock;
  static AtlasCrypto *instance = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(AtlasCrypto) crypto = NULL;
  GType type;

  if (instance != NULL)
    return instance;

  type = atlas_module_load_type (IMPLEMENTATION_TYPE_NAME, MODULE_GET_TYPE_SYMBOL, ATLAS_TYPE_CRYPTO, error);
  if (type == G_TYPE_INVALID)
    return NULL;

  crypto = g_object_new (type, NULL);
  if (!ATLAS_CRYPTO_GET_CLASS (crypto)->start (crypto, error))
    return NULL;

  /* Kept for the life of the process, like the module. */
  instance = g_steal_pointer (&crypto);
  return instance;
}

/**
 * atlas_crypto_verify_ed25519:
 * @self: the implementation
 * @signature: %ATLAS_ED25519_SIGNATURE_BYTES bytes
 * @message: the signed bytes
 * @message_length: their length
 * @public_key: %ATLAS_ED25519_PUBLIC_KEY_BYTES bytes
 *
 * Returns: whether @signature is @public_key's over @message
 */
gboolean
atlas_crypto_verify_ed25519 (AtlasCrypto  *self,
                             const guint8 *signature,
                             const guint8 *message,
                             gsize         message_length,
                             const guint8 *public_key)
{
  g_return_val_if_fail (ATLAS_IS_CRYPTO (self), FALSE);
  g_return_val_if_fail (signature != NULL && public_key != NULL, FALSE);
  g_return_val_if_fail (message != NULL || message_length == 0, FALSE);

  return ATLAS_CRYPTO_GET_CLASS (self)->verify_ed25519 (self, signature, message, message_length, public_key);
}

/**
 * atlas_crypto_hash_blake2b_512:
 * @self: the implementation
 * @message: the bytes to hash
 * @message_length: their length
 * @hash: (out caller-allocates): %ATLAS_BLAKE2B_512_BYTES bytes
 *
 * Writes the unkeyed BLAKE2b-512 hash of @message to @hash.
 */
void
atlas_crypto_hash_blake2b_512 (AtlasCrypto  *self,
                               const guint8 *message,
                               gsize         message_length,
                               guint8       *hash)
{
  g_return_if_fail (ATLAS_IS_CRYPTO (self));
  g_return_if_fail (message != NULL || message_length == 0);
  g_return_if_fail (hash != NULL);

  ATLAS_CRYPTO_GET_CLASS (self)->hash_blake2b_512 (self, message, message_length, hash);
}
