/* vigie-chemicals-page.c — the Chemicals page.
 *
 * The list is a VigieChemicalList (ids from one SQL query, rows on demand) in a
 * GtkColumnView that sorts nothing itself: a probe sorter per column tells which header
 * was clicked and the order goes to the SQL query, like the Factories page.
 *
 * The products and the choices of the filters (inventories, hazard classes) are read in
 * worker threads on connections of their own: the page shows "Loading…" meanwhile, and a
 * newer filter change replaces a query still on its way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vigie-cell-label.h"
#include "vigie-chemicals-page.h"
#include "vigie-pages.h"
#include "vigie-factories-private.h"
#include "vigie-ghs-pictogram.h"
#include "vigie-reference.h"
#include "vigie-util.h"
#include "vigie-validate.h"
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
  GtkWidget              *filter_bar;
  GtkWidget              *new_button;
  GtkWidget              *delete_button;
  GtkWidget              *measurements_page;
  GtkWidget              *substances_page;

  /* Substances view (built in code) */
  GtkWidget              *substance_search, *substance_list, *substance_list_stack;
  GtkWidget              *s_stack, *s_heading, *s_save, *s_error, *s_products;
  GtkWidget              *s_name, *s_cas, *s_ec, *s_svhc, *s_svhc_date, *s_sin, *s_rohs, *s_cmr;
  GPtrArray              *substances;    /* VigieSubstance, the list's order */
  gint64                  substance_id;  /* shown in the form */

  /* Measurements view (built in code) */
  GtkWidget              *m_heading, *m_list, *m_stack, *m_empty, *m_form, *m_error;
  GtkWidget              *m_product, *m_substance, *m_kind, *m_date, *m_value, *m_unit;
  GtkWidget              *m_limit, *m_source;
  GPtrArray              *m_products;    /* VigieChemicalChoice, after "None" */
  GPtrArray              *m_substances;  /* VigieSubstance, after "None" */
  gint64                  m_site_id;     /* whose products the choices hold */
  guint                   n_measurements;

  GHashTable             *named;         /* name → widget, for tests */
  AdwToast               *undo_toast;    /* weak: the last deletion's, while it shows */

  VigieStore             *store;
  VigieChemicalList      *list;
  GtkSingleSelection     *selection;
  GCancellable           *cancellable;   /* of the dataset's loads */
  guint                   ids_pending;   /* queries that have not called back */
  guint                   choices_pending;
  gint64                  keep_id;       /* selected again when the latest query is in */
  gint64                  want_site_id;  /* the inventory to show once the choices are in */
  char                   *want_period;
  GtkSpinner             *spinner;
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

static void fill_substances (VigieChemicalsPage *self);
static void fill_measurements (VigieChemicalsPage *self);
static gint64 selected_id (VigieChemicalsPage *self);

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
draw_small_pictogram (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        data)
{
  const char *code = g_object_get_data (G_OBJECT (area), "vigie-pictogram");

  if (code != NULL)
    vigie_ghs_pictogram_render (cr, code, 0, 0, MIN (width, height));
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  Col col = GPOINTER_TO_INT (data);
  GtkWidget *label = vigie_cell_label_new ();

  if (col >= COL_QTY_YEAR && col <= COL_WOMEN)
    {
      vigie_cell_label_set_numeric (VIGIE_CELL_LABEL (label), TRUE);
      vigie_cell_label_set_xalign (VIGIE_CELL_LABEL (label), 1.0f);
    }
  if (col == COL_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *sub = vigie_cell_label_new ();

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
      GtkWidget *pictos = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      /* Up to four pictograms, made once per cell and reused by every row it shows. */
      for (guint i = 0; i < 4; i++)
        {
          GtkWidget *area = gtk_drawing_area_new ();

          gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 22);
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 22);
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_small_pictogram, area,
                                          NULL);
          gtk_widget_set_visible (area, FALSE);
          gtk_box_append (GTK_BOX (pictos), area);
        }
      gtk_box_append (GTK_BOX (box), pictos);
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
  return g_strdup_printf (C_("quantity", "%1$'.0f %2$s"), v, unit);
}

static char *
format_count (gint64 v)
{
  return v < 0 ? g_strdup ("—") : g_strdup_printf ("%'" G_GINT64_FORMAT, v);
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

        vigie_cell_label_set_text (VIGIE_CELL_LABEL (name),
                                   vigie_chemical_row_get_trade_name (row));
        vigie_cell_label_set_text (VIGIE_CELL_LABEL (sub), where);
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
        GtkWidget *area = gtk_widget_get_first_child (pictos);
        const char *worst = vigie_chemical_row_get_worst_text (row);

        /* No tooltips in list cells: on GTK 4.8 under X11 each one costs a round trip to
         * the X server, and a screen of rows set about a thousand of them (a second on the
         * 1M dataset). The names are given to assistive technologies instead; the product
         * editor shows them. */
        for (guint i = 0; area != NULL; i++, area = gtk_widget_get_next_sibling (area))
          {
            const char *code = codes != NULL && i < g_strv_length ((char **) codes)
                               ? codes[i] : NULL;

            gtk_widget_set_visible (area, code != NULL);
            if (code == NULL)
              continue;
            if (g_strcmp0 (g_object_get_data (G_OBJECT (area), "vigie-pictogram"), code) != 0)
              {
                g_object_set_data_full (G_OBJECT (area), "vigie-pictogram", g_strdup (code),
                                        g_free);
                gtk_widget_queue_draw (area);
              }
            gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            vigie_ghs_pictogram_name (code), -1);
          }
        vigie_cell_label_set_text (VIGIE_CELL_LABEL (label),
                                   vigie_chemical_row_get_worst_code (row));
        gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        worst != NULL ? worst : "", -1);
        return;
      }
    case COL_FLAGS:
    default:
      text = g_strdup (vigie_chemical_row_get_flags_label (row));
      break;
    }
  vigie_cell_label_set_text (VIGIE_CELL_LABEL (child), text);
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
  if (self->want_site_id != 0)
    {
      q->site_id = self->want_site_id;
      q->period = g_strdup (self->want_period);
    }
  else if (self->inventories != NULL && inv > 0 && inv <= self->inventories->len)
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
  const char *view = self->view_stack != NULL
                     ? gtk_stack_get_visible_child_name (self->view_stack) : NULL;
  gboolean busy = vigie_chemicals_page_get_busy (self);

  if (self->spinner != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
      gtk_spinner_set_spinning (self->spinner, busy);
    }
  if (self->ids_pending > 0)
    {
      if (g_strcmp0 (view, "substances") != 0 && g_strcmp0 (view, "measurements") != 0)
        /* Translators: the count of products while the list is being read */
        gtk_label_set_text (self->count_label, _("Loading…"));
      /* The rows shown so far stay until the new ones are in. */
      gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
      /* Translators: in place of the list of products while it is being read */
      adw_status_page_set_title (self->empty_page, _("Loading Products…"));
      adw_status_page_set_description (self->empty_page, NULL);
      return;
    }
  if (g_strcmp0 (view, "substances") != 0 && g_strcmp0 (view, "measurements") != 0)
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

  self->ids_pending--;
  /* Of a dataset gone, or of a page gone (its widgets too). */
  if (VIGIE_CHEMICAL_LIST (source) != self->list)
    {
      if (self->list_stack != NULL)
        update_count (self);
      return;
    }
  if (!vigie_chemical_list_set_query_finish (self->list, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new (error->message));
      update_count (self);
      return;
    }
  if (self->keep_id != 0)
    {
      guint position = vigie_chemical_list_find_position (self->list, self->keep_id);

      if (position != G_MAXUINT)
        gtk_single_selection_set_selected (self->selection, position);
    }
  update_count (self);
}

