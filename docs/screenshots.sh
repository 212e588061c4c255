#!/bin/sh
# docs/screenshots.sh: the README's screenshots, from the build tree, under
# a private Xvfb.
#
#   docs/screenshots.sh [BUILD_DIR] [DISPLAY_NUMBER] [NAME…]
#
# BUILD_DIR defaults to _build, DISPLAY_NUMBER to 99; the pictures go to
# data/screenshots, or $SCREENSHOTS_OUT; NAMEs (window,
# laptop-imported, …) make only those.  The shots "with the real files
# imported" read the Democracy Club 2018 and LEAP 2014 files, and the ONS
# boundaries, where they lie (../shared/data, or $TALLY_SHARED_DATA), and
# import them into a throwaway database: nothing from them is kept but the
# pictures.  Needs Xvfb, ImageMagick's import and xdotool.
#
# Each shot is Tally as a user starts it (window size, colour scheme and
# filter from its settings, --view and --council, a key pressed), with the
# pointer moved off the window so no tooltip shows.  Look at every picture before
# committing it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-_build}" && pwd)
number=${2:-99}
[ $# -ge 2 ] && shift 2 || shift $#
only="$*"
shared=${TALLY_SHARED_DATA:-$top/../shared/data}
out=${SCREENSHOTS_OUT:-$top/data/screenshots}
tally=$build/src/tally

work=$(mktemp -d)
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

Xvfb ":$number" -screen 0 1920x1080x24 -ac -noreset >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1

export DISPLAY=":$number"
export GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo GDK_DEBUG=gl-disable
export TALLY_BUNDLED_DATABASE="$build/data/bundled/tally.db"
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSETTINGS_BACKEND=keyfile
export XDG_CACHE_HOME="$work/cache"

wanted () {
  [ -z "$only" ] && return 0
  for name in $only; do [ "$name" = "$1" ] && return 0; done
  return 1
}

# shot NAME WIDTH HEIGHT DATA_HOME [SETTING=VALUE…] [-- TALLY_ARGS…]
shot () {
  name=$1 width=$2 height=$3 data_home=$4
  shift 4
  wanted "$name" || return 0
  config="$work/config-$name"
  mkdir -p "$config/glib-2.0/settings"
  {
    echo "[io/github/tally/Tally]"
    echo "window-width=$width"
    echo "window-height=$height"
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do echo "$1"; shift; done
  } > "$config/glib-2.0/settings/keyfile"
  [ $# -gt 0 ] && shift
  XDG_CONFIG_HOME="$config" XDG_DATA_HOME="$data_home" "$tally" "$@" &
  pid=$!
  # Until the window is up and drawn (slower on a busy machine).
  for _ in $(seq 60); do
    xdotool search --onlyvisible --name '^Tally$' >/dev/null 2>&1 && break
    sleep 0.5
  done
  sleep 5
  # Keys to press first (F9: from a folded window's panel to its content),
  # with the pointer over the window, which then has the keyboard.
  if [ -n "${keys:-}" ]; then
    xdotool mousemove $((width / 2)) $((height / 2))
    sleep 0.5
    xdotool key $keys
    sleep 2
  fi
  # Then the wheel turned over the window, and a click at "X Y".
  if [ -n "${scroll:-}" ]; then
    xdotool mousemove $((width * 3 / 5)) $((height / 2))
    xdotool click --repeat "$scroll" --delay 50 5
    sleep 1
  fi
  if [ -n "${click:-}" ]; then
    xdotool mousemove $click click 1
    sleep 1
  fi
  xdotool mousemove 1919 1079
  sleep 1
  import -window root -crop "${width}x${height}+0+0" +repage "$out/$name.png"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$out/$name.png"
}

bundled="$work/bundled-home"
real="$work/home"
mkdir -p "$bundled" "$real"

# The bundled data, as Tally first opens.
shot window 1360 820 "$bundled"
shot window-dark 1360 820 "$bundled" "color-scheme='dark'"
shot charts 1360 820 "$bundled" -- --view charts
shot council 1360 820 "$bundled" -- --council Trafford
shot council-dark 1360 820 "$bundled" "color-scheme='dark'" -- --council "Richmond upon Thames"
shot map 1360 820 "$bundled" -- --view map
# Greens controlled no council before or after the poll: nothing matches.
keys=F9 shot empty-result 1024 700 "$bundled" "filter-parties=['GRN']"
keys=

dc="$shared/results/dc_2018/democracyclub-results-2018-05-03_raw.csv"
leap="$shared/results/leap_2014/leap_2014_results_raw.csv"
boundaries="$shared/geo/lad2018/lad2018_england_bgc_simpl10_wgs84.geojson"
if [ ! -r "$dc" ] || [ ! -r "$leap" ]; then
  echo "screenshots.sh: the Democracy Club and LEAP files are not in $shared: the imported shots are left as they are" >&2
  exit 0
fi

# The real files imported into the user's own database, as `tally import` does.
XDG_DATA_HOME="$real" XDG_CONFIG_HOME="$work/config-import" "$tally" import "$dc" "$leap" >/dev/null
keys=F9 shot laptop-imported 1024 700 "$real"
keys=
shot wide-imported 1920 1080 "$real"
shot charts-imported 1360 820 "$real" -- --view charts
# Salford's wards, scrolled to.
scroll=${wards_scroll:-10} click=${wards_click:-} shot wards 1360 820 "$real" -- --council Salford
scroll= click=

# Results night at 03:40, as a newsroom rehearses it: the night of seed 1,
# replayed as far as 03:40 (its order cut there; the wards after it stay
# undeclared).  Dudley is partly in, with the call its arithmetic allows.
if wanted night-council || wanted night-map; then
  XDG_DATA_HOME="$real" "$tally" replay --database "$work/whole-night.db" --seed 1 --speed max -q >/dev/null
  {
    echo "council,ward,time"
    sqlite3 -csv "$work/whole-night.db" "
      SELECT c.code, w.name, min(d.declared_at) AS at
        FROM ward_declarations d JOIN contests k ON k.id = d.contest_id
             JOIN wards w ON w.id = k.ward_id JOIN councils c ON c.id = w.council_id
       GROUP BY w.id HAVING at <= '2018-05-04T03:40:00Z' ORDER BY at"
  } > "$work/night-order.csv"
  XDG_DATA_HOME="$real" "$tally" replay --database "$work/night.db" --order "$work/night-order.csv" \
    --speed max -q >/dev/null
  shot night-council 1024 700 "$real" -- --database "$work/night.db" --council Dudley
  shot night-map 1920 1080 "$real" -- --database "$work/night.db" --view map
fi

if [ -r "$boundaries" ] && wanted map-geographic; then
  XDG_DATA_HOME="$real" XDG_CONFIG_HOME="$work/config-import" "$tally" import "$boundaries" >/dev/null
  # The map's Hexes / Map switch, top left: Map.
  click="437 88" shot map-geographic 1360 820 "$real" -- --view map
  click=
fi
