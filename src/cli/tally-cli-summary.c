/* tally-cli-summary.c: `tally summary`, the state of the parties without a window.
 *
 *   tally summary [--region R] [--type T] [--party P] [--council C]
 *                 [--outcome O] [--search TEXT] [--election DATE]
 *                 [--baseline DATE] [--councils] [--csv] [--method M]
 *                 [--swing A,B] [--database FILE] [--as-at TIME]
 *
 * On results night (tally-cli-summary-live.c) the state of the parties
 * starts with where the night stands, --councils ends with each council's
 * calls, and --as-at shows the night as it stood at an earlier moment.
 *
 * The filter options build the same TallyFilter the window's filter panel
 * builds, so the same choices give the same councils and the same numbers.
 * Options that take a list may be repeated or given comma-separated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-format.h"
#include "tally-live-night.h"
#include "tally-live-snapshot.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-record-check.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-share-estimate.h"
#include "tally-cli-filter.h"
#include "tally-cli-private.h"

typedef struct
{
  TallyCliFilterOptions  filter;
  char                  *database_path;
  TallyPartyRanking     *ranking;
  char                  *method;
  char                  *swing;
  char                  *as_at;
  gboolean               per_council;
  gboolean               csv;
  char                  *record_note;   /* where the figures part from the published record */

  TallyVoteMethod        vote_method;
  TallyParty            *swing_from;
  TallyParty            *swing_to;
} Options;

