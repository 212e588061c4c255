#!/usr/bin/python3
"""Rewrite Tally's bundled data tables from the shared source data.

Maintainer tool only: the app never runs it. It reads the public source files
(by default ../shared/data relative to the repository root; override with
--shared) and writes, next to this script:

    councils.tsv  elections.tsv  council-elections.tsv
    council-results.tsv  compositions.tsv

parties.tsv and SOURCES.md are written by hand and are not touched; the script
only checks that every party key it writes is listed in parties.tsv.

Only council-level facts and figures are carried over (codes, names, regions,
counties, centroids, seat and vote totals, compositions).  No candidate rows,
polygons or hex layouts are read or written.

Output is deterministic: fixed sort orders, UTF-8, LF line endings, a header
line starting with '#', TAB-separated fields, empty field = unknown.

Python 3 standard library only.  Usage:

    /usr/bin/python3 data/bundled/refresh.py [--shared PATH] [--out DIR]
"""

import argparse
import collections
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_SHARED = os.path.join(REPO_ROOT, "..", "shared", "data")

DATE_2014 = "2014-05-22"
DATE_2018 = "2018-05-03"
YEAR_DATE = {"2014": DATE_2014, "2018": DATE_2018}

RESULT_PARTIES = ["CON", "LAB", "LD", "GRN", "UKIP", "IND", "OTH"]
VOTE_PARTIES = ["CON", "LAB", "LD", "GRN", "UKIP"]  # the summary has votes for these only
COMP_PARTIES = ["CON", "LAB", "LD", "GRN", "UKIP", "OTH"]
# OCD column -> our party key.  OCD's 'other' includes independents and
# residents' groups; ref/pc/snp must be 0 in England (asserted).
OCD_COLUMNS = {"con": "CON", "lab": "LAB", "ld": "LD", "green": "GRN",
               "ukip": "UKIP", "other": "OTH"}
OCD_MUST_BE_ZERO = ["ref", "pc", "snp"]

TYPE_BY_PREFIX = {"E09": "london_borough", "E08": "metropolitan_borough",
                  "E06": "unitary", "E07": "district"}

# OCD spells a few councils differently from ONS; everything else must match
# the ONS LAD18NM exactly.
OCD_NAME_ALIASES = {"Kingston upon Hull": "Kingston upon Hull, City of"}

# Corrections to the OCD snapshots are the hand-kept composition-corrections.tsv
# in this folder (issue 13): one row per council, stage and party whose OCD
# figure was replaced by a published one, with the OCD value it replaces
# (asserted, so that a changed source is noticed) and its source tag
# (SOURCES.md, "Source tags").  These, and only these, are applied.
CORRECTIONS_FILE = "composition-corrections.tsv"

# Seats won and votes where Democracy Club's candidate file is shown wrong by
# published results (SOURCES.md, "Seats won corrected").  Each row:
# (year, council, party) -> (source seats, source votes, seats, votes).  The
# source figures are checked, so a changed source file stops the refresh
# instead of being overwritten silently.
RESULT_CORRECTIONS = {
    # Wokingham, Hillside: the Conservative Christopher Smith (1,233) held the
    # seat, not the Liberal Democrat Sue Smith (1,166); the file swaps the two.
    ("2018", "E06000041", "CON"): (10, 18248, 11, 18315),
    ("2018", "E06000041", "LD"): (5, 12955, 4, 12888),
    # Broxbourne, Waltham Cross: the Labour Carol Bowman (1,231) held the
    # seat, not the Conservative David Brace (732); the file swaps the two.
    ("2018", "E07000095", "CON"): (10, 12225, 9, 11726),
    ("2018", "E07000095", "LAB"): (0, 5112, 1, 5611),
    # North Tyneside, Preston: Labour's Kate Osborne (1,255) held the seat,
    # not the Green Martin Osborne (179); the file swaps the two.
    ("2018", "E08000022", "LAB"): (17, 29895, 18, 30971),
    ("2018", "E08000022", "GRN"): (1, 2466, 0, 1390),
}

STAGE_ORDER = {"before": 0, "after": 1}