/* Reads the products the filters select in a worker thread; KEEP_ID is selected again
 * once they are in. */
static void
run_query (VigieChemicalsPage *self,
           gint64              keep_id)
{
  g_autoptr(VigieChemicalQuery) q = NULL;

  if (self->list == NULL)
    return;
  q = query_from_widgets (self);
  self->keep_id = keep_id;
  self->ids_pending++;
  vigie_chemical_list_set_query_async (self->list, q, self->cancellable, query_done_cb,
                                       g_object_ref (self));
  update_count (self);
}

static void
filters_changed_cb (VigieChemicalsPage *self)
{
  if (self->updating)
    return;
  run_query (self, selected_id (self));
  update_summary (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "measurements") == 0)
    fill_measurements (self);
}

/* Products and the summary show the product editor beside them; the measurements and the
 * substance reference have their own form instead, and no product filters. */
static void
view_changed_cb (VigieChemicalsPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  gboolean products = g_strcmp0 (view, "products") == 0;
  gboolean own_form = g_strcmp0 (view, "substances") == 0
                      || g_strcmp0 (view, "measurements") == 0;

  if (self->filter_bar == NULL)
    return;
  gtk_widget_set_visible (self->filter_bar, products);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), !own_form);
  gtk_widget_set_visible (self->new_button, products);
  gtk_widget_set_visible (self->delete_button, products);
  if (g_strcmp0 (view, "summary") == 0)
    update_summary (self);
  else if (g_strcmp0 (view, "substances") == 0)
    fill_substances (self);
  else if (g_strcmp0 (view, "measurements") == 0)
    fill_measurements (self);
  else
    update_count (self);
}

/* Rebuilds the inventory and hazard class filters from the choices held, keeping what is
 * chosen (by site and period, by class: the positions may have moved) or, when it is
 * waiting, the inventory wanted. FALSE when a choice made is not offered any more. */
static gboolean
fill_filters (VigieChemicalsPage *self)
{
  g_autoptr(GtkStringList) inventories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  g_autofree char *keep_class = NULL;
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);
  guint cls = gtk_drop_down_get_selected (self->class_filter);
  gboolean kept = TRUE;

  if (self->classes != NULL && cls > 0 && cls <= g_strv_length (self->classes))
    keep_class = g_strdup (self->classes[cls - 1]);
  if (self->want_site_id == 0 && self->inventories != NULL && inv > 0
      && inv <= self->inventories->len)
    {
      VigieInventory *i = g_ptr_array_index (self->inventories, inv - 1);

      self->want_site_id = i->site_id;
      self->want_period = g_strdup (i->period);
    }

  gtk_string_list_append (inventories, _("All inventories"));
  for (guint i = 0; self->inventories != NULL && i < self->inventories->len; i++)
    {
      VigieInventory *inv = g_ptr_array_index (self->inventories, i);
      /* Translators: an inventory: site, period and number of products */
      g_autofree char *item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%1$s, %2$s (%3$lld product)",
                                                            "%1$s, %2$s (%3$lld products)",
                                                            (gulong) inv->n_products),
                                               inv->site_name, inv->period,
                                               (long long) inv->n_products);

      gtk_string_list_append (inventories, item);
    }
  gtk_string_list_append (classes, _("Every hazard class"));
  for (guint i = 0; self->classes != NULL && self->classes[i] != NULL; i++)
    gtk_string_list_append (classes, vigie_reference_text (self->classes[i]));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->inventory_filter, G_LIST_MODEL (inventories));
  gtk_drop_down_set_model (self->class_filter, G_LIST_MODEL (classes));
  if (self->want_site_id != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; self->inventories != NULL && i < self->inventories->len && !found; i++)
        {
          VigieInventory *v = g_ptr_array_index (self->inventories, i);

          if (v->site_id == self->want_site_id
              && (self->want_period == NULL || g_strcmp0 (v->period, self->want_period) == 0))
            {
              gtk_drop_down_set_selected (self->inventory_filter, i + 1);
              found = TRUE;
            }
        }
      kept &= found;
    }
  if (keep_class != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; self->classes != NULL && self->classes[i] != NULL && !found; i++)
        if (g_str_equal (self->classes[i], keep_class))
          {
            gtk_drop_down_set_selected (self->class_filter, i + 1);
            found = TRUE;
          }
      kept &= found;
    }
  self->updating = FALSE;
  self->want_site_id = 0;
  g_clear_pointer (&self->want_period, g_free);
  return kept;
}