static void
options_clear (Options *options)
{
  tally_cli_filter_options_clear (&options->filter);
  g_clear_pointer (&options->database_path, g_free);
  g_clear_pointer (&options->ranking, tally_party_ranking_unref);
  g_clear_pointer (&options->method, g_free);
  g_clear_pointer (&options->swing, g_free);
  g_clear_pointer (&options->as_at, g_free);
  g_clear_pointer (&options->record_note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* A table printed with aligned columns, or as CSV. */
typedef struct
{
  GPtrArray *rows;     /* of GStrv */
  guint      n_columns;
} Table;

static void
table_init (Table *table)
{
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static void
table_add (Table     *table,
           GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  table->n_columns = MAX (table->n_columns, cells->len - 1);
  g_ptr_array_add (table->rows, g_ptr_array_free (cells, FALSE));
}

static void
print_csv_field (GString    *line,
                 const char *field)
{
  if (strpbrk (field, ",\"\n\r") == NULL)
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *c = field; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

/* The first @n_text columns are words, left-aligned; the rest numbers. */
static void
table_print (Table    *table,
             gboolean  csv,
             guint     n_text)
{
  g_autofree glong *widths = g_new0 (glong, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; row[c] != NULL; c++)
        {
          glong padding = widths[c] - g_utf8_strlen (row[c], -1);

          if (csv)
            {
              if (c > 0)
                g_string_append_c (line, ',');
              print_csv_field (line, row[c]);
              continue;
            }

          if (c > 0)
            g_string_append (line, "  ");
          if (c >= n_text)
            for (glong i = 0; i < padding; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, row[c]);
          if (c < n_text)
            for (glong i = 0; i < padding; i++)
              g_string_append_c (line, ' ');
        }

      /* Trailing spaces help nobody. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

static char *
format_share (double   share,
              gboolean csv)
{
  if (isnan (share))
    return g_strdup (csv ? "" : "—");

  return csv ? g_strdup_printf ("%.2f", share) : g_strdup_printf ("%.1f%%", share);
}

/* "+2.5", "−1.0", "0.0"; in CSV an ASCII minus. */
static char *
format_points (double   points,
               gboolean csv)
{
  if (isnan (points))
    return g_strdup (csv ? "" : "—");

  if (csv)
    return g_strdup_printf ("%.2f", points);

  if (points >= 0.05)
    return g_strdup_printf ("+%.1f", points);
  if (points <= -0.05)
    return g_strdup_printf ("−%.1f", -points);

  return g_strdup ("0.0");
}

static char *
format_int (gint64   value,
            gboolean csv)
{
  return csv ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : tally_format_count (value);
}

static char *
format_signed (gint64   value,
               gboolean csv)
{
  return csv ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : tally_format_change (value);
}

static const char *
method_name (TallyVoteMethod method)
{
  return method == TALLY_VOTE_METHOD_TOP ? _("top-vote method: each party’s best candidate per ward")
                                         : _("total-vote method: every candidate’s votes");
}

static const char *
party_label (TallyParty *party)
{
  return party ? tally_party_get_short_name (party) : "?";
}

static const char *
party_key (TallyParty *party)
{
  return party ? tally_party_get_key (party) : "?";
}

/* A row of the state of the parties, or a party's columns per council:
 * one party, or every party of the "other" group together.  An import keeps each
 * minor party under its own name in the "other" group (a hundred and more
 * in 2018); they are one "Other parties" line here, as OTH is in the
 * bundled data. */
typedef struct
{
  char      *key;
  char      *name;
  char      *short_name;
  GPtrArray *members;  /* of TallyParty, borrowed from the catalogue */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_free (group->name);
  g_free (group->short_name);
  g_ptr_array_unref (group->members);
  g_free (group);
}

/* The rows: the parties every view names, in results order, and Others
 * adding up the rest (tally-party-ranking.c has the rule). */
static GPtrArray *
make_groups (TallyCatalog      *catalog,
             TallyPartyRanking *ranking)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  GListModel *shown = tally_party_ranking_get_shown (ranking);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (shown, i);
      Group *group = g_new0 (Group, 1);

      group->members = tally_party_ranking_get_members (ranking, party);
      group->key = g_strdup (tally_party_get_key (party));
      group->name = g_strdup (tally_party_get_full_name (party));
      group->short_name = g_strdup (tally_party_get_short_name (party));
      g_ptr_array_add (groups, group);
    }

  return groups;
}

#define EACH_MEMBER(group, party) \
  for (guint _i = 0; _i < (group)->members->len && ((party) = g_ptr_array_index ((group)->members, _i)); _i++)

static guint
group_councils (TallyScopeSummary *summary,
                Group             *group,
                TallyStage         stage)
{
  TallyParty *party;
  guint councils = 0;

  EACH_MEMBER (group, party)
    councils += tally_scope_summary_get_councils_controlled (summary, party, stage);
  return councils;
}

static int
group_councils_change (TallyScopeSummary *summary,
                       Group             *group)
{
  TallyParty *party;
  int change = 0;

  EACH_MEMBER (group, party)
    change += tally_scope_summary_get_councils_change (summary, party);
  return change;
}

static gint64
group_seats (TallyScopeSummary *summary,
             Group             *group)
{
  TallyParty *party;
  gint64 seats = 0;

  EACH_MEMBER (group, party)
    seats += tally_scope_summary_get_seats_won (summary, party);
  return seats;
}

static gboolean
group_seats_change (TallyScopeSummary *summary,
                    Group             *group,
                    int               *change)
{
  TallyParty *party;

  *change = 0;
  EACH_MEMBER (group, party)
    {
      int party_change;

      if (!tally_scope_summary_get_seats_change (summary, party, &party_change))
        return FALSE;
      *change += party_change;
    }
  return TRUE;
}

static gint64
group_votes (TallyScopeSummary *summary,
             Group             *group,
             TallyVoteMethod    method)
{
  TallyParty *party;
  gint64 votes = 0;

  EACH_MEMBER (group, party)
    {
      gint64 party_votes = tally_scope_summary_get_votes (summary, party, method);

      if (party_votes < 0)
        return -1;
      votes += party_votes;
    }
  return votes;
}

/* The national share estimate's share for a group: NaN when not known. */
static double
group_estimate (TallyShareEstimate *estimate,
                Group              *group)
{
  TallyParty *party;
  double share = 0;

  EACH_MEMBER (group, party)
    share += tally_share_estimate_get_share (estimate, party);
  return share;
}

/* Shares of one total add up; NaN stays NaN. */
static double
group_share (TallyScopeSummary *summary,
             Group             *group,
             TallyVoteMethod    method,
             gboolean           change)
{
  TallyParty *party;
  double share = 0;

  EACH_MEMBER (group, party)
    share += change ? tally_scope_summary_get_vote_share_change (summary, party, method)
                    : tally_scope_summary_get_vote_share (summary, party, method);
  return share;
}

static guint
group_council_seats (TallyCouncilResult *result,
                     Group              *group,
                     gboolean           *known,
                     int                *change)
{
  TallyParty *party;
  guint seats = 0;

  *known = TRUE;
  *change = 0;
  EACH_MEMBER (group, party)
    {
      int party_change = 0;

      seats += tally_council_result_get_seats_won (result, party);
      *known = tally_council_result_get_seats_change (result, party, &party_change) && *known;
      *change += party_change;
    }
  return seats;
}

static double
group_council_share_change (TallyCouncilResult *result,
                            Group              *group,
                            TallyVoteMethod     method)
{
  TallyParty *party;
  double change = 0;

  EACH_MEMBER (group, party)
    change += tally_council_result_get_vote_share_change (result, party, method);
  return change;
}

/* The councils the seat change leaves out, by name, so that a reader
 * comparing the total with a published one knows which are not in it. */
static void
print_left_out (TallyScopeSummary *summary)
{
  g_autofree char *left_out = tally_scope_summary_describe_left_out (summary);

  if (left_out != NULL)
    /* Translators: "Left out of the seat change (…): Blackburn with Darwen; …. A published national change …" */
    g_print (_("%s. A published national change counts them too, so it differs from this one by what they "
               "changed (see BASES.md)\n"),
             left_out);
}

/* `tally summary`: one row per party, and one for no overall control. */
/* The seats of the ordinary cycle apart from same-day by-elections, and
 * the postponed polls, whose seats were up but not filled on the day. */
static void
print_special_seats (TallyScopeSummary *summary)
{
  guint postponed, by_election, seats_up = tally_scope_summary_get_seats_up (summary);
  g_autofree char *ordinary = NULL;
  g_autofree char *filled = NULL;

  tally_scope_summary_get_special_seats (summary, &postponed, &by_election);
  if (postponed == 0 && by_election == 0)
    return;

  ordinary = tally_format_count (seats_up - by_election + postponed);
  filled = tally_format_count (seats_up - by_election);
  g_print (_("Seats of the ordinary cycle: %s (%s filled on the day, %u at postponed polls); "
             "same-day by-elections: %u more\n"),
           ordinary, filled, postponed, by_election);
}

static void
print_state_of_parties (TallyScopeSummary *summary,
                        TallyCatalog      *catalog,
                        Options           *options)
{
  g_auto(Table) table = { 0 };
  g_autoptr(GPtrArray) groups = make_groups (catalog, options->ranking);
  gboolean csv = options->csv;
  TallyElection *election = tally_scope_summary_get_election (summary);
  TallyElection *baseline = tally_scope_summary_get_baseline (summary);
  g_autofree char *declared = tally_scope_summary_describe_declared (summary);
  g_autoptr(TallyShareEstimate) estimate = tally_scope_summary_get_share_estimate (summary);
  g_autofree char *estimate_wards = g_strdup_printf ("%u", tally_share_estimate_get_n_wards (estimate));
  GPtrArray *header = g_ptr_array_new ();

  table_init (&table);

  if (!csv)
    {
      TallyBasis basis = tally_scope_summary_get_basis (summary);
      g_autofree char *seats_up = tally_format_count (tally_scope_summary_get_seats_up (summary));

      g_print (_("%s (%s)"), tally_election_get_name (election), tally_election_get_date (election));
      if (baseline != NULL)
        g_print (_(" compared with %s (%s)"), tally_election_get_name (baseline), tally_election_get_date (baseline));
      g_print ("\n");
      g_print (_("Scope: %s; %s seats filled on the day\n"), declared, seats_up);
      print_special_seats (summary);
      /* Translators: "Basis: As the results services count it (councils
       * against control on the eve of the poll; seats against ...)" */
      g_print (_("Basis: %s (%s; %s)\n"), tally_basis_get_label (basis), tally_basis_describe_control (basis),
               tally_basis_describe_seats (basis));
      g_print (_("Vote shares: %s\n\n"), method_name (options->vote_method));
    }

  g_ptr_array_add (header, g_strdup (csv ? "party" : _("Party")));
  g_ptr_array_add (header, g_strdup (csv ? "councils_before" : _("Before")));
  g_ptr_array_add (header, g_strdup (csv ? "councils_after" : _("Councils")));
  g_ptr_array_add (header, g_strdup (csv ? "councils_change" : "±"));
  g_ptr_array_add (header, g_strdup (csv ? "seats" : _("Seats")));
  g_ptr_array_add (header, g_strdup (csv ? "seats_change" : "±"));
  g_ptr_array_add (header, g_strdup (csv ? "votes" : _("Votes")));
  g_ptr_array_add (header, g_strdup (csv ? "vote_share" : _("Share")));
  g_ptr_array_add (header, g_strdup (csv ? "vote_share_change" : "±"));
  if (csv)
    {
      g_ptr_array_add (header, g_strdup ("basis"));
      /* docs/SHARE-ESTIMATE.md: never the BBC's projected national share. */
      g_ptr_array_add (header, g_strdup ("share_estimate"));
      g_ptr_array_add (header, g_strdup ("share_estimate_method"));
      g_ptr_array_add (header, g_strdup ("share_estimate_wards"));
    }
  table_add (&table, header);

  for (guint i = 0; i <= groups->len; i++)
    {
      Group *group = i < groups->len ? g_ptr_array_index (groups, i) : NULL;
      GPtrArray *row = g_ptr_array_new ();
      int change;
      gint64 votes;

      if (group == NULL)
        {
          guint before = tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_BEFORE);
          guint after = tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_AFTER);

          g_ptr_array_add (row, g_strdup (csv ? "NOC" : _("No overall control")));
          g_ptr_array_add (row, format_int (before, csv));
          g_ptr_array_add (row, format_int (after, csv));
          g_ptr_array_add (row, format_signed (tally_scope_summary_get_councils_change (summary, NULL), csv));
          for (guint j = 0; j < 5; j++)
            g_ptr_array_add (row, g_strdup (""));
          if (csv)
            {
              g_ptr_array_add (row, g_strdup (tally_basis_to_string (tally_scope_summary_get_basis (summary))));
              for (guint j = 0; j < 3; j++)
                g_ptr_array_add (row, g_strdup (""));
            }
          table_add (&table, row);
          continue;
        }

      g_ptr_array_add (row, g_strdup (csv ? group->key : group->name));
      g_ptr_array_add (row, format_int (group_councils (summary, group, TALLY_STAGE_BEFORE), csv));
      g_ptr_array_add (row, format_int (group_councils (summary, group, TALLY_STAGE_AFTER), csv));
      g_ptr_array_add (row, format_signed (group_councils_change (summary, group), csv));
      g_ptr_array_add (row, format_int (group_seats (summary, group), csv));
      if (group_seats_change (summary, group, &change))
        g_ptr_array_add (row, format_signed (change, csv));
      else
        g_ptr_array_add (row, g_strdup (csv ? "" : "—"));

      votes = group_votes (summary, group, options->vote_method);
      g_ptr_array_add (row, votes >= 0 ? format_int (votes, csv) : g_strdup (csv ? "" : "—"));
      g_ptr_array_add (row, format_share (group_share (summary, group, options->vote_method, FALSE), csv));
      g_ptr_array_add (row, format_points (group_share (summary, group, options->vote_method, TRUE), csv));
      if (csv)
        {
          gboolean known = tally_share_estimate_is_known (estimate);

          g_ptr_array_add (row, g_strdup (tally_basis_to_string (tally_scope_summary_get_basis (summary))));
          g_ptr_array_add (row, format_share (group_estimate (estimate, group), csv));
          g_ptr_array_add (row, g_strdup (known ? "top_vote_where_con_lab_ld_stood" : ""));
          g_ptr_array_add (row, g_strdup (known ? estimate_wards : ""));
        }
      table_add (&table, row);
    }

  table_print (&table, csv, 1);

  if (!csv)
    {
      double others = tally_scope_summary_get_other_share (summary, options->vote_method);
      double swing = tally_scope_summary_get_swing (summary, options->swing_from, options->swing_to,
                                                    options->vote_method);
      g_autofree char *others_text = format_share (others, FALSE);
      g_autofree char *swing_text = format_points (swing, FALSE);
      g_autofree char *seat_change = tally_scope_summary_describe_seat_change (summary);

      g_print ("\n");
      /* Translators: "Seat change against the previous comparable election, over 129 councils ..." */
      g_print (_("%c%s\n"), g_ascii_toupper (seat_change[0]), seat_change + 1);
      print_left_out (summary);
      if (options->record_note != NULL)
        g_print ("%s\n", options->record_note);
      if (!isnan (others) && others > 0.05)
        g_print (_("Votes of parties not counted separately (independents and others): %s\n"), others_text);
      g_print (_("Butler swing %s → %s: %s points\n"), party_label (options->swing_from),
               party_label (options->swing_to), swing_text);
      {
        g_autofree char *line = tally_share_estimate_describe (estimate);

        g_print ("%s\n", line);
      }
    }
}

static gboolean
group_has_seats (TallyScopeSummary *summary,
                 Group             *group)
{
  int change = 0;

  return group_seats (summary, group) > 0 || (group_seats_change (summary, group, &change) && change != 0);
}

static char *
describe_control (TallyCouncilResult *result,
                  TallyStage          stage,
                  gboolean            csv)
{
  TallyParty *party;

  if (tally_council_result_get_total_seats (result, stage) == 0)
    return g_strdup (csv ? "" : "?");

  party = tally_council_result_get_control (result, stage);
  if (party == NULL)
    return g_strdup ("NOC");

  return g_strdup (csv ? tally_party_get_key (party) : tally_party_get_short_name (party));
}

/* The names --outcome takes. */
static const char *
outcome_key (TallyOutcome outcome)
{
  switch (outcome)
    {
    case TALLY_OUTCOME_GAIN:
      return "gain";
    case TALLY_OUTCOME_LOSS:
      return "loss";
    case TALLY_OUTCOME_HOLD:
      return "hold";
    case TALLY_OUTCOME_NOC_HOLD:
      return "noc-hold";
    case TALLY_OUTCOME_UNKNOWN:
    default:
      return "";
    }
}

/* `tally summary --councils`: one row per council. */
static void
print_councils (TallyScopeSummary *summary,
                TallyCatalog      *catalog,
                Options           *options)
{
  g_auto(Table) table = { 0 };
  g_autoptr(GPtrArray) groups = make_groups (catalog, options->ranking);
  g_autoptr(GPtrArray) seat_groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) share_groups = g_ptr_array_new ();
  GListModel *councils = tally_scope_summary_get_councils (summary);
  gboolean csv = options->csv;
  GPtrArray *header = g_ptr_array_new ();
  g_autofree char *swing_from = g_ascii_strdown (party_key (options->swing_from), -1);
  g_autofree char *swing_to = g_ascii_strdown (party_key (options->swing_to), -1);

  table_init (&table);

  /* CSV keeps every party, so that a script's columns do not move; the
   * table keeps those that won or lost seats, and shares where known. */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (csv || group_has_seats (summary, group))
        g_ptr_array_add (seat_groups, group);
      if (csv || !isnan (group_share (summary, group, options->vote_method, FALSE)))
        g_ptr_array_add (share_groups, group);
    }

  g_ptr_array_add (header, g_strdup (csv ? "code" : _("Code")));
  g_ptr_array_add (header, g_strdup (csv ? "name" : _("Council")));
  g_ptr_array_add (header, g_strdup (csv ? "control_before" : _("Before")));
  g_ptr_array_add (header, g_strdup (csv ? "control_after" : _("After")));
  g_ptr_array_add (header, g_strdup (csv ? "outcome" : _("Outcome")));
  if (csv)
    g_ptr_array_add (header, g_strdup ("outcome_description"));
  for (guint i = 0; i < seat_groups->len; i++)
    {
      Group *group = g_ptr_array_index (seat_groups, i);

      if (csv)
        {
          g_ptr_array_add (header, g_strdup_printf ("%s_seats", group->key));
          g_ptr_array_add (header, g_strdup_printf ("%s_seats_change", group->key));
        }
      else
        g_ptr_array_add (header, g_strdup (group->short_name));
    }
  for (guint i = 0; i < share_groups->len; i++)
    {
      Group *group = g_ptr_array_index (share_groups, i);

      g_ptr_array_add (header, csv ? g_strdup_printf ("%s_share_change", group->key)
                                   : g_strdup_printf ("%s %%±", group->short_name));
    }
  g_ptr_array_add (header, csv ? g_strdup_printf ("swing_%s_%s", swing_from, swing_to)
                               : g_strdup_printf (_("Swing %s→%s"), party_label (options->swing_from),
                                                  party_label (options->swing_to)));
  if (csv)
    {
      g_ptr_array_add (header, g_strdup ("basis"));
      g_ptr_array_add (header, g_strdup ("seat_change_against"));
    }
  table_add (&table, header);

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      GPtrArray *row = g_ptr_array_new ();

      g_ptr_array_add (row, g_strdup (tally_council_get_code (council)));
      g_ptr_array_add (row, g_strdup (tally_council_get_name (council)));
      g_ptr_array_add (row, describe_control (result, TALLY_STAGE_BEFORE, csv));
      g_ptr_array_add (row, describe_control (result, TALLY_STAGE_AFTER, csv));
      if (csv)
        g_ptr_array_add (row, g_strdup (outcome_key (tally_council_result_get_outcome (result))));
      g_ptr_array_add (row, tally_council_result_describe_outcome (result, !csv));

      for (guint j = 0; j < seat_groups->len; j++)
        {
          gboolean known;
          int change;
          guint seats = group_council_seats (result, g_ptr_array_index (seat_groups, j), &known, &change);

          if (csv)
            {
              g_ptr_array_add (row, format_int (seats, TRUE));
              g_ptr_array_add (row, known ? format_signed (change, TRUE) : g_strdup (""));
            }
          else
            {
              g_autofree char *change_text = known ? tally_format_change (change) : g_strdup ("?");

              g_ptr_array_add (row, g_strdup_printf ("%u (%s)", seats, change_text));
            }
        }

      for (guint j = 0; j < share_groups->len; j++)
        {
          Group *group = g_ptr_array_index (share_groups, j);

          g_ptr_array_add (row, format_points (group_council_share_change (result, group, options->vote_method), csv));
        }

      g_ptr_array_add (row, format_points (tally_council_result_get_swing (result, options->swing_from,
                                                                          options->swing_to, options->vote_method),
                                           csv));
      if (csv)
        {
          g_ptr_array_add (row, g_strdup (tally_basis_to_string (tally_council_result_get_basis (result))));
          g_ptr_array_add (row, g_strdup (tally_council_result_get_seat_change_against (result)));
        }
      table_add (&table, row);
    }

  table_print (&table, csv, 5);
  if (!csv)
    {
      TallyBasis basis = tally_scope_summary_get_basis (summary);

      g_print (_("\nBasis: %s (%s; %s)\n"), tally_basis_get_label (basis), tally_basis_describe_control (basis),
               tally_basis_describe_seats (basis));
      if (options->record_note != NULL)
        g_print ("%s\n", options->record_note);
    }
}

