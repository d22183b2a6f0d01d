/* vigie-chemicals-page.c — the Chemicals page.
 *
 * The list is a VigieChemicalList (ids from one SQL query, rows on demand) in a
 * GtkColumnView that sorts nothing itself: a probe sorter per column tells which header
 * was clicked and the order goes to the SQL query, like the Factories page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vigie-chemicals-page.h"
#include "vigie-ghs-pictogram.h"
#include "vigie-reference.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

typedef struct
{
  VigieChemicalsPage *self;
  VigieChemicalSort   sort;
} Probe;

typedef struct
{
  VigieChemicalsPage *self;   /* weak */
  VigieStore         *store;
  gint64              id;
  gboolean            undone;
} PendingDelete;

struct _VigieChemicalsPage
{
  GtkWidget               parent_instance;

  GtkWidget              *paned;
  GtkDropDown            *inventory_filter;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *process_filter;
  GtkDropDown            *class_filter;
  GtkWidget              *flags_box;
  GtkStack               *view_stack;
  GtkStack               *list_stack;
  GtkColumnView          *column_view;
  AdwStatusPage          *empty_page;
  GtkLabel               *count_label;
  VigieHazardSummaryView *summary_view;
  VigieChemicalEditor    *editor;

  VigieStore             *store;
  VigieChemicalList      *list;
  GtkSingleSelection     *selection;
  GCancellable           *cancellable;
  guint                   busy;
  gboolean                updating;

  GPtrArray              *inventories;   /* VigieInventory, after "All inventories" */
  char                  **classes;       /* after "Every hazard class" */
  GtkWidget              *flag_toggles[7];

  Probe                   probes[VIGIE_CHEMICAL_N_SORTS];
  int                     probe_hit;
  GObject                *probe_a;
  GObject                *probe_b;
  VigieChemicalSort       sort;
  gboolean                descending;
};

G_DEFINE_FINAL_TYPE (VigieChemicalsPage, vigie_chemicals_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const struct { guint flag; const char *label; } flag_filters[] = {
  { VIGIE_CHEMICAL_FLAG_CMR, N_("Carcinogenic, mutagenic or reprotoxic (CMR)") },
  { VIGIE_CHEMICAL_FLAG_SVHC, N_("REACH SVHC candidate") },
  { VIGIE_CHEMICAL_FLAG_SIN, N_("On the SIN list") },
  { VIGIE_CHEMICAL_FLAG_ROHS, N_("RoHS restricted") },
  { VIGIE_CHEMICAL_FLAG_NO_SDS | VIGIE_CHEMICAL_FLAG_SDS_LANGUAGE,
    N_("SDS missing or not in the workers’ language") },
  { VIGIE_CHEMICAL_FLAG_PPE_INADEQUATE, N_("PPE reported inadequate") },
};

static void
add_toast (VigieChemicalsPage *self,
           AdwToast           *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);

  if (window != NULL)
    vigie_window_add_toast (VIGIE_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ─── Cells ──────────────────────────────────────────────────────────────── */

typedef enum
{
  COL_NAME, COL_PROCESS, COL_QTY_YEAR, COL_QTY_STORED, COL_WORKERS, COL_WOMEN, COL_HAZARD,
  COL_FLAGS, N_COLS
} Col;

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  Col col = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (col >= COL_QTY_YEAR && col <= COL_WOMEN)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (col == COL_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *sub = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), sub);
      gtk_list_item_set_child (item, box);
      return;
    }
  if (col == COL_HAZARD)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

      gtk_box_append (GTK_BOX (box), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_start (label, 4);
      gtk_list_item_set_child (item, box);
      return;
    }
  if (col == COL_FLAGS)
    gtk_widget_add_css_class (label, "error");
  gtk_list_item_set_child (item, label);
}

static char *
format_qty (double      v,
            const char *unit)
{
  if (isnan (v))
    return g_strdup ("—");
  /* Translators: a quantity and its unit: "1,200 L" */
  return g_strdup_printf (C_("quantity", "%'.0f %s"), v, unit);
}

