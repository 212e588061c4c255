/* tally-share-estimate.c: a national share estimate, honest about what it is.
 *
 * Over the councils of a scope that have candidate rows: each party's best
 * candidate in every ward poll where Conservative, Labour and Liberal
 * Democrat candidates all stood (tally-results-load.c sums them), as a
 * share of every party's best candidate in those polls.  With no candidate
 * rows there is nothing to estimate from, and the description says which
 * import would give it.  See docs/SHARE-ESTIMATE.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-format.h"
#include "tally-party.h"
#include "tally-scope-summary-private.h"
#include "tally-share-estimate.h"

struct _TallyShareEstimate
{
  TallyResultsData *data;
  gint64           *votes;        /* [party] */
  gint64            total;
  guint             n_wards;
  guint             n_councils;   /* councils with a ward counted */
  guint             n_with_candidates;
  guint             n_in_scope;
};

/**
 * tally_scope_summary_get_share_estimate:
 *
 * Returns: (transfer full): the estimate over @summary's councils
 */
TallyShareEstimate *
tally_scope_summary_get_share_estimate (TallyScopeSummary *summary)
{
  TallyShareEstimate *self = g_new0 (TallyShareEstimate, 1);
  const guint8 *in_scope;
  guint election;
  TallyResultsData *data = _tally_scope_summary_get_scope (summary, &election, &in_scope);

  self->data = _tally_results_data_ref (data);
  self->votes = g_new0 (gint64, data->n_parties);

  for (guint council = 0; council < data->n_councils; council++)
    {
      gsize ec = _tally_ec (data, election, council);

      if (!in_scope[council] || !data->held[ec] || !data->declared[ec])
        continue;

      self->n_in_scope++;
      if (!data->from_candidates[ec])
        continue;

      self->n_with_candidates++;
      if (data->three_wards[ec] == 0)
        continue;

      self->n_councils++;
      self->n_wards += data->three_wards[ec];
      self->total += data->three_total[ec];
      for (guint party = 0; party < data->n_parties; party++)
        self->votes[party] += data->three_votes[ec * data->n_parties + party];
    }

  return self;
}

void
tally_share_estimate_free (TallyShareEstimate *self)
{
  if (self == NULL)
    return;

  _tally_results_data_unref (self->data);
  g_free (self->votes);
  g_free (self);
}

gboolean
tally_share_estimate_is_known (TallyShareEstimate *self)
{
  return self->n_wards > 0 && self->total > 0;
}

/* NAN when the estimate is not known or @party is not in the data. */
double
tally_share_estimate_get_share (TallyShareEstimate *self,
                                TallyParty         *party)
{
  int index = _tally_results_data_party_index (self->data, party);

  if (!tally_share_estimate_is_known (self) || index < 0)
    return NAN;

  return 100.0 * (double) self->votes[index] / (double) self->total;
}

guint
tally_share_estimate_get_n_wards (TallyShareEstimate *self)
{
  return self->n_wards;
}

guint
tally_share_estimate_get_n_councils (TallyShareEstimate *self)
{
  return self->n_councils;
}

/**
 * tally_share_estimate_describe_method:
 *
 * What the estimate is, for a footnote, an export's note or a tooltip:
 * "top-vote share over 3,512 ward polls in 148 of 150 councils where
 * Conservative, Labour and Liberal Democrat candidates all stood (each
 * party's best candidate per ward); Tally's estimate, not the BBC's
 * projected national share", or why there is none.
 *
 * Returns: (transfer full): the text
 */
