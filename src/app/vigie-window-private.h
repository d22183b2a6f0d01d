/* vigie-window-private.h — what vigie-window.c and vigie-window-actions.c share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-factories-page.h"
#include "vigie-window.h"

G_BEGIN_DECLS

#define VIGIE_RECENT_MAX 8

struct _VigieWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *open_button;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *create_demo_button;
  GtkWidget            *start_empty_button;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *demo_progress;
  AdwViewStack         *view_stack;
  GMenu                *file_section;

  GSettings            *settings;          /* NULL when the schema is not installed */
  GStrv                 recent_fallback;   /* the recent list when there are no settings */
  GMenu                *recent_menu;
  VigieStore           *store;
  guint                 store_serial;      /* changes with the dataset shown */
  char                 *welcome_path;      /* the dataset the welcome page offers to create */
  GCancellable         *demo_cancellable;  /* non-NULL while the demo is generated */
  GtkNativeDialog      *chooser;
};

/* vigie-window.c */
void  vigie_window_set_store      (VigieWindow *self,
                                   VigieStore  *store);
void  vigie_window_show_error     (VigieWindow *self,
                                   const char  *heading,
                                   const char  *body);
void  vigie_window_update_actions (VigieWindow *self);
void  vigie_window_remove_recent  (VigieWindow *self,
                                   const char  *path);
/* Deletes the SQLite file PATH with its -wal, -shm and -journal companions. */
void  vigie_window_delete_dataset_files (const char *path);

/* vigie-window-actions.c */
void  vigie_window_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
