-- Tally's database schema, step to version 4: every value Tally trusts is
-- checked by the schema itself.
--
-- Run on a version 3 file (and after the earlier steps on a new one), in the
-- same transaction that sets PRAGMA user_version to 4, with foreign keys
-- off (tally-database.c).  SQLite cannot add a CHECK to a table, so each
-- table below is made again the way SQLite documents
-- (https://sqlite.org/lang_altertable.html#otheralter): created as
-- tally_new_NAME, filled from NAME, NAME dropped, tally_new_NAME renamed to
-- NAME, its indexes made again.  A new file runs the same steps on empty
-- tables, so a new file and a migrated one have the same schema, byte for
-- byte.  A row that breaks a rule stops the migration; the C code names
-- its table, row and column, and the file is left as it was.
--
-- The limits are those the loaders check (tally-results-load.c,
-- tally-catalog.c, docs/LIMITS.md):
--   seats  a whole number from 0 to 1,000,000 (from 1 where a seat count
--          of 0 means nothing: a council's total, a contest, a composition)
--   votes  a whole number from 0 to 10^12 (electorates and ballots too)
--   dates  a day that exists, YYYY-MM-DD: date (x, '+0 days') gives x
--          back (without a modifier SQLite gives back 2018-02-30 as it is)
--   times  anything julianday () reads (Tally writes "2018-05-04T01:14:00Z")
--   colours #RRGGBB; party keys not empty
-- "Whole number" is typeof () = 'integer': with INTEGER affinity '12' and
-- 12.0 are stored as 12, while 'twenty' and 1.5 keep their own type.  Each
-- CHECK is named after its column, so that a failure names it.

CREATE TABLE tally_new_elections (
  id          INTEGER PRIMARY KEY,
  date        TEXT    NOT NULL UNIQUE CONSTRAINT date CHECK (date (date, '+0 days') IS date AND date >= '0001-01-01'),
  name        TEXT    NOT NULL,
  baseline_id INTEGER REFERENCES elections (id) ON DELETE SET NULL
);
INSERT INTO tally_new_elections SELECT * FROM elections;
DROP TABLE elections;
ALTER TABLE tally_new_elections RENAME TO elections;

CREATE TABLE tally_new_parties (
  id          INTEGER PRIMARY KEY,
  key         TEXT    NOT NULL UNIQUE CONSTRAINT key CHECK (typeof (key) = 'text' AND key <> ''),
  short_name  TEXT    NOT NULL,
  full_name   TEXT    NOT NULL,
  colour      TEXT    NOT NULL CONSTRAINT colour CHECK (colour GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
  colour_safe TEXT    NOT NULL CONSTRAINT colour_safe CHECK (colour_safe GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
  grp         TEXT    NOT NULL,
  position    INTEGER NOT NULL CONSTRAINT position CHECK (typeof (position) = 'integer')
);
INSERT INTO tally_new_parties SELECT * FROM parties;
DROP TABLE parties;
ALTER TABLE tally_new_parties RENAME TO parties;

CREATE TABLE tally_new_councils (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  type        TEXT    NOT NULL CHECK (type IN ('london_borough', 'metropolitan_borough', 'unitary', 'district')),
  region      TEXT    NOT NULL,
  county      TEXT,
  easting     REAL,
  northing    REAL,
  total_seats INTEGER CONSTRAINT total_seats CHECK (total_seats IS NULL OR (typeof (total_seats) = 'integer' AND total_seats BETWEEN 1 AND 1000000)),
  cycle       TEXT    CHECK (cycle IN ('all_out', 'halves', 'thirds'))
);
INSERT INTO tally_new_councils SELECT * FROM councils;
DROP TABLE councils;
ALTER TABLE tally_new_councils RENAME TO councils;
CREATE INDEX councils_by_region ON councils (region);
CREATE INDEX councils_by_name ON councils (name COLLATE NOCASE);

CREATE TABLE tally_new_council_elections (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  seats_up    INTEGER NOT NULL CONSTRAINT seats_up CHECK (typeof (seats_up) = 'integer' AND seats_up BETWEEN 0 AND 1000000),
  votes_total INTEGER CONSTRAINT votes_total CHECK (votes_total IS NULL OR (typeof (votes_total) = 'integer' AND votes_total BETWEEN 0 AND 1000000000000)),
  electorate  INTEGER CONSTRAINT electorate CHECK (electorate IS NULL OR (typeof (electorate) = 'integer' AND electorate BETWEEN 0 AND 1000000000000)),
  ballots     INTEGER CONSTRAINT ballots CHECK (ballots IS NULL OR (typeof (ballots) = 'integer' AND ballots BETWEEN 0 AND 1000000000000)),
  PRIMARY KEY (election_id, council_id)
) WITHOUT ROWID;
INSERT INTO tally_new_council_elections SELECT * FROM council_elections;
DROP TABLE council_elections;
ALTER TABLE tally_new_council_elections RENAME TO council_elections;
CREATE INDEX council_elections_by_council ON council_elections (council_id);

CREATE TABLE tally_new_council_results (
  election_id INTEGER NOT NULL,
  council_id  INTEGER NOT NULL,
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  seats_won   INTEGER NOT NULL CONSTRAINT seats_won CHECK (typeof (seats_won) = 'integer' AND seats_won BETWEEN 0 AND 1000000),
  votes       INTEGER CONSTRAINT votes CHECK (votes IS NULL OR (typeof (votes) = 'integer' AND votes BETWEEN 0 AND 1000000000000)),
  PRIMARY KEY (election_id, council_id, party_id),
  FOREIGN KEY (election_id, council_id) REFERENCES council_elections (election_id, council_id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO tally_new_council_results SELECT * FROM council_results;
DROP TABLE council_results;
ALTER TABLE tally_new_council_results RENAME TO council_results;

CREATE TABLE tally_new_compositions (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  stage       TEXT    NOT NULL CHECK (stage IN ('before', 'after')),
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  seats       INTEGER NOT NULL CONSTRAINT seats CHECK (typeof (seats) = 'integer' AND seats BETWEEN 1 AND 1000000),
  PRIMARY KEY (election_id, council_id, stage, party_id)
) WITHOUT ROWID;
INSERT INTO tally_new_compositions SELECT * FROM compositions;
DROP TABLE compositions;
ALTER TABLE tally_new_compositions RENAME TO compositions;
CREATE INDEX compositions_by_council ON compositions (council_id);

CREATE TABLE tally_new_declarations (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  declared_at TEXT    CONSTRAINT declared_at CHECK (declared_at IS NULL OR julianday (declared_at) IS NOT NULL),
  PRIMARY KEY (election_id, council_id)
) WITHOUT ROWID;
INSERT INTO tally_new_declarations SELECT * FROM declarations;
DROP TABLE declarations;
ALTER TABLE tally_new_declarations RENAME TO declarations;

CREATE TABLE tally_new_contests (
  id          INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  ward_id     INTEGER NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  ballot      TEXT    NOT NULL,
  seats       INTEGER NOT NULL CONSTRAINT seats CHECK (typeof (seats) = 'integer' AND seats BETWEEN 1 AND 1000000),
  by_election INTEGER NOT NULL DEFAULT 0 CHECK (by_election IN (0, 1)),
  electorate  INTEGER CONSTRAINT electorate CHECK (electorate IS NULL OR (typeof (electorate) = 'integer' AND electorate BETWEEN 0 AND 1000000000000)),
  ballots     INTEGER CONSTRAINT ballots CHECK (ballots IS NULL OR (typeof (ballots) = 'integer' AND ballots BETWEEN 0 AND 1000000000000)),
  UNIQUE (election_id, ward_id, ballot)
);
INSERT INTO tally_new_contests SELECT * FROM contests;
DROP TABLE contests;
ALTER TABLE tally_new_contests RENAME TO contests;
CREATE INDEX contests_by_ward ON contests (ward_id);

CREATE TABLE tally_new_candidates (
  id          INTEGER PRIMARY KEY,
  contest_id  INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  name        TEXT    NOT NULL,
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  party_name  TEXT,
  votes       INTEGER NOT NULL CONSTRAINT votes CHECK (typeof (votes) = 'integer' AND votes BETWEEN 0 AND 1000000000000),
  elected     INTEGER NOT NULL CHECK (elected IN (0, 1))
);
INSERT INTO tally_new_candidates SELECT * FROM candidates;
DROP TABLE candidates;
ALTER TABLE tally_new_candidates RENAME TO candidates;
CREATE INDEX candidates_by_contest ON candidates (contest_id);
CREATE INDEX candidates_by_party ON candidates (party_id);

CREATE TABLE tally_new_previous_control (
  election_id      INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id       INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  control          TEXT    NOT NULL,
  election_date    TEXT    CONSTRAINT election_date CHECK (election_date IS NULL OR date (election_date, '+0 days') IS election_date),
  election_control TEXT,
  election_source  TEXT,
  source           TEXT,
  PRIMARY KEY (election_id, council_id)
) WITHOUT ROWID;
INSERT INTO tally_new_previous_control SELECT * FROM previous_control;
DROP TABLE previous_control;
ALTER TABLE tally_new_previous_control RENAME TO previous_control;

CREATE TABLE tally_new_special_polls (
  election_id      INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id       INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  ward             TEXT    NOT NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('postponed', 'by_election')),
  held_on          TEXT    NOT NULL CONSTRAINT held_on CHECK (date (held_on, '+0 days') IS held_on),
  seats            INTEGER NOT NULL CONSTRAINT seats CHECK (typeof (seats) = 'integer' AND seats BETWEEN 1 AND 10),
  winners          TEXT,
  note             TEXT,
  PRIMARY KEY (election_id, council_id, ward, kind)
) WITHOUT ROWID;
INSERT INTO tally_new_special_polls SELECT * FROM special_polls;
DROP TABLE special_polls;
ALTER TABLE tally_new_special_polls RENAME TO special_polls;

CREATE TABLE tally_new_notional_baselines (
  election_id      INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id       INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  party_id         INTEGER NOT NULL REFERENCES parties (id),
  baseline         TEXT    NOT NULL,
  seats            INTEGER NOT NULL CONSTRAINT seats CHECK (typeof (seats) = 'integer' AND seats BETWEEN 0 AND 1000),
  votes            INTEGER CONSTRAINT votes CHECK (votes IS NULL OR (typeof (votes) = 'integer' AND votes BETWEEN 0 AND 1000000000000)),
  source           TEXT,
  PRIMARY KEY (election_id, council_id, party_id)
) WITHOUT ROWID;
INSERT INTO tally_new_notional_baselines SELECT * FROM notional_baselines;
DROP TABLE notional_baselines;
ALTER TABLE tally_new_notional_baselines RENAME TO notional_baselines;

CREATE TABLE tally_new_ward_declarations (
  contest_id  INTEGER NOT NULL PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
  declared_at TEXT    NOT NULL CONSTRAINT declared_at CHECK (julianday (declared_at) IS NOT NULL)
);
INSERT INTO tally_new_ward_declarations SELECT * FROM ward_declarations;
DROP TABLE ward_declarations;
ALTER TABLE tally_new_ward_declarations RENAME TO ward_declarations;

CREATE TABLE tally_new_expected_contests (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  ward_id     INTEGER NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  ballot      TEXT    NOT NULL,
  seats       INTEGER NOT NULL CONSTRAINT seats CHECK (typeof (seats) = 'integer' AND seats BETWEEN 1 AND 1000000),
  by_election INTEGER NOT NULL DEFAULT 0 CHECK (by_election IN (0, 1)),
  PRIMARY KEY (election_id, ward_id, ballot)
) WITHOUT ROWID;
INSERT INTO tally_new_expected_contests SELECT * FROM expected_contests;
DROP TABLE expected_contests;
ALTER TABLE tally_new_expected_contests RENAME TO expected_contests;
