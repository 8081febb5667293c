// Worker thread: writes the agency pages it is given (charts are CPU-bound; one renderer each).
import { parentPort, workerData } from 'node:worker_threads';
import { writeAgencyPage, type AgencyPageJob } from './agency-page.js';
import { disposeCharts } from './charts.js';

const { folder, jobs } = workerData as { folder: string; jobs: AgencyPageJob[] };
try {
  for (const job of jobs) await writeAgencyPage(folder, job);
} finally {
  disposeCharts();
}
parentPort!.postMessage('done');
