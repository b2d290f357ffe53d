/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_JSON_ERROR (atlas_json_error_quark ())

typedef enum {
  ATLAS_JSON_ERROR_SYNTAX,
} AtlasJsonError;

typedef enum {
  ATLAS_JSON_NULL,
  ATLAS_JSON_BOOLEAN,
  ATLAS_JSON_INTEGER,
  ATLAS_JSON_DOUBLE,
  ATLAS_JSON_STRING,
  ATLAS_JSON_ARRAY,
  ATLAS_JSON_OBJECT,
} AtlasJsonType;

typedef struct _AtlasJsonNode AtlasJsonNode;
typedef struct _AtlasJsonMember AtlasJsonMember;
typedef struct _AtlasJsonDocument AtlasJsonDocument;

/* A value in a parsed document. Everything it points to belongs to the
 * document and lives as long as it does. */
struct _AtlasJsonNode
{
  AtlasJsonType type;
  /* Items of an array, members of an object, bytes of a string. */
  guint length;
  union {
    gboolean boolean;
    gint64 integer;
    double number;
    const char *string;
    const AtlasJsonNode *items;
    const AtlasJsonMember *members;
  } value;
};

struct _AtlasJsonMember
{
  const char *name;
  AtlasJsonNode value;
};

GQuark               atlas_json_error_quark        (void);

AtlasJsonDocument   *atlas_json_document_parse     (const char          *data,
                                                    gsize                length,
                                                    guint                max_depth,
                                                    GError             **error);
const AtlasJsonNode *atlas_json_document_get_root  (AtlasJsonDocument   *document);
void                 atlas_json_document_free      (AtlasJsonDocument   *document);

const AtlasJsonNode *atlas_json_object_get_member  (const AtlasJsonNode *object,
                                                    const char          *name);
const AtlasJsonNode *atlas_json_array_get_element  (const AtlasJsonNode *array,
                                                    guint                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasJsonDocument, atlas_json_document_free)

G_END_DECLS