static char *
format_count (gint64 v)
{
  return v < 0 ? g_strdup ("—") : g_strdup_printf ("%'" G_GINT64_FORMAT, v);
}

static void
draw_small_pictogram (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        data)
{
  vigie_ghs_pictogram_render (cr, data, 0, 0, MIN (width, height));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  Col col = GPOINTER_TO_INT (data);
  VigieChemicalRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (col)
    {
    case COL_NAME:
      {
        GtkWidget *name = gtk_widget_get_first_child (child);
        GtkWidget *sub = gtk_widget_get_next_sibling (name);
        /* Translators: under a product's name: site · reporting period */
        g_autofree char *where = g_strdup_printf (_("%1$s · %2$s"),
                                                  vigie_chemical_row_get_site_name (row),
                                                  vigie_chemical_row_get_period (row));

        gtk_label_set_text (GTK_LABEL (name), vigie_chemical_row_get_trade_name (row));
        gtk_label_set_text (GTK_LABEL (sub), where);
        return;
      }
    case COL_PROCESS:
      text = g_strdup (vigie_chemical_row_get_process_label (row));
      break;
    case COL_QTY_YEAR:
      text = format_qty (vigie_chemical_row_get_qty_per_year (row),
                         vigie_chemical_row_get_qty_unit (row));
      break;
    case COL_QTY_STORED:
      text = format_qty (vigie_chemical_row_get_qty_stored_max (row),
                         vigie_chemical_row_get_qty_unit (row));
      break;
    case COL_WORKERS:
      text = format_count (vigie_chemical_row_get_workers_exposed (row));
      break;
    case COL_WOMEN:
      text = format_count (vigie_chemical_row_get_women_exposed (row));
      break;
    case COL_HAZARD:
      {
        GtkWidget *pictos = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (pictos);
        const char * const *codes = vigie_chemical_row_get_pictograms (row);
        GtkWidget *old;

        while ((old = gtk_widget_get_first_child (pictos)) != NULL)
          gtk_box_remove (GTK_BOX (pictos), old);
        for (guint i = 0; codes != NULL && codes[i] != NULL && i < 4; i++)
          {
            GtkWidget *area = gtk_drawing_area_new ();

            gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 22);
            gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 22);
            gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_small_pictogram,
                                            g_strdup (codes[i]), g_free);
            gtk_widget_set_tooltip_text (area, vigie_ghs_pictogram_name (codes[i]));
            gtk_box_append (GTK_BOX (pictos), area);
          }
        gtk_label_set_text (GTK_LABEL (label), vigie_chemical_row_get_worst_code (row));
        gtk_widget_set_tooltip_text (label, vigie_chemical_row_get_worst_text (row));
        return;
      }
    case COL_FLAGS:
    default:
      text = g_strdup (vigie_chemical_row_get_flags_label (row));
      break;
    }
  gtk_label_set_text (GTK_LABEL (child), text);
}

/* Drop-down buttons whose text (a long site name) ellipsizes instead of widening the page;
 * the popup shows the whole text. */
static void
setup_ellipsized (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_string (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
ellipsize_drop_down (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_ellipsized), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_string), NULL);
  g_signal_connect (popup, "setup", G_CALLBACK (setup_ellipsized), GINT_TO_POINTER (FALSE));
  g_signal_connect (popup, "bind", G_CALLBACK (bind_string), NULL);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, popup);
  gtk_drop_down_set_expression (drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
}

/* ─── Query ──────────────────────────────────────────────────────────────── */

