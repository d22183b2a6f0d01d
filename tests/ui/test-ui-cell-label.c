/* test-ui-cell-label.c — VigieCellLabel, the text of list cells: sized as GtkInscription
 * with the same settings, drawn only when there is text, ellipsized within its width,
 * usable from a .ui list item template, and its metrics kept per font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui-test-util.h"
#include "vigie-cell-label.h"

static GtkWindow *window;
static GtkBox *box;

static void
measure (GtkWidget *widget,
         int       *min_w,
         int       *nat_w,
         int       *min_h,
         int       *nat_h)
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, min_w, nat_w, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, min_h, nat_h, NULL, NULL);
}

/* The same size as GtkInscription for the same characters, in the plain and the caption
 * font (two fonts: two entries of the metrics cache). */
static void
test_size (void)
{
  static const struct { int min_chars, nat_chars; const char *css_class; } cases[] = {
    { 3, 10, NULL },
    { 12, 28, NULL },
    { 4, 10, "caption" },
    { 0, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *cell = vigie_cell_label_new ();
      GtkWidget *inscription = gtk_inscription_new ("Recruitment fees deducted from wages");
      int a[4], b[4];

      vigie_cell_label_set_text (VIGIE_CELL_LABEL (cell), "Recruitment fees deducted from wages");
      vigie_cell_label_set_chars (VIGIE_CELL_LABEL (cell), cases[i].min_chars,
                                  cases[i].nat_chars);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), cases[i].min_chars);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), cases[i].nat_chars);
      if (cases[i].css_class != NULL)
        {
          gtk_widget_add_css_class (cell, cases[i].css_class);
          gtk_widget_add_css_class (inscription, cases[i].css_class);
        }
      gtk_box_append (box, cell);
      gtk_box_append (box, inscription);
      /* Styles are brought up to date in the next frame. */
      vigie_test_iterate (50);
      measure (cell, &a[0], &a[1], &a[2], &a[3]);
      measure (inscription, &b[0], &b[1], &b[2], &b[3]);
      g_test_message ("case %u: %d %d %d %d against %d %d %d %d", i, a[0], a[1], a[2], a[3],
                      b[0], b[1], b[2], b[3]);
      for (guint k = 0; k < 4; k++)
        g_assert_cmpint (a[k], ==, b[k]);
      if (cases[i].nat_chars > 0)
        g_assert_cmpint (a[1], >, 0);
      g_assert_cmpint (a[3], >, 0);
      gtk_box_remove (box, cell);
      gtk_box_remove (box, inscription);
    }
}

/* The first text node under NODE, or NULL. */
static GskRenderNode *
find_text_node (GskRenderNode *node)
{
  if (node == NULL)
    return NULL;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return node;
    case GSK_CLIP_NODE:
      return find_text_node (gsk_clip_node_get_child (node));
    case GSK_TRANSFORM_NODE:
      return find_text_node (gsk_transform_node_get_child (node));
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *text = find_text_node (gsk_container_node_get_child (node, i));

          if (text != NULL)
            return text;
        }
      return NULL;
    default:
      return NULL;
    }
}

/* Glyphs CELL draws at WIDTH × 30 pixels (0 when it draws no text). */
static guint
drawn_glyphs (GtkWidget *cell,
              int        width)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node, *text;
  guint n = 0;

  gtk_widget_set_size_request (cell, width, 30);
  gtk_widget_allocate (cell, width, 30, -1, NULL);
  GTK_WIDGET_GET_CLASS (cell)->snapshot (cell, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  text = find_text_node (node);
  if (text != NULL)
    n = gsk_text_node_get_num_glyphs (text);
  g_clear_pointer (&node, gsk_render_node_unref);
  return n;
}

