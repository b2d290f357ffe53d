/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A strict RFC 8259 syntax check that runs before the document is read
 * (atlas-json.c).
 *
 * It began in front of json-glib 1.6, which has no nesting limit (deep input
 * overflows the stack) and accepts some text that is not JSON (comments,
 * single quotes, leading zeros). It stays as the one place that says where
 * and why untrusted bytes are not strict JSON: deeper than the limit, not
 * UTF-8, or holding numbers too long to be exact. */

#include "config.h"

#include "atlas-json-guard.h"
#include "atlas-loader.h"

typedef struct
{
  const char *data;
  const char *end;
  const char *pos;
  guint max_depth;
  GError **error;
} Scanner;

static gboolean scan_value (Scanner *scanner,
                            guint    depth);

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Scanner    *scanner,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  guint line = 1, column = 1;
  va_list args;

  for (const char *p = scanner->data; p < scanner->pos && p < scanner->end; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (scanner->error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_SYNTAX,
               "line %u, column %u: %s", line, column, message);
  return FALSE;
}

static const char *
describe_here (Scanner *scanner)
{
  static const char *names[] = { "the end of the document", "a control character", "an unexpected character" };

  if (scanner->pos >= scanner->end)
    return names[0];
  if ((guchar) *scanner->pos < 0x20)
    return names[1];
  return names[2];
}

static void
skip_white_space (Scanner *scanner)
{
  while (scanner->pos < scanner->end &&
         (*scanner->pos == ' ' || *scanner->pos == '\t' ||
          *scanner->pos == '\n' || *scanner->pos == '\r'))
    scanner->pos++;
}

static gboolean
at (Scanner *scanner,
    char     c)
{
  return scanner->pos < scanner->end && *scanner->pos == c;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
scan_unicode_escape (Scanner  *scanner,
                     gunichar *code_point)
{
  *code_point = 0;
  if (scanner->end - scanner->pos < 4)
    return fail (scanner, "a \\u escape needs four hexadecimal digits");

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (scanner->pos[i]);

      if (digit < 0)
        return fail (scanner, "a \\u escape needs four hexadecimal digits");
      *code_point = (*code_point << 4) | (gunichar) digit;
    }
  scanner->pos += 4;

  return TRUE;
}

/* A surrogate must come as a high–low pair; a lone half is not a character,
 * and NUL would silently cut the string short in C. */
static gboolean
scan_escape (Scanner *scanner)
{
  gunichar code_point;

  scanner->pos++; /* the backslash */
  if (scanner->pos >= scanner->end)
    return fail (scanner, "the document ends inside a string");

  switch (*scanner->pos)
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      scanner->pos++;
      return TRUE;

    case 'u':
      scanner->pos++;
      if (!scan_unicode_escape (scanner, &code_point))
        return FALSE;
      if (code_point == 0)
        return fail (scanner, "the escape \\u0000 (a NUL character) is not allowed");
      if (code_point >= 0xDC00 && code_point <= 0xDFFF)
        return fail (scanner, "a \\u escape holds an unpaired low surrogate");
      if (code_point >= 0xD800 && code_point <= 0xDBFF)
        {
          gunichar low;

          if (scanner->end - scanner->pos < 2 || scanner->pos[0] != '\\' || scanner->pos[1] != 'u')
            return fail (scanner, "a \\u escape holds an unpaired high surrogate");
          scanner->pos += 2;
          if (!scan_unicode_escape (scanner, &low))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            return fail (scanner, "a \\u escape holds an unpaired high surrogate");
        }
      return TRUE;

    default:
      return fail (scanner, "\\%c is not a JSON escape", g_ascii_isprint (*scanner->pos) ? *scanner->pos : '?');
    }
}

static gboolean
scan_string (Scanner *scanner)
{
  scanner->pos++; /* the opening quote */

  while (scanner->pos < scanner->end)
    {
      guchar c = (guchar) *scanner->pos;

      if (c == '"')
        {
          scanner->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          if (!scan_escape (scanner))
            return FALSE;
        }
      else if (c < 0x20)
        return fail (scanner, "a string holds a raw control character (0x%02X); it must be escaped", c);
      else
        scanner->pos++;
    }

  return fail (scanner, "the document ends inside a string");
}

static gboolean
scan_digits (Scanner *scanner,
             guint   *n_digits)
{
  const char *start = scanner->pos;

  while (scanner->pos < scanner->end && g_ascii_isdigit (*scanner->pos))
    scanner->pos++;
  *n_digits += scanner->pos - start;

  return scanner->pos > start;
}

