/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_ED25519_PUBLIC_KEY_BYTES 32
#define ATLAS_ED25519_SIGNATURE_BYTES 64
#define ATLAS_BLAKE2B_512_BYTES 64

#define ATLAS_TYPE_CRYPTO (atlas_crypto_get_type ())
G_DECLARE_DERIVABLE_TYPE (AtlasCrypto, atlas_crypto, ATLAS, CRYPTO, GObject)

struct _AtlasCryptoClass
{
  GObjectClass parent_class;

  gboolean (*start)            (AtlasCrypto  *self,
                                GError      **error);
  gboolean (*verify_ed25519)   (AtlasCrypto  *self,
                                const guint8 *signature,
                                const guint8 *message,
                                gsize         message_length,
                                const guint8 *public_key);
  void     (*hash_blake2b_512) (AtlasCrypto  *self,
                                const guint8 *message,
                                gsize         message_length,
                                guint8       *hash);
};

AtlasCrypto *atlas_crypto_get_default      (GError      **error);
gboolean     atlas_crypto_verify_ed25519   (AtlasCrypto  *self,
                                            const guint8 *signature,
                                            const guint8 *message,
                                            gsize         message_length,
                                            const guint8 *public_key);
void         atlas_crypto_hash_blake2b_512 (AtlasCrypto  *self,
                                            const guint8 *message,
                                            gsize         message_length,
                                            guint8       *hash);

G_END_DECLS
