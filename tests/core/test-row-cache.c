/* test-row-cache.c — the lists' shared row cache: hits, least-recently-used eviction,
 * forgetting and references.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigie-row-cache.h"

static void
test_lru (void)
{
  g_autoptr(VigieRowCache) cache = vigie_row_cache_new (2);
  GObject *a = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *b = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *c = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *hit;

  g_object_add_weak_pointer (b, (gpointer *) &b);
  vigie_row_cache_insert (cache, 1, a);
  vigie_row_cache_insert (cache, 2, b);
  g_object_unref (b);            /* the cache holds the only reference now */
  g_assert_nonnull (b);

  /* Using 1 makes 2 the least recently used: inserting 3 evicts 2, not 1. */
  hit = vigie_row_cache_lookup (cache, 1);
  g_assert_true (hit == a);
  g_object_unref (hit);
  vigie_row_cache_insert (cache, 3, c);
  g_assert_null (b);             /* evicted and released */
  g_assert_null (vigie_row_cache_lookup (cache, 2));

  hit = vigie_row_cache_lookup (cache, 3);
  g_assert_true (hit == c);
  g_object_unref (hit);

  vigie_row_cache_forget (cache, 1);
  g_assert_null (vigie_row_cache_lookup (cache, 1));
  vigie_row_cache_forget (cache, 99);   /* unknown ids are fine */

  /* Inserting an id again replaces its row. */
  vigie_row_cache_insert (cache, 3, a);
  hit = vigie_row_cache_lookup (cache, 3);
  g_assert_true (hit == a);
  g_object_unref (hit);

  vigie_row_cache_clear (cache);
  g_assert_null (vigie_row_cache_lookup (cache, 3));
  g_object_unref (a);
  g_object_unref (c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/row-cache/lru", test_lru);
  return g_test_run ();
}
