/* vigie-buyers-private.h — what the Buyers page and its forms share, and the accessors the
 * UI tests use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-buyers-page.h"
#include "vigie-buyers.h"

G_BEGIN_DECLS

/* Called when a form saved its record (ID is the record's id). */
typedef void (*VigieBuyersSavedFunc) (GObject *owner,
                                      gint64   id);

/* The forms: modal windows over PARENT. ID 0 creates a record; KIND is the kind of a new
 * organisation; ORGANISATION is the organisation whose dashboard opened the form (its
 * contracts are offered, it is preselected as a party). OWNER is weakly referenced: SAVED
 * is not called once it is gone. */
GtkWindow *vigie_organisation_form_new (GtkWindow            *parent,
                                        VigieStore           *store,
                                        gint64                id,
                                        const char           *kind,
                                        GObject              *owner,
                                        VigieBuyersSavedFunc  saved);
GtkWindow *vigie_contract_form_new     (GtkWindow            *parent,
                                        VigieStore           *store,
                                        gint64                id,
                                        gint64                organisation,
                                        GObject              *owner,
                                        VigieBuyersSavedFunc  saved);
GtkWindow *vigie_disclosure_form_new   (GtkWindow            *parent,
                                        VigieStore           *store,
                                        gint64                id,
                                        gint64                organisation,
                                        GObject              *owner,
                                        VigieBuyersSavedFunc  saved);

/* For tests: the widget editing FIELD (record member name, "site_search" for the site
 * finder of a contract form), or NULL. */
GtkWidget *vigie_buyers_form_get_field (GtkWindow  *form,
                                        const char *field);
/* For tests: adds the site ID as a link of the contract form (what clicking a search
 * result does). */
void       vigie_buyers_form_add_link  (GtkWindow  *form,
                                        gint64      site_id);
/* Validates and saves (what the Save button does); FALSE with the fields marked when the
 * form is invalid. The window closes on success. */
gboolean   vigie_buyers_form_save      (GtkWindow  *form);

/* For tests. */
GtkListBox             *vigie_buyers_page_get_sidebar        (VigieBuyersPage *self);
GtkEditable            *vigie_buyers_page_get_search_entry   (VigieBuyersPage *self);
/* The dashboard shown (NULL while none is, or while it is computed). */
VigieSupplierDashboard *vigie_buyers_page_get_dashboard      (VigieBuyersPage *self);
GtkColumnView          *vigie_buyers_page_get_sites_view     (VigieBuyersPage *self);
GtkWidget              *vigie_buyers_page_get_dashboard_box  (VigieBuyersPage *self);
/* Selects organisation ID in the sidebar (loading its dashboard). FALSE if not listed. */
gboolean                vigie_buyers_page_select             (VigieBuyersPage *self,
                                                              gint64           id);
gint64                  vigie_buyers_page_get_selected       (VigieBuyersPage *self);
/* TRUE while the sidebar or the dashboard is loading. */
gboolean                vigie_buyers_page_get_busy           (VigieBuyersPage *self);
/* The form opened last by the page (new/edit organisation, contract, request), or NULL. */
GtkWindow              *vigie_buyers_page_get_form           (VigieBuyersPage *self);

G_END_DECLS