static void
choices_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigieChemicalsPage) self = user_data;
  g_autoptr(VigieChemicalChoices) choices = NULL;
  g_autoptr(GError) error = NULL;

  self->choices_pending--;
  if (VIGIE_CHEMICAL_LIST (source) != self->list)
    {
      if (self->list_stack != NULL)
        update_count (self);
      return;
    }
  choices = vigie_chemical_list_load_choices_finish (self->list, result, &error);
  if (choices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new (error->message));
      update_count (self);
      return;
    }
  g_clear_pointer (&self->inventories, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_strfreev);
  self->inventories = g_steal_pointer (&choices->inventories);
  self->classes = g_steal_pointer (&choices->hazard_classes);
  /* An inventory or class gone (its last product deleted): the list follows the filter,
   * now "all". */
  if (!fill_filters (self))
    run_query (self, selected_id (self));
  update_summary (self);
  update_count (self);
}

/* Reads the inventories and hazard classes in a worker thread. */
static void
load_choices (VigieChemicalsPage *self)
{
  if (self->list == NULL)
    {
      g_clear_pointer (&self->inventories, g_ptr_array_unref);
      g_clear_pointer (&self->classes, g_strfreev);
      fill_filters (self);
      return;
    }
  self->choices_pending++;
  vigie_chemical_list_load_choices_async (self->list, self->cancellable, choices_loaded_cb,
                                          g_object_ref (self));
  update_count (self);
}

/* ─── Substance reference ────────────────────────────────────────────────── */

static const char * const cmr_codes[] = { "", "1A", "1B", "2", NULL };

static void
register_widget (VigieChemicalsPage *self,
                 const char         *name,
                 GtkWidget          *widget)
{
  g_hash_table_insert (self->named, (gpointer) name, widget);
}

static GtkWidget *
tag_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static VigieSubstance *
find_substance (VigieChemicalsPage *self,
                gint64              id)
{
  for (guint i = 0; self->substances != NULL && i < self->substances->len; i++)
    {
      VigieSubstance *s = g_ptr_array_index (self->substances, i);

      if (s->id == id)
        return s;
    }
  return NULL;
}

static void
show_substance (VigieChemicalsPage *self,
                VigieSubstance     *s)
{
  g_autofree char *cas = NULL;
  guint cmr = 0;

  self->substance_id = s != NULL ? s->id : 0;
  gtk_widget_remove_css_class (self->s_name, "error");
  gtk_widget_remove_css_class (self->s_svhc_date, "error");
  gtk_widget_set_visible (self->s_error, FALSE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->s_stack), s != NULL ? "form" : "empty");
  if (s == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->s_heading), s->name);
  gtk_editable_set_text (GTK_EDITABLE (self->s_name), s->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->s_cas),
                               s->cas_rn != NULL && *s->cas_rn != '\0' ? s->cas_rn
                               /* Translators: a substance without a CAS number */
                               : _("No CAS number"));
  gtk_editable_set_text (GTK_EDITABLE (self->s_ec), s->ec_number != NULL ? s->ec_number : "");
  gtk_switch_set_active (GTK_SWITCH (self->s_svhc), s->svhc);
  gtk_editable_set_text (GTK_EDITABLE (self->s_svhc_date),
                         s->svhc_date != NULL ? s->svhc_date : "");
  gtk_switch_set_active (GTK_SWITCH (self->s_sin), s->sin_list);
  gtk_switch_set_active (GTK_SWITCH (self->s_rohs), s->rohs_restricted);
  for (guint i = 1; cmr_codes[i] != NULL; i++)
    if (g_strcmp0 (s->cmr_category, cmr_codes[i]) == 0)
      cmr = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->s_cmr), cmr);
  cas = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %'lld product",
                                      "In %'lld products",
                                      (gulong) s->n_products), (long long) s->n_products);
  gtk_label_set_text (GTK_LABEL (self->s_products), cas);
}

static GtkWidget *
substance_row (VigieSubstance *s)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (s->name, -1);

  if (s->ec_number != NULL && *s->ec_number != '\0')
    /* Translators: under a substance's name: its CAS and EC numbers */
    subtitle = g_strdup_printf (_("CAS %1$s · EC %2$s"),
                                s->cas_rn != NULL && *s->cas_rn != '\0' ? s->cas_rn : "—",
                                s->ec_number);
  else
    subtitle = g_strdup_printf (_("CAS %s"),
                                s->cas_rn != NULL && *s->cas_rn != '\0' ? s->cas_rn : "—");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (s->svhc)
    {
      g_autofree char *text = s->svhc_date != NULL && *s->svhc_date != '\0'
        /* Translators: a REACH SVHC candidate since a date */
        ? g_strdup_printf (_("SVHC %s"), s->svhc_date) : g_strdup (_("SVHC"));

      gtk_box_append (GTK_BOX (tags), tag_label (text, "warning"));
    }
  if (s->sin_list)
    /* Translators: short tag: on the SIN list */
    gtk_box_append (GTK_BOX (tags), tag_label (_("SIN"), "warning"));
  if (s->rohs_restricted)
    /* Translators: short tag: restricted by RoHS */
    gtk_box_append (GTK_BOX (tags), tag_label (_("RoHS"), "warning"));
  if (s->cmr_category != NULL && *s->cmr_category != '\0')
    {
      /* Translators: short tag: CMR category (1A, 1B, 2) */
      g_autofree char *text = g_strdup_printf (_("CMR %s"), s->cmr_category);

      gtk_box_append (GTK_BOX (tags), tag_label (text, "error"));
    }
  {
    g_autofree char *n = g_strdup_printf ("%'" G_GINT64_FORMAT, s->n_products);
    GtkWidget *count = gtk_label_new (n);

    gtk_widget_add_css_class (count, "dim-label");
    gtk_widget_add_css_class (count, "numeric");
    gtk_label_set_width_chars (GTK_LABEL (count), 4);
    gtk_label_set_xalign (GTK_LABEL (count), 1);
    gtk_widget_set_tooltip_text (count, _("Products that contain it"));
    gtk_box_append (GTK_BOX (tags), count);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tags);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "substance-id64", g_memdup2 (&s->id, sizeof s->id),
                          g_free);
  return row;
}

