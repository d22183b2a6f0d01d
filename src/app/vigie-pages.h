/* vigie-pages.h — registers the page types that ui/vigie-window.ui instantiates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void vigie_pages_ensure_types (void);

G_END_DECLS
