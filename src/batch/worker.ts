// The entry of a parse worker thread (piscina loads the built dist/batch/worker.js). The record
// is serialized here, so the single parent thread only writes strings.
import { performance } from 'node:perf_hooks';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { toFailure, XxgkError } from '../errors.js';
import { csvRow } from '../output/csv.js';
import { parseBytes } from '../pipeline.js';
import { workerData } from 'piscina';
import type { WorkerSetup } from './pool.js';
import type { ParseOutcome, ParseTask } from './protocol.js';

// The user's agency mapping (xxgk parse --agencies), sent once when the thread starts.
const agencies = new Map((workerData as WorkerSetup | undefined)?.agencies ?? []);
const utf8 = new TextEncoder();

export default async function parseTask(task: ParseTask): Promise<ParseOutcome> {
  const started = performance.now();
  task.started.postMessage(0);
  task.started.close();
  try {
    const report = await parseBytes(task.bytes, { path: task.path, agencies, fetched: task.fetched, contentType: task.contentType });
    const json = utf8.encode(JSON.stringify(report, null, 2) + '\n');
    const line = utf8.encode(JSON.stringify(report) + '\n');
    const outcome: ParseOutcome = {
      ok: true,
      format: report.source.format,
      json,
      line,
      csv: csvRow(report),
      warnings: report.warnings.map((w) => w.code),
      checksFailed: report.checks.filter((c) => c.ok === false && !c.soft).length,
      ms: performance.now() - started,
    };
    // Transfer the two buffers with the outcome (piscina's Transferable protocol).
    return move({ [transferableSymbol]: [json.buffer, line.buffer], [valueSymbol]: outcome } as never) as unknown as ParseOutcome;
  } catch (error) {
    return { ok: false, ...toFailure(resourceError(error) ?? error), ms: performance.now() - started };
  }
}

// Exhausted stacks and string or buffer sizes mean the input is too big or too deep for us,
// not that xxgk has a bug.
function resourceError(error: unknown): XxgkError | undefined {
  if (!(error instanceof RangeError)) return undefined;
  if (/call stack|string length|array buffer allocation|array length|buffer/i.test(error.message))
    return new XxgkError('E_TOO_LARGE', `the input exhausted a parser limit: ${error.message}`);
  return undefined;
}
