// Agency identity: the region code and full name of the place an agency's name gives, and a
// stable id for the body (the same every year however the name is printed): the place's code and
// the body's normalized name, `320813/人民政府`, `310000/科学技术委员会`, `411003005/人民政府` for
// a township (its 9-digit NBS code). A name that does not resolve keeps nulls and a warning.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Warning } from '../../schema.js';
import { compactText } from '../../templates/labels.js';
import {
  CONFUSABLES,
  COVERING_VERB,
  GOVERNMENT_BODY,
  NAME_LABEL,
  NATIONAL,
  NATIONAL_CODE,
  NATIONAL_REGION_NAME,
  TITLE_TAIL,
  TOWNSHIP_NAME,
  VERTICAL_PREFIXES,
} from '../../templates/agency-names.js';
import { normalizeBody } from './body.js';
import { fullPlaceName, placeByCode, regionCodeOf, type Place, type PlaceLevel } from './gazetteer.js';
import { findPlace, type PlaceResult } from './place.js';

export interface AgencyIdentity {
  regionCode: string | null;
  regionName: string | null;
  agencyId: string | null;
  /** The level of the place (national when the body is central); null when unresolved. */
  level?: PlaceLevel | 'national' | null;
  /** Whether the body is the place's government itself (人民政府, a zone's 管理委员会), not a department. */
  government?: boolean;
}

/** A user's mapping (CSV `name,agencyId`): names as written, or computed ids → the id to use. */
export type AgencyOverrides = ReadonlyMap<string, string>;

export interface ResolveOptions {
  overrides?: AgencyOverrides;
}

const UNRESOLVED = { regionCode: null, regionName: null, agencyId: null, level: null, government: false } satisfies AgencyIdentity;

/** An agency name as compared: half-width, no spaces, no crawler label, no covering letter's verb
 * (关于报送《…》的函), no quotes, no title tail. */
