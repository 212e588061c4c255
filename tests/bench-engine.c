/* bench-engine.c: how fast the results engine answers a filter change.
 *
 *   meson test -C _build --benchmark --suite engine -v
 *   _build/tests/bench-engine [--cycles 50] [--changes 2000] [--keep DIR]
 *
 * Two scales:
 *  - real: the bundled database (150 councils of 2018 against 2014);
 *  - synthetic: a database made here, through the real schema, holding the
 *    bundled councils and parties and --cycles annual elections of about
 *    16,000 candidates each (every other council votes each year, 25
 *    single-seat wards, 3 to 5 candidates a ward): 50 cycles make about
 *    800,000 candidate rows.  Each election's baseline is the one four
 *    years before; compositions before and after follow from the last three
 *    cohorts, as on a council elected by thirds.  Each council's totals
 *    are written as an import writes them (council_elections and
 *    council_results, with the figures of tally-import-figures.c), so that
 *    `tally summary` reads what it reads on a user's imported file.
 *
 * It reports the rate of the synthetic import (prepared statements, one
 * transaction, written by a child process), the engine's load time, the time from a filter change to
 * every aggregate recomputed (the summary: matching councils, state of the
 * parties, shares, swing, the history over every election; and the shared
 * list of matching councils updated), as median and 99th percentile over
 * a fixed sequence of user actions, and the peak memory (VmHWM).
 * Budgets (docs/DESIGN.md): 16 ms at real scale, 50 ms at the synthetic.
 * Last, `tally summary` as a whole process on the synthetic file against
 * the bundled one (1.5×) and against a synthetic file of 5 cycles (1.2×:
 * what the file's size costs, the kind of election being the same).
 * No timing is asserted: machines differ; the numbers are for the notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tally-bundle.h"
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-import-figures-private.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-bench.h"
#include "tally-test-util.h"

#define WARDS_PER_COUNCIL 25
#define COHORTS           3
#define FIRST_YEAR        2031
#define SUMMARY_RUNS      7
#define SMALL_CYCLES      5

static int    n_cycles = 50;
static int    n_changes = 2000;
static char  *keep_dir = NULL;
static char  *generate_path = NULL;

typedef struct
{
  double import_seconds;
  gint64 candidate_rows;
  gint64 other_rows;
  double load_seconds;
  double median_ms;
  double p99_ms;
  double max_ms;
  double p99_cached_ms;      /* leaving out first visits to an election */
  double first_visit_ms;     /* mean of the first visits */
  double full_scope_ms;      /* median summary of every council, no filter */
  double cpu_median_ms;      /* the same changes in this thread's CPU time, */
  double cpu_p99_ms;         /* which other processes on the machine do not inflate */
  guint  n_councils;
  guint  n_elections;
} Figures;

static gint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Starts the peak afresh (Linux ≥ 4.0): what follows is the synthetic
 * scale alone. */