static gint64
row_substance_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "substance-id64") : NULL;

  return id != NULL ? *id : 0;
}

static void
fill_substances (VigieChemicalsPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->substance_search));
  gint64 keep = self->substance_id;
  GtkWidget *child;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (self->substance_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->substance_list), child);
  g_clear_pointer (&self->substances, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->substances = vigie_chemical_list_substances (self->store,
                                                         *search != '\0' ? search : NULL,
                                                         &error);
      if (self->substances == NULL)
        add_toast (self, adw_toast_new (error->message));
    }
  for (guint i = 0; self->substances != NULL && i < self->substances->len; i++)
    {
      VigieSubstance *s = g_ptr_array_index (self->substances, i);
      GtkWidget *row = substance_row (s);

      gtk_list_box_append (GTK_LIST_BOX (self->substance_list), row);
      if (s->id == keep)
        gtk_list_box_select_row (GTK_LIST_BOX (self->substance_list), GTK_LIST_BOX_ROW (row));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->substance_list_stack),
                                    self->substances != NULL && self->substances->len > 0
                                    ? "list" : "empty");
  show_substance (self, find_substance (self, keep));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u substance", "%'u substances",
                                        self->substances != NULL ? self->substances->len : 0),
                           self->substances != NULL ? self->substances->len : 0);
  gtk_label_set_text (self->count_label, count);
}

static void
substance_selected_cb (GtkListBox         *box,
                       GtkListBoxRow      *row,
                       VigieChemicalsPage *self)
{
  if (row != NULL)
    show_substance (self, find_substance (self, row_substance_id (row)));
}

gboolean
vigie_chemicals_page_select_substance (VigieChemicalsPage *self,
                                       gint64              id)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (self->substance_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_substance_id (GTK_LIST_BOX_ROW (row)) == id)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->substance_list), GTK_LIST_BOX_ROW (row));
        show_substance (self, find_substance (self, id));
        return TRUE;
      }
  return FALSE;
}

guint
vigie_chemicals_page_get_n_substances (VigieChemicalsPage *self)
{
  return self->substances != NULL ? self->substances->len : 0;
}

static void
substance_error (VigieChemicalsPage *self,
                 GtkWidget          *field,
                 const char         *message)
{
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  gtk_label_set_text (GTK_LABEL (self->s_error), message);
  gtk_widget_set_visible (self->s_error, TRUE);
}

gboolean
vigie_chemicals_page_save_substance (VigieChemicalsPage *self)
{
  VigieSubstance *current = find_substance (self, self->substance_id);
  g_autoptr(VigieSubstance) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  guint cmr;

  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), FALSE);

  if (current == NULL || self->store == NULL)
    return FALSE;
  gtk_widget_remove_css_class (self->s_name, "error");
  gtk_widget_remove_css_class (self->s_svhc_date, "error");
  gtk_widget_set_visible (self->s_error, FALSE);
  s = g_new0 (VigieSubstance, 1);
  s->id = current->id;
  s->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->s_name))));
  s->cas_rn = g_strdup (current->cas_rn);
  s->ec_number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->s_ec))));
  s->svhc = gtk_switch_get_active (GTK_SWITCH (self->s_svhc));
  s->svhc_date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->s_svhc_date))));
  s->sin_list = gtk_switch_get_active (GTK_SWITCH (self->s_sin));
  s->rohs_restricted = gtk_switch_get_active (GTK_SWITCH (self->s_rohs));
  cmr = adw_combo_row_get_selected (ADW_COMBO_ROW (self->s_cmr));
  s->cmr_category = g_strdup (cmr > 0 && cmr < G_N_ELEMENTS (cmr_codes) - 1 ? cmr_codes[cmr] : "");
  s->hazards = g_strdup (current->hazards);
  if (*s->name == '\0')
    {
      substance_error (self, self->s_name, _("The substance name is required"));
      return FALSE;
    }
  if (*s->svhc_date != '\0' && !vigie_validate_date (s->svhc_date, &why))
    {
      substance_error (self, self->s_svhc_date, why);
      return FALSE;
    }
  if (!vigie_chemical_update_substance (self->store, s, &error))
    {
      substance_error (self, NULL, error->message);
      return FALSE;
    }
  fill_substances (self);
  add_toast (self, adw_toast_new (_("Substance saved")));
  return TRUE;
}

static void
substance_save_clicked (VigieChemicalsPage *self)
{
  vigie_chemicals_page_save_substance (self);
}

