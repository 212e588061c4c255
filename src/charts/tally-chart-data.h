/* tally-chart-data.h: what the charts draw, as plain structs.
 *
 * A chart never reads the database or asks the results engine: a small
 * adapter (tally-chart-adapt.c) fills one of these, and the chart draws it.
 * Every string is owned by the struct and freed with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tally-chart-style.h"

G_BEGIN_DECLS

/* A party as a chart names and colours it. */
typedef struct
{
  char          *key;          /* "LAB", or "NOC" for no overall control */
  char          *short_name;   /* "Lab" */
  char          *name;         /* "Labour" */
  TallyChartRgb  colour;
  TallyChartRgb  colour_safe;  /* the colour-blind-safe palette's */
  gboolean       aggregate;    /* many parties counted as one ("Other parties") */
} TallyChartParty;

/* Title, subtitle and source line: what the chart is about and whence. */
typedef struct
{
  char *title;
  char *subtitle;
  char *source;
} TallyChartHeading;

/* Seats by party: the hemicycle, the seat bars and the waffle. */
typedef struct
{
  TallyChartParty party;
  guint           seats;
  guint           seats_up;  /* of @seats, those won at this election */
  int             change;    /* against the baseline, when has_change */
} TallySeatChartEntry;

typedef struct
{
  TallyChartHeading    heading;
  TallySeatChartEntry *entries;        /* left to right */
  guint                n_entries;
  guint                total;          /* seats in the body */
  guint                majority;       /* 0: no majority mark */
  gboolean             has_change;
  gboolean             has_seats_up;
  char                *change_label;   /* "Change on 2014" */
  char                *seats_up_label; /* "Elected 3 May 2018" */
  char                *not_up_label;   /* "Not up this year" */
  char                *figures_label;  /* what the legend's numbers are:
                                        * "Seats held; change: seats won vs the same seats in 2014" */
} TallySeatChartData;

/* Vote share by party, now and in the baseline, in percent. */
typedef enum
{
  TALLY_SHARE_MODE_COMPARE,  /* bars for now and then side by side */
  TALLY_SHARE_MODE_CHANGE,   /* one bar of the change in points */
} TallyShareMode;

typedef struct
{
  TallyChartParty party;
  double          share;        /* percent, 0..100 */
  double          share_then;
  gboolean        has_then;
} TallyShareChartEntry;

typedef struct
{
  TallyChartHeading     heading;
  TallyShareChartEntry *entries;
  guint                 n_entries;
  TallyShareMode        mode;
  char                 *now_label;     /* "2018" */
  char                 *then_label;    /* "2014" */
  char                 *method_label;  /* "Share of all votes cast (total-vote method)" */
} TallyShareChartData;

/* Butler swing from one party to another, in points. */
typedef struct
{
  TallyChartHeading heading;
  TallyChartParty   from;
  TallyChartParty   to;
  double            swing;            /* positive: towards @to */
  double            range;            /* the dial runs ±range; 0 chooses */
  char             *scope_label;      /* "Trafford" */
  gboolean          has_reference;
  double            reference;
  char             *reference_label;  /* "All councils" */
} TallySwingometerData;

/* Councils plotted by swing (x) and, optionally, a second measure (y). */
typedef struct
{
  char          *key;     /* council code */
  char          *name;    /* "Trafford" */
  char          *group;   /* label of the colour: "Lab", "NOC" */
  double         x;
  double         y;
  TallyChartRgb  colour;
  TallyChartRgb  colour_safe;
} TallySwingScatterPoint;

typedef struct
{
  TallyChartHeading       heading;
  TallySwingScatterPoint *points;
  guint                   n_points;
  gboolean                has_y;        /* FALSE: a dot plot along x */
  char                   *x_label;      /* "Swing from Con to Lab (points)" */
  char                   *y_label;
  char                   *x_low_label;  /* "Towards Con" */
  char                   *x_high_label; /* "Towards Lab" */
  char                   *selected_key; /* highlighted and labelled */
  TallyChartParty        *legend;       /* the colours used, with names */
  guint                   n_legend;
} TallySwingScatterData;

/* State of the parties: councils and seats, with change. */
typedef struct
{
  TallyChartParty party;
  int             councils;
  int             councils_change;
  int             seats;
  int             seats_change;
  gboolean        has_seats;     /* FALSE for the no-overall-control row */
  gboolean        has_councils;  /* FALSE for a party that controls no council and lost none:
                                  * its councils panel stays blank, as on the window's cards,
                                  * rather than print "0 ±0" as if it were news */
} TallyStateChartEntry;

typedef struct
{
  TallyChartHeading     heading;
  TallyStateChartEntry *entries;
  guint                 n_entries;
  guint                 n_declared;   /* "after 40 of 150 councils" */
  guint                 n_councils;
  gboolean              has_change;
} TallyStateChartData;

void                   tally_chart_party_init        (TallyChartParty       *party,
                                                      const char            *key,
                                                      const char            *short_name,
                                                      const char            *name,
                                                      const char            *colour,
                                                      const char            *colour_safe);
void                   tally_chart_party_copy        (TallyChartParty       *dest,
                                                      const TallyChartParty *src);
void                   tally_chart_party_clear       (TallyChartParty       *party);
TallyChartRgb          tally_chart_party_rgb         (const TallyChartParty *party,
                                                      const TallyChartStyle *style);
void                   tally_chart_heading_set       (TallyChartHeading     *heading,
                                                      const char            *title,
                                                      const char            *subtitle,
                                                      const char            *source);
void                   tally_chart_heading_clear     (TallyChartHeading     *heading);

TallySeatChartData    *tally_seat_chart_data_new     (guint                  n_entries);
TallySeatChartData    *tally_seat_chart_data_copy    (const TallySeatChartData *data);
void                   tally_seat_chart_data_free    (TallySeatChartData    *data);

TallyShareChartData   *tally_share_chart_data_new    (guint                  n_entries);
void                   tally_share_chart_data_free   (TallyShareChartData   *data);

TallySwingometerData  *tally_swingometer_data_new    (void);
void                   tally_swingometer_data_free   (TallySwingometerData  *data);

TallySwingScatterData *tally_swing_scatter_data_new  (guint                  n_points,
                                                      guint                  n_legend);
void                   tally_swing_scatter_data_free (TallySwingScatterData *data);

TallyStateChartData   *tally_state_chart_data_new    (guint                  n_entries);
void                   tally_state_chart_data_free   (TallyStateChartData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallySeatChartData, tally_seat_chart_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyShareChartData, tally_share_chart_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallySwingometerData, tally_swingometer_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallySwingScatterData, tally_swing_scatter_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStateChartData, tally_state_chart_data_free)

G_END_DECLS
