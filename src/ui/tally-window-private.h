/* tally-window-private.h: what the window's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-charts-page.h"
#include "tally-council-row.h"
#include "tally-import.h"
#include "tally-live-night.h"
#include "tally-map-view.h"
#include "tally-party-ranking.h"
#include "tally-window.h"

G_BEGIN_DECLS

typedef struct _TallyWindowLive TallyWindowLive;
typedef struct _TallyWindowFolder TallyWindowFolder;
typedef struct _TallyWindowNight TallyWindowNight;

struct _TallyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TallyCatalog         *catalog;
  TallyResults         *results;
  TallyPartyRanking    *ranking;   /* the parties every view names, in results order */
  TallyFilter          *undo_filter;  /* what Escape last cleared, for the toast's Undo */
  TallySelection       *selection;
  char                 *error_message;
  GtkFileChooserNative *chooser;

  /* Importing: see tally-window-import.c */
  TallyImporter        *importer;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *import_chooser;
  gboolean              importing_geography;
  guint                 pulse_id;
  guint                 record_id;      /* the check against the published record, once quiet */

  /* Following the database live: see tally-window-live.c */
  TallyWindowLive      *live;
  gboolean              page_held;  /* a reload under way: the council page is shown once, at its end */
  /* Following a folder: see tally-window-folder.c */
  TallyWindowFolder    *folder;
  /* Results night and its timeline: see tally-window-night.c */
  TallyWindowNight     *night;

  /* Template widgets */
  GtkWidget            *back_button;
  AdwBin               *charts_bin;
  TallyChartsPage      *charts_page;  /* NULL until first shown: see tally-window-views.c */
  AdwViewSwitcherTitle *content_title;
  AdwViewSwitcherBar   *switcher_bar;  /* NULL until the window is first narrow: see tally-window-views.c */
  GtkStack             *content_stack;
  TallyCouncilList     *council_list;
  TallyCouncilPage     *council_page;
  GtkWidget            *content_button;
  GtkLabel             *database_label;
  AdwStatusPage        *error_page;
  TallyFilterPanel     *filter_panel;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkRevealer          *import_revealer;
  AdwLeaflet           *leaflet;
  AdwBin               *map_bin;
  TallyMapView         *map_view;     /* NULL until first shown */
  GtkStack             *main_stack;
  TallyPartySummary    *party_summary;
  GtkWidget            *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkMenuButton        *menu_button;        /* their menu is made when first opened */
  GtkMenuButton        *error_menu_button;
  GMenuModel           *primary_menu;
};


void _tally_window_class_init_export (GtkWidgetClass *widget_class);
void _tally_window_class_init_import (GtkWidgetClass *widget_class);
void _tally_window_init_import       (TallyWindow    *self);
void _tally_window_import_files      (TallyWindow    *self,
                                      GFile         **files,
                                      guint           n_files);
void _tally_window_dispose_import    (TallyWindow    *self);
void _tally_window_install_engine   (TallyWindow    *self,
                                      const char     *path,
                                      TallyCatalog   *catalog,
                                      TallyResults   *results,
                                      gboolean        keep);
void _tally_window_class_init_live   (GtkWidgetClass *widget_class);
void _tally_window_init_live         (TallyWindow    *self);
void _tally_window_live_watch        (TallyWindow    *self,
                                      const char     *path);
void _tally_window_dispose_live      (TallyWindow    *self);
void _tally_window_class_init_folder (GtkWidgetClass *widget_class);
void _tally_window_init_folder       (TallyWindow    *self);
void _tally_window_dispose_folder    (TallyWindow    *self);
gboolean _tally_window_follow_folder (TallyWindow    *self,
                                      GFile          *dir,
                                      GError        **error);
void _tally_window_live_update_bar   (TallyWindow    *self);
void _tally_window_init_night        (TallyWindow    *self);
void _tally_window_dispose_night     (TallyWindow    *self);

/* tally-window-record.c */
void _tally_window_queue_record_check (TallyWindow   *self);
void _tally_window_dispose_record     (TallyWindow   *self);
TallyLiveNight *_tally_window_make_night (TallyCatalog *catalog);
void _tally_window_set_night         (TallyWindow    *self,
                                      TallyLiveNight *night);
gboolean _tally_window_show_council_result (TallyWindow  *self);
void _tally_window_open_council_from_map (TallyWindow *self,
                                          TallyCouncil *council);
void _tally_window_class_init_views (GtkWidgetClass *widget_class);
void _tally_window_init_views        (TallyWindow    *self);
TallyChartsPage *_tally_window_get_charts_page (TallyWindow *self);
TallyMapView *_tally_window_get_map_view (TallyWindow *self);
TallyLiveNight *_tally_window_get_shown_night (TallyWindow *self);
void _tally_window_toast             (TallyWindow    *self,
                                      const char     *message);
GtkWindow *_tally_window_offer_drop  (TallyWindow    *self,
                                      const char     *path);

G_END_DECLS