static void
reset_peak (void)
{
  FILE *file;

  if ((file = fopen ("/proc/self/clear_refs", "w")) != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
check_sqlite (TallyDatabase *database,
              int            rc,
              const char    *doing)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", doing, sqlite3_errmsg (_tally_database_get_handle (database)));
}

static void
step_and_reset (TallyDatabase *database,
                sqlite3_stmt  *stmt)
{
  check_sqlite (database, sqlite3_step (stmt), "inserting");
  sqlite3_reset (stmt);
}

/* Each council's totals at each election, from its contests and
 * candidates, as an import's last step writes them
 * (tally-import-totals.c, write_totals_from_database()). */
static void
write_totals (TallyDatabase *database,
              const gint64  *election_ids,
              GArray        *council_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyImportFigures) figures = _tally_import_figures_new (database, &error);
  g_autoptr(sqlite3_stmt) totals = NULL;
  g_autoptr(sqlite3_stmt) results = NULL;
  g_autoptr(sqlite3_stmt) votes = NULL;

  g_assert_no_error (error);
  totals = _tally_database_prepare (database,
                                    "INSERT INTO council_elections (election_id, council_id, seats_up) "
                                    "SELECT ?1, ?2, sum (ct.seats) FROM wards w CROSS JOIN contests ct "
                                    "ON ct.election_id = ?1 AND ct.ward_id = w.id WHERE w.council_id = ?2 "
                                    "HAVING count (*) > 0",
                                    &error);
  g_assert_no_error (error);
  results = _tally_database_prepare (database,
                                     "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "
                                     "SELECT ?1, ?2, cd.party_id, sum (cd.elected), sum (cd.votes) "
                                     "FROM wards w CROSS JOIN contests ct ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                     "CROSS JOIN candidates cd ON cd.contest_id = ct.id "
                                     "WHERE w.council_id = ?2 GROUP BY cd.party_id",
                                     &error);
  g_assert_no_error (error);
  votes = _tally_database_prepare (database,
                                   "UPDATE council_elections SET votes_total = "
                                   "(SELECT sum (votes) FROM council_results WHERE election_id = ?1 AND council_id = ?2) "
                                   "WHERE election_id = ?1 AND council_id = ?2",
                                   &error);
  g_assert_no_error (error);

  for (int cycle = 0; cycle < n_cycles; cycle++)
    for (guint council = 0; council < council_ids->len; council++)
      {
        gint64 council_id = g_array_index (council_ids, gint64, council);

        if ((council + (guint) cycle) % 2 != 0)
          continue;

        sqlite3_bind_int64 (totals, 1, election_ids[cycle]);
        sqlite3_bind_int64 (totals, 2, council_id);
        step_and_reset (database, totals);
        sqlite3_bind_int64 (results, 1, election_ids[cycle]);
        sqlite3_bind_int64 (results, 2, council_id);
        step_and_reset (database, results);
        sqlite3_bind_int64 (votes, 1, election_ids[cycle]);
        sqlite3_bind_int64 (votes, 2, council_id);
        step_and_reset (database, votes);
        if (!_tally_import_figures_write (figures, election_ids[cycle], council_id, &error))
          g_error ("%s", error->message);
      }
}

