// parliament.mjs: bench-export's baseline: the same hemicycles as
// `tally export --chart hemicycle --all`, drawn by parliament-svg on Node.
//
//   node parliament.mjs COUNCILS.json DIR
//
// COUNCILS.json is [{ "file": "E07….svg", "parties": { "LAB": { "seats": 30,
// "colour": "#e4003b" }, … } }, …], written by bench-export from the same
// compositions Tally draws; one SVG file per council goes into DIR.
//
// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import parliamentSVG from 'parliament-svg'
import { toHtml } from 'hast-util-to-html'

const [councilsPath, dir] = process.argv.slice(2)
const councils = JSON.parse(readFileSync(councilsPath, 'utf8'))

for (const council of councils) {
  const svg = toHtml(parliamentSVG(council.parties, { seatCount: true }))
  writeFileSync(join(dir, council.file), svg)
}