static VigieChemicalQuery *
query_from_widgets (VigieChemicalsPage *self)
{
  VigieChemicalQuery *q = vigie_chemical_query_new ();
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);
  guint proc = gtk_drop_down_get_selected (self->process_filter);
  guint cls = gtk_drop_down_get_selected (self->class_filter);
  const VigieVocabEntry *processes;
  guint n_processes = 0;

  q->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->inventories != NULL && inv > 0 && inv <= self->inventories->len)
    {
      VigieInventory *i = g_ptr_array_index (self->inventories, inv - 1);

      q->site_id = i->site_id;
      q->period = g_strdup (i->period);
    }
  processes = vigie_vocab_entries (VIGIE_VOCAB_CHEMICAL_PROCESS, &n_processes);
  if (proc > 0 && proc <= n_processes)
    q->process = g_strdup (processes[proc - 1].code);
  if (self->classes != NULL && cls > 0 && cls <= g_strv_length (self->classes))
    q->hazard_class = g_strdup (self->classes[cls - 1]);
  for (guint i = 0; i < G_N_ELEMENTS (flag_filters); i++)
    if (self->flag_toggles[i] != NULL
        && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->flag_toggles[i])))
      q->flags |= flag_filters[i].flag;
  q->sort = self->sort;
  q->descending = self->descending;
  return q;
}

static void
update_count (VigieChemicalsPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u product",
                                                        "%'u products", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  if (n == 0 && self->store != NULL && vigie_store_count (self->store, "chemical_products") > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Products"));
      adw_status_page_set_description (self->empty_page,
                                       _("No product matches the search and filters."));
    }
  else if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Chemical Products"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add a product with Ctrl+N, or import an inventory "
                                         "with “vigie-cli import chemicals”."));
    }
}

static void
update_summary (VigieChemicalsPage *self)
{
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);

  if (self->store == NULL || self->inventories == NULL || inv == 0
      || inv > self->inventories->len)
    {
      vigie_hazard_summary_view_set_summary (self->summary_view, NULL, NULL);
      return;
    }
  {
    VigieInventory *i = g_ptr_array_index (self->inventories, inv - 1);
    g_autoptr(GError) error = NULL;
    VigieHazardSummary *summary = vigie_chemical_hazard_summary (self->store, i->site_id,
                                                                 i->period, &error);

    if (summary == NULL)
      add_toast (self, adw_toast_new (error->message));
    vigie_hazard_summary_view_set_summary (self->summary_view, summary, i->site_name);
  }
}

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VigieChemicalsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!vigie_chemical_list_set_query_finish (VIGIE_CHEMICAL_LIST (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new (error->message));
      return;
    }
  update_count (self);
}

static void
run_query (VigieChemicalsPage *self)
{
  g_autoptr(VigieChemicalQuery) q = NULL;

  if (self->list == NULL)
    return;
  q = query_from_widgets (self);
  self->busy++;
  vigie_chemical_list_set_query_async (self->list, q, NULL, query_done_cb, g_object_ref (self));
}

static void
filters_changed_cb (VigieChemicalsPage *self)
{
  if (self->updating)
    return;
  run_query (self);
  update_summary (self);
}

static void
view_changed_cb (VigieChemicalsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "summary") == 0)
    update_summary (self);
}

static void
fill_filters (VigieChemicalsPage *self)
{
  g_autoptr(GtkStringList) inventories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) processes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  guint n = 0;

  self->updating = TRUE;
  g_clear_pointer (&self->inventories, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_strfreev);
  if (self->store != NULL)
    {
      self->inventories = vigie_chemical_list_inventories (self->store, 0, NULL);
      self->classes = vigie_chemical_list_hazard_classes (self->store, NULL);
    }
  gtk_string_list_append (inventories, _("All inventories"));
  for (guint i = 0; self->inventories != NULL && i < self->inventories->len; i++)
    {
      VigieInventory *inv = g_ptr_array_index (self->inventories, i);
      /* Translators: an inventory: site, period and number of products */
      g_autofree char *item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%1$s, %2$s (%3$" G_GINT64_FORMAT " product)",
                                                            "%1$s, %2$s (%3$" G_GINT64_FORMAT " products)",
                                                            (gulong) inv->n_products),
                                               inv->site_name, inv->period, inv->n_products);

      gtk_string_list_append (inventories, item);
    }
  gtk_drop_down_set_model (self->inventory_filter, G_LIST_MODEL (inventories));

  gtk_string_list_append (processes, _("Every process"));
  entries = vigie_vocab_entries (VIGIE_VOCAB_CHEMICAL_PROCESS, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (processes, vigie_vocab_label (VIGIE_VOCAB_CHEMICAL_PROCESS,
                                                          entries[i].code));
  gtk_drop_down_set_model (self->process_filter, G_LIST_MODEL (processes));

  gtk_string_list_append (classes, _("Every hazard class"));
  for (guint i = 0; self->classes != NULL && self->classes[i] != NULL; i++)
    gtk_string_list_append (classes, vigie_reference_text (self->classes[i]));
  gtk_drop_down_set_model (self->class_filter, G_LIST_MODEL (classes));
  self->updating = FALSE;
}

