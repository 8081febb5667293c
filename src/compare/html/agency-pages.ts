// Writes the agency pages across worker threads, one slice of agencies each. Where the compiled
// worker is not there (running from the TypeScript sources), or for few pages, in this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeAgencyPage, type AgencyPageJob } from './agency-page.js';
import { disposeCharts } from './charts.js';

const WORKER = new URL('./page-worker.js', import.meta.url);
/** Below this many pages a worker's start (loading the chart library) costs more than it saves. */
const MIN_PER_WORKER = 100;

export async function writeAgencyPages(folder: string, jobs: AgencyPageJob[], threads = availableParallelism()): Promise<void> {
  const workers = Math.min(threads, 8, Math.floor(jobs.length / MIN_PER_WORKER));
  if (workers < 2 || !existsSync(fileURLToPath(WORKER))) {
    try {
      for (const job of jobs) await writeAgencyPage(folder, job);
    } finally {
      disposeCharts();
    }
    return;
  }
  const size = Math.ceil(jobs.length / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, i) => jobs.slice(i * size, (i + 1) * size)).map(
      (slice) =>
        new Promise<void>((done, fail) => {
          const worker = new Worker(WORKER, { workerData: { folder, jobs: slice }, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
          let finished = false;
          worker.once('message', () => (finished = true));
          worker.once('error', fail);
          worker.once('exit', (code) => (finished && code === 0 ? done() : fail(new Error(`an agency page worker stopped (exit ${code})`))));
        }),
    ),
  );
}