/* Writes the synthetic history, as an importer would: returns the rows. */
static void
generate (TallyDatabase *database,
          Figures       *figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bundled = g_file_new_for_path (tally_test_bundled_dir ());
  g_autoptr(sqlite3_stmt) insert_election = NULL;
  g_autoptr(sqlite3_stmt) insert_ward = NULL;
  g_autoptr(sqlite3_stmt) insert_contest = NULL;
  g_autoptr(sqlite3_stmt) insert_candidate = NULL;
  g_autoptr(sqlite3_stmt) insert_composition = NULL;
  g_autoptr(sqlite3_stmt) select_ids = NULL;
  g_autoptr(GArray) council_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) party_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autofree gint64 *election_ids = g_new0 (gint64, n_cycles);
  g_autofree guint *won = NULL;     /* [cycle][council][party]: seats won */
  g_autofree double *strength = NULL;  /* [council][party] */
  guint n_councils, n_parties;
  gint64 contest_id = 0, start;
  gint64 ward_base = 0;

  if (!tally_bundle_load (database, bundled, &error))
    g_error ("%s", error->message);

  select_ids = _tally_database_prepare (database, "SELECT id FROM councils ORDER BY id", &error);
  while (sqlite3_step (select_ids) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select_ids, 0);
      g_array_append_val (council_ids, id);
    }
  g_clear_pointer (&select_ids, sqlite3_finalize);
  select_ids = _tally_database_prepare (database, "SELECT id FROM parties ORDER BY position", &error);
  while (sqlite3_step (select_ids) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select_ids, 0);
      g_array_append_val (party_ids, id);
    }
  n_councils = council_ids->len;
  n_parties = party_ids->len;

  won = g_new0 (guint, (gsize) n_cycles * n_councils * n_parties);
  strength = g_new (double, (gsize) n_councils * n_parties);
  /* Cubed, so that most councils have one or two strong parties and some
   * have a majority: control then changes hands now and again. */
  for (guint i = 0; i < n_councils * n_parties; i++)
    {
      double base = g_rand_double_range (rand, 0.3, 1.0);

      strength[i] = base * base * base;
    }

  /* As the importer does (tally-import.c): a page cache that holds the
   * indexes being built, and references checked by the writer, which here
   * makes every id it uses, rather than by SQLite row by row. */
  if (!_tally_database_exec (database, "PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF", &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!_tally_database_begin (database, &error))
    g_error ("%s", error->message);

  insert_election = _tally_database_prepare (database,
                                             "INSERT INTO elections (date, name, baseline_id) VALUES (?1, ?2, ?3)",
                                             &error);
  insert_ward = _tally_database_prepare (database,
                                         "INSERT INTO wards (id, council_id, code, name) VALUES (?1, ?2, NULL, ?3)",
                                         &error);
  insert_contest = _tally_database_prepare (database,
                                            "INSERT INTO contests (id, election_id, ward_id, ballot, seats, electorate, ballots) "
                                            "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)",
                                            &error);
  insert_candidate = _tally_database_prepare (database,
                                              "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) "
                                              "VALUES (?1, ?2, ?3, NULL, ?4, ?5)",
                                              &error);
  insert_composition = _tally_database_prepare (database,
                                                "INSERT INTO compositions (election_id, council_id, stage, party_id, seats) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                                &error);
  g_assert_no_error (error);

  for (guint council = 0; council < n_councils; council++)
    for (guint ward = 0; ward < WARDS_PER_COUNCIL; ward++)
      {
        char name[32];

        g_snprintf (name, sizeof name, "Ward %u", ward + 1);
        sqlite3_bind_int64 (insert_ward, 1, ward_base + council * WARDS_PER_COUNCIL + ward + 1);
        sqlite3_bind_int64 (insert_ward, 2, g_array_index (council_ids, gint64, council));
        sqlite3_bind_text (insert_ward, 3, name, -1, SQLITE_TRANSIENT);
        step_and_reset (database, insert_ward);
        figures->other_rows++;
      }

  for (int cycle = 0; cycle < n_cycles; cycle++)
    {
      char date[16], name[64];

      g_snprintf (date, sizeof date, "%d-05-0%d", FIRST_YEAR + cycle, 1 + cycle % 7);
      g_snprintf (name, sizeof name, "Synthetic elections %d", FIRST_YEAR + cycle);
      sqlite3_bind_text (insert_election, 1, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_election, 2, name, -1, SQLITE_TRANSIENT);
      if (cycle >= 4)
        sqlite3_bind_int64 (insert_election, 3, election_ids[cycle - 4]);
      else
        sqlite3_bind_null (insert_election, 3);
      step_and_reset (database, insert_election);
      election_ids[cycle] = sqlite3_last_insert_rowid (_tally_database_get_handle (database));
      figures->other_rows++;

      for (guint council = 0; council < n_councils; council++)
        {
          guint *cohort = &won[((gsize) cycle * n_councils + council) * n_parties];

          if ((council + (guint) cycle) % 2 != 0)
            continue;

          for (guint ward = 0; ward < WARDS_PER_COUNCIL; ward++)
            {
              guint n_candidates = 3 + g_rand_int_range (rand, 0, 3);
              guint winner = 0;
              gint64 best = -1;
              gint64 votes[8];
              guint parties[8];
              gint64 electorate = 4000 + g_rand_int_range (rand, 0, 6000);

              contest_id++;
              sqlite3_bind_int64 (insert_contest, 1, contest_id);
              sqlite3_bind_int64 (insert_contest, 2, election_ids[cycle]);
              sqlite3_bind_int64 (insert_contest, 3, ward_base + council * WARDS_PER_COUNCIL + ward + 1);
              g_snprintf (name, sizeof name, "local.%u.%u.%d", council, ward, FIRST_YEAR + cycle);
              sqlite3_bind_text (insert_contest, 4, name, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (insert_contest, 5, electorate);
              sqlite3_bind_int64 (insert_contest, 6, electorate * 35 / 100);
              step_and_reset (database, insert_contest);
              figures->other_rows++;

              /* Distinct parties, most of them the big ones. */
              for (guint i = 0; i < n_candidates; i++)
                {
                  gboolean taken;

                  do
                    {
                      parties[i] = (guint) g_rand_int_range (rand, 0, (gint32) n_parties);
                      taken = FALSE;
                      for (guint j = 0; j < i; j++)
                        taken |= parties[j] == parties[i];
                    }
                  while (taken);

                  votes[i] = (gint64) (strength[council * n_parties + parties[i]] *
                                       g_rand_double_range (rand, 200, 2000));
                  if (votes[i] > best)
                    {
                      best = votes[i];
                      winner = i;
                    }
                }

              for (guint i = 0; i < n_candidates; i++)
                {
                  g_snprintf (name, sizeof name, "Candidate %u-%u", ward, i);
                  sqlite3_bind_int64 (insert_candidate, 1, contest_id);
                  sqlite3_bind_text (insert_candidate, 2, name, -1, SQLITE_TRANSIENT);
                  sqlite3_bind_int64 (insert_candidate, 3, g_array_index (party_ids, gint64, parties[i]));
                  sqlite3_bind_int64 (insert_candidate, 4, votes[i]);
                  sqlite3_bind_int (insert_candidate, 5, i == winner);
                  step_and_reset (database, insert_candidate);
                  figures->candidate_rows++;
                }
              cohort[parties[winner]]++;
            }

          /* The council after: this cohort and the two before it (or this
           * one again, in the first years); before: its last "after". */
          for (int stage = 0; stage < 2; stage++)
            for (guint party = 0; party < n_parties; party++)
              {
                guint seats = 0;
                int newest = stage == 0 ? cycle - 2 : cycle;

                for (int k = 0; k < COHORTS; k++)
                  {
                    int past = newest - 2 * k;

                    seats += past >= 0 ? won[((gsize) past * n_councils + council) * n_parties + party]
                                       : cohort[party];
                  }

                if (seats == 0)
                  continue;

                sqlite3_bind_int64 (insert_composition, 1, election_ids[cycle]);
                sqlite3_bind_int64 (insert_composition, 2, g_array_index (council_ids, gint64, council));
                sqlite3_bind_text (insert_composition, 3, stage == 0 ? "before" : "after", -1, SQLITE_STATIC);
                sqlite3_bind_int64 (insert_composition, 4, g_array_index (party_ids, gint64, party));
                sqlite3_bind_int64 (insert_composition, 5, seats);
                step_and_reset (database, insert_composition);
                figures->other_rows++;
              }

          /* Parties drift from one election to the next. */
          for (guint party = 0; party < n_parties; party++)
            {
              double drifted = strength[council * n_parties + party] * g_rand_double_range (rand, 0.85, 1.15);

              strength[council * n_parties + party] = CLAMP (drifted, 0.02, 1.0);
            }
        }
    }

  write_totals (database, election_ids, council_ids);

  if (!_tally_database_commit (database, &error))
    g_error ("%s", error->message);

  figures->import_seconds = (g_get_monotonic_time () - start) / 1e6;

  /* Checked once at the end, not timed: a generator bug must not pass. */
  g_clear_pointer (&select_ids, sqlite3_finalize);
  select_ids = _tally_database_prepare (database, "PRAGMA foreign_key_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (select_ids), ==, SQLITE_DONE);
  if (!_tally_database_exec (database, "PRAGMA foreign_keys = ON", &error))
    g_error ("%s", error->message);
}

/* Runs `bench-engine --generate PATH` and reads back what it did. */
static void
run_generator (const char *argv0,
               int         n,
               const char *path,
               Figures    *figures)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cycles = g_strdup_printf ("%d", n);
  g_autofree char *output = NULL;
  g_auto(GStrv) fields = NULL;
  const char *argv[] = { argv0, "--cycles", cycles, "--generate", path, NULL };
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);

  fields = g_strsplit (g_strstrip (output), " ", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  figures->candidate_rows = g_ascii_strtoll (fields[0], NULL, 10);
  figures->other_rows = g_ascii_strtoll (fields[1], NULL, 10);
  figures->import_seconds = g_ascii_strtod (fields[2], NULL);
}

/* The user actions a filter panel sees, replayed in a fixed order. */
static void
apply_action (TallyFilter  *filter,
              TallyCatalog *catalog,
              guint         step,
              GRand        *rand)
{
  static const char * const regions[] = { "London", "North West", "South East", "Yorkshire and The Humber",
                                          "West Midlands", "East of England" };
  static const char * const parties[] = { "CON", "LAB", "LD", "GRN", "UKIP" };
  static const char * const searches[] = { "k", "man", "bor", "hill", "ton" };
  GListModel *elections = tally_catalog_get_elections (catalog);
  guint n_elections = g_list_model_get_n_items (elections);
  const char *region = regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))];
  const char *party = parties[g_rand_int_range (rand, 0, G_N_ELEMENTS (parties))];

  switch (step % 8)
    {
    case 0:
      tally_filter_set_region_selected (filter, region, !tally_filter_get_region_selected (filter, region));
      break;
    case 1:
      {
        TallyCouncilType type = (TallyCouncilType) g_rand_int_range (rand, 0, TALLY_N_COUNCIL_TYPES);

        tally_filter_set_council_type_selected (filter, type, !tally_filter_get_council_type_selected (filter, type));
      }
      break;
    case 2:
      tally_filter_set_party_selected (filter, party, !tally_filter_get_party_selected (filter, party));
      break;
    case 3:
      tally_filter_set_outcomes (filter, (TallyOutcomeFlags) g_rand_int_range (rand, 0, TALLY_OUTCOME_FLAGS_ALL + 1));
      break;
    case 4:
      tally_filter_set_search_text (filter, g_rand_boolean (rand) ? searches[g_rand_int_range (rand, 0, 5)] : NULL);
      break;
    case 5:
      {
        /* Any election that has a baseline. */
        g_autoptr(TallyElection) election = g_list_model_get_item (elections, g_rand_int_range (rand, 0, (gint32) n_elections));

        if (tally_election_get_baseline (election) != NULL)
          tally_filter_set_election (filter, election);
        else
          tally_filter_set_search_text (filter, "a");
      }
      break;
    case 6:
      tally_filter_freeze (filter);
      tally_filter_set_region_selected (filter, region, TRUE);
      tally_filter_set_party_selected (filter, party, TRUE);
      tally_filter_set_outcomes (filter, TALLY_OUTCOME_FLAG_GAIN);
      tally_filter_thaw (filter);
      break;
    default:
      tally_filter_clear (filter);
      break;
    }
}