static void
test_draw (void)
{
  GtkWidget *cell = vigie_cell_label_new ();
  guint wide, narrow;

  gtk_box_append (box, cell);
  /* No text, nothing drawn. */
  g_assert_cmpuint (drawn_glyphs (cell, 600), ==, 0);
  vigie_cell_label_set_text (VIGIE_CELL_LABEL (cell), "");
  g_assert_cmpuint (drawn_glyphs (cell, 600), ==, 0);

  /* The whole text when it fits; ellipsized (fewer glyphs, the last an ellipsis) when it
   * does not. */
  vigie_cell_label_set_text (VIGIE_CELL_LABEL (cell), "Passports held by the dormitory guard");
  g_assert_cmpstr (vigie_cell_label_get_text (VIGIE_CELL_LABEL (cell)), ==,
                   "Passports held by the dormitory guard");
  wide = drawn_glyphs (cell, 600);
  narrow = drawn_glyphs (cell, 60);
  g_test_message ("%u glyphs at 600 px, %u at 60 px", wide, narrow);
  g_assert_cmpuint (wide, >=, 30);
  g_assert_cmpuint (narrow, >, 0);
  g_assert_cmpuint (narrow, <, wide / 2);

  /* A new text replaces the old one. */
  vigie_cell_label_set_text (VIGIE_CELL_LABEL (cell), "42");
  g_assert_cmpuint (drawn_glyphs (cell, 600), ==, 2);
  vigie_cell_label_set_text (VIGIE_CELL_LABEL (cell), NULL);
  g_assert_cmpuint (drawn_glyphs (cell, 600), ==, 0);
  gtk_box_remove (box, cell);
}

/* Built from a list item template as the Factories page does, with every property. */
static void
test_builder (void)
{
  static const char ui[] =
    "<interface>"
    "  <object class='VigieCellLabel' id='cell'>"
    "    <property name='text'>1,200</property>"
    "    <property name='xalign'>1</property>"
    "    <property name='min-chars'>4</property>"
    "    <property name='nat-chars'>12</property>"
    "    <property name='numeric'>True</property>"
    "  </object>"
    "</interface>";
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *text = NULL;
  GObject *cell;
  float xalign;
  int min_chars, nat_chars;
  gboolean numeric;

  g_type_ensure (VIGIE_TYPE_CELL_LABEL);
  builder = gtk_builder_new_from_string (ui, -1);
  cell = gtk_builder_get_object (builder, "cell");
  g_assert_true (VIGIE_IS_CELL_LABEL (cell));
  g_object_get (cell, "text", &text, "xalign", &xalign, "min-chars", &min_chars,
                "nat-chars", &nat_chars, "numeric", &numeric, NULL);
  g_assert_cmpstr (text, ==, "1,200");
  g_assert_cmpfloat (xalign, ==, 1.0f);
  g_assert_cmpint (min_chars, ==, 4);
  g_assert_cmpint (nat_chars, ==, 12);
  g_assert_true (numeric);
  /* The style sheet's class for figures. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "numeric"));
  vigie_cell_label_set_numeric (VIGIE_CELL_LABEL (cell), FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "numeric"));
  /* A label node for the style sheet, a label for assistive technologies. */
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (cell)), ==, "label");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
}

/* The size follows the font: a larger font, a larger cell. */
static void
test_font_change (void)
{
  GtkWidget *cell = vigie_cell_label_new ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  int small_w, small_h, large_w, large_h, unused;

  vigie_cell_label_set_text (VIGIE_CELL_LABEL (cell), "Open");
  gtk_widget_add_css_class (cell, "vigie-test-large");
  gtk_box_append (box, cell);
  vigie_test_iterate (50);
  measure (cell, &unused, &small_w, &unused, &small_h);
  gtk_css_provider_load_from_data (provider, ".vigie-test-large { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  vigie_test_iterate (50);
  measure (cell, &unused, &large_w, &unused, &large_h);
  g_test_message ("%d × %d, then %d × %d", small_w, small_h, large_w, large_h);
  g_assert_cmpint (large_w, >, small_w);
  g_assert_cmpint (large_h, >, small_h);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
  gtk_box_remove (box, cell);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmpdir = NULL;
  int status;

  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-cell-XXXXXX", FALSE);
  if (tmpdir == NULL)
    return 77;
  adw_init ();
  vigie_test_install_log_filter ();

  window = GTK_WINDOW (gtk_window_new ());
  box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_window_set_child (window, GTK_WIDGET (box));
  gtk_window_present (window);

  g_test_add_func ("/ui/cell-label/size", test_size);
  g_test_add_func ("/ui/cell-label/draw", test_draw);
  g_test_add_func ("/ui/cell-label/builder", test_builder);
  g_test_add_func ("/ui/cell-label/font-change", test_font_change);
  status = g_test_run ();

  gtk_window_destroy (window);
  vigie_test_remove_tree (tmpdir);
  return status;
}
