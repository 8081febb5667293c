// The output folder of a parse run: DIR/<name>.json per report, reports.jsonl, reports.csv and
// failures.jsonl. The three run files are written under temporary names and renamed at close,
// so a killed run never leaves a half-written file under a final name.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Failure, Report } from '../schema.js';
import { writeFileAtomic, temporaryName } from './atomic.js';
import { csvHeader, csvRow } from './csv.js';

interface RunFile {
  path: string;
  temporary: string;
  stream: WriteStream;
}

function open(path: string, header = ''): RunFile {
  const temporary = temporaryName(path);
  const stream = createWriteStream(temporary);
  if (header) stream.write(header);
  return { path, temporary, stream };
}

async function close(file: RunFile): Promise<void> {
  await new Promise<void>((resolve, reject) => file.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(file.temporary, file.path);
}

/** A file name for a report's JSON from its input name: "报告.pdf" → "报告.json". */
export function reportFileName(sourcePath: string): string {
  const base = basename(sourcePath, extname(sourcePath)).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'report';
  return `${base}.json`;
}

export class OutputWriter {
  private readonly names = new Set<string>();
  private constructor(
    readonly dir: string,
    private readonly jsonl: RunFile,
    private readonly csv: RunFile,
    private readonly failures: RunFile,
  ) {}

  static async create(dir: string): Promise<OutputWriter> {
    await mkdir(dir, { recursive: true });
    return new OutputWriter(dir, open(join(dir, 'reports.jsonl')), open(join(dir, 'reports.csv'), csvHeader()), open(join(dir, 'failures.jsonl')));
  }

  async report(report: Report): Promise<string> {
    let name = reportFileName(report.source.path);
    // Two inputs with one base name (a/报告.pdf, b/报告.pdf) must not overwrite each other.
    if (this.names.has(name)) name = name.replace(/\.json$/, `-${report.source.sha256.slice(0, 8)}.json`);
    this.names.add(name);
    const path = join(this.dir, name);
    await writeFileAtomic(path, JSON.stringify(report, null, 2) + '\n');
    this.jsonl.stream.write(JSON.stringify(report) + '\n');
    this.csv.stream.write(csvRow(report));
    return path;
  }

  failure(failure: Failure): void {
    this.failures.stream.write(JSON.stringify(failure) + '\n');
  }

  async close(): Promise<void> {
    await Promise.all([close(this.jsonl), close(this.csv), close(this.failures)]);
  }
}