/* Early on results night no council has declared: there are no shares to
 * compute by any method, and the table says so with its dashes. */
static gboolean
nothing_declared (TallyScopeSummary *summary)
{
  guint n_declared = 0;

  return tally_scope_summary_get_declared (summary, &n_declared, NULL) && n_declared == 0;
}

static int summarize (const char *path,
                      Options    *options,
                      GDateTime  *as_at);

int
tally_cli_run_summary (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *snapshot = NULL;
  g_autoptr(GDateTime) as_at = NULL;
  g_auto(Options) options = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options.database_path,
      N_("Read FILE instead of your database (or the bundled one before any import)"), N_("FILE") },
    { "councils", 0, 0, G_OPTION_ARG_NONE, &options.per_council,
      N_("One row per council instead of the state of the parties"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &options.csv,
      N_("Write CSV instead of an aligned table"), NULL },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &options.method,
      N_("Vote shares by the total-vote or top-vote method (total, top)"), N_("METHOD") },
    { "swing", 0, 0, G_OPTION_ARG_STRING, &options.swing,
      N_("Butler swing between these two parties (default: CON,LAB)"), N_("FROM,TO") },
    { "as-at", 0, 0, G_OPTION_ARG_STRING, &options.as_at,
      N_("The night as it stood at TIME: 02:00 (the morning after polling day) or 2018-05-04T02:00:00+01:00"),
      N_("TIME") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Print the state of the parties, or one row per council, "
                                           "for the councils a filter matches"));
  g_option_context_set_main_group (context, tally_cli_filter_options_get_group (&options.filter, NULL));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("tally summary: %s\n", error ? error->message : _("unexpected argument"));
      return 2;
    }

  path = options.database_path ? g_strdup (options.database_path) : tally_database_get_current_path ();
  if (options.as_at != NULL &&
      !(snapshot = tally_cli_summary_snapshot (path, options.as_at, &as_at, &error)))
    {
      g_printerr ("tally summary: %s\n", error->message);
      return 1;
    }

  status = summarize (snapshot != NULL ? snapshot : path, &options, as_at);
  tally_live_snapshot_remove (snapshot);
  return status;
}