export function cleanAgencyName(name: string): string {
  return compactText(name)
    .replace(NAME_LABEL, '')
    .replace(COVERING_VERB, '')
    .replace(/^[《"“'‘]+|[》"”'’]+$/g, '')
    .replace(TITLE_TAIL, '');
}

function warning(name: string, reason: string): Warning {
  return { code: 'W_AGENCY_UNRESOLVED', message: `agency "${name}": ${reason}; regionCode and agencyId left empty` };
}

/**
 * The place at the start of the name. A character OCR confuses is corrected only where the name as
 * printed gives no place, or less of one (江苏省沐阳县: 江苏省 alone), and the corrected name is
 * exactly a longer chain of places.
 */
function placeOf(name: string): { result: PlaceResult; text: string; corrected?: [string, string] } {
  const result = findPlace(name);
  const length = result.kind === 'found' ? result.match.length : 0;
  for (const [wrong, right] of CONFUSABLES) {
    if (!name.includes(wrong)) continue;
    const text = name.split(wrong).join(right);
    const retry = findPlace(text);
    if (retry.kind === 'found' && retry.match.inexact === 0 && retry.match.length > length) return { result: retry, text, corrected: [wrong, right] };
  }
  return { result, text: name };
}

function townshipAtStart(name: string): string | undefined {
  return TOWNSHIP_NAME.exec(name)?.[0];
}

function identity(place: Place, body: string): AgencyIdentity {
  const normalized = normalizeBody(body, place);
  return {
    regionCode: regionCodeOf(place),
    regionName: fullPlaceName(place),
    agencyId: `${place.code}/${normalized}`,
    level: place.level,
    government: GOVERNMENT_BODY.test(normalized),
  };
}

function resolveName(name: string): { value: AgencyIdentity; warnings: Warning[] } {
  for (const prefix of VERTICAL_PREFIXES)
    if (name.startsWith(prefix)) {
      const found = findPlace(name.slice(prefix.length));
      if (found.kind === 'found') return { value: identity(found.match.place, name.slice(prefix.length + found.match.length)), warnings: [] };
    }
  if (NATIONAL.test(name))
    return { value: { regionCode: null, regionName: NATIONAL_REGION_NAME, agencyId: `${NATIONAL_CODE}/${name}`, level: 'national', government: /^国务院$/.test(name) }, warnings: [] };

  const { result, text, corrected } = placeOf(name);
  if (result.kind === 'none') {
    const township = townshipAtStart(name);
    const reason = township ? `${township} looks like a township, which resolves only inside the county or city the name gives, and it gives none the gazetteer knows` : 'no place in the gazetteer starts the name';
    return { value: { ...UNRESOLVED }, warnings: [warning(name, reason)] };
  }
  if (result.kind === 'ambiguous') {
    const places = result.candidates.slice(0, 5).map((p) => `${fullPlaceName(p)} ${p.code}`).join(', ');
    const more = result.candidates.length > 5 ? ` and ${result.candidates.length - 5} more` : '';
    return { value: { ...UNRESOLVED }, warnings: [warning(name, `${result.text} is more than one place (${places}${more}) and the name gives no enclosing place`)] };
  }
  const value = identity(result.match.place, text.slice(result.match.length));
  const warnings: Warning[] = corrected
    ? [{ code: 'W_AGENCY_CORRECTED', message: `agency "${name}": no place is spelt so; read ${corrected[0]} as ${corrected[1]} (${value.regionName} ${value.regionCode})` }]
    : [];
  return { value, warnings };
}

/**
 * Resolve an agency's name. With overrides, a name (as printed, compared without spaces and
 * width) or a computed agencyId found there takes the id given; the region comes from that id
 * when it starts with a known code, else from the name.
 */
export function resolveAgency(agency: string | null, options: ResolveOptions = {}): { value: AgencyIdentity; warnings: Warning[] } {
  if (!agency) return { value: { ...UNRESOLVED }, warnings: [] };
  const name = cleanAgencyName(agency);
  if (!name) return { value: { ...UNRESOLVED }, warnings: [] };
  const resolved = resolveName(name);
  const override = options.overrides?.get(name) ?? (resolved.value.agencyId ? options.overrides?.get(resolved.value.agencyId) : undefined);
  if (override === undefined) return resolved;
  const code = /^(\d{6}(?:\d{3})?)\//.exec(override)?.[1];
  const place = code ? placeByCode(code) : undefined;
  const government = GOVERNMENT_BODY.test(override.slice(override.indexOf('/') + 1));
  const value: AgencyIdentity = place
    ? { ...resolved.value, regionCode: regionCodeOf(place), regionName: fullPlaceName(place), agencyId: override, level: place.level, government }
    : { ...resolved.value, agencyId: override, government };
  // The user named the body: only a missing region code is still worth a warning.
  const warnings = value.regionCode ? [] : [warning(name, `the override gives agencyId ${override} but no region code`)];
  return { value, warnings };
}

/**
 * A mapping file: CSV with the columns name,agencyId (a header line naming them is optional),
 * fields quoted as CSV quotes them. Throws with the line number on a malformed line.
 */
export function parseAgencyOverrides(csv: string): AgencyOverrides {
  // Lines may end either way (a file edited on two systems); '#' starts a comment only at a line's start.
  const rows = parseCsv(csv, { bom: true, record_delimiter: ['\r\n', '\n', '\r'], comment: '#', comment_no_infix: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const map = new Map<string, string>();
  rows.forEach(({ record: fields, info }, index) => {
    if (index === 0 && /^name$/i.test(fields[0]?.trim() ?? '') && /^agencyid$/i.test(fields[1]?.trim() ?? '')) return;
    const [name, id] = [cleanAgencyName(fields[0] ?? ''), (fields[1] ?? '').trim()];
    if (fields.length !== 2 || !name || !id) throw new Error(`line ${info.lines}: expected two fields, name,agencyId; got ${JSON.stringify(fields.join(','))}`);
    map.set(name, id);
  });
  return map;
}
