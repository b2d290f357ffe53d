/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-signature.h"

G_BEGIN_DECLS

/* Test only: signs as `minisign -S` does, with a key pair from tests/keys/
 * ("test-1", "test-2", "test-untrusted"). The app never trusts these keys. */
GBytes           *atlas_test_sign         (const char *key_name,
                                           GBytes     *data,
                                           gboolean    prehashed,
                                           const char *trusted_comment);
/* A set of the named test public keys; the list ends with NULL. */
AtlasTrustedKeys *atlas_test_trusted_keys (const char *first_key_name,
                                           ...) G_GNUC_NULL_TERMINATED;
/* The lines of a text file, split at "\n". */
char            **atlas_test_split_lines  (GBytes     *bytes);
/* A copy of a signature file with line @line_index replaced by @line. */
GBytes           *atlas_test_replace_line (GBytes     *signature,
                                           guint       line_index,
                                           const char *line);
/* A copy with one byte of the base64 line @line_index changed: its bits
 * flipped when @value is -1, else set to @value. Still well-formed. */
GBytes           *atlas_test_change_byte  (GBytes     *signature,
                                           guint       line_index,
                                           gsize       offset,
                                           int         value);
/* The bytes of a file under tests/ (G_TEST_DIST), path given in parts. */
GBytes           *atlas_test_read_file    (const char *first_part,
                                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