static GtkWidget *
prefs_switch_row (GtkWidget  *group,
                  const char *title,
                  const char *subtitle,
                  GtkWidget **sw)
{
  GtkWidget *row = adw_action_row_new ();

  *sw = gtk_switch_new ();
  gtk_widget_set_valign (*sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
prefs_entry_row (GtkWidget  *group,
                 const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
side_panel (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_size_request (scrolled, 380, -1);
  return scrolled;
}

static GtkWidget *
list_panel (GtkWidget  *list,
            GtkWidget **stack_out,
            GtkWidget  *empty)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (GTK_STACK (stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  gtk_widget_set_hexpand (stack, TRUE);
  gtk_widget_set_vexpand (stack, TRUE);
  *stack_out = stack;
  return stack;
}

static void
build_substances (VigieChemicalsPage *self)
{
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group, *row, *box, *empty;
  g_autoptr(GtkStringList) cmr = gtk_string_list_new (NULL);

  /* Left: search and the list. */
  self->substance_search = gtk_search_entry_new ();
  g_object_set (self->substance_search, "placeholder-text",
                _("Search substances by name or CAS number"), NULL);
  gtk_widget_set_margin_start (self->substance_search, 12);
  gtk_widget_set_margin_end (self->substance_search, 12);
  gtk_widget_set_margin_bottom (self->substance_search, 6);
  g_signal_connect_swapped (self->substance_search, "search-changed",
                            G_CALLBACK (fill_substances), self);
  gtk_box_append (GTK_BOX (left), self->substance_search);
  self->substance_list = gtk_list_box_new ();
  g_signal_connect (self->substance_list, "row-selected", G_CALLBACK (substance_selected_cb),
                    self);
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-search-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Matching Substances"));
  gtk_box_append (GTK_BOX (left), list_panel (self->substance_list, &self->substance_list_stack,
                                              empty));
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (self->substances_page), left);
  gtk_box_append (GTK_BOX (self->substances_page), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  /* Right: the chosen substance. */
  self->s_stack = gtk_stack_new ();
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "applications-science-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Substance Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The substance reference is shared by every site: its "
                                     "flags mark the products that contain it."));
  gtk_stack_add_named (GTK_STACK (self->s_stack), empty, "empty");
  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 18);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->s_heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->s_heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->s_heading), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->s_heading, TRUE);
  gtk_widget_add_css_class (self->s_heading, "title-3");
  self->s_save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->s_save, "suggested-action");
  gtk_widget_set_tooltip_text (self->s_save, _("Save the substance (Ctrl+S)"));
  g_signal_connect_swapped (self->s_save, "clicked", G_CALLBACK (substance_save_clicked), self);
  gtk_box_append (GTK_BOX (box), self->s_heading);
  gtk_box_append (GTK_BOX (box), self->s_save);
  gtk_box_append (GTK_BOX (form), box);
  self->s_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->s_error), 0);
  gtk_label_set_wrap (GTK_LABEL (self->s_error), TRUE);
  gtk_widget_add_css_class (self->s_error, "error");
  gtk_widget_set_visible (self->s_error, FALSE);
  gtk_box_append (GTK_BOX (form), self->s_error);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Identity"));
  self->s_name = prefs_entry_row (group, _("Name"));
  self->s_cas = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->s_cas), _("CAS number"));
  gtk_widget_set_tooltip_text (self->s_cas, _("The CAS number identifies the substance: "
                                              "it cannot be changed"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->s_cas);
  self->s_ec = prefs_entry_row (group, _("EC number"));
  self->s_products = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->s_products, "dim-label");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->s_products);
  gtk_box_append (GTK_BOX (form), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Regulatory Flags"));
  prefs_switch_row (group, _("REACH SVHC candidate"),
                    _("Substance of very high concern"), &self->s_svhc);
  self->s_svhc_date = prefs_entry_row (group, _("On the candidate list since (YYYY-MM-DD)"));
  prefs_switch_row (group, _("On the SIN list"), _("ChemSec’s “Substitute It Now” list"),
                    &self->s_sin);
  prefs_switch_row (group, _("RoHS restricted"), NULL, &self->s_rohs);
  /* Translators: no CMR category */
  gtk_string_list_append (cmr, C_("cmr", "None"));
  gtk_string_list_append (cmr, _("1A — known"));
  gtk_string_list_append (cmr, _("1B — presumed"));
  gtk_string_list_append (cmr, _("2 — suspected"));
  self->s_cmr = row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("CMR category"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Carcinogenic, mutagenic or toxic to reproduction"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (cmr));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (form), group);
  gtk_stack_add_named (GTK_STACK (self->s_stack), side_panel (form), "form");
  gtk_box_append (GTK_BOX (self->substances_page), self->s_stack);

  register_widget (self, "substance-search", self->substance_search);
  register_widget (self, "substance-name", self->s_name);
  register_widget (self, "substance-ec", self->s_ec);
  register_widget (self, "substance-svhc", self->s_svhc);
  register_widget (self, "substance-svhc-date", self->s_svhc_date);
  register_widget (self, "substance-sin", self->s_sin);
  register_widget (self, "substance-rohs", self->s_rohs);
  register_widget (self, "substance-cmr", self->s_cmr);
  register_widget (self, "substance-error", self->s_error);
}

/* ─── Exposure measurements of a site ────────────────────────────────────── */

static gint64
current_site (VigieChemicalsPage *self,
              const char        **name)
{
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);
  VigieInventory *i;

  if (self->inventories == NULL || inv == 0 || inv > self->inventories->len)
    return 0;
  i = g_ptr_array_index (self->inventories, inv - 1);
  if (name != NULL)
    *name = i->site_name;
  return i->site_id;
}

static char *
format_value (double      v,
              const char *unit)
{
  /* Translators: a measured value and its unit: "0.25 mg/m³" */
  return g_strdup_printf (C_("measurement", "%1$g %2$s"), v, unit);
}

static void delete_measurement_clicked (GtkButton *button, VigieChemicalsPage *self);