static gboolean
scan_number (Scanner *scanner)
{
  const char *start = scanner->pos;
  guint n_digits = 0;

  if (at (scanner, '-'))
    scanner->pos++;

  if (at (scanner, '0'))
    {
      scanner->pos++;
      n_digits++;
      if (scanner->pos < scanner->end && g_ascii_isdigit (*scanner->pos))
        return fail (scanner, "numbers may not have leading zeros");
    }
  else if (!scan_digits (scanner, &n_digits))
    return fail (scanner, "expected a digit");

  if (at (scanner, '.'))
    {
      scanner->pos++;
      if (!scan_digits (scanner, &n_digits))
        return fail (scanner, "expected a digit after the decimal point");
    }

  if (at (scanner, 'e') || at (scanner, 'E'))
    {
      guint n_exponent_digits = 0;

      scanner->pos++;
      if (at (scanner, '+') || at (scanner, '-'))
        scanner->pos++;
      if (!scan_digits (scanner, &n_exponent_digits))
        return fail (scanner, "expected a digit in the exponent");
      if (n_exponent_digits > 2)
        {
          scanner->pos = start;
          return fail (scanner, "a number's exponent is too large");
        }
    }

  if (n_digits > ATLAS_JSON_GUARD_MAX_NUMBER_DIGITS)
    {
      scanner->pos = start;
      return fail (scanner, "a number has more than %d digits", ATLAS_JSON_GUARD_MAX_NUMBER_DIGITS);
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner    *scanner,
              const char *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (scanner->end - scanner->pos) < len || memcmp (scanner->pos, literal, len) != 0)
    return fail (scanner, "expected a value but found %s", describe_here (scanner));

  scanner->pos += len;
  return TRUE;
}

static gboolean
scan_members (Scanner *scanner,
              guint    depth,
              gboolean is_object)
{
  char close = is_object ? '}' : ']';

  scanner->pos++; /* the opening bracket */
  skip_white_space (scanner);
  if (at (scanner, close))
    {
      scanner->pos++;
      return TRUE;
    }

  for (;;)
    {
      if (is_object)
        {
          skip_white_space (scanner);
          if (!at (scanner, '"'))
            return fail (scanner, "expected a member name in double quotes but found %s", describe_here (scanner));
          if (!scan_string (scanner))
            return FALSE;
          skip_white_space (scanner);
          if (!at (scanner, ':'))
            return fail (scanner, "expected ':' after a member name but found %s", describe_here (scanner));
          scanner->pos++;
        }

      if (!scan_value (scanner, depth + 1))
        return FALSE;

      if (at (scanner, ','))
        {
          scanner->pos++;
          continue;
        }
      if (at (scanner, close))
        {
          scanner->pos++;
          return TRUE;
        }

      return fail (scanner, "expected ',' or '%c' but found %s", close, describe_here (scanner));
    }
}

static gboolean
scan_value (Scanner *scanner,
            guint    depth)
{
  gboolean ok;

  skip_white_space (scanner);
  if (scanner->pos >= scanner->end)
    return fail (scanner, "expected a value but found the end of the document");

  switch (*scanner->pos)
    {
    case '{':
    case '[':
      if (depth >= scanner->max_depth)
        return fail (scanner, "nesting is deeper than %u levels", scanner->max_depth);
      ok = scan_members (scanner, depth, *scanner->pos == '{');
      break;

    case '"':
      ok = scan_string (scanner);
      break;

    case 't':
      ok = scan_literal (scanner, "true");
      break;

    case 'f':
      ok = scan_literal (scanner, "false");
      break;

    case 'n':
      ok = scan_literal (scanner, "null");
      break;

    default:
      if (*scanner->pos == '-' || g_ascii_isdigit (*scanner->pos))
        ok = scan_number (scanner);
      else
        ok = fail (scanner, "expected a value but found %s", describe_here (scanner));
      break;
    }

  skip_white_space (scanner);
  return ok;
}

gboolean
atlas_json_guard_check (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        GError     **error)
{
  Scanner scanner = { data, data + length, data, max_depth, error };
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      scanner.pos = invalid;
      return fail (&scanner, "the text is not valid UTF-8");
    }

  /* A byte order mark is not allowed at the start of JSON text (RFC 8259 §8.1). */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return fail (&scanner, "the document starts with a byte order mark");

  if (!scan_value (&scanner, 0))
    return FALSE;

  if (scanner.pos != scanner.end)
    return fail (&scanner, "unexpected text after the end of the document");

  return TRUE;
}
