/* tally-filter-state-private.h: the filter's fields, shared by the files
 * that make up TallyFilter (tally-filter.c: the object, its properties and
 * its `changed` signal; tally-filter-choices.c: the setters and getters;
 * tally-filter-match.c: matching).  Only those include it: the engine asks
 * through tally-filter-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-filter.h"

G_BEGIN_DECLS

struct _TallyFilter
{
  GObject            parent_instance;

  TallyElection     *election;
  TallyElection     *baseline;
  char             **parties;        /* sorted, no duplicates, never NULL */
  char             **regions;
  char             **council_types;
  char             **councils;
  char              *search_text;
  char              *folded_search;  /* NULL when there is nothing to search */
  TallyOutcomeFlags  outcomes;
  TallyBasis         basis;

  guint64            serial;
  guint              freeze_count;
  guint              pending : 1;
  guint              was_empty : 1;
};

enum {
  PROP_0,
  PROP_ELECTION,
  PROP_BASELINE,
  PROP_PARTIES,
  PROP_REGIONS,
  PROP_COUNCIL_TYPES,
  PROP_COUNCILS,
  PROP_OUTCOMES,
  PROP_SEARCH_TEXT,
  PROP_BASIS,
  PROP_EMPTY,
  N_PROPS
};

/* tally-filter.c */
void      _tally_filter_field_changed (TallyFilter  *self,
                                       guint         prop_id);

/* tally-filter-choices.c */
gboolean  _tally_filter_set_contains  (char        **set,
                                       const char   *item);

G_END_DECLS
