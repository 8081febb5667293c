// One agency's page (beyond PAGE_LIMIT agencies), written in this thread or in a worker.
import { join } from 'node:path';
import { writeFileAtomicSync } from '../../output/atomic.js';
import type { Agency } from '../model.js';
import { agencySection, document, methods } from './page.js';

export interface AgencyPageJob {
  agency: Agency;
  /** File name in the agencies folder. */
  name: string;
  anchor: string;
}

export function writeAgencyPage(folder: string, job: AgencyPageJob): void {
  const body = `<p><a href="../compare.html">← all agencies</a></p>\n${agencySection(job.agency, job.anchor)}\n${methods()}`;
  writeFileAtomicSync(join(folder, job.name), document(`${job.agency.agency ?? job.agency.agencyId} · xxgk compare`, body));
}
