/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-crypto.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SODIUM_CRYPTO (atlas_sodium_crypto_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSodiumCrypto, atlas_sodium_crypto, ATLAS, SODIUM_CRYPTO, AtlasCrypto)

G_END_DECLS