static GtkWidget *
measurement_row (VigieChemicalsPage       *self,
                 VigieExposureMeasurement *m)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value, *button;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = vigie_factories_format_date (m->measured_on);
  g_autofree char *v = format_value (m->value, m->unit);
  g_autofree char *limit = NULL;
  const char *what = *m->substance_name != '\0' ? m->substance_name : NULL;

  if (what != NULL && *m->product_name != '\0')
    /* Translators: what was measured: substance — product */
    title = g_strdup_printf (_("%1$s — %2$s"), what, m->product_name);
  else if (what != NULL || *m->product_name != '\0')
    title = g_strdup (what != NULL ? what : m->product_name);
  else
    title = g_strdup (_("Not linked to a product or substance"));
  if (isnan (m->limit_value))
    limit = g_strdup (_("no limit value"));
  else if (*m->limit_source != '\0')
    {
      g_autofree char *lv = format_value (m->limit_value, m->unit);

      /* Translators: a limit value and where it comes from */
      limit = g_strdup_printf (_("limit %1$s (%2$s)"), lv, m->limit_source);
    }
  else
    {
      g_autofree char *lv = format_value (m->limit_value, m->unit);

      limit = g_strdup_printf (_("limit %s"), lv);
    }
  /* Translators: kind of measurement · date · limit */
  subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                              vigie_vocab_label (VIGIE_VOCAB_EXPOSURE_KIND, m->kind), date, limit);
  {
    g_autofree char *t = g_markup_escape_text (title, -1);
    g_autofree char *st = g_markup_escape_text (subtitle, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), st);
  }
  if (vigie_exposure_measurement_above_limit (m))
    {
      GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (flag), icon);
      gtk_box_append (GTK_BOX (flag), gtk_label_new (_("Above the limit")));
      gtk_widget_add_css_class (flag, "error");
      gtk_widget_add_css_class (flag, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
    }
  value = gtk_label_new (v);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete the measurement"));
  g_object_set_data_full (G_OBJECT (button), "measurement-id", g_memdup2 (&m->id, sizeof m->id),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_measurement_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_measurement_choices (VigieChemicalsPage *self,
                          gint64              site_id)
{
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) substances = gtk_string_list_new (NULL);

  g_clear_pointer (&self->m_products, g_ptr_array_unref);
  g_clear_pointer (&self->m_substances, g_ptr_array_unref);
  if (self->store != NULL && site_id != 0)
    {
      self->m_products = vigie_chemical_list_site_products (self->store, site_id, NULL);
      self->m_substances = vigie_chemical_list_substances (self->store, NULL, NULL);
    }
  /* Translators: no product chosen for a measurement */
  gtk_string_list_append (products, C_("product", "None"));
  for (guint i = 0; self->m_products != NULL && i < self->m_products->len; i++)
    {
      VigieChemicalChoice *c = g_ptr_array_index (self->m_products, i);
      /* Translators: a product in a list: trade name (period) */
      g_autofree char *label = g_strdup_printf (_("%1$s (%2$s)"), c->label, c->detail);

      gtk_string_list_append (products, label);
    }
  /* Translators: no substance chosen for a measurement */
  gtk_string_list_append (substances, C_("substance", "None"));
  for (guint i = 0; self->m_substances != NULL && i < self->m_substances->len; i++)
    gtk_string_list_append (substances,
                            ((VigieSubstance *) g_ptr_array_index (self->m_substances, i))->name);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->m_product), G_LIST_MODEL (products));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->m_substance), G_LIST_MODEL (substances));
}

static void
fill_measurements (VigieChemicalsPage *self)
{
  const char *site_name = NULL;
  gint64 site_id = current_site (self, &site_name);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  g_autofree char *count = NULL;
  guint n = 0, above = 0;

  while ((child = gtk_widget_get_first_child (self->m_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->m_list), child);
  gtk_widget_set_sensitive (self->m_form, site_id != 0);
  if (site_id != self->m_site_id)
    {
      self->m_site_id = site_id;
      fill_measurement_choices (self, site_id);
    }
  if (self->store == NULL || site_id == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->m_empty), _("Choose an Inventory"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->m_empty),
                                       _("Measurements are kept per site: choose a site’s "
                                         "inventory above."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->m_stack), "empty");
      gtk_label_set_text (self->count_label, "");
      return;
    }
  list = vigie_chemical_list_measurements (self->store, site_id, 0, &error);
  if (list == NULL)
    add_toast (self, adw_toast_new (error->message));
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      VigieExposureMeasurement *m = g_ptr_array_index (list, i);
      GtkWidget *row = measurement_row (self, m);

      gtk_list_box_append (GTK_LIST_BOX (self->m_list), row);
      n++;
      if (vigie_exposure_measurement_above_limit (m))
        above++;
    }
  if (n == 0)
    {
      g_autofree char *description =
        /* Translators: %s is a site name */
        g_strdup_printf (_("No air, urine, blood or wipe measurement is recorded at %s. Add "
                           "one with the form."), site_name);

      adw_status_page_set_title (ADW_STATUS_PAGE (self->m_empty), _("No Measurements"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->m_empty), description);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->m_stack), n > 0 ? "list" : "empty");
  {
    g_autofree char *measurements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%'u measurement",
                                                                  "%'u measurements", n), n);
    g_autofree char *over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%'u above the limit",
                                                          "%'u above the limit", above), above);

    /* Translators: "12 measurements, 3 above the limit" */
    count = above > 0 ? g_strdup_printf (_("%1$s, %2$s"), measurements, over)
                      : g_steal_pointer (&measurements);
  }
  gtk_label_set_text (self->count_label, count);
  {
    g_autofree char *heading = g_strdup_printf (_("Exposure Measurements at %s"), site_name);

    gtk_label_set_text (GTK_LABEL (self->m_heading), heading);
  }
  self->n_measurements = n;
}

guint
vigie_chemicals_page_get_n_measurements (VigieChemicalsPage *self)
{
  return self->n_measurements;
}

static void
measurement_error (VigieChemicalsPage *self,
                   GtkWidget          *field,
                   const char         *message)
{
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  gtk_label_set_text (GTK_LABEL (self->m_error), message);
  gtk_widget_set_visible (self->m_error, TRUE);
}

