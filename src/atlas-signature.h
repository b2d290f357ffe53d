/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_SIGNATURE_ERROR (atlas_signature_error_quark ())

typedef enum {
  /* Not a minisign public key or signature file (size, lines, base64, lengths). */
  ATLAS_SIGNATURE_ERROR_MALFORMED,
  /* A signature or key algorithm other than Ed25519 ("Ed") or prehashed Ed25519 ("ED"). */
  ATLAS_SIGNATURE_ERROR_UNSUPPORTED,
  /* Signed with a key that is not among the trusted keys. */
  ATLAS_SIGNATURE_ERROR_UNKNOWN_KEY,
  /* The signature does not match the data, or the global signature does not
   * match the trusted comment. */
  ATLAS_SIGNATURE_ERROR_INVALID,
  /* There is no trusted key to check against. */
  ATLAS_SIGNATURE_ERROR_NO_KEYS,
  /* The cryptography is missing or could not start (an installation problem). */
  ATLAS_SIGNATURE_ERROR_UNAVAILABLE,
} AtlasSignatureError;

/* Bounds on untrusted input, far above what minisign writes. */
#define ATLAS_SIGNATURE_MAX_BYTES 4096
#define ATLAS_PUBLIC_KEY_MAX_BYTES 1024
#define ATLAS_SIGNATURE_MAX_COMMENT_BYTES 1024

/* The publisher's public keys shipped in the GResource: every *.pub there. */
#define ATLAS_TRUSTED_KEYS_RESOURCE_PATH RESOURCE_PREFIX "/keys/"

typedef struct _AtlasTrustedKeys AtlasTrustedKeys;
typedef struct _AtlasSignature AtlasSignature;

#define ATLAS_TYPE_TRUSTED_KEYS (atlas_trusted_keys_get_type ())
#define ATLAS_TYPE_SIGNATURE (atlas_signature_get_type ())

GQuark            atlas_signature_error_quark          (void);

GType             atlas_trusted_keys_get_type          (void) G_GNUC_CONST;
AtlasTrustedKeys *atlas_trusted_keys_new               (void);
AtlasTrustedKeys *atlas_trusted_keys_new_from_resource (const char        *path,
                                                        GError           **error);
AtlasTrustedKeys *atlas_trusted_keys_ref               (AtlasTrustedKeys  *self);
void              atlas_trusted_keys_unref             (AtlasTrustedKeys  *self);
gboolean          atlas_trusted_keys_add               (AtlasTrustedKeys  *self,
                                                        GBytes            *public_key,
                                                        GError           **error);
guint             atlas_trusted_keys_get_n_keys        (AtlasTrustedKeys  *self);
char             *atlas_trusted_keys_dup_key_id        (AtlasTrustedKeys  *self,
                                                        guint              index);
gboolean          atlas_trusted_keys_verify            (AtlasTrustedKeys  *self,
                                                        GBytes            *data,
                                                        GBytes            *signature_file,
                                                        char             **trusted_comment,
                                                        GError           **error);

GType             atlas_signature_get_type             (void) G_GNUC_CONST;
AtlasSignature   *atlas_signature_parse                (GBytes            *signature_file,
                                                        GError           **error);
AtlasSignature   *atlas_signature_copy                 (const AtlasSignature *self);
void              atlas_signature_free                 (AtlasSignature    *self);
char             *atlas_signature_dup_key_id           (const AtlasSignature *self);
gboolean          atlas_signature_get_prehashed        (const AtlasSignature *self);
const char       *atlas_signature_get_trusted_comment  (const AtlasSignature *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTrustedKeys, atlas_trusted_keys_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSignature, atlas_signature_free)

G_END_DECLS
