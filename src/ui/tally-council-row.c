/* tally-council-row.c: one council's row in the council list, for as long as the database is shown.
 *
 * A live reload brings a new catalogue and a new engine, with a new
 * TallyCouncilResult for every council.  Giving GTK 4.8's column view
 * those new objects rebuilds every row's cells (about 150 rows of a dozen
 * cells, for the one council whose ward came in).  The list keeps one
 * TallyCouncilRow per council instead, found again by its ONS code, and
 * points it at the new engine's result: the row object stays, with its
 * cells, the selection and the scroll position, and only a row whose
 * figures changed says so.
 *
 * What the row shows is summed up by the list as a string (its cells'
 * text); tally_council_row_update() compares it with the last one and
 * notifies #TallyCouncilRow:result and #TallyCouncilRow:live only when it
 * differs, and the row's cells, which follow those, are drawn again in
 * place.  Making that string for every council on every ward was a fifth
 * of the window's work on results night: the list keeps with it a digest
 * of the figures it was made from, and makes it again only when the digest
 * changed.  The council's name, type and region, which the list sorts by,
 * are notified only when the database changed them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-council.h"
#include "tally-council-row.h"
#include "tally-digest.h"

struct _TallyCouncilRow
{
  GObject             parent_instance;

  char               *code;
  TallyCouncilResult *result;
  TallyLiveCouncil   *live;
  char               *shown;
  guint64             digest;   /* of what @shown was made from; 0: not known */
};

G_DEFINE_FINAL_TYPE (TallyCouncilRow, tally_council_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESULT,
  PROP_LIVE,
  PROP_COUNCIL_NAME,
  PROP_TYPE_LABEL,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_council_row_dispose (GObject *object)
{
  TallyCouncilRow *self = (TallyCouncilRow *) object;

  g_clear_object (&self->result);
  g_clear_object (&self->live);

  G_OBJECT_CLASS (tally_council_row_parent_class)->dispose (object);
}

static void
tally_council_row_finalize (GObject *object)
{
  TallyCouncilRow *self = (TallyCouncilRow *) object;

  g_free (self->code);
  g_free (self->shown);

  G_OBJECT_CLASS (tally_council_row_parent_class)->finalize (object);
}

static void
tally_council_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TallyCouncilRow *self = TALLY_COUNCIL_ROW (object);
  TallyCouncil *council = self->result ? tally_council_result_get_council (self->result) : NULL;

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;

    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;

    case PROP_COUNCIL_NAME:
      g_value_set_string (value, council ? tally_council_get_name (council) : NULL);
      break;

    case PROP_TYPE_LABEL:
      g_value_set_string (value, council ? tally_council_type_get_label (tally_council_get_council_type (council))
                                         : NULL);
      break;

    case PROP_REGION:
      g_value_set_string (value, council ? tally_council_get_region (council) : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_council_row_class_init (TallyCouncilRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_council_row_dispose;
  object_class->finalize = tally_council_row_finalize;
  object_class->get_property = tally_council_row_get_property;

  /**
   * TallyCouncilRow:result:
   *
   * The council's result in the engine shown.  It is notified when what
   * the row shows changed, not on every reload that brings a new object
   * with the same figures.
   */
  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, TALLY_TYPE_COUNCIL_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TallyCouncilRow:live:
   *
   * Results night: the council, when it has not fully declared; notified
   * as #TallyCouncilRow:result is.
   */
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, TALLY_TYPE_LIVE_COUNCIL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL_NAME] =
    g_param_spec_string ("council-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_LABEL] =
    g_param_spec_string ("type-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_council_row_init (TallyCouncilRow *self)
{
}

/**
 * tally_council_row_new:
 * @result: the council's result in the engine shown
 *
 * Returns: (transfer full): a row for @result's council, showing nothing
 *   yet: the first tally_council_row_update() says what it shows
 */
TallyCouncilRow *
tally_council_row_new (TallyCouncilResult *result)
{
  TallyCouncilRow *self;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);

  self = g_object_new (TALLY_TYPE_COUNCIL_ROW, NULL);
  self->code = g_strdup (tally_council_get_code (tally_council_result_get_council (result)));
  self->result = g_object_ref (result);
  return self;
}

/**
 * tally_council_row_get_code:
 *
 * Returns: the ONS code of the row's council, which never changes
 */
const char *
tally_council_row_get_code (TallyCouncilRow *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_ROW (self), NULL);
  return self->code;
}

/**
 * tally_council_row_get_council:
 *
 * Returns: (transfer none): the council, in the catalogue shown
 */
TallyCouncil *
tally_council_row_get_council (TallyCouncilRow *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_ROW (self), NULL);
  return tally_council_result_get_council (self->result);
}

/**
 * tally_council_row_get_result:
 *
 * Returns: (transfer none): the council's result in the engine shown
 */
TallyCouncilResult *
tally_council_row_get_result (TallyCouncilRow *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_ROW (self), NULL);
  return self->result;
}

