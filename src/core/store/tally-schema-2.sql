-- Tally's database schema, step to version 2: figures that match the
-- published record.
--
-- Run on a version 1 file (and after tally-schema.sql on a new one), in the
-- same transaction that sets PRAGMA user_version to 2.  Three things the
-- results services use that a composition alone cannot tell: who controlled
-- a council before the poll on each basis, the polls that were not ordinary
-- (postponed, or same-day by-elections), and notional baselines for
-- councils fought on new ward boundaries.

-- Control of a council before an election, on the two bases of
-- TallyBasis.  A key is a party key (parties.key) or 'NOC'.
--  control          on the eve of the poll, as the BBC counts gains and holds
--  election_control what the council's previous election produced
--                   (NULL when not known)
CREATE TABLE previous_control (
  election_id      INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id       INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  control          TEXT    NOT NULL,
  election_date    TEXT    CHECK (election_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  election_control TEXT,
  election_source  TEXT,
  source           TEXT,
  PRIMARY KEY (election_id, council_id)
) WITHOUT ROWID;

-- A poll of an election that was not part of the ordinary cycle on the day:
-- 'postponed' (countermanded after a candidate died and held on held_on;
-- its seats were up but not filled on the day) or 'by_election' (a casual
-- vacancy filled on the day; seats counts only the extra seats).  winners
-- is the party count of every winner on that ballot, "LAB 2" or "CON 1 LAB 1".
CREATE TABLE special_polls (
  election_id      INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id       INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  ward             TEXT    NOT NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('postponed', 'by_election')),
  held_on          TEXT    NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  seats            INTEGER NOT NULL CHECK (seats > 0 AND seats <= 10),
  winners          TEXT,
  note             TEXT,
  PRIMARY KEY (election_id, council_id, ward, kind)
) WITHOUT ROWID;

-- The seats (and votes, where known) each party would have won at the
-- previous comparable election on an election's new ward boundaries: what
-- seat change is measured against where the seats fought are not the same.
-- baseline names that previous election ("2014", or "2016" where the BBC
-- compared metropolitan boroughs with their last thirds election).
CREATE TABLE notional_baselines (
  election_id      INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id       INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  party_id         INTEGER NOT NULL REFERENCES parties (id),
  baseline         TEXT    NOT NULL,
  seats            INTEGER NOT NULL CHECK (seats >= 0 AND seats <= 1000),
  votes            INTEGER CHECK (votes >= 0),
  source           TEXT,
  PRIMARY KEY (election_id, council_id, party_id)
) WITHOUT ROWID;
