/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasGuidancePage: how a patient can judge a clinic that offers a
 * stem-cell treatment — questions to ask, warning signs, and what labels
 * such as "registered" do and do not mean — each point with its sources. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-guidance-page.h"
#include "atlas-links.h"
#include "atlas-rows.h"

struct _AtlasGuidancePage
{
  AdwBin parent_instance;

  AtlasStore *store;
  /* The groups built from the data, removed on every rebuild. */
  GPtrArray *groups;

  GtkBox *box;

  gboolean stale;
};

G_DEFINE_FINAL_TYPE (AtlasGuidancePage, atlas_guidance_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AtlasGuidanceKind kind;
  const char *title;
  const char *description;
} KindGroup;

static const KindGroup kind_groups[] = {
  { ATLAS_GUIDANCE_KIND_QUESTION, N_("Questions to Ask a Clinic"),
    N_("Ask these before agreeing to any treatment") },
  { ATLAS_GUIDANCE_KIND_RED_FLAG, N_("Warning Signs"),
    N_("Any of these is a reason to stop and check with your own doctor") },
  { ATLAS_GUIDANCE_KIND_FACT, N_("What Labels Mean"),
    N_("Words clinics use that sound like approval but are not") },
};

static void
add_group (AtlasGuidancePage   *self,
           AdwPreferencesGroup *group)
{
  gtk_box_append (self->box, GTK_WIDGET (group));
  g_ptr_array_add (self->groups, group);
}

static void
clear_groups (AtlasGuidancePage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
add_cited_sources (GPtrArray          *cited,
                   const char * const *source_ids)
{
  for (guint i = 0; source_ids != NULL && source_ids[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (cited, source_ids[i], g_str_equal, NULL))
      g_ptr_array_add (cited, (gpointer) source_ids[i]);
}

static void
rebuild_now (AtlasGuidancePage *self)
{
  AtlasDataset *dataset = self->store ? atlas_store_get_dataset (self->store) : NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  AdwPreferencesGroup *sources_group;
  GListModel *guidance;

  self->stale = FALSE;
  clear_groups (self);
  if (dataset == NULL)
    return;

  guidance = atlas_dataset_get_guidance (dataset);
  for (guint k = 0; k < G_N_ELEMENTS (kind_groups); k++)
    {
      AdwPreferencesGroup *group = atlas_rows_new_group (_(kind_groups[k].title));

      adw_preferences_group_set_description (group, _(kind_groups[k].description));
      for (guint i = 0; i < g_list_model_get_n_items (guidance); i++)
        {
          g_autoptr(AtlasGuidance) item = g_list_model_get_item (guidance, i);

          if (atlas_guidance_get_kind (item) != kind_groups[k].kind)
            continue;

          adw_preferences_group_add (group, GTK_WIDGET (atlas_info_row_new (atlas_guidance_get_title (item),
                                                                             atlas_guidance_get_text (item))));
          add_cited_sources (cited, atlas_guidance_get_source_ids (item));
        }
      add_group (self, group);
    }

  /* The data's strings stay borrowed while the dataset is alive. */
  sources_group = atlas_rows_new_group (_("Sources"));
  for (guint i = 0; i < cited->len; i++)
    {
      AtlasSource *source = atlas_dataset_lookup_source (dataset, g_ptr_array_index (cited, i));

      if (source != NULL)
        adw_preferences_group_add (sources_group, GTK_WIDGET (atlas_rows_new_source (source)));
    }
  add_group (self, sources_group);
}

/* The page is built when it is on screen: while hidden, a new dataset
 * only marks it stale. */
static void
rebuild (AtlasGuidancePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rebuild_now (self);
      return;
    }

  clear_groups (self);
  self->stale = TRUE;
}

static void
atlas_guidance_page_map (GtkWidget *widget)
{
  AtlasGuidancePage *self = ATLAS_GUIDANCE_PAGE (widget);

  if (self->stale)
    rebuild_now (self);

  GTK_WIDGET_CLASS (atlas_guidance_page_parent_class)->map (widget);
}

static void
atlas_guidance_page_dispose (GObject *object)
{
  AtlasGuidancePage *self = ATLAS_GUIDANCE_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_GUIDANCE_PAGE);

  G_OBJECT_CLASS (atlas_guidance_page_parent_class)->dispose (object);
}

static void
atlas_guidance_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasGuidancePage *self = ATLAS_GUIDANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_guidance_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasGuidancePage *self = ATLAS_GUIDANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atlas_guidance_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_guidance_page_class_init (AtlasGuidancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_guidance_page_dispose;
  object_class->get_property = atlas_guidance_page_get_property;
  object_class->set_property = atlas_guidance_page_set_property;

  widget_class->map = atlas_guidance_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-guidance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasGuidancePage, box);
  atlas_links_install_action (widget_class);
}

static void
atlas_guidance_page_init (AtlasGuidancePage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_guidance_page_new (AtlasStore *store)
{
  return g_object_new (ATLAS_TYPE_GUIDANCE_PAGE,
                       "store", store,
                       NULL);
}

AtlasStore *
atlas_guidance_page_get_store (AtlasGuidancePage *self)
{
  g_return_val_if_fail (ATLAS_IS_GUIDANCE_PAGE (self), NULL);

  return self->store;
}

void
atlas_guidance_page_set_store (AtlasGuidancePage *self,
                               AtlasStore        *store)
{
  g_return_if_fail (ATLAS_IS_GUIDANCE_PAGE (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_swapped (self->store, "notify::dataset", G_CALLBACK (rebuild), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