/* ─── Sorting by column header ───────────────────────────────────────────── */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->self->probe_hit < 0)
    probe->self->probe_hit = (int) probe->sort;
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (VigieChemicalsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probe_hit = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_hit < 0)
    {
      self->sort = VIGIE_CHEMICAL_SORT_TRADE_NAME;
      self->descending = FALSE;
    }
  else
    {
      self->sort = (VigieChemicalSort) self->probe_hit;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  run_query (self);
}

static void
add_column (VigieChemicalsPage *self,
            const char         *title,
            Col                 col,
            int                 sort,
            gboolean            expand,
            int                 fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (col));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (col));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  if (sort >= 0)
    {
      self->probes[sort].self = self;
      self->probes[sort].sort = (VigieChemicalSort) sort;
      gtk_column_view_column_set_sorter (column,
                                         GTK_SORTER (gtk_custom_sorter_new (probe_compare,
                                                                            &self->probes[sort],
                                                                            NULL)));
    }
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* ─── Selection, actions ─────────────────────────────────────────────────── */

static gint64
selected_id (VigieChemicalsPage *self)
{
  VigieChemicalRow *row;

  if (self->selection == NULL)
    return 0;
  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? vigie_chemical_row_get_id (row) : 0;
}

static void
selection_changed_cb (VigieChemicalsPage *self)
{
  gint64 id = selected_id (self);

  if (id != 0 && id != vigie_chemical_editor_get_id (self->editor))
    vigie_chemical_editor_load (self->editor, id);
}

gboolean
vigie_chemicals_page_select_product (VigieChemicalsPage *self,
                                     gint64              id)
{
  guint position;

  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  position = vigie_chemical_list_find_position (self->list, id);
  if (position == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  vigie_chemical_editor_load (self->editor, id);
  return TRUE;
}

static void
editor_saved_cb (VigieChemicalsPage *self,
                 gint64              id)
{
  g_autoptr(GError) error = NULL;
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);
  g_autoptr(VigieChemicalQuery) q = NULL;

  /* A new inventory may have appeared: refresh the filters, keep the choice. */
  fill_filters (self);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->inventory_filter, inv);
  self->updating = FALSE;
  q = query_from_widgets (self);
  if (!vigie_chemical_list_set_query (self->list, q, &error))
    add_toast (self, adw_toast_new (error->message));
  update_count (self);
  update_summary (self);
  vigie_chemicals_page_select_product (self, id);
  add_toast (self, adw_toast_new (_("Product saved")));
}

static void
new_product_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  VigieChemicalsPage *self = VIGIE_CHEMICALS_PAGE (widget);
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);
  gint64 site_id = 0;
  const char *period = NULL;

  if (self->store == NULL)
    return;
  if (self->inventories != NULL && inv > 0 && inv <= self->inventories->len)
    {
      VigieInventory *i = g_ptr_array_index (self->inventories, inv - 1);

      site_id = i->site_id;
      period = i->period;
    }
  else if (self->inventories != NULL && self->inventories->len > 0)
    site_id = ((VigieInventory *) g_ptr_array_index (self->inventories, 0))->site_id;
  if (site_id == 0)
    {
      add_toast (self, adw_toast_new (_("Choose an inventory first, or import one")));
      return;
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  vigie_chemical_editor_new_product (self->editor, site_id, period);
}

static void
pending_free (gpointer data)
{
  PendingDelete *pd = data;

  g_clear_weak_pointer (&pd->self);
  g_clear_object (&pd->store);
  g_free (pd);
}

