/* Temporary placeholder so the shell links; replaced by the Factories page this session. */
#include "vigie-factories-page.h"

struct _VigieFactoriesPage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VigieFactoriesPage, vigie_factories_page, GTK_TYPE_WIDGET)

static void
vigie_factories_page_class_init (VigieFactoriesPageClass *klass)
{
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_factories_page_init (VigieFactoriesPage *self)
{
}

GtkWidget *
vigie_factories_page_new (void)
{
  return g_object_new (VIGIE_TYPE_FACTORIES_PAGE, NULL);
}

void
vigie_factories_page_set_store (VigieFactoriesPage *self,
                                VigieStore         *store)
{
}