static void
summary_cb (TallyResults *results,
            GParamSpec   *pspec,
            guint        *n_updates)
{
  (*n_updates)++;
}

static void
measure_filter_changes (TallyDatabase *database,
                        TallyElection *election,
                        Figures       *figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (503);
  g_autofree double *times = g_new (double, MAX (n_changes, 201));
  g_autofree double *cached = g_new (double, n_changes);
  g_autofree double *cpu = g_new (double, n_changes);
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  guint n_times = 0, n_cached = 0, n_first = 0, n_updates = 0;
  double first_total = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  figures->load_seconds = (g_get_monotonic_time () - start) / 1e6;
  figures->n_elections = g_list_model_get_n_items (tally_catalog_get_elections (catalog));

  if (election == NULL)
    election = tally_catalog_get_latest_election (catalog);
  tally_filter_set_election (filter, tally_catalog_lookup_election (catalog, tally_election_get_date (election)));
  tally_results_set_filter (results, filter);
  figures->n_councils = tally_scope_summary_get_n_councils (tally_results_get_summary (results));
  g_signal_connect (results, "notify::summary", G_CALLBACK (summary_cb), &n_updates);

  g_hash_table_add (visited, tally_filter_get_election (filter));

  for (guint step = 0; n_times < (guint) n_changes; step++)
    {
      guint before = n_updates;
      gint64 cpu_start = thread_cpu_time ();
      gint64 action_start = g_get_monotonic_time ();
      double elapsed;

      apply_action (filter, catalog, step, rand);
      if (n_updates == before)
        continue;  /* an action that changed nothing costs nothing */

      elapsed = (g_get_monotonic_time () - action_start) / 1000.0;
      cpu[n_times] = (thread_cpu_time () - cpu_start) / 1000.0;
      times[n_times++] = elapsed;

      /* The first look at an election makes its council results. */
      if (g_hash_table_add (visited, tally_filter_get_election (filter)))
        {
          first_total += elapsed;
          n_first++;
        }
      else
        cached[n_cached++] = elapsed;
    }

  qsort (times, n_times, sizeof (double), compare_doubles);
  qsort (cached, n_cached, sizeof (double), compare_doubles);
  qsort (cpu, n_times, sizeof (double), compare_doubles);
  figures->cpu_median_ms = cpu[n_times / 2];
  figures->cpu_p99_ms = cpu[MIN (n_times - 1, (guint) (n_times * 0.99))];
  figures->median_ms = times[n_times / 2];
  figures->p99_ms = times[MIN (n_times - 1, (guint) (n_times * 0.99))];
  figures->max_ms = times[n_times - 1];
  figures->p99_cached_ms = n_cached > 0 ? cached[MIN (n_cached - 1, (guint) (n_cached * 0.99))] : 0;
  figures->first_visit_ms = n_first > 0 ? first_total / n_first : 0;

  /* The largest scope: every council of the latest election. */
  tally_filter_clear (filter);
  tally_filter_set_election (filter, NULL);
  for (guint i = 0; i < 201; i++)
    {
      g_autoptr(TallyScopeSummary) summary = NULL;
      gint64 summary_start = g_get_monotonic_time ();

      summary = tally_results_summarize (results, filter);
      times[i] = (g_get_monotonic_time () - summary_start) / 1000.0;
    }
  qsort (times, 201, sizeof (double), compare_doubles);
  figures->full_scope_ms = times[100];
}

