/* vigie-row-cache.h — a bounded id → row object cache with least-recently-used eviction,
 * shared by the lazy list models (sites, findings, chemical products, actions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _VigieRowCache VigieRowCache;

VigieRowCache *vigie_row_cache_new    (guint          capacity);
void           vigie_row_cache_free   (VigieRowCache *self);

/* A new reference to the row of ID (and marks it recently used), or NULL. */
gpointer       vigie_row_cache_lookup (VigieRowCache *self,
                                       gint64         id);
/* Keeps a reference to ROW under ID, evicting the least recently used row when full. */
void           vigie_row_cache_insert (VigieRowCache *self,
                                       gint64         id,
                                       gpointer       row);
void           vigie_row_cache_forget (VigieRowCache *self,
                                       gint64         id);
void           vigie_row_cache_clear  (VigieRowCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieRowCache, vigie_row_cache_free)

G_END_DECLS
