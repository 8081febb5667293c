// The place at the start of an agency name: the longest chain of gazetteer names, each inside
// the one before (淮安市 → 洪泽区, 许昌市 → 建安区 → 小召乡). A name that fits several places and
// that nothing in the chain narrows down is ambiguous, never guessed.
import { COUNTY_SUFFIXES, TOWNSHIP_SUFFIXES, fullPlaceName, gazetteer, isUnder, townshipsIn, type NameKind, type Place } from './gazetteer.js';

export interface PlaceMatch {
  place: Place;
  /** Characters of the name the chain of places took. */
  length: number;
  /** How many links matched only in a short or changed form (fewer is better). */
  inexact: number;
}

export type PlaceResult = { kind: 'found'; match: PlaceMatch } | { kind: 'ambiguous'; candidates: Place[]; text: string } | { kind: 'none' };

interface Link {
  place: Place;
  end: number;
  kind: NameKind;
}

/** The places a piece of the name starting at `at` may be, inside `parent` (anywhere when null). */
function links(text: string, at: number, parent: Place | null): Link[] {
  const g = gazetteer();
  const found: Link[] = [];
  const add = (place: Place, end: number, kind: NameKind) => {
    if (!found.some((l) => l.place.code === place.code && l.place.name === place.name && l.end === end)) found.push({ place, end, kind });
  };
  const inside = (p: Place) => (parent ? isUnder(p, parent) : true);
  for (let end = at + 2; end <= Math.min(text.length, at + g.longest); end++) {
    const piece = text.slice(at, end);
    for (const place of g.exact.get(piece) ?? []) if (inside(place)) add(place, end, 'exact');
    if (!parent || parent.level === 'provincial') for (const place of g.short.get(piece) ?? []) if (inside(place)) add(place, end, 'short');
  }
  // A township needs its county or city: 城关镇 alone is hundreds of places.
  if (!parent || parent.level === 'township') return found;
  const townships = townshipsIn(parent);
  for (let end = at + 2; end <= Math.min(text.length, at + Math.max(g.longest, townships.longest)); end++) {
    const piece = text.slice(at, end);
    for (const place of townships.exact.get(piece) ?? []) add(place, end, 'exact');
    // A county or township whose suffix changed (洪泽县 → 洪泽区, 小召乡 → 小召街道): the
    // same stem inside the enclosing place, one place only.
    for (const suffix of [...COUNTY_SUFFIXES, ...TOWNSHIP_SUFFIXES]) {
      if (!piece.endsWith(suffix) || piece.length === suffix.length) continue;
      const stem = piece.slice(0, -suffix.length);
      const county = (COUNTY_SUFFIXES as readonly string[]).includes(suffix);
      const places = county ? (g.stem.get(stem) ?? []).filter((p) => p.level === 'county' && isUnder(p, parent)) : (townships.stem.get(stem) ?? []);
      if (places.length === 1) add(places[0], end, 'stem');
    }
    // A zone printed after its city without the city's short name: 淮安市经济技术开发区.
    for (const place of g.stem.get(piece) ?? []) if (place.zone && isUnder(place, parent)) add(place, end, 'stem');
  }
  // Where a county's name starts here, the name gives the county, not a township of the same
  // city that happens to be spelt like it plus a suffix (临汾市古县 + 乡村振兴局 is not 古县乡).
  if (found.some((l) => l.kind === 'exact' && l.place.level === 'county')) return found.filter((l) => l.place.level !== 'township');
  return found;
}

/** Every chain of places from `at`, as (last place, end, inexact links). */
function chains(text: string, at: number, parent: Place | null, inexact: number, out: PlaceMatch[], depth: number): void {
  if (depth > 5) return;
  for (const link of links(text, at, parent)) {
    const cost = inexact + (link.kind === 'exact' ? 0 : 1);
    out.push({ place: link.place, length: link.end, inexact: cost });
    chains(text, link.end, link.place, cost, out, depth + 1);
  }
}

export function findPlace(text: string): PlaceResult {
  const all: PlaceMatch[] = [];
  chains(text, 0, null, 0, all, 0);
  if (all.length === 0) return { kind: 'none' };
  const longest = Math.max(...all.map((m) => m.length));
  let best = all.filter((m) => m.length === longest);
  const fewest = Math.min(...best.map((m) => m.inexact));
  best = best.filter((m) => m.inexact === fewest);
  const distinct = [...new Map(best.map((m) => [m.place.code + fullPlaceName(m.place), m.place])).values()];
  if (new Set(distinct.map((p) => p.code)).size > 1) return { kind: 'ambiguous', candidates: distinct, text: text.slice(0, longest) };
  return { kind: 'found', match: best[0] };
}
