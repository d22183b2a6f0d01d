/* vigie-site-editor.h — the detail pane of the Factories page: every field of a site and
 * its workforce snapshots, validated as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-site.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_SITE_EDITOR (vigie_site_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigieSiteEditor, vigie_site_editor, VIGIE, SITE_EDITOR, GtkWidget)

GtkWidget  *vigie_site_editor_new            (void);
void        vigie_site_editor_set_store      (VigieSiteEditor  *self,
                                              VigieStore       *store);
/* Shows site ID (its fields and workforce). */
gboolean    vigie_site_editor_load           (VigieSiteEditor  *self,
                                              gint64            id,
                                              GError          **error);
/* A blank site, in COUNTRY (may be NULL); saving inserts it. */
void        vigie_site_editor_new_site       (VigieSiteEditor  *self,
                                              const char       *country);
/* Shows "No site selected". */
void        vigie_site_editor_clear          (VigieSiteEditor  *self);

/* 0 for a new site not saved yet, or when nothing is shown. */
gint64      vigie_site_editor_get_site_id    (VigieSiteEditor  *self);
gboolean    vigie_site_editor_get_editing    (VigieSiteEditor  *self);
gboolean    vigie_site_editor_get_modified   (VigieSiteEditor  *self);
/* FALSE while a field is invalid. */
gboolean    vigie_site_editor_get_valid      (VigieSiteEditor  *self);
/* The site's name as typed (for the page's messages). */
const char *vigie_site_editor_get_name       (VigieSiteEditor  *self);

/* Writes the fields (insert or update); emits ::saved (gint64 id, gboolean created). */
gboolean    vigie_site_editor_save           (VigieSiteEditor  *self,
                                              GError          **error);

/* For tests: the row of FIELD (a VigieSiteRecord member name) and the reason shown on it
 * (NULL when valid). */
GtkWidget  *vigie_site_editor_get_field_row  (VigieSiteEditor  *self,
                                              const char       *field);
const char *vigie_site_editor_get_field_error (VigieSiteEditor *self,
                                               const char      *field);
/* The workforce rows shown (newest first). */
guint       vigie_site_editor_get_n_workforce (VigieSiteEditor *self);

G_END_DECLS