char *
tally_share_estimate_describe_method (TallyShareEstimate *self)
{
  g_autofree char *wards = tally_format_count (self->n_wards);

  if (self->n_with_candidates == 0)
    return g_strdup (_("not available: it needs candidate rows (each party’s best candidate in each ward), "
                       "which the bundled council totals do not have; import the Democracy Club results "
                       "CSV (or a LEAP or Tally candidate CSV) with Import… or tally import FILE"));

  if (!tally_share_estimate_is_known (self))
    return g_strdup (_("not available: no ward poll in scope had Conservative, Labour and Liberal "
                       "Democrat candidates all standing"));

  /* Translators: "top-vote share over 3,512 ward polls in 148 of 150 councils where …" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "top-vote share over %s ward poll in %u of %u councils where "
                                       "Conservative, Labour and Liberal Democrat candidates all stood "
                                       "(each party’s best candidate per ward); Tally’s estimate, not "
                                       "the BBC’s projected national share",
                                       "top-vote share over %s ward polls in %u of %u councils where "
                                       "Conservative, Labour and Liberal Democrat candidates all stood "
                                       "(each party’s best candidate per ward); Tally’s estimate, not "
                                       "the BBC’s projected national share",
                                       self->n_wards),
                          wards, self->n_councils, self->n_in_scope);
}

/* "Lab 35.1%, Con 33.9%, LD 16.8%, others 14.2%", the three in order of share; NULL when not known. */
char *
tally_share_estimate_describe_figures (TallyShareEstimate *self)
{
  TallyResultsData *data = self->data;
  int order[G_N_ELEMENTS (data->three_parties)];
  GString *text;
  gint64 rest;

  if (!tally_share_estimate_is_known (self))
    return NULL;

  memcpy (order, data->three_parties, sizeof order);
  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    for (guint j = i; j > 0 && self->votes[order[j]] > self->votes[order[j - 1]]; j--)
      {
        int swap = order[j];

        order[j] = order[j - 1];
        order[j - 1] = swap;
      }

  text = g_string_new (NULL);
  rest = self->total;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *share = tally_format_share (100.0 * (double) self->votes[order[i]] / (double) self->total);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "", tally_party_get_short_name (data->parties[order[i]]),
                              share);
      rest -= self->votes[order[i]];
    }

  {
    g_autofree char *share = tally_format_share (100.0 * (double) rest / (double) self->total);

    /* Translators: the rest of "Lab 35.1%, Con 33.9%, LD 16.8%, others 14.2%" */
    g_string_append_printf (text, _(", others %s"), share);
  }

  return g_string_free (text, FALSE);
}

/**
 * tally_share_estimate_describe_brief:
 *
 * The estimate in one short line, for a window's header, with
 * tally_share_estimate_describe_method() for its tooltip: "National share
 * estimate: Lab 39.6%, Con 31.2%, LD 16.8%, others 12.4% (Tally's, over
 * 2,108 ward polls)", or "National share estimate: not available without
 * candidate results".
 *
 * Returns: (transfer full): the text
 */
char *
tally_share_estimate_describe_brief (TallyShareEstimate *self)
{
  g_autofree char *figures = tally_share_estimate_describe_figures (self);
  g_autofree char *wards = NULL;

  if (self->n_with_candidates == 0)
    return g_strdup (_("National share estimate: not available without candidate results"));
  if (figures == NULL)
    return g_strdup (_("National share estimate: not available for these councils"));

  wards = tally_format_count (self->n_wards);
  /* Translators: "National share estimate: Lab 39.6%, …, others 12.4% (Tally’s, over 2,108 ward polls)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "National share estimate: %s (Tally’s, over %s ward poll)",
                                       "National share estimate: %s (Tally’s, over %s ward polls)", self->n_wards),
                          figures, wards);
}

/**
 * tally_share_estimate_describe:
 *
 * One line for a summary: "National share estimate: Lab 35.1%, Con 33.9%,
 * LD 16.8%, others 14.2% (top-vote share over …)", or "National share
 * estimate: not available: …".
 *
 * Returns: (transfer full): the text
 */
char *
tally_share_estimate_describe (TallyShareEstimate *self)
{
  g_autofree char *method = tally_share_estimate_describe_method (self);
  g_autofree char *figures = tally_share_estimate_describe_figures (self);

  if (figures == NULL)
    return g_strdup_printf (_("National share estimate: %s"), method);

  return g_strdup_printf (_("National share estimate: %s (%s)"), figures, method);
}
