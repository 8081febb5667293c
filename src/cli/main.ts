// The command line: xxgk parse | eval | schema. Exit 0 when all went well, 1 when some input
// failed (or eval fell below --min), 2 on a usage error.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { TOOL_VERSION } from '../version.js';
import { parseShard, type Shard } from '../batch/shard.js';
import type { ParseCommandOptions } from './parse.js';
// Each command's module is loaded when the command runs: a parse need not load eval's or
// schema's dependencies, which keeps the cold start short.

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0 && Number.isFinite(n))) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function shard(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function ratio(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('xxgk')
    .description('Typed, verified data from 政府信息公开工作年度报告 (DOCX, PDF, HTML, text)')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('parse')
    .description('parse reports into DIR: <name>.json each, reports.jsonl, reports.csv, failures.jsonl')
    .argument('<inputs...>', 'files or folders; - reads a list of paths from stdin')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-j, --jobs <n>', 'worker threads, files parsed at once', positiveInteger, availableParallelism())
    .option('--timeout <seconds>', 'time limit per file (E_TIMEOUT)', positiveNumber, 60)
    .option('--max-memory <mb>', 'heap limit per worker (E_TOO_LARGE)', positiveInteger, 1024)
    .option('--shard <i/n>', 'parse only shard i of n (1-based), split by a hash of each path', shard)
    .option('--retry-failed', 'parse again the inputs that failed in earlier runs into this folder')
    .option('-q, --quiet', 'without a terminal, a progress line every 100 files instead of one per file')
    .action(async (inputs: string[], options: ParseCommandOptions) => {
      exitCode = await (await import('./parse.js')).parseCommand(inputs, options);
    });

  program
    .command('eval')
    .description('compare a parse output folder with hand-read answers')
    .requiredOption('--gold <dir>', 'folder of *.gold.json answers')
    .argument('<out>', 'output folder of xxgk parse')
    .option('--min <ratio>', 'exit 1 when cell accuracy is below this, or agency/year/broken checks are wrong', ratio)
    .action(async (out: string, options: { gold: string; min?: number }) => {
      exitCode = await (await import('./eval.js')).evalCommand(options.gold, out, options);
    });

  program
    .command('schema')
    .description('print the JSON Schema of a report record')
    .action(async () => {
      exitCode = (await import('./schema.js')).schemaCommand();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}
