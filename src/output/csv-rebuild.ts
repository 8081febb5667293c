// reports.csv again from reports.jsonl, for a folder an older xxgk wrote with other columns: a
// rerun into it rewrites the CSV with this version's columns instead of refusing the folder.
// Records written before the agency identity existed get it resolved from their agency name,
// as `xxgk compare` does, so the new columns are filled for old rows too.
import { createReadStream } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { resolveAgency, type AgencyOverrides } from '../normalize/agency/index.js';
import { Report } from '../schema.js';
import { temporaryName } from './atomic.js';
import { csvHeader, csvRow } from './csv.js';

/** A line of reports.jsonl that is not a record of this tool. */
export class UnreadableRecordError extends Error {}

export interface RebuiltCsv {
  /** The new file, not yet in place: rename it over reports.csv once its length is committed. */
  temporary: string;
  bytes: number;
  rows: number;
}

/** Write the CSV of the first `length` bytes of a reports.jsonl to a temporary file beside `csvPath`, fsync'd. */
export async function rebuildCsv(jsonlPath: string, length: number, csvPath: string, agencies?: AgencyOverrides): Promise<RebuiltCsv> {
  const temporary = temporaryName(csvPath);
  const out = await open(temporary, 'w');
  let bytes = 0;
  let rows = 0;
  const write = async (text: string) => {
    const data = Buffer.from(text);
    await out.write(data);
    bytes += data.length;
  };
  let ok = false;
  try {
    await write(csvHeader());
    if (length > 0) {
      const lines = createInterface({ input: createReadStream(jsonlPath, { end: length - 1 }), crlfDelay: Infinity });
      let chunk = '';
      for await (const line of lines) {
        if (!line) continue;
        chunk += csvRow(withIdentity(line, rows + 1, agencies));
        rows++;
        if (chunk.length > 1 << 20) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(chunk);
    }
    await out.sync();
    ok = true;
  } finally {
    await out.close();
    if (!ok) await unlink(temporary).catch(() => undefined);
  }
  return { temporary, bytes, rows };
}

/** The record as this version reads it, with the agency identity resolved where it has none. */
function withIdentity(line: string, number: number, agencies?: AgencyOverrides): Report {
  let raw: { meta?: Record<string, unknown> };
  try {
    raw = JSON.parse(line);
  } catch {
    throw new UnreadableRecordError(`line ${number} of reports.jsonl is not JSON`);
  }
  const parsed = Report.safeParse(raw);
  if (!parsed.success) throw new UnreadableRecordError(`line ${number} of reports.jsonl is not a record xxgk can read`);
  const report = parsed.data;
  if (raw.meta && !('agencyId' in raw.meta)) {
    const { regionCode, regionName, agencyId } = resolveAgency(report.meta.agency ?? null, { overrides: agencies }).value;
    report.meta = { ...report.meta, regionCode, regionName, agencyId };
  }
  return report;
}