static void
undo_clicked_cb (AdwToast      *toast,
                 PendingDelete *pd)
{
  pd->undone = TRUE;
  if (pd->self != NULL)
    {
      vigie_chemical_list_unhide_id (pd->self->list, pd->id);
      vigie_chemical_list_reload (pd->self->list, NULL);
      update_count (pd->self);
      vigie_chemicals_page_select_product (pd->self, pd->id);
    }
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    PendingDelete *pd)
{
  g_autoptr(GError) error = NULL;

  if (pd->undone)
    return;
  if (!vigie_chemical_delete_product (pd->store, pd->id, &error))
    g_warning ("Cannot delete chemical product: %s", error->message);
  if (pd->self != NULL)
    {
      vigie_chemical_list_unhide_id (pd->self->list, pd->id);
      fill_filters (pd->self);
      update_summary (pd->self);
    }
}

static void
delete_product_activated (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  VigieChemicalsPage *self = VIGIE_CHEMICALS_PAGE (widget);
  gint64 id = selected_id (self);
  PendingDelete *pd;
  AdwToast *toast;
  VigieChemicalRow *row;
  g_autofree char *title = NULL;

  if (id == 0 || self->store == NULL)
    return;
  row = gtk_single_selection_get_selected_item (self->selection);
  /* Translators: %s is a product's trade name */
  title = g_strdup_printf (_("“%s” deleted"), vigie_chemical_row_get_trade_name (row));
  pd = g_new0 (PendingDelete, 1);
  g_set_weak_pointer (&pd->self, self);
  pd->store = g_object_ref (self->store);
  pd->id = id;
  vigie_chemical_list_hide_id (self->list, id);
  update_count (self);
  vigie_chemical_editor_load (self->editor, 0);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), pd);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pd,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  add_toast (self, toast);
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  vigie_chemical_editor_save (VIGIE_CHEMICALS_PAGE (widget)->editor);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (VIGIE_CHEMICALS_PAGE (widget)->search_entry));
}

static void
summary_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  VigieChemicalsPage *self = VIGIE_CHEMICALS_PAGE (widget);
  gboolean summary = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack),
                                "summary") == 0;

  gtk_stack_set_visible_child_name (self->view_stack, summary ? "products" : "summary");
}

/* ─── Store ──────────────────────────────────────────────────────────────── */

void
vigie_chemicals_page_set_store (VigieChemicalsPage *self,
                                VigieStore         *store)
{
  g_return_if_fail (VIGIE_IS_CHEMICALS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->list);
  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The substance reference is reference data: load or refresh it (idempotent). */
      if (vigie_chemical_seed_substances (store, &error) < 0)
        g_warning ("Cannot load the substance reference: %s", error->message);
      self->list = vigie_chemical_list_new (store);
    }
  gtk_single_selection_set_model (self->selection, self->list != NULL
                                                   ? G_LIST_MODEL (self->list) : NULL);
  vigie_chemical_editor_set_store (self->editor, store);
  fill_filters (self);
  if (self->list != NULL)
    {
      g_autoptr(VigieChemicalQuery) q = query_from_widgets (self);
      g_autoptr(GError) error = NULL;

      if (!vigie_chemical_list_set_query (self->list, q, &error))
        g_warning ("Cannot list chemical products: %s", error->message);
    }
  update_count (self);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
