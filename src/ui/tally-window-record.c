/* tally-window-record.c: the window says where its seats part from the published record.
 *
 * Checked once a database is shown, and again after reloads on results
 * night (a council that finishes declaring is compared from then on), half
 * a second after the last: the check opens the bundled database and reads
 * each election's council totals, which is neither the first frame's work
 * nor a ward's (a reload comes every 200 ms at most while wards declare,
 * and each would otherwise pay for it before its frame).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-catalog.h"
#include "tally-election.h"
#include "tally-record-check.h"
#include "tally-window-private.h"

static gboolean
check_record_cb (gpointer user_data)
{
  TallyWindow *self = user_data;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) differences = NULL;
  GListModel *elections;

  self->record_id = 0;
  if (self->catalog == NULL)
    return G_SOURCE_REMOVE;

  elections = tally_catalog_get_elections (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (elections); i++)
    {
      g_autoptr(TallyElection) election = g_list_model_get_item (elections, i);

      g_ptr_array_add (dates, g_strdup (tally_election_get_date (election)));
    }
  g_ptr_array_add (dates, NULL);

  /* A record that cannot be read is no difference to show. */
  differences = tally_record_check (tally_catalog_get_database (self->catalog),
                                    (const char * const *) dates->pdata, NULL, NULL);
  tally_party_summary_set_record (self->party_summary, differences);
  return G_SOURCE_REMOVE;
}

#define RECORD_CHECK_DELAY_MS 500

/* Checks the shown database against the record once it has been quiet
 * for RECORD_CHECK_DELAY_MS. */
void
_tally_window_queue_record_check (TallyWindow *self)
{
  g_clear_handle_id (&self->record_id, g_source_remove);
  self->record_id = g_timeout_add_full (G_PRIORITY_LOW, RECORD_CHECK_DELAY_MS, check_record_cb, self, NULL);
}

void
_tally_window_dispose_record (TallyWindow *self)
{
  g_clear_handle_id (&self->record_id, g_source_remove);
}
