/* vigie-row-cache.c — a bounded id → row object LRU cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigie-row-cache.h"

typedef struct
{
  gint64   id;
  gpointer row;   /* owned reference */
} Entry;

struct _VigieRowCache
{
  guint       capacity;
  GHashTable *links;   /* gint64* (the entry's id) → GList* link in lru */
  GQueue      lru;     /* of Entry*, most recently used at the head */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->row);
  g_free (entry);
}

VigieRowCache *
vigie_row_cache_new (guint capacity)
{
  VigieRowCache *self = g_new0 (VigieRowCache, 1);

  self->capacity = MAX (capacity, 1);
  self->links = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->lru);
  return self;
}

void
vigie_row_cache_clear (VigieRowCache *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->links);
  g_queue_clear_full (&self->lru, entry_free);
}

void
vigie_row_cache_free (VigieRowCache *self)
{
  if (self == NULL)
    return;
  vigie_row_cache_clear (self);
  g_hash_table_unref (self->links);
  g_free (self);
}

gpointer
vigie_row_cache_lookup (VigieRowCache *self,
                        gint64         id)
{
  GList *link;

  g_return_val_if_fail (self != NULL, NULL);

  link = g_hash_table_lookup (self->links, &id);
  if (link == NULL)
    return NULL;
  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);
  return g_object_ref (((Entry *) link->data)->row);
}

void
vigie_row_cache_forget (VigieRowCache *self,
                        gint64         id)
{
  GList *link;

  g_return_if_fail (self != NULL);

  link = g_hash_table_lookup (self->links, &id);
  if (link == NULL)
    return;
  g_hash_table_remove (self->links, &id);
  entry_free (link->data);
  g_queue_delete_link (&self->lru, link);
}

void
vigie_row_cache_insert (VigieRowCache *self,
                        gint64         id,
                        gpointer       row)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (row));

  vigie_row_cache_forget (self, id);
  entry = g_new (Entry, 1);
  entry->id = id;
  entry->row = g_object_ref (row);
  g_queue_push_head (&self->lru, entry);
  g_hash_table_insert (self->links, &entry->id, self->lru.head);

  while (self->lru.length > self->capacity)
    {
      Entry *old = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->links, &old->id);
      entry_free (old);
    }
}