/**
 * tally_council_row_get_live:
 *
 * Returns: (transfer none) (nullable): the council on results night, when
 *   it has not fully declared
 */
TallyLiveCouncil *
tally_council_row_get_live (TallyCouncilRow *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_ROW (self), NULL);
  return self->live;
}

static gboolean
same_text (TallyCouncil *a,
           TallyCouncil *b,
           const char *(*get) (TallyCouncil *))
{
  return a == b || g_strcmp0 (get (a), get (b)) == 0;
}

static const char *
type_label (TallyCouncil *council)
{
  return tally_council_type_get_label (tally_council_get_council_type (council));
}

/**
 * tally_council_row_digest:
 * @result: a council's result
 * @live: (nullable): the council on results night
 * @shown_with: a digest of what else a view makes of them (columns, order)
 *
 * What a view of one council (its row, its page) is made from, as one
 * digest: two views with the same show the same.
 *
 * Returns: the digest, or 0 when @result has none (not made by an engine)
 */
guint64
tally_council_row_digest (TallyCouncilResult *result,
                          TallyLiveCouncil   *live,
                          guint64             shown_with)
{
  guint64 digest = tally_council_result_get_digest (result);

  if (digest == 0)
    return 0;
  digest = tally_digest_word (digest, shown_with);
  digest = tally_digest_word (digest, live != NULL ? tally_live_council_get_digest (live) : 0);
  return digest != 0 ? digest : 1;
}

/**
 * tally_council_row_get_digest:
 *
 * Returns: the digest given with what the row shows, or 0
 */
guint64
tally_council_row_get_digest (TallyCouncilRow *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_ROW (self), 0);
  return self->digest;
}

/**
 * tally_council_row_update:
 * @result: the council's result in the engine now shown (same council)
 * @live: (nullable): the council on results night, when not fully declared
 * @digest: a digest of the figures the row shows with them, or 0 when not
 *   known
 * @shown: (transfer full) (nullable): what the row shows with them, as one
 *   string; %NULL when @digest is the one the row already has, and so is
 *   what it shows
 *
 * Points the row at @result and @live.  When @shown differs from what the
 * row showed, notifies #TallyCouncilRow:result and #TallyCouncilRow:live.
 *
 * Returns: whether what the row shows changed
 */
gboolean
tally_council_row_update (TallyCouncilRow    *self,
                          TallyCouncilResult *result,
                          TallyLiveCouncil   *live,
                          guint64             digest,
                          char               *shown)
{
  TallyCouncil *before, *now;
  gboolean changed;

  g_return_val_if_fail (TALLY_IS_COUNCIL_ROW (self), FALSE);
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), FALSE);
  g_return_val_if_fail (live == NULL || TALLY_IS_LIVE_COUNCIL (live), FALSE);
  g_return_val_if_fail (shown != NULL || (digest != 0 && digest == self->digest), FALSE);

  before = tally_council_result_get_council (self->result);
  now = tally_council_result_get_council (result);
  g_warn_if_fail (g_strcmp0 (tally_council_get_code (now), self->code) == 0);

  g_object_freeze_notify (G_OBJECT (self));
  if (!same_text (before, now, tally_council_get_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNCIL_NAME]);
  if (!same_text (before, now, type_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_LABEL]);
  if (!same_text (before, now, tally_council_get_region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);

  g_set_object (&self->result, result);
  g_set_object (&self->live, live);
  self->digest = digest;
  changed = shown != NULL && g_strcmp0 (self->shown, shown) != 0;
  if (shown != NULL)
    {
      g_free (self->shown);
      self->shown = shown;
    }
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}
