// Worker thread: asks for chunks of agency pages and writes them until it gets an empty one
// (charts are CPU-bound; one renderer each).
import { parentPort, workerData } from 'node:worker_threads';
import { writeAgencyPage, type AgencyPageJob } from './agency-page.js';
import { disposeCharts } from './charts.js';

const { folder } = workerData as { folder: string };
const port = parentPort!;
const ask = () =>
  new Promise<AgencyPageJob[]>((resolve) => {
    port.once('message', resolve);
    port.postMessage('more');
  });
try {
  for (let jobs = await ask(); jobs.length > 0; jobs = await ask()) for (const job of jobs) writeAgencyPage(folder, job);
} finally {
  disposeCharts();
}