vigie_chemicals_page_show_inventory (VigieChemicalsPage *self,
                                     gint64              site_id,
                                     const char         *period)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), FALSE);

  if (site_id == 0)
    {
      gtk_drop_down_set_selected (self->inventory_filter, 0);
      return TRUE;
    }
  for (guint i = 0; self->inventories != NULL && i < self->inventories->len; i++)
    {
      VigieInventory *inv = g_ptr_array_index (self->inventories, i);

      if (inv->site_id == site_id && (period == NULL || g_strcmp0 (inv->period, period) == 0))
        {
          gtk_drop_down_set_selected (self->inventory_filter, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

void
vigie_chemicals_page_show_view (VigieChemicalsPage *self,
                                const char         *name)
{
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

void
vigie_chemicals_page_set_flags (VigieChemicalsPage *self,
                                guint               flags)
{
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (flag_filters); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->flag_toggles[i]),
                                 (flags & flag_filters[i].flag) == flag_filters[i].flag);
  self->updating = FALSE;
  filters_changed_cb (self);
}

VigieChemicalList *
vigie_chemicals_page_get_list (VigieChemicalsPage *self)
{
  return self->list;
}

VigieChemicalEditor *
vigie_chemicals_page_get_editor (VigieChemicalsPage *self)
{
  return self->editor;
}

VigieHazardSummaryView *
vigie_chemicals_page_get_summary (VigieChemicalsPage *self)
{
  return self->summary_view;
}

GtkEditable *
vigie_chemicals_page_get_search_entry (VigieChemicalsPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkLabel *
vigie_chemicals_page_get_count_label (VigieChemicalsPage *self)
{
  return self->count_label;
}

gboolean
vigie_chemicals_page_get_busy (VigieChemicalsPage *self)
{
  return self->busy > 0;
}

/* ─── GObject ────────────────────────────────────────────────────────────── */

static void
vigie_chemicals_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      vigie_chemicals_page_set_store (VIGIE_CHEMICALS_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_chemicals_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, VIGIE_CHEMICALS_PAGE (object)->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_chemicals_page_dispose (GObject *object)
{
  VigieChemicalsPage *self = VIGIE_CHEMICALS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_CHEMICALS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->inventories, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_strfreev);
  G_OBJECT_CLASS (vigie_chemicals_page_parent_class)->dispose (object);
}

static void
vigie_chemicals_page_class_init (VigieChemicalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_chemicals_page_dispose;
  object_class->set_property = vigie_chemicals_page_set_property;
  object_class->get_property = vigie_chemicals_page_get_property;
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIE_TYPE_CHEMICAL_EDITOR);
  g_type_ensure (VIGIE_TYPE_HAZARD_SUMMARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-chemicals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, inventory_filter);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, process_filter);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, class_filter);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, flags_box);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);

  gtk_widget_class_install_action (widget_class, "page.new-product", NULL, new_product_activated);
  gtk_widget_class_install_action (widget_class, "page.delete-product", NULL,
                                   delete_product_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "page.toggle-summary", NULL, summary_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "page.new-product", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "page.delete-product", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "page.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "page.toggle-summary", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_chemicals_page_init (VigieChemicalsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ellipsize_drop_down (self->inventory_filter);
  ellipsize_drop_down (self->class_filter);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Product"), COL_NAME, VIGIE_CHEMICAL_SORT_TRADE_NAME, TRUE, -1);
  add_column (self, _("Process"), COL_PROCESS, VIGIE_CHEMICAL_SORT_PROCESS, FALSE, 92);
  add_column (self, _("Per year"), COL_QTY_YEAR, VIGIE_CHEMICAL_SORT_QTY_YEAR, FALSE, 84);
  add_column (self, _("Stored"), COL_QTY_STORED, VIGIE_CHEMICAL_SORT_QTY_STORED, FALSE, 74);
  add_column (self, _("Workers"), COL_WORKERS, VIGIE_CHEMICAL_SORT_WORKERS, FALSE, 66);
  add_column (self, _("Women"), COL_WOMEN, VIGIE_CHEMICAL_SORT_WOMEN, FALSE, 60);
  add_column (self, _("Worst hazard"), COL_HAZARD, -1, FALSE, 140);
  add_column (self, _("Flags"), COL_FLAGS, -1, FALSE, 120);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (sorter_changed_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (flag_filters); i++)
    {
      self->flag_toggles[i] = gtk_check_button_new_with_label (_(flag_filters[i].label));
      g_signal_connect_swapped (self->flag_toggles[i], "toggled",
                                G_CALLBACK (filters_changed_cb), self);
      gtk_box_append (GTK_BOX (self->flags_box), self->flag_toggles[i]);
    }
  update_count (self);
}
