/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A warning or a critical is a bug the unit tests would fail on
 * (G_DEBUG=fatal-warnings): here it is a crash libFuzzer reports. */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
