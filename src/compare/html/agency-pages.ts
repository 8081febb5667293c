// Writes the agency pages across worker threads, handed out in small chunks to whichever worker
// asks next, while this thread writes the CSVs and the Markdown. This thread renders none itself:
// measured, that cost more CPU (GC over its large heap) than it saved. Where the compiled worker is
// not there (running from the TypeScript sources), or for few pages, all in this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeAgencyPage, type AgencyPageJob } from './agency-page.js';
import { disposeCharts } from './charts.js';

const WORKER = new URL('./page-worker.js', import.meta.url);
/** Below this many pages a worker's start (loading the chart library) costs more than it saves. */
const MIN_PER_WORKER = 100;
/** Pages per hand-out: about a third of a second of charts, small next to a message's cost. */
const CHUNK = 20;

export async function writeAgencyPages(folder: string, jobs: AgencyPageJob[], threads = availableParallelism()): Promise<void> {
  let next = 0;
  const take = () => jobs.slice(next, (next += CHUNK));
  const here = async () => {
    try {
      for (let chunk = take(); chunk.length > 0; chunk = take()) for (const job of chunk) writeAgencyPage(folder, job);
    } finally {
      disposeCharts();
    }
  };
  const workers = Math.min(threads, 8, Math.floor(jobs.length / MIN_PER_WORKER));
  if (workers < 2 || !existsSync(fileURLToPath(WORKER))) return here();
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const inWorker = () =>
    new Promise<void>((done, fail) => {
      const worker = new Worker(WORKER, { workerData: { folder }, execArgv });
      let finished = false;
      worker.on('message', () => {
        const chunk = take();
        finished = chunk.length === 0;
        worker.postMessage(chunk);
      });
      worker.once('error', fail);
      worker.once('exit', (code) => (finished && code === 0 ? done() : fail(new Error(`an agency page worker stopped (exit ${code})`))));
    });
  const running = Array.from({ length: workers }, inWorker);
  const settled = await Promise.allSettled(running);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