/* The filter budget is a time, one frame of the display (DESIGN.md): the
 * baseline is the frame, not another program. */
static gboolean
print_frame_verdict (const char *what,
                     double      ms,
                     double      budget_ms)
{
  gboolean met = ms <= budget_ms;

  g_print ("%s: Tally %.2f ms, budget %.0f ms (a frame): %s\n", what, ms, budget_ms, met ? "MET" : "NOT MET");
  return met;
}

/* `tally summary` as a whole process on the synthetic database against the
 * bundled one, alternately: asking about one election should cost the same
 * whatever else the file holds (budget 1.5×).  The bundled elections hold
 * council totals and the synthetic ones candidate rows, so a third run, on
 * a synthetic file of SMALL_CYCLES cycles (the same kind of election, a
 * tenth of the file), tells what the file's size costs apart from what the
 * kind of election costs (budget 1.2×). */
static gboolean
compare_summary (const char *synthetic_path,
                 const char *small_path)
{
  const char *tally = g_getenv ("TALLY_BIN");
  double large[SUMMARY_RUNS], bundled[SUMMARY_RUNS], small[SUMMARY_RUNS];
  TallyBenchStat large_stat, bundled_stat, small_stat;
  gboolean met;

  if (tally == NULL)
    {
      g_print ("tally summary on %d elections: NOT MEASURED: TALLY_BIN is not set (run it through meson)\n",
               n_cycles);
      return TRUE;
    }

  for (int run = -1; run < SUMMARY_RUNS; run++)
    {
      TallyBenchProcess process;
      g_autoptr(GError) error = NULL;

      if (!tally_bench_run ((const char *[]) { tally, "summary", "--database", synthetic_path, NULL }, NULL,
                            &process, &error))
        g_error ("bench-engine: %s", error->message);
      if (run >= 0)
        large[run] = process.seconds * 1000;
      tally_bench_process_clear (&process);

      if (!tally_bench_run ((const char *[]) { tally, "summary", NULL }, NULL, &process, &error))
        g_error ("bench-engine: %s", error->message);
      if (run >= 0)
        bundled[run] = process.seconds * 1000;
      tally_bench_process_clear (&process);

      if (!tally_bench_run ((const char *[]) { tally, "summary", "--database", small_path, NULL }, NULL,
                            &process, &error))
        g_error ("bench-engine: %s", error->message);
      if (run >= 0)
        small[run] = process.seconds * 1000;
      tally_bench_process_clear (&process);
    }

  tally_bench_stat (large, SUMMARY_RUNS, &large_stat);
  tally_bench_stat (bundled, SUMMARY_RUNS, &bundled_stat);
  tally_bench_stat (small, SUMMARY_RUNS, &small_stat);
  met = tally_bench_verdict ("tally summary, whole process, synthetic database", "ms", &large_stat,
                             "the bundled database", &bundled_stat, TALLY_BENCH_LOWER_IS_BETTER, 1.5);
  met &= tally_bench_verdict ("tally summary, whole process, synthetic database", "ms", &large_stat,
                              "a synthetic file of " G_STRINGIFY (SMALL_CYCLES) " cycles", &small_stat,
                              TALLY_BENCH_LOWER_IS_BETTER, 1.2);
  return met;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) bundled = NULL;
  g_autoptr(TallyDatabase) synthetic = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *small_path = NULL;
  Figures real = { 0 }, large = { 0 };
  gint64 peak_real, peak, rss;
  gboolean reused;
  gboolean met = TRUE;
  const char *argv0 = argv[0];
  const GOptionEntry entries[] = {
    { "cycles", 0, 0, G_OPTION_ARG_INT, &n_cycles, "Synthetic election cycles (50)", "N" },
    { "changes", 0, 0, G_OPTION_ARG_INT, &n_changes, "Filter changes timed at each scale (2000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir,
      "Keep the synthetic database in DIR, and use the one there if any (no import is then timed)", "DIR" },
    { "generate", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &generate_path,
      "Only write the synthetic history into FILE (what the benchmark runs in a child)", "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_cycles < 5 || n_changes < 1)
    {
      g_printerr ("bench-engine: %s\n", error ? error->message : "--cycles must be at least 5");
      return 2;
    }

  if (generate_path != NULL)
    {
      g_autoptr(TallyDatabase) database = tally_database_open (generate_path, TALLY_DATABASE_OPEN_CREATE, &error);

      g_assert_no_error (error);
      generate (database, &large);
      g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.6f\n",
               large.candidate_rows, large.other_rows, large.import_seconds);
      g_free (generate_path);
      return 0;
    }

  /* Real scale. */
  bundled = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  measure_filter_changes (bundled, NULL, &real);
  peak_real = read_status_kib ("VmHWM:");

  /* Synthetic scale.  The history is written by a child process, so that
   * the import's memory (page cache, heap) is not counted as the engine's. */
  dir = keep_dir ? g_strdup (keep_dir) : tally_test_make_temp_dir ();
  path = g_build_filename (dir, "synthetic.db", NULL);
  reused = keep_dir != NULL && g_file_test (path, G_FILE_TEST_EXISTS);
  if (!reused)
    run_generator (argv0, n_cycles, path, &large);

  reset_peak ();
  synthetic = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  measure_filter_changes (synthetic, NULL, &large);
  peak = read_status_kib ("VmHWM:");
  rss = read_status_kib ("VmRSS:");

  g_print ("Results engine benchmark (%d synthetic cycles, %d filter changes timed at each scale)\n\n",
           n_cycles, n_changes);
  g_print ("%-36s %14s %14s\n", "", "real (2018)", "synthetic");
  g_print ("%-36s %14u %14u\n", "elections", real.n_elections, large.n_elections);
  g_print ("%-36s %14u %14u\n", "councils in the first scope", real.n_councils, large.n_councils);
  if (!reused)
    {
      g_print ("%-36s %14s %14" G_GINT64_FORMAT "\n", "candidate rows", "0", large.candidate_rows);
      g_print ("%-36s %14s %14.0f\n", "import, candidate rows/s", "-", large.candidate_rows / large.import_seconds);
      g_print ("%-36s %14s %14.0f\n", "import, all rows/s", "-",
               (large.candidate_rows + large.other_rows) / large.import_seconds);
    }
  g_print ("%-36s %14.3f %14.3f\n", "engine load, s", real.load_seconds, large.load_seconds);
  g_print ("%-36s %14.3f %14.3f\n", "filter change -> aggregates, median ms", real.median_ms, large.median_ms);
  g_print ("%-36s %14.3f %14.3f\n", "filter change -> aggregates, p99 ms", real.p99_ms, large.p99_ms);
  g_print ("%-36s %14.3f %14.3f\n", "filter change -> aggregates, max ms", real.max_ms, large.max_ms);
  g_print ("%-36s %14.3f %14.3f\n", "  p99 without first visits, ms", real.p99_cached_ms, large.p99_cached_ms);
  g_print ("%-36s %14.3f %14.3f\n", "  first visit to an election, mean ms", real.first_visit_ms, large.first_visit_ms);
  g_print ("%-36s %14.3f %14.3f\n", "  every council in scope, median ms", real.full_scope_ms, large.full_scope_ms);
  g_print ("%-36s %14.3f %14.3f\n", "  CPU time, median ms", real.cpu_median_ms, large.cpu_median_ms);
  g_print ("%-36s %14.3f %14.3f\n", "  CPU time, p99 ms", real.cpu_p99_ms, large.cpu_p99_ms);
  g_print ("%-36s %14s %14s\n", "budget, ms", "16", "50");
  g_print ("%-36s %14.1f %14.1f\n", "peak memory of the engine (VmHWM), MiB", peak_real / 1024.0, peak / 1024.0);
  g_print ("%-36s %14s %14.1f\n", "resident at the end (VmRSS), MiB", "", rss / 1024.0);

  g_print ("\n");
  met &= print_frame_verdict ("filter change p99, real scale", real.p99_ms, 16);
  met &= print_frame_verdict ("filter change p99, synthetic scale", large.p99_ms, 50);
  small_path = g_build_filename (dir, "synthetic-" G_STRINGIFY (SMALL_CYCLES) ".db", NULL);
  if (!g_file_test (small_path, G_FILE_TEST_EXISTS))
    {
      Figures small = { 0 };

      run_generator (argv0, SMALL_CYCLES, small_path, &small);
    }
  met &= compare_summary (path, small_path);

  g_clear_object (&synthetic);
  if (keep_dir == NULL)
    tally_test_remove_dir (dir);
  g_free (keep_dir);

  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}
