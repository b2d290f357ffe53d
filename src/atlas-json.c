/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A compact, read-only JSON document for the loader.
 *
 * json-glib builds a tree of separately allocated nodes, objects with their
 * own hash tables, and copies of every member name: a 27 MB feed became
 * about 400 MB of small blocks, and on GLib 2.74 they come from GSlice,
 * which keeps them after the tree is freed. Here a document is a few large
 * blocks: values are 16 bytes, an array's items and an object's members are
 * contiguous, member names are stored once per document, and freeing the
 * document returns the blocks.
 *
 * The parser accepts strict RFC 8259 JSON only, with a nesting limit, and
 * checks every string is UTF-8 without raw control characters, lone
 * surrogates or NUL; the loader runs atlas_json_guard_check() first for
 * messages a reader can act on, so errors here are terse. As in json-glib, a
 * number with a fraction or an exponent is a double, any other an integer,
 * and when a name repeats within an object the last value wins. */

#include "config.h"

#include <errno.h>

#include "atlas-json.h"

G_DEFINE_QUARK (atlas-json-error-quark, atlas_json_error)

/* Blocks this large come straight from mmap() and go straight back. */
#define BLOCK_SIZE (1024 * 1024)
/* Longer number tokens are refused: the guard allows at most 15 digits and a
 * two-digit exponent. */
#define MAX_NUMBER_LENGTH 40

struct _AtlasJsonDocument
{
  GPtrArray *blocks;
  char *block;
  gsize block_used;
  gsize block_size;
  AtlasJsonNode root;
};

typedef struct
{
  AtlasJsonDocument *document;
  const char *start;
  const char *pos;
  const char *end;
  guint max_depth;
  /* Children of the arrays and objects being read, innermost last. */
  GArray *stack;
  /* Member names seen so far, each stored once. */
  GHashTable *names;
  GError **error;
} Parser;

static gpointer
allocate (AtlasJsonDocument *document,
          gsize              size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (document->block == NULL || document->block_size - document->block_used < size)
    {
      document->block_size = MAX (BLOCK_SIZE, size);
      document->block = g_malloc (document->block_size);
      document->block_used = 0;
      g_ptr_array_add (document->blocks, document->block);
    }

  memory = document->block + document->block_used;
  document->block_used += size;
  return memory;
}

/* Gives back the most recent allocation, at @memory. */
static void
unallocate (AtlasJsonDocument *document,
            gpointer           memory)
{
  char *start = memory;

  if (start >= document->block && start < document->block + document->block_used)
    document->block_used = start - document->block;
}

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Parser     *parser,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (parser->error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_SYNTAX,
               "byte %" G_GSIZE_FORMAT ": %s", (gsize) (parser->pos - parser->start), message);
  return FALSE;
}

static void
skip_white_space (Parser *parser)
{
  while (parser->pos < parser->end &&
         (*parser->pos == ' ' || *parser->pos == '\n' || *parser->pos == '\r' || *parser->pos == '\t'))
    parser->pos++;
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
read_hex4 (Parser   *parser,
           gunichar *value)
{
  *value = 0;
  if (parser->end - parser->pos < 4)
    return fail (parser, "a \\u escape needs four hexadecimal digits");

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (parser->pos[i]);

      if (digit < 0)
        return fail (parser, "a \\u escape needs four hexadecimal digits");
      *value = (*value << 4) | (gunichar) digit;
    }

  parser->pos += 4;
  return TRUE;
}

/* Decodes the escapes of a string whose raw text is [@pos, @end) into @out,
 * which has room for the raw text; returns the decoded length or -1. */
