-- Tally's database schema, step to version 5: council totals summed from
-- candidate rows carry what only candidate rows gave.
--
-- Run on a version 4 file (and after the earlier steps on a new one), in the
-- same transaction that sets PRAGMA user_version to 5.  An import sums each
-- council's candidates into council_elections and council_results
-- (tally-import-totals.c); with these columns it also keeps there the
-- figures the top-vote method and the national share estimate need, so that
-- a question about councils reads one row per council and party, not every
-- candidate of the day (tally-results-load.c).  NULL, in every row a
-- version 4 file holds and in every row not summed from candidates (the
-- bundled figures, a results night), means "not summed": the candidate rows,
-- if any, are read instead, as before.  The limits are those of
-- tally-schema-4.sql.

-- The contests summed (by-elections of the day included): the totals are
-- used only while the council still has exactly these many contests.
ALTER TABLE council_elections ADD COLUMN contests INTEGER
  CONSTRAINT contests CHECK (contests IS NULL OR (typeof (contests) = 'integer' AND contests BETWEEN 0 AND 1000000));
-- Of those, the ward polls where Conservative, Labour and Liberal Democrat
-- candidates all stood (the national share estimate's).
ALTER TABLE council_elections ADD COLUMN three_party_polls INTEGER
  CONSTRAINT three_party_polls CHECK (three_party_polls IS NULL OR
                                      (typeof (three_party_polls) = 'integer' AND three_party_polls BETWEEN 0 AND 1000000));

-- The party's best candidate in each contest, summed (the top-vote method),
-- and the same over the three-party polls alone.
ALTER TABLE council_results ADD COLUMN top_votes INTEGER
  CONSTRAINT top_votes CHECK (top_votes IS NULL OR (typeof (top_votes) = 'integer' AND top_votes BETWEEN 0 AND 1000000000000));
ALTER TABLE council_results ADD COLUMN three_votes INTEGER
  CONSTRAINT three_votes CHECK (three_votes IS NULL OR
                                (typeof (three_votes) = 'integer' AND three_votes BETWEEN 0 AND 1000000000000));
