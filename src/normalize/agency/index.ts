// Agency identity: region code, place name and a stable id for the body, from its name.
// INTERFACE ONLY in this commit: the gazetteer-backed resolver replaces the body (issue 10).
import type { Warning } from '../../schema.js';

export interface AgencyIdentity {
  regionCode: string | null;
  regionName: string | null;
  agencyId: string | null;
}

/** A user's mapping (CSV `name,agencyId`): names as written → the id to use. */
export type AgencyOverrides = ReadonlyMap<string, string>;

export interface ResolveOptions {
  overrides?: AgencyOverrides;
}

export function resolveAgency(agency: string | null, _options: ResolveOptions = {}): { value: AgencyIdentity; warnings: Warning[] } {
  void agency;
  return { value: { regionCode: null, regionName: null, agencyId: null }, warnings: [] };
}

export function parseAgencyOverrides(csv: string): AgencyOverrides {
  const map = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [name, id] = line.split(',').map((s) => s.trim());
    if (name && id) map.set(name, id);
  }
  return map;
}