static gssize
decode_escapes (Parser     *parser,
                const char *end,
                char       *out)
{
  char *p = out;

  while (parser->pos < end)
    {
      gunichar c;

      if (*parser->pos != '\\')
        {
          *p++ = *parser->pos++;
          continue;
        }

      parser->pos++;
      switch (*parser->pos++)
        {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '/': *p++ = '/'; break;
        case 'b': *p++ = '\b'; break;
        case 'f': *p++ = '\f'; break;
        case 'n': *p++ = '\n'; break;
        case 'r': *p++ = '\r'; break;
        case 't': *p++ = '\t'; break;

        case 'u':
          if (!read_hex4 (parser, &c))
            return -1;
          if (c >= 0xDC00 && c <= 0xDFFF)
            {
              fail (parser, "a \\u escape holds an unpaired low surrogate");
              return -1;
            }
          if (c >= 0xD800 && c <= 0xDBFF)
            {
              gunichar low;

              if (end - parser->pos < 2 || parser->pos[0] != '\\' || parser->pos[1] != 'u')
                {
                  fail (parser, "a \\u escape holds an unpaired high surrogate");
                  return -1;
                }
              parser->pos += 2;
              if (!read_hex4 (parser, &low))
                return -1;
              if (low < 0xDC00 || low > 0xDFFF)
                {
                  fail (parser, "a \\u escape holds an unpaired high surrogate");
                  return -1;
                }
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
          if (c == 0)
            {
              fail (parser, "the escape \\u0000 is not allowed");
              return -1;
            }
          /* Six bytes of escape make at most four of UTF-8, and twelve
           * (a surrogate pair) make four. */
          p += g_unichar_to_utf8 (c, p);
          break;

        default:
          parser->pos--;
          fail (parser, "not a JSON escape");
          return -1;
        }
    }

  return p - out;
}

/* Reads the string at the parser's position (its opening quote) into the
 * document; @length receives its length in bytes. */
static const char *
read_string (Parser *parser,
             guint  *length)
{
  const char *start = ++parser->pos;
  const char *end = NULL;
  gboolean escaped = FALSE;
  const char *invalid = NULL;
  char *text;
  gssize decoded;

  for (const char *p = start; p < parser->end; p++)
    {
      if (*p == '"')
        {
          end = p;
          break;
        }
      if (*p == '\\')
        {
          escaped = TRUE;
          if (++p == parser->end)
            break;
        }
      else if ((guchar) *p < 0x20)
        {
          parser->pos = p;
          fail (parser, "a string holds a raw control character");
          return NULL;
        }
    }

  if (end == NULL)
    {
      parser->pos = parser->end;
      fail (parser, "the document ends inside a string");
      return NULL;
    }
  if ((gsize) (end - start) >= G_MAXUINT)
    {
      fail (parser, "a string is too long");
      return NULL;
    }
  if (!g_utf8_validate_len (start, end - start, &invalid))
    {
      parser->pos = invalid;
      fail (parser, "the text is not valid UTF-8");
      return NULL;
    }

  text = allocate (parser->document, (end - start) + 1);
  if (!escaped)
    {
      memcpy (text, start, end - start);
      decoded = end - start;
      parser->pos = end;
    }
  else
    {
      decoded = decode_escapes (parser, end, text);
      if (decoded < 0)
        return NULL;
    }

  text[decoded] = '\0';
  parser->pos = end + 1;
  *length = (guint) decoded;
  return text;
}

/* A member name, stored once per document however often it is used. */
static const char *
read_name (Parser *parser)
{
  guint length;
  const char *name = read_string (parser, &length);
  const char *known;

  if (name == NULL)
    return NULL;

  known = g_hash_table_lookup (parser->names, name);
  if (known != NULL)
    {
      unallocate (parser->document, (gpointer) name);
      return known;
    }

  g_hash_table_add (parser->names, (gpointer) name);
  return name;
}

static gboolean
read_number (Parser        *parser,
             AtlasJsonNode *node)
{
  const char *start = parser->pos;
  gboolean is_double = FALSE;
  char buffer[MAX_NUMBER_LENGTH + 1];
  char *end = NULL;
  gsize length;

  if (parser->pos < parser->end && *parser->pos == '-')
    parser->pos++;
  if (parser->pos >= parser->end || !g_ascii_isdigit (*parser->pos))
    return fail (parser, "expected a digit");
  if (*parser->pos == '0' && parser->pos + 1 < parser->end && g_ascii_isdigit (parser->pos[1]))
    return fail (parser, "numbers may not have leading zeros");
  while (parser->pos < parser->end && g_ascii_isdigit (*parser->pos))
    parser->pos++;

  if (parser->pos < parser->end && *parser->pos == '.')
    {
      is_double = TRUE;
      parser->pos++;
      if (parser->pos >= parser->end || !g_ascii_isdigit (*parser->pos))
        return fail (parser, "expected a digit after the decimal point");
      while (parser->pos < parser->end && g_ascii_isdigit (*parser->pos))
        parser->pos++;
    }

  if (parser->pos < parser->end && (*parser->pos == 'e' || *parser->pos == 'E'))
    {
      is_double = TRUE;
      parser->pos++;
      if (parser->pos < parser->end && (*parser->pos == '+' || *parser->pos == '-'))
        parser->pos++;
      if (parser->pos >= parser->end || !g_ascii_isdigit (*parser->pos))
        return fail (parser, "expected a digit in the exponent");
      while (parser->pos < parser->end && g_ascii_isdigit (*parser->pos))
        parser->pos++;
    }

  length = parser->pos - start;
  if (length > MAX_NUMBER_LENGTH)
    {
      parser->pos = start;
      return fail (parser, "a number is too long");
    }

  memcpy (buffer, start, length);
  buffer[length] = '\0';
  errno = 0;
  if (is_double)
    {
      node->type = ATLAS_JSON_DOUBLE;
      node->value.number = g_ascii_strtod (buffer, &end);
    }
  else
    {
      node->type = ATLAS_JSON_INTEGER;
      node->value.integer = g_ascii_strtoll (buffer, &end, 10);
    }

  if (errno != 0 || end != buffer + length)
    {
      parser->pos = start;
      return fail (parser, "a number is out of range");
    }

  return TRUE;
}

static gboolean
read_literal (Parser        *parser,
              const char    *literal,
              AtlasJsonNode *node)
{
  gsize length = strlen (literal);

  if ((gsize) (parser->end - parser->pos) < length || memcmp (parser->pos, literal, length) != 0)
    return fail (parser, "expected a value");

  parser->pos += length;
  if (literal[0] == 'n')
    node->type = ATLAS_JSON_NULL;
  else
    {
      node->type = ATLAS_JSON_BOOLEAN;
      node->value.boolean = literal[0] == 't';
    }

  return TRUE;
}

static gboolean read_value (Parser        *parser,
                            guint          depth,
                            AtlasJsonNode *node);

/* Arrays and objects: the children are gathered on the parser's stack and
 * copied into the document in one piece when the container closes. */
static gboolean
read_container (Parser        *parser,
                guint          depth,
                AtlasJsonNode *node)
{
  gboolean is_object = *parser->pos == '{';
  char close = is_object ? '}' : ']';
  guint base = parser->stack->len;
  guint n_children;

  if (depth >= parser->max_depth)
    return fail (parser, "nesting is deeper than %u levels", parser->max_depth);

  parser->pos++;
  skip_white_space (parser);
  if (parser->pos < parser->end && *parser->pos == close)
    parser->pos++;
  else
    {
      for (;;)
        {
          AtlasJsonMember member = { NULL, { 0, } };

          skip_white_space (parser);
          if (is_object)
            {
              if (parser->pos >= parser->end || *parser->pos != '"')
                return fail (parser, "expected a member name");
              member.name = read_name (parser);
              if (member.name == NULL)
                return FALSE;
              skip_white_space (parser);
              if (parser->pos >= parser->end || *parser->pos != ':')
                return fail (parser, "expected ':'");
              parser->pos++;
            }

          if (!read_value (parser, depth + 1, &member.value))
            return FALSE;
          g_array_append_val (parser->stack, member);

          skip_white_space (parser);
          if (parser->pos < parser->end && *parser->pos == ',')
            {
              parser->pos++;
              continue;
            }
          if (parser->pos < parser->end && *parser->pos == close)
            {
              parser->pos++;
              break;
            }
          return fail (parser, "expected ',' or '%c'", close);
        }
    }

  n_children = parser->stack->len - base;
  node->type = is_object ? ATLAS_JSON_OBJECT : ATLAS_JSON_ARRAY;
  node->length = n_children;

  if (is_object)
    {
      AtlasJsonMember *members = allocate (parser->document, n_children * sizeof (AtlasJsonMember));

      memcpy (members, &g_array_index (parser->stack, AtlasJsonMember, base),
              n_children * sizeof (AtlasJsonMember));
      node->value.members = members;
    }
  else
    {
      AtlasJsonNode *items = allocate (parser->document, n_children * sizeof (AtlasJsonNode));

      for (guint i = 0; i < n_children; i++)
        items[i] = g_array_index (parser->stack, AtlasJsonMember, base + i).value;
      node->value.items = items;
    }

  g_array_set_size (parser->stack, base);
  return TRUE;
}

static gboolean
read_value (Parser        *parser,
            guint          depth,
            AtlasJsonNode *node)
{
  skip_white_space (parser);
  if (parser->pos >= parser->end)
    return fail (parser, "expected a value but found the end of the document");

  switch (*parser->pos)
    {
    case '{':
    case '[':
      return read_container (parser, depth, node);

    case '"':
      node->type = ATLAS_JSON_STRING;
      node->value.string = read_string (parser, &node->length);
      return node->value.string != NULL;

    case 't':
      return read_literal (parser, "true", node);

    case 'f':
      return read_literal (parser, "false", node);

    case 'n':
      return read_literal (parser, "null", node);

    default:
      if (*parser->pos != '-' && !g_ascii_isdigit (*parser->pos))
        return fail (parser, "expected a value");
      return read_number (parser, node);
    }
}

/**
 * atlas_json_document_parse:
 * @max_depth: how deeply arrays and objects may nest
 *
 * Parses strict JSON. Returns: (transfer full): the document, or %NULL
 * with @error set.
 */
AtlasJsonDocument *
atlas_json_document_parse (const char  *data,
                           gsize        length,
                           guint        max_depth,
                           GError     **error)
{
  g_autoptr(AtlasJsonDocument) document = NULL;
  Parser parser;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = g_new0 (AtlasJsonDocument, 1);
  document->blocks = g_ptr_array_new_with_free_func (g_free);

  parser.document = document;
  parser.start = parser.pos = data;
  parser.end = data + length;
  parser.max_depth = max_depth;
  parser.stack = g_array_sized_new (FALSE, FALSE, sizeof (AtlasJsonMember), 1024);
  parser.names = g_hash_table_new (g_str_hash, g_str_equal);
  parser.error = error;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    ok = fail (&parser, "the document starts with a byte order mark");
  else
    ok = read_value (&parser, 0, &document->root);

  if (ok)
    {
      skip_white_space (&parser);
      if (parser.pos != parser.end)
        ok = fail (&parser, "unexpected text after the end of the document");
    }

  g_array_unref (parser.stack);
  g_hash_table_unref (parser.names);

  return ok ? g_steal_pointer (&document) : NULL;
}

const AtlasJsonNode *
atlas_json_document_get_root (AtlasJsonDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return &document->root;
}

void
atlas_json_document_free (AtlasJsonDocument *document)
{
  if (document == NULL)
    return;

  g_ptr_array_unref (document->blocks);
  g_free (document);
}

/* The member's value, or NULL; when a name repeats, the last one. */
const AtlasJsonNode *
atlas_json_object_get_member (const AtlasJsonNode *object,
                              const char          *name)
{
  g_return_val_if_fail (object != NULL && object->type == ATLAS_JSON_OBJECT, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = object->length; i > 0; i--)
    if (strcmp (object->value.members[i - 1].name, name) == 0)
      return &object->value.members[i - 1].value;

  return NULL;
}

const AtlasJsonNode *
atlas_json_array_get_element (const AtlasJsonNode *array,
                              guint                index)
{
  g_return_val_if_fail (array != NULL && array->type == ATLAS_JSON_ARRAY, NULL);
  g_return_val_if_fail (index < array->length, NULL);

  return &array->value.items[index];
}
