/* tally-filter-panel.h: the sidebar where the user chooses what to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-types.h"

G_BEGIN_DECLS

typedef struct _TallyResults TallyResults;

#define TALLY_TYPE_FILTER_PANEL (tally_filter_panel_get_type ())

G_DECLARE_FINAL_TYPE (TallyFilterPanel, tally_filter_panel, TALLY, FILTER_PANEL, GtkWidget)

GtkWidget    *tally_filter_panel_new              (void);
void          tally_filter_panel_set_results      (TallyFilterPanel *self,
                                                   TallyResults     *results);
void          tally_filter_panel_refresh          (TallyFilterPanel *self);
void          tally_filter_panel_defer_choices    (TallyFilterPanel *self);
void          tally_filter_panel_freeze           (TallyFilterPanel *self);
void          tally_filter_panel_thaw             (TallyFilterPanel *self);
void          tally_filter_panel_focus_search     (TallyFilterPanel *self);
GtkEditable  *tally_filter_panel_get_search_entry (TallyFilterPanel *self);
gboolean      tally_filter_panel_toggle           (TallyFilterPanel *self,
                                                   const char       *facet,
                                                   const char       *value);
guint         tally_filter_panel_get_count        (TallyFilterPanel *self,
                                                   const char       *facet,
                                                   const char       *value);
gboolean      tally_filter_panel_lookup_count     (TallyFilterPanel *self,
                                                   const char       *facet,
                                                   const char       *value,
                                                   guint            *count);

G_END_DECLS
