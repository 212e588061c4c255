-- Tally's database schema, version 1 (the base; tally-schema-2.sql and any
-- later steps follow it, on new files and old ones alike).
--
-- One file holds everything a view shows: elections, councils and wards,
-- parties, candidates and their votes, council-level results, compositions,
-- declarations, boundaries and hex layouts.  PRAGMA user_version carries the
-- schema version and PRAGMA application_id marks the file as Tally's; both are
-- set by the code that runs this script, not here.

CREATE TABLE elections (
  id          INTEGER PRIMARY KEY,
  date        TEXT    NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  name        TEXT    NOT NULL,
  -- The election whose seats this one fights again: 2014 for 2018.
  baseline_id INTEGER REFERENCES elections (id) ON DELETE SET NULL
);

CREATE TABLE parties (
  id          INTEGER PRIMARY KEY,
  key         TEXT    NOT NULL UNIQUE,          -- CON, LAB, LD, ... or a key made for an imported party
  short_name  TEXT    NOT NULL,
  full_name   TEXT    NOT NULL,
  colour      TEXT    NOT NULL CHECK (colour GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
  colour_safe TEXT    NOT NULL CHECK (colour_safe GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
  grp         TEXT    NOT NULL,                 -- conservative, labour, libdem, green, ukip, independent, other
  position    INTEGER NOT NULL                  -- left-to-right order in seat charts
);

-- Names under which files from elsewhere spell a party ("Labour and Co-operative Party").
CREATE TABLE party_aliases (
  alias       TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
  party_id    INTEGER NOT NULL REFERENCES parties (id) ON DELETE CASCADE
);

CREATE TABLE councils (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,          -- ONS code, E06000001
  name        TEXT    NOT NULL,
  type        TEXT    NOT NULL CHECK (type IN ('london_borough', 'metropolitan_borough', 'unitary', 'district')),
  region      TEXT    NOT NULL,
  county      TEXT,
  easting     REAL,                             -- centroid, British National Grid metres
  northing    REAL,
  total_seats INTEGER CHECK (total_seats > 0),
  cycle       TEXT    CHECK (cycle IN ('all_out', 'halves', 'thirds'))
);
CREATE INDEX councils_by_region ON councils (region);
CREATE INDEX councils_by_name ON councils (name COLLATE NOCASE);

CREATE TABLE wards (
  id          INTEGER PRIMARY KEY,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  code        TEXT,                             -- ONS code where known, E05000001
  name        TEXT    NOT NULL,
  UNIQUE (council_id, name)
);
CREATE INDEX wards_by_code ON wards (code);

-- One council's election: how many seats were fought and how many votes cast.
CREATE TABLE council_elections (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  seats_up    INTEGER NOT NULL CHECK (seats_up >= 0),
  votes_total INTEGER CHECK (votes_total >= 0),  -- sum of all candidates' votes
  electorate  INTEGER CHECK (electorate >= 0),
  ballots     INTEGER CHECK (ballots >= 0),      -- ballot papers issued, for turnout
  PRIMARY KEY (election_id, council_id)
) WITHOUT ROWID;
CREATE INDEX council_elections_by_council ON council_elections (council_id);

-- Council-level results: seats won and votes by party.  Imported candidate
-- data refines these; the bundled data carries them as published.
CREATE TABLE council_results (
  election_id INTEGER NOT NULL,
  council_id  INTEGER NOT NULL,
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  seats_won   INTEGER NOT NULL CHECK (seats_won >= 0),
  votes       INTEGER CHECK (votes >= 0),
  PRIMARY KEY (election_id, council_id, party_id),
  FOREIGN KEY (election_id, council_id) REFERENCES council_elections (election_id, council_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- A council's seats by party on the eve of an election and just after it.
CREATE TABLE compositions (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  stage       TEXT    NOT NULL CHECK (stage IN ('before', 'after')),
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  seats       INTEGER NOT NULL CHECK (seats > 0),
  PRIMARY KEY (election_id, council_id, stage, party_id)
) WITHOUT ROWID;
CREATE INDEX compositions_by_council ON compositions (council_id);

-- When a council declared; NULL when the time is not known.
CREATE TABLE declarations (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  declared_at TEXT,                             -- ISO 8601
  PRIMARY KEY (election_id, council_id)
) WITHOUT ROWID;

-- A ward's poll in one election (a by-election on the same day is a contest of its own).
CREATE TABLE contests (
  id          INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  ward_id     INTEGER NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  ballot      TEXT    NOT NULL,                 -- the source's ballot id, or the ward name
  seats       INTEGER NOT NULL CHECK (seats > 0),
  -- A casual vacancy filled on the day: it does not make its council one of
  -- those holding an election (in 2018, 11 councils had only by-elections).
  by_election INTEGER NOT NULL DEFAULT 0 CHECK (by_election IN (0, 1)),
  electorate  INTEGER CHECK (electorate >= 0),
  ballots     INTEGER CHECK (ballots >= 0),
  UNIQUE (election_id, ward_id, ballot)
);
CREATE INDEX contests_by_ward ON contests (ward_id);

CREATE TABLE candidates (
  id          INTEGER PRIMARY KEY,
  contest_id  INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  name        TEXT    NOT NULL,
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  party_name  TEXT,                             -- as the source spelt it
  votes       INTEGER NOT NULL CHECK (votes >= 0),
  elected     INTEGER NOT NULL CHECK (elected IN (0, 1))
);
CREATE INDEX candidates_by_contest ON candidates (contest_id);
CREATE INDEX candidates_by_party ON candidates (party_id);

-- Council boundaries: one (multi)polygon per council, projected to British
-- National Grid metres and stored as a packed array of rings (the layout is
-- documented at tally_geometry_pack() in tally-geo.c: "TGEO", version 1,
-- counts, then little-endian doubles).
CREATE TABLE boundaries (
  council_id  INTEGER NOT NULL PRIMARY KEY REFERENCES councils (id) ON DELETE CASCADE,
  source      TEXT    NOT NULL,                 -- the imported file's name
  geometry    BLOB    NOT NULL CHECK (substr (geometry, 1, 4) = CAST ('TGEO' AS BLOB))
);

-- An imported hex cartogram (HexJSON).  A database holds at most one; with
-- none, Tally generates one from the council centroids.
CREATE TABLE hex_layouts (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  layout      TEXT    NOT NULL CHECK (layout IN ('odd-r', 'even-r', 'odd-q', 'even-q')),
  source      TEXT    NOT NULL                  -- the imported file's name
);

CREATE TABLE hexes (
  layout_id   INTEGER NOT NULL REFERENCES hex_layouts (id) ON DELETE CASCADE,
  council_id  INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  q           INTEGER NOT NULL,
  r           INTEGER NOT NULL,
  PRIMARY KEY (layout_id, council_id),
  UNIQUE (layout_id, q, r)
) WITHOUT ROWID;

-- Files imported into this database, one row per distinct content.  An
-- import replaces the contests and compositions a file names, so importing
-- it again adds nothing twice; this table lets Tally say that it had seen
-- the file, and when.
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  checksum    TEXT    NOT NULL UNIQUE,          -- SHA-1 of the file's bytes, in hex
  file_name   TEXT    NOT NULL,                 -- its base name when last imported
  format      TEXT    NOT NULL CHECK (format IN ('dc', 'leap', 'ocd', 'tally')),
  rows        INTEGER NOT NULL CHECK (rows >= 0),
  imported_at TEXT    NOT NULL                  -- ISO 8601, UTC
);