static gboolean
parse_decimal (const char *text,
               double     *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  if (*t == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  g_strdelimit (t, ",", '.');
  *value = g_ascii_strtod (t, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

gint64
vigie_chemicals_page_add_measurement (VigieChemicalsPage *self)
{
  g_autoptr(VigieExposureMeasurement) m = vigie_exposure_measurement_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autofree char *reason = NULL;
  const VigieVocabEntry *kinds;
  guint n_kinds = 0, selected;
  GtkWidget *fields[] = { self->m_date, self->m_value, self->m_unit, self->m_limit };
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
  gtk_widget_set_visible (self->m_error, FALSE);
  m->site_id = current_site (self, NULL);
  if (self->store == NULL || m->site_id == 0)
    return 0;
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->m_product));
  if (self->m_products != NULL && selected > 0 && selected <= self->m_products->len)
    m->product_id = ((VigieChemicalChoice *) g_ptr_array_index (self->m_products,
                                                               selected - 1))->id;
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->m_substance));
  if (self->m_substances != NULL && selected > 0 && selected <= self->m_substances->len)
    m->substance_id = ((VigieSubstance *) g_ptr_array_index (self->m_substances,
                                                            selected - 1))->id;
  kinds = vigie_vocab_entries (VIGIE_VOCAB_EXPOSURE_KIND, &n_kinds);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->m_kind));
  g_free (m->kind);
  m->kind = g_strdup (selected < n_kinds ? kinds[selected].code : "air");
  m->measured_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->m_date))));
  g_free (m->unit);
  m->unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->m_unit))));
  g_free (m->limit_source);
  m->limit_source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->m_source))));
  if (!parse_decimal (gtk_editable_get_text (GTK_EDITABLE (self->m_value)), &m->value)
      || isnan (m->value))
    {
      measurement_error (self, self->m_value, _("The measured value must be a number"));
      return 0;
    }
  if (!parse_decimal (gtk_editable_get_text (GTK_EDITABLE (self->m_limit)), &m->limit_value))
    {
      measurement_error (self, self->m_limit, _("The limit value must be a number"));
      return 0;
    }
  if (!vigie_exposure_measurement_validate (m, &field, &reason))
    {
      GtkWidget *widget = g_strcmp0 (field, "measured_on") == 0 ? self->m_date
                          : g_strcmp0 (field, "value") == 0 ? self->m_value
                          : g_strcmp0 (field, "unit") == 0 ? self->m_unit
                          : g_strcmp0 (field, "limit_value") == 0 ? self->m_limit : NULL;

      measurement_error (self, widget, reason);
      return 0;
    }
  id = vigie_chemical_insert_measurement (self->store, m, &error);
  if (id == 0)
    {
      measurement_error (self, NULL, error->message);
      return 0;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->m_value), "");
  fill_measurements (self);
  update_summary (self);
  return id;
}

static void
add_measurement_clicked (VigieChemicalsPage *self)
{
  vigie_chemicals_page_add_measurement (self);
}

gboolean
vigie_chemicals_page_delete_measurement (VigieChemicalsPage *self,
                                         gint64              id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (!vigie_chemical_delete_measurement (self->store, id, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  fill_measurements (self);
  update_summary (self);
  add_toast (self, adw_toast_new (_("Measurement deleted")));
  return TRUE;
}

static void
delete_measurement_clicked (GtkButton          *button,
                            VigieChemicalsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "measurement-id");

  if (id != NULL)
    vigie_chemicals_page_delete_measurement (self, *id);
}

static void
build_measurements (VigieChemicalsPage *self)
{
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group, *row, *button;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today = vigie_today_iso ();
  const VigieVocabEntry *entries;
  guint n = 0;

  self->m_heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->m_heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->m_heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->m_heading, "heading");
  gtk_widget_set_margin_start (self->m_heading, 12);
  gtk_widget_set_margin_end (self->m_heading, 12);
  gtk_box_append (GTK_BOX (left), self->m_heading);
  self->m_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->m_list), GTK_SELECTION_NONE);
  self->m_empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->m_empty), "applications-science-symbolic");
  gtk_box_append (GTK_BOX (left), list_panel (self->m_list, &self->m_stack, self->m_empty));
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (self->measurements_page), left);
  gtk_box_append (GTK_BOX (self->measurements_page), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 18);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Add a Measurement"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Air samples, biological monitoring (urine, blood) "
                                           "and surface wipes, with the limit they are compared "
                                           "to."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Product"));
  self->m_product = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_valign (self->m_product, GTK_ALIGN_CENTER);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->m_product), TRUE);
  vigie_drop_down_set_compact (GTK_DROP_DOWN (self->m_product));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->m_product);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Substance"));
  self->m_substance = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_valign (self->m_substance, GTK_ALIGN_CENTER);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->m_substance), TRUE);
  vigie_drop_down_set_compact (GTK_DROP_DOWN (self->m_substance));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->m_substance);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  entries = vigie_vocab_entries (VIGIE_VOCAB_EXPOSURE_KIND, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, vigie_vocab_label (VIGIE_VOCAB_EXPOSURE_KIND, entries[i].code));
  self->m_kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->m_kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->m_kind), G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->m_kind);
  self->m_date = prefs_entry_row (group, _("Measured on (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->m_date), today);
  self->m_value = prefs_entry_row (group, _("Value"));
  self->m_unit = prefs_entry_row (group, _("Unit"));
  gtk_editable_set_text (GTK_EDITABLE (self->m_unit), "mg/m³");
  self->m_limit = prefs_entry_row (group, _("Limit value (same unit)"));
  self->m_source = prefs_entry_row (group, _("Source of the limit"));
  gtk_box_append (GTK_BOX (form), group);
  self->m_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->m_error), 0);
  gtk_label_set_wrap (GTK_LABEL (self->m_error), TRUE);
  gtk_widget_add_css_class (self->m_error, "error");
  gtk_widget_set_visible (self->m_error, FALSE);
  gtk_box_append (GTK_BOX (form), self->m_error);
  button = gtk_button_new_with_mnemonic (_("_Add Measurement"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_measurement_clicked), self);
  gtk_box_append (GTK_BOX (form), button);
  self->m_form = form;
  gtk_box_append (GTK_BOX (self->measurements_page), side_panel (form));

  register_widget (self, "measurement-product", self->m_product);
  register_widget (self, "measurement-substance", self->m_substance);
  register_widget (self, "measurement-kind", self->m_kind);
  register_widget (self, "measurement-date", self->m_date);
  register_widget (self, "measurement-value", self->m_value);
  register_widget (self, "measurement-unit", self->m_unit);
  register_widget (self, "measurement-limit", self->m_limit);
  register_widget (self, "measurement-source", self->m_source);
  register_widget (self, "measurement-error", self->m_error);
  register_widget (self, "measurement-list", self->m_list);
}

