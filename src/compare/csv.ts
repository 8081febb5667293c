// Writes a CSV file from a stream of rows, through a temporary name, so that a killed run leaves
// the previous file or the whole new one.
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { temporaryName } from '../output/atomic.js';
import { field } from '../output/csv.js';

const line = (row: readonly unknown[]) => row.map(field).join(',') + '\r\n';

export async function writeCsv(path: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  const temporary = temporaryName(path);
  const out = createWriteStream(temporary);
  let n = 0;
  try {
    out.write(line(columns));
    let chunk = '';
    for (const row of rows) {
      chunk += line(row);
      n++;
      if (chunk.length > 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    await rename(temporary, path);
    return n;
  } catch (error) {
    out.destroy();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