/* Where the figures of @summary's councils, at its election and its
 * baseline, part from the published record; NULL where they do not (or
 * the record cannot be read: the check is the reader's help, not a
 * condition of the summary). */
static char *
describe_record (TallyDatabase     *database,
                 TallyScopeSummary *summary)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GPtrArray) in_scope = NULL;
  TallyElection *baseline = tally_scope_summary_get_baseline (summary);
  const char *dates[3] = { tally_election_get_date (tally_scope_summary_get_election (summary)),
                           baseline != NULL ? tally_election_get_date (baseline) : NULL, NULL };

  if (!(differences = tally_record_check (database, dates, NULL, NULL)))
    return NULL;
  in_scope = tally_record_check_in_scope (differences, summary);
  return tally_record_check_describe (in_scope);
}

/* The summary of the database at @path (a snapshot for --as-at). */
static int
summarize (const char *path,
           Options    *options,
           GDateTime  *as_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = NULL;
  g_autoptr(TallyScopeSummary) summary = NULL;
  g_autoptr(TallyLiveNight) night = NULL;

  if (!(database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) ||
      !(catalog = tally_catalog_new (database, &error)) ||
      !(results = tally_results_new (catalog, &error)))
    {
      g_printerr ("tally summary: %s\n", error->message);
      return 1;
    }

  filter = tally_filter_new ();
  if (!tally_cli_filter_options_apply (&options->filter, catalog, filter, &error) ||
      !tally_cli_parse_method_and_swing (catalog, options->method, options->swing, &options->vote_method,
                                         &options->swing_from, &options->swing_to, &error))
    {
      g_printerr ("tally summary: %s\n", error->message);
      return 2;
    }

  /* Only the election asked about and its baseline are read. */
  if (!tally_results_prepare (results, filter, &error))
    {
      g_printerr ("tally summary: %s\n", error->message);
      return 1;
    }

  if (!(summary = tally_results_summarize (results, filter)))
    {
      g_printerr ("tally summary: %s\n", _("the database holds no election"));
      return 1;
    }

  /* A method that cannot be computed is not offered as empty columns. */
  if (!tally_scope_summary_get_method_known (summary, options->vote_method) && !nothing_declared (summary))
    {
      g_printerr ("tally summary: %s\n",
                  _("the top-vote method needs candidate rows (each party’s best candidate in each ward), "
                    "and this database holds council totals only for some councils in scope; import the "
                    "candidate results (Democracy Club, LEAP or Tally’s own CSV) with `tally import FILE`, "
                    "or use --method total"));
      return 1;
    }

  {
    TallyElection *election = tally_scope_summary_get_election (summary);

    options->ranking = tally_party_ranking_new (tally_catalog_get_parties (catalog),
                                               tally_results_get_council_results (results, election,
                                                                                  tally_scope_summary_get_baseline (summary)));
  }

  if (!options->csv)
    options->record_note = describe_record (database, summary);

  night = tally_cli_summary_open_night (catalog, tally_scope_summary_get_election (summary), as_at);
  if (options->per_council)
    {
      print_councils (summary, catalog, options);
      if (night != NULL && !options->csv)
        tally_cli_summary_print_calls (night, tally_scope_summary_get_councils (summary));
    }
  else
    {
      if (night != NULL && !options->csv)
        {
          g_autofree char *where = tally_live_night_describe (night);

          g_print ("%s\n", where);
        }
      print_state_of_parties (summary, catalog, options);
    }
  return 0;
}
