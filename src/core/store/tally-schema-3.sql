-- Tally's database schema, step to version 3: results night.
--
-- Run on a version 2 file (and after the earlier steps on a new one), in the
-- same transaction that sets PRAGMA user_version to 3.  Every ward contest
-- keeps the moment it was declared, and an election being followed live can
-- say in advance which contests it will declare, so that a council reads
-- "21 of 24 wards declared" before its last ward is in.

-- When a ward contest declared (ISO 8601, UTC, "2018-05-04T01:14:00Z"),
-- written in the same transaction as the contest.  A contest with no row
-- here was imported after the night: its time is not known.
CREATE TABLE ward_declarations (
  contest_id  INTEGER NOT NULL PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
  declared_at TEXT    NOT NULL
);

-- The contests an election will declare on the night, known before the
-- count starts (a replay copies them from the night it replays).  A council
-- is fully declared once every one of them has a row in contests.
CREATE TABLE expected_contests (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  ward_id     INTEGER NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  ballot      TEXT    NOT NULL,
  seats       INTEGER NOT NULL CHECK (seats > 0),
  by_election INTEGER NOT NULL DEFAULT 0 CHECK (by_election IN (0, 1)),
  PRIMARY KEY (election_id, ward_id, ballot)
) WITHOUT ROWID;
