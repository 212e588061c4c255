/* test-rules.c: the arithmetic of majority and control, worked by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tally-format.h"
#include "tally-rules.h"

static void
test_majority_even_and_odd (void)
{
  /* floor(total / 2) + 1 */
  g_assert_cmpuint (tally_rules_majority (63), ==, 32);   /* Trafford */
  g_assert_cmpuint (tally_rules_majority (54), ==, 28);   /* Richmond upon Thames */
  g_assert_cmpuint (tally_rules_majority (50), ==, 26);
  g_assert_cmpuint (tally_rules_majority (9), ==, 5);
  g_assert_cmpuint (tally_rules_majority (120), ==, 61);
  g_assert_cmpuint (tally_rules_majority (1), ==, 1);
}

static void
test_control (void)
{
  /* Trafford after 2018: Lab 30, Con 29, LD 2, Green 2 of 63: no overall control. */
  const guint trafford[] = { 2, 30, 2, 29 };
  /* Richmond upon Thames after 2018: Green 4, LD 39, Con 11 of 54. */
  const guint richmond[] = { 4, 39, 11 };
  /* Exactly half of an even council is not a majority. */
  const guint half[] = { 25, 25 };
  /* One more than half is. */
  const guint bare[] = { 26, 24 };

  g_assert_cmpint (tally_rules_control (trafford, NULL, G_N_ELEMENTS (trafford)), ==, TALLY_NO_CONTROL);
  g_assert_cmpint (tally_rules_control (richmond, NULL, G_N_ELEMENTS (richmond)), ==, 1);
  g_assert_cmpint (tally_rules_control (half, NULL, G_N_ELEMENTS (half)), ==, TALLY_NO_CONTROL);
  g_assert_cmpint (tally_rules_control (bare, NULL, G_N_ELEMENTS (bare)), ==, 0);
  g_assert_cmpint (tally_rules_control (NULL, NULL, 0), ==, TALLY_NO_CONTROL);
}

static void
test_aggregate_never_controls (void)
{
  /* Hartlepool after 2018: Con 2, Lab 14, "Other" 17 of 33.  17 is a
   * majority of 33, but "Other" is several groups, so no overall control. */
  const guint hartlepool[] = { 14, 17, 2 };
  const gboolean aggregate[] = { FALSE, TRUE, FALSE };
  const gboolean none[] = { FALSE, FALSE, FALSE };

  g_assert_cmpint (tally_rules_control (hartlepool, aggregate, 3), ==, TALLY_NO_CONTROL);
  g_assert_cmpint (tally_rules_control (hartlepool, none, 3), ==, 1);
}

static void
test_format (void)
{
  struct { gint64 value; const char *count; const char *change; } cases[] = {
    { 0, "0", "±0" },
    { 44, "44", "+44" },
    { -35, "−35", "−35" },
    { 999, "999", "+999" },
    { 4404, "4,404", "+4,404" },
    { -1234567, "−1,234,567", "−1,234,567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *count = tally_format_count (cases[i].value);
      g_autofree char *change = tally_format_change (cases[i].value);

      g_assert_cmpstr (count, ==, cases[i].count);
      g_assert_cmpstr (change, ==, cases[i].change);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/majority", test_majority_even_and_odd);
  g_test_add_func ("/rules/control", test_control);
  g_test_add_func ("/rules/aggregate-never-controls", test_aggregate_never_controls);
  g_test_add_func ("/format/counts-and-changes", test_format);

  return g_test_run ();
}
