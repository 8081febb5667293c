// The command line: xxgk parse | fetch | eval | schema. Exit 0 when all went well, 1 when some input
// failed (or eval fell below --min), 2 on a usage error.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { TOOL_VERSION } from '../version.js';
import type { CompareCommandOptions } from './compare.js';
import type { FetchCommandOptions } from './fetch.js';
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
    .option('--agencies <file>', 'CSV name,agencyId: the agencyId to give bodies renamed or merged (names as printed, or computed ids)')
    .option('-q, --quiet', 'without a terminal, a progress line every 100 files instead of one per file')
    .action(async (inputs: string[], options: ParseCommandOptions) => {
      exitCode = await (await import('./parse.js')).parseCommand(inputs, options);
    });

  program
    .command('fetch')
    .description('download new reports from government sites, politely, and parse them into DIR (as parse does; bytes in DIR/raw)')
    .argument('[urls...]', 'column pages, detail or report pages, or attachments')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--list <file>', 'a file of URLs, one a line')
    .option('--sites <file>', 'a JSON list of sites: { url, kind?, title?, allowHosts?, delay? }')
    .option('--allow-host <pattern>', 'also fetch from hosts matching this (e.g. *.gov.cn); repeatable', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--delay <seconds>', 'at least this long between requests to one host', positiveNumber, 1)
    .option('--contact <url-or-email>', 'a contact for site operators, sent in the User-Agent')
    .option('--dry-run', 'print the reports that would be downloaded; write nothing')
    .option('--retry-failed', 'try again the URLs and reports that failed in earlier runs into this folder')
    .option('--http-timeout <seconds>', 'limit for connecting, for response headers and for a stalled body, each (E_TIMEOUT)', positiveNumber, 30)
    .option('--max-size <mb>', 'size cap per response (E_TOO_LARGE)', positiveNumber, 100)
    .option('--max-crawl-delay <seconds>', 'a robots.txt Crawl-delay above this is capped to it', positiveNumber, 60)
    .option('-j, --jobs <n>', 'worker threads, files parsed at once', positiveInteger, availableParallelism())
    .option('--timeout <seconds>', 'parse time limit per file (E_TIMEOUT)', positiveNumber, 60)
    .option('--max-memory <mb>', 'heap limit per parse worker (E_TOO_LARGE)', positiveInteger, 1024)
    .option('-q, --quiet', 'a progress line every 100 files instead of one per file')
    .action(async (urls: string[], options: FetchCommandOptions) => {
      exitCode = await (await import('./fetch.js')).fetchCommand(urls, options);
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
    .command('compare')
    .description('one row per agency and year, changes, continuity, conflicts, compare.md and compare.html in DIR')
    .argument('<inputs...>', 'parse output folders, reports.jsonl files, or report files (parsed into DIR/parsed)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--agency <text>', 'agencies whose name contains this, or whose id is this')
    .option('--region <code>', 'agencies whose region code starts with this (3208: all of 淮安市)')
    .option('--level <level>', 'national, provincial, city, county, township or department')
    .option('--years <range>', 'years covered, e.g. 2021-2024, 2021-, 2023')
    .option('--agencies <file>', 'CSV name,agencyId mapping names to ids (renamed or merged bodies)')
    .action(async (inputs: string[], options: CompareCommandOptions) => {
      // Loaded on use: the chart renderer would slow every other command's start.
      const { compareCommand } = await import('./compare.js');
      exitCode = await compareCommand(inputs, options);
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