GtkWidget *
vigie_chemicals_page_get_widget (VigieChemicalsPage *self,
                                 const char         *name)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), NULL);
  return g_hash_table_lookup (self->named, name);
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
  run_query (self, selected_id (self));
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
  guint inv = gtk_drop_down_get_selected (self->inventory_filter);
  g_autoptr(VigieChemicalProduct) saved = vigie_chemical_get_product (self->store, id, NULL);
  gint64 keep_site = 0;
  g_autofree char *keep_period = NULL;

  if (self->inventories != NULL && inv > 0 && inv <= self->inventories->len)
    {
      VigieInventory *i = g_ptr_array_index (self->inventories, inv - 1);

      keep_site = i->site_id;
      keep_period = g_strdup (i->period);
    }
  /* A product saved outside the inventory shown (a new site or period): show its own. */
  if (saved != NULL && keep_site != 0
      && (saved->site_id != keep_site || g_strcmp0 (saved->period, keep_period) != 0))
    {
      keep_site = saved->site_id;
      g_free (keep_period);
      keep_period = g_strdup (saved->period);
    }

  /* A new inventory may have appeared: the filters' choices are read again, and the
   * inventory kept (by site and period: the positions may move) is chosen when they are
   * in; the list shows it meanwhile. */
  self->want_site_id = keep_site;
  g_free (self->want_period);
  self->want_period = g_steal_pointer (&keep_period);
  load_choices (self);
  run_query (self, id);
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
  if (vigie_store_count (self->store, "sites") == 0)
    {
      add_toast (self, adw_toast_new (_("Add a site on the Factories page first")));
      return;
    }
  /* Without an inventory chosen the editor asks for the site. */
  gtk_stack_set_visible_child_name (self->view_stack, "products");
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
  if (pd->self != NULL && pd->self->store == pd->store)
    {
      /* Back in the editor at once, and selected in the list when it is read again. */
      vigie_chemical_list_unhide_id (pd->self->list, pd->id);
      vigie_chemical_editor_load (pd->self->editor, pd->id);
      run_query (pd->self, pd->id);
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
  if (pd->self != NULL && pd->self->store == pd->store)
    {
      vigie_chemical_list_unhide_id (pd->self->list, pd->id);
      load_choices (pd->self);
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
  g_set_weak_pointer (&self->undo_toast, toast);
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
  VigieChemicalsPage *self = VIGIE_CHEMICALS_PAGE (widget);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "substances") == 0)
    vigie_chemicals_page_save_substance (self);
  else if (g_strcmp0 (view, "products") == 0 || g_strcmp0 (view, "summary") == 0)
    vigie_chemical_editor_save (self->editor);
}

AdwToast *
vigie_chemicals_page_get_undo_toast (VigieChemicalsPage *self)
{
  return self->undo_toast;
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
  /* The loads of the dataset going away call back into nothing. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
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
  /* A new dataset: every inventory, every class and process until its choices are in. */
  g_clear_pointer (&self->inventories, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_strfreev);
  self->want_site_id = 0;
  g_clear_pointer (&self->want_period, g_free);
  fill_filters (self);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->process_filter, 0);
  self->updating = FALSE;
  load_choices (self);
  run_query (self, 0);
  update_count (self);
  update_summary (self);
  self->substance_id = 0;
  self->m_site_id = -1;
  view_changed_cb (self);
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
  if (self->choices_pending > 0)
    {
      /* Chosen when the choices are in; the list shows it meanwhile. */
      self->want_site_id = site_id;
      g_free (self->want_period);
      self->want_period = g_strdup (period);
      run_query (self, 0);
      update_summary (self);
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
  g_return_val_if_fail (VIGIE_IS_CHEMICALS_PAGE (self), FALSE);
  return self->ids_pending > 0 || self->choices_pending > 0;
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->want_period, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_CHEMICALS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->inventories, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_strfreev);
  g_clear_pointer (&self->substances, g_ptr_array_unref);
  g_clear_pointer (&self->m_products, g_ptr_array_unref);
  g_clear_pointer (&self->m_substances, g_ptr_array_unref);
  g_clear_pointer (&self->named, g_hash_table_unref);
  g_clear_weak_pointer (&self->undo_toast);
  self->filter_bar = NULL;
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
  gtk_widget_class_bind_template_child_full (widget_class, "view_switcher", FALSE, 0);
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
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, measurements_page);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalsPage, substances_page);
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
  self->named = g_hash_table_new (g_str_hash, g_str_equal);
  self->m_site_id = -1;
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_substances (self);
  build_measurements (self);

  vigie_drop_down_set_compact (self->inventory_filter);
  /* Buttons as wide as their own label, not all as wide as the longest: the four views
   * then fit beside the editor in long languages too. */
  {
    GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                     VIGIE_TYPE_CHEMICALS_PAGE,
                                                                     "view_switcher"));
    GtkLayoutManager *layout = gtk_widget_get_layout_manager (switcher);

    if (GTK_IS_BOX_LAYOUT (layout))
      gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), FALSE);
  }
  vigie_drop_down_set_compact (self->process_filter);
  vigie_drop_down_set_compact (self->class_filter);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  vigie_column_view_set_model_when_mapped (self->column_view,
                                           GTK_SELECTION_MODEL (self->selection));

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

  {
    g_autoptr(GtkStringList) processes = gtk_string_list_new (NULL);
    const VigieVocabEntry *entries;
    guint n = 0;

    gtk_string_list_append (processes, _("Every process"));
    entries = vigie_vocab_entries (VIGIE_VOCAB_CHEMICAL_PROCESS, &n);
    for (guint i = 0; i < n; i++)
      gtk_string_list_append (processes, vigie_vocab_label (VIGIE_VOCAB_CHEMICAL_PROCESS,
                                                            entries[i].code));
    self->updating = TRUE;
    gtk_drop_down_set_model (self->process_filter, G_LIST_MODEL (processes));
    self->updating = FALSE;
  }
  fill_filters (self);

  /* Beside the count: spins while the products or the filters' choices are read. */
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  /* Translators: tooltip of the spinner shown while the products are read */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Reading the products…"));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_insert_before (GTK_WIDGET (self->spinner),
                            gtk_widget_get_parent (GTK_WIDGET (self->count_label)),
                            GTK_WIDGET (self->count_label));
  update_count (self);
}
