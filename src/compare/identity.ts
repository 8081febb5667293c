// The agency a record belongs to. A record written by this version carries meta.agencyId; older
// records, and every record when the user gives a mapping file, go through the resolver.
import { resolveAgency, type AgencyIdentity, type AgencyOverrides } from '../normalize/agency/index.js';
import type { Report } from '../schema.js';

export function identityOf(report: Report, overrides?: AgencyOverrides): AgencyIdentity {
  const { regionCode, regionName, agencyId } = report.meta;
  if (agencyId && !overrides) return { regionCode, regionName, agencyId };
  const resolved = resolveAgency(report.meta.agency, { overrides }).value;
  return {
    agencyId: resolved.agencyId ?? agencyId,
    regionCode: resolved.regionCode ?? regionCode,
    regionName: resolved.regionName ?? regionName,
  };
}