class DataError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise DataError(msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def to_int(s, what):
    try:
        return int(s)
    except (TypeError, ValueError):
        raise DataError("%s: not an integer: %r" % (what, s))


def render_tsv(path, columns, rows):
    """Render one table as bytes.  Every field is a str or int; None means unknown."""
    lines = ["# " + "\t".join(columns)]
    for row in rows:
        check(len(row) == len(columns), "%s: row width %d" % (path, len(row)))
        fields = []
        for v in row:
            s = "" if v is None else str(v)
            check("\t" not in s and "\n" not in s and "\r" not in s,
                  "%s: bad character in field %r" % (path, s))
            fields.append(s)
        lines.append("\t".join(fields))
    return ("\n".join(lines) + "\n").encode("utf-8"), len(lines) - 1


def control(seats, total):
    """Party key with an overall majority, or 'NOC'.

    majority = floor(total/2) + 1.  OTH is an aggregate of independents,
    residents' groups and minor parties, not one group, so it never counts
    as having control.
    """
    majority = total // 2 + 1
    for p in COMP_PARTIES:
        if p != "OTH" and seats.get(p, 0) >= majority:
            return p
    return "NOC"


# --------------------------------------------------------------------------
# readers

def load_geography(shared):
    rgn_rows = read_csv(os.path.join(shared, "geo/lookups/LAD18_RGN18_England_Dec2018.csv"))
    cty_rows = read_csv(os.path.join(shared, "geo/lookups/LAD18_CTY18_England_Dec2018.csv"))
    check(len(rgn_rows) == 326, "region lookup: %d rows, want 326" % len(rgn_rows))
    regions = {}
    for r in rgn_rows:
        check(r["LAD18CD"] not in regions, "duplicate LAD18CD %s" % r["LAD18CD"])
        regions[r["LAD18CD"]] = r
    counties = {}
    for r in cty_rows:
        code = r["LAD18CD"]
        check(code in regions, "county lookup: unknown code %s" % code)
        check(code not in counties, "county lookup: duplicate %s" % code)
        check(r["LAD18NM"] == regions[code]["LAD18NM"], "county lookup: name differs for %s" % code)
        counties[code] = r

    councils = {}
    for code, r in regions.items():
        prefix = code[:3]
        check(prefix in TYPE_BY_PREFIX, "unexpected code %s" % code)
        ctype = TYPE_BY_PREFIX[prefix]
        if ctype == "unitary":
            check(code not in counties, "unitary %s has a county" % code)
            county = ""
        else:
            check(code in counties, "%s %s has no county" % (ctype, code))
            county = counties[code]["CTY18NM"]
            cty_prefix = counties[code]["CTY18CD"][:3]
            check(cty_prefix == {"district": "E10", "metropolitan_borough": "E11",
                                 "london_borough": "E13"}[ctype],
                  "%s: county code %s does not fit type %s" % (code, counties[code]["CTY18CD"], ctype))
        councils[code] = {"code": code, "name": r["LAD18NM"], "type": ctype,
                          "region": r["RGN18NM"], "county": county}
    check(collections.Counter(c["type"] for c in councils.values()) ==
          {"district": 201, "unitary": 56, "metropolitan_borough": 36, "london_borough": 33},
          "council type counts differ from E07 201 / E06 56 / E08 36 / E09 33")

    # Centroids: bng_e/bng_n (the ONS label point) of the BUC BNG GeoJSON.
    # Only the feature properties are read; no geometry is used.
    def feature_props(rel):
        with open(os.path.join(shared, rel), encoding="utf-8") as f:
            d = json.load(f)
        return {ft["properties"]["lad18cd"]: ft["properties"] for ft in d["features"]}

    primary = feature_props("geo/lad2018/lad2018_england_buc_bng.geojson")
    check(set(primary) == set(councils), "BUC BNG GeoJSON codes differ from the lookup")
    for code, p in primary.items():
        c = councils[code]
        check(p["lad18nm"] == c["name"], "%s: GeoJSON name %r" % (code, p["lad18nm"]))
        check(p["rgn18nm"] == c["region"], "%s: GeoJSON region %r" % (code, p["rgn18nm"]))
        check(p["cty18nm"] == c["county"], "%s: GeoJSON county %r" % (code, p["cty18nm"]))
        for k in ("bng_e", "bng_n"):
            check(isinstance(p[k], int) and not isinstance(p[k], bool),
                  "%s: %s is not an integer" % (code, k))
        c["easting"], c["northing"] = p["bng_e"], p["bng_n"]

    # The same centroid must appear in every other file that carries it.
    others = ["geo/lad2018/lad2018_england_buc_wgs84.geojson",
              "geo/lad2018/lad2018_england_bgc_bng.geojson",
              "geo/lad2018/lad2018_england_bgc_wgs84.geojson",
              "geo/lad2018/lad2018_england_bgc_simpl10_bng.geojson",
              "geo/lad2018/lad2018_england_bgc_simpl10_wgs84.geojson"]
    for rel in others:
        props = feature_props(rel)
        check(set(props) == set(councils), "%s: codes differ" % rel)
        for code, p in props.items():
            check((p["bng_e"], p["bng_n"], p["lad18nm"]) ==
                  (councils[code]["easting"], councils[code]["northing"], councils[code]["name"]),
                  "%s: centroid/name differs for %s" % (rel, code))
    for rel in ["geo/lad2018/LAD_December_2018_Boundaries_UK_BUC_2022.topojson",
                "geo/lad2018/LAD_December_2018_Boundaries_UK_BGC_2022.topojson"]:
        with open(os.path.join(shared, rel), encoding="utf-8") as f:
            d = json.load(f)
        props = {g["properties"]["lad18cd"]: g["properties"]
                 for g in d["objects"]["data"]["geometries"]}
        for code in councils:
            p = props.get(code)
            check(p is not None, "%s: %s missing" % (rel, code))
            check((p["bng_e"], p["bng_n"], p["lad18nm"]) ==
                  (councils[code]["easting"], councils[code]["northing"], councils[code]["name"]),
                  "%s: centroid/name differs for %s" % (rel, code))
    return councils


def load_summary(shared, councils):
    rows = read_csv(os.path.join(shared, "results/summary/councils_2018_vs_2014.csv"))
    check(len(rows) == 150, "summary: %d rows, want 150" % len(rows))
    summary = {}
    for r in rows:
        code = r["la_gss"]
        check(code in councils, "summary: %s (%s) does not match an ONS code" % (code, r["council_name"]))
        check(code not in summary, "summary: duplicate %s" % code)
        check(r["tier"] == councils[code]["type"],
              "summary: %s tier %s but code says %s" % (code, r["tier"], councils[code]["type"]))
        check(r["council_name"] == councils[code]["name"],
              "summary: %s name %r differs from ONS %r" % (code, r["council_name"], councils[code]["name"]))
        s = {"name": r["council_name"]}
        for k, v in r.items():
            if k.startswith(("seats_up_", "won_", "votes_", "ocd2017_", "ocd2018_",
                             "total_seats_ocd2018")) and not k.endswith("_label"):
                s[k] = to_int(v, "summary %s %s" % (code, k))
        s["all_out_2018"] = r["all_out_2018"]
        s["control_before"] = r["control_before_ocd2017"]
        s["control_after"] = r["control_after_ocd2018"]
        for y in ("2014", "2018"):
            won = sum(s["won_%s_%s" % (y, p)] for p in RESULT_PARTIES)
            check(won == s["seats_up_" + y],
                  "summary %s %s: seats won %d != seats up %d" % (code, y, won, s["seats_up_" + y]))
            known = sum(s["votes_%s_%s" % (y, p)] for p in VOTE_PARTIES)
            check(known <= s["votes_%s_total" % y], "summary %s %s: party votes exceed total" % (code, y))
            for p in RESULT_PARTIES:
                check(s["won_%s_%s" % (y, p)] >= 0, "negative seats")
        summary[code] = s
    check(len(summary) == 150, "summary: only %d councils matched" % len(summary))
    return summary


def load_ocd(shared, councils, summary):
    rows = read_csv(os.path.join(shared, "results/ocd_composition/council_composition_2017_2018.csv"))
    by_name = {c["name"]: code for code, c in councils.items()}
    comp = {}
    for r in rows:
        name = OCD_NAME_ALIASES.get(r["authority"], r["authority"])
        check(name in by_name, "OCD: no ONS council named %r" % r["authority"])
        code = by_name[name]
        check(code in summary, "OCD: %s is not among the 150 councils" % name)
        stage = {"2017": "before", "2018": "after"}.get(r["year"])
        check(stage is not None, "OCD: unexpected year %r" % r["year"])
        check((code, stage) not in comp, "OCD: duplicate %s %s" % (name, r["year"]))
        for k in OCD_MUST_BE_ZERO:
            check(to_int(r[k], "OCD " + k) == 0, "OCD: %s %s has %s=%s" % (name, r["year"], k, r[k]))
        seats = {OCD_COLUMNS[k]: to_int(r[k], "OCD %s %s" % (name, k)) for k in OCD_COLUMNS}
        total = to_int(r["total"], "OCD total")
        check(sum(seats.values()) == total, "OCD: %s %s parties sum to %d, total %d"
              % (name, r["year"], sum(seats.values()), total))
        comp[(code, stage)] = {"seats": seats, "total": total, "label": r["majority"]}
    check(len(comp) == 300, "OCD: %d snapshots, want 300" % len(comp))

    # Cross-check against the summary's ocd2017_*/ocd2018_* columns.
    for code, s in summary.items():
        for stage, pre in (("before", "ocd2017_"), ("after", "ocd2018_")):
            c = comp[(code, stage)]
            for col, p in OCD_COLUMNS.items():
                check(s[pre + col] == c["seats"][p],
                      "OCD vs summary: %s %s %s: %d vs %d" % (code, stage, p, c["seats"][p], s[pre + col]))
        check(s["total_seats_ocd2018"] == comp[(code, "after")]["total"],
              "OCD vs summary: %s total after" % code)
    return comp


def read_corrections(path):
    """(code, stage) -> {party: (ocd_seats, seats, source)} from the TSV."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = "# council\tstage\tparty\tocd_seats\tseats\tsource"
    check(lines and lines[0] == header, "%s: line 1 must be %r" % (CORRECTIONS_FILE, header))
    out = {}
    for n, line in enumerate(lines[1:], start=2):
        if line == "":
            continue
        fields = line.split("\t")
        check(len(fields) == 6, "%s, line %d: %d fields, want 6" % (CORRECTIONS_FILE, n, len(fields)))
        code, stage, party, ocd, seats, source = fields
        check(stage in STAGE_ORDER, "%s, line %d: stage %r" % (CORRECTIONS_FILE, n, stage))
        check(party in COMP_PARTIES, "%s, line %d: party %r" % (CORRECTIONS_FILE, n, party))
        check(source != "", "%s, line %d: a correction needs its source" % (CORRECTIONS_FILE, n))
        row = out.setdefault((code, stage), {})
        check(party not in row, "%s, line %d: %s %s %s twice" % (CORRECTIONS_FILE, n, code, stage, party))
        row[party] = (to_int(ocd, "ocd_seats, line %d" % n), to_int(seats, "seats, line %d" % n), source)
    return out


def apply_corrections(comp, corrections):
    for (code, stage), parties in sorted(corrections.items()):
        check((code, stage) in comp, "%s: no OCD snapshot for %s %s" % (CORRECTIONS_FILE, code, stage))
        c = comp[(code, stage)]
        for party, (ocd, seats, _source) in sorted(parties.items()):
            check(c["seats"][party] == ocd,
                  "correction %s %s %s: OCD now reads %d, the file expects %d; review the correction"
                  % (code, stage, party, c["seats"][party], ocd))
            c["seats"][party] = seats
        check(sum(c["seats"].values()) == c["total"],
              "correction %s %s: seats sum to %d, not the council's %d"
              % (code, stage, sum(c["seats"].values()), c["total"]))
        c["corrected"] = True


# --------------------------------------------------------------------------
# table builders

def cycle_of(seats_up, total):
    if seats_up >= 0.9 * total:
        return "all_out"
    frac = seats_up / total
    return "halves" if abs(frac - 0.5) < abs(frac - 1.0 / 3.0) else "thirds"


def build_councils(councils, summary):
    rows = []
    for code in sorted(councils):
        c = councils[code]
        total = cyc = None
        if code in summary:
            s = summary[code]
            total = s["total_seats_ocd2018"]
            check(total > 0, "%s: total seats %d" % (code, total))
            cyc = cycle_of(s["seats_up_2018"], total)
            check((cyc == "all_out") == (s["all_out_2018"] == "1"),
                  "%s: all_out_2018 flag disagrees with computed cycle %s" % (code, cyc))
        rows.append([code, c["name"], c["type"], c["region"], c["county"],
                     c["easting"], c["northing"], total, cyc])
    return rows


def build_council_elections(summary):
    rows = []
    for y in ("2014", "2018"):
        for code in sorted(summary):
            s = summary[code]
            if s["seats_up_" + y] == 0:
                continue
            rows.append([YEAR_DATE[y], code, s["seats_up_" + y], s["votes_%s_total" % y]])
    return rows


def build_council_results(summary):
    rows = []
    for y in ("2014", "2018"):
        for code in sorted(summary):
            s = summary[code]
            if s["seats_up_" + y] == 0:
                continue
            for p in RESULT_PARTIES:
                won = s["won_%s_%s" % (y, p)]
                votes = s["votes_%s_%s" % (y, p)] if p in VOTE_PARTIES else None
                fix = RESULT_CORRECTIONS.get((y, code, p))
                if fix is not None:
                    check((won, votes) == fix[:2], "%s %s %s: source has %s seats, %s votes; "
                          "RESULT_CORRECTIONS expects %s, %s" % (y, code, p, won, votes, fix[0], fix[1]))
                    won, votes = fix[2], fix[3]
                if won > 0 or (votes is not None and votes > 0):
                    rows.append([YEAR_DATE[y], code, p, won, votes])
    return rows


def build_compositions(comp):
    rows = []
    for code, stage in sorted(comp, key=lambda k: (k[0], STAGE_ORDER[k[1]])):
        c = comp[(code, stage)]
        check(sum(c["seats"].values()) == c["total"], "%s %s: seats do not sum to total" % (code, stage))
        for p in COMP_PARTIES:
            if c["seats"][p] > 0:
                rows.append([DATE_2018, code, stage, p, c["seats"][p]])
    return rows


def read_party_keys(path):
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            keys.add(line.split("\t")[0])
    return keys


# --------------------------------------------------------------------------
# report

def report(councils, summary, comp):
    print("checks:")
    ctl = {stage: collections.Counter() for stage in STAGE_ORDER}
    for (code, stage), c in comp.items():
        ctl[stage][control(c["seats"], c["total"])] += 1
    for stage in ("before", "after"):
        print("  control %-6s 2018: %s" % (stage, ", ".join(
            "%s %d" % (k, v) for k, v in sorted(ctl[stage].items(), key=lambda kv: (-kv[1], kv[0])))))
    cyc = collections.Counter(cycle_of(s["seats_up_2018"], s["total_seats_ocd2018"]) for s in summary.values())
    print("  cycles: %s" % ", ".join("%s %d" % kv for kv in sorted(cyc.items())))
    print("  halves: %s" % ", ".join(sorted(councils[c]["name"] for c, s in summary.items()
                                              if cycle_of(s["seats_up_2018"], s["total_seats_ocd2018"]) == "halves")))

    def show(code):
        out = []
        for stage in ("before", "after"):
            c = comp[(code, stage)]
            parts = " ".join("%s %d" % (p, c["seats"][p]) for p in COMP_PARTIES if c["seats"][p])
            out.append("%s: %s of %d (%s)" % (stage, parts, c["total"], control(c["seats"], c["total"])))
        return "  %-22s %s" % (councils[code]["name"], "; ".join(out))

    for code in ("E08000009", "E09000027", "E09000003", "E06000033", "E07000237",
                 "E08000027", "E08000025"):
        print(show(code))

    def expect(code, stage, seats, ctl_want):
        c = comp[(code, stage)]
        got = {p: v for p, v in c["seats"].items() if v}
        check(got == seats and control(c["seats"], c["total"]) == ctl_want,
              "%s %s: got %r (%s), expected %r (%s)" % (councils[code]["name"], stage, got,
                                                       control(c["seats"], c["total"]), seats, ctl_want))

    expect("E08000009", "after", {"LAB": 30, "CON": 29, "LD": 2, "GRN": 2}, "NOC")      # Trafford
    expect("E09000027", "after", {"LD": 39, "CON": 11, "GRN": 4}, "LD")                 # Richmond
    expect("E09000003", "after", {"CON": 38, "LAB": 25}, "CON")                         # Barnet
    expect("E09000003", "before", {"CON": 31, "LAB": 30, "LD": 1, "OTH": 1}, "NOC")
    expect("E06000033", "before", {"CON": 28, "LAB": 9, "LD": 2, "OTH": 12}, "CON")     # Southend
    expect("E07000217", "after", {"CON": 16, "LD": 8, "LAB": 3, "OTH": 3}, "CON")       # Woking
    expect("E07000102", "after", {"LD": 20, "CON": 16, "LAB": 3}, "LD")                 # Three Rivers
    expect("E06000026", "before", {"CON": 30, "LAB": 27}, "CON")                        # Plymouth
    expect("E07000237", "after", {"CON": 17, "LAB": 15, "GRN": 3}, "NOC")               # Worcester

    # Councils where the OTH aggregate alone reaches a majority (shown as NOC).
    for (code, stage), c in sorted(comp.items()):
        if c["seats"]["OTH"] >= c["total"] // 2 + 1:
            print("  note: %s %s: OTH aggregate %d of %d reaches a majority; counted as NOC"
                  % (councils[code]["name"], stage, c["seats"]["OTH"], c["total"]))
    # Computed control vs the summary's control columns (mapped from OCD labels).
    for (code, stage), c in sorted(comp.items()):
        theirs = summary[code]["control_" + stage]
        ours = control(c["seats"], c["total"])
        if ours != theirs:
            print("  differs from summary control_%s: %s %s -> %s%s"
                  % (stage, councils[code]["name"], theirs, ours,
                     " (corrected)" if c.get("corrected") else ""))
            check(c.get("corrected"), "control differs for an uncorrected snapshot")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED,
                    help="shared data folder (default: ../shared/data from the repo root)")
    ap.add_argument("--out", default=HERE, help="output folder (default: this script's folder)")
    args = ap.parse_args(argv)
    shared = os.path.abspath(args.shared)
    if not os.path.isdir(shared):
        print("refresh.py: shared data folder not found: %s" % shared, file=sys.stderr)
        return 2

    try:
        councils = load_geography(shared)
        summary = load_summary(shared, councils)
        comp = load_ocd(shared, councils, summary)
        apply_corrections(comp, read_corrections(os.path.join(HERE, CORRECTIONS_FILE)))

        tables = {
            "councils.tsv": (["code", "name", "type", "region", "county", "easting",
                              "northing", "total_seats", "cycle"],
                             build_councils(councils, summary)),
            "elections.tsv": (["date", "name", "baseline"],
                              [[DATE_2014, "Local elections 2014", None],
                               [DATE_2018, "Local elections 2018", DATE_2014]]),
            "council-elections.tsv": (["date", "council", "seats_up", "votes_total"],
                                      build_council_elections(summary)),
            "council-results.tsv": (["date", "council", "party", "seats_won", "votes"],
                                    build_council_results(summary)),
            "compositions.tsv": (["date", "council", "stage", "party", "seats"],
                                 build_compositions(comp)),
        }

        # Every party key written must be defined in the hand-written parties.tsv.
        parties_path = os.path.join(HERE, "parties.tsv")
        if os.path.exists(parties_path):
            keys = read_party_keys(parties_path)
            for name in ("council-results.tsv", "compositions.tsv"):
                used = {row[2] if name == "council-results.tsv" else row[3] for row in tables[name][1]}
                check(used <= keys, "%s uses party keys not in parties.tsv: %s" % (name, sorted(used - keys)))

        report(councils, summary, comp)
        rendered = {name: render_tsv(name, cols, rows) for name, (cols, rows) in tables.items()}
    except DataError as e:
        print("refresh.py: check failed: %s" % e, file=sys.stderr)
        return 1

    # Everything has been checked; only now touch the output folder.
    os.makedirs(args.out, exist_ok=True)
    print("wrote:")
    for name in sorted(rendered):
        data, n = rendered[name]
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        print("  %-22s %5d rows" % (name, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
