// xxgk parse <files or folders…> -o DIR
import PQueue from 'p-queue';
import { toFailure } from '../errors.js';
import { OutputWriter } from '../output/writer.js';
import { parseFile } from '../pipeline.js';
import { walkInputs } from './inputs.js';
import { Summary } from './summary.js';

export interface ParseCommandOptions {
  out: string;
  jobs: number;
  quiet?: boolean;
}

export async function parseCommand(inputs: string[], options: ParseCommandOptions): Promise<number> {
  const writer = await OutputWriter.create(options.out);
  const summary = new Summary();
  const queue = new PQueue({ concurrency: options.jobs });
  for await (const path of walkInputs(inputs)) {
    // Backpressure: never queue more than a few files ahead of the workers.
    await queue.onSizeLessThan(options.jobs * 2);
    void queue.add(async () => {
      try {
        const report = await parseFile(path);
        await writer.report(report);
        summary.parsed(report);
        if (!options.quiet) process.stderr.write(`ok    ${path}\n`);
      } catch (error) {
        const failure = { path, ...toFailure(error) };
        writer.failure(failure);
        summary.failed(failure.code);
        if (!options.quiet) process.stderr.write(`FAIL  ${path}: ${failure.code} ${failure.message}\n`);
      }
    });
  }
  await queue.onIdle();
  await writer.close();
  process.stderr.write(summary.text());
  return summary.failures > 0 ? 1 : 0;
}
