// Worker thread: writes the chunks of agency pages it is sent until it gets an empty one (charts
// are CPU-bound; one renderer each). It asks for the next chunk as it starts one, so that it does
// not wait while the main thread is busy writing the CSVs.
import { parentPort, workerData } from 'node:worker_threads';
import { writeAgencyPage, type AgencyPageJob } from './agency-page.js';
import { disposeCharts } from './charts.js';

const { folder } = workerData as { folder: string };
const port = parentPort!;
const received: AgencyPageJob[][] = [];
let wake: (() => void) | undefined;
const receive = (jobs: AgencyPageJob[]) => {
  received.push(jobs);
  wake?.();
};
port.on('message', receive);
const next = async () => {
  while (received.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  return received.shift()!;
};
port.postMessage('more');
try {
  for (let jobs = await next(); jobs.length > 0; jobs = await next()) {
    port.postMessage('more');
    for (const job of jobs) writeAgencyPage(folder, job);
  }
} finally {
  port.off('message', receive);
  disposeCharts();
}
