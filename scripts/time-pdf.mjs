// Time and memory per PDF, beside `pdftotext -layout` on the same files. Each PDF gets a process
// of its own (so that peak RSS is that file's): one cold parse, then warm parses; pdftotext runs
// as many times, process start included.
// Run after a build: node scripts/time-pdf.mjs [files…]   (default: ../shared/corpus/real/*.pdf)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 10;
const corpus = path.join(ROOT, '..', 'shared', 'corpus', 'real');
const files = process.argv.length > 2 ? process.argv.slice(2) : existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.pdf')).map((f) => path.join(corpus, f)) : [];
if (files.length === 0) {
  console.log('no PDFs given and no ../shared/corpus/real');
  process.exit(0);
}

// In the child: parse one file RUNS + 1 times, print { cold, times, rss } as JSON.
const CHILD = `
import { readFileSync } from 'node:fs';
import { parseBytes } from ${JSON.stringify(path.join(ROOT, 'dist', 'pipeline.js'))};
const bytes = readFileSync(process.argv[1]);
const times = [];
let cold;
for (let i = 0; i <= ${RUNS}; i++) {
  const t = performance.now();
  await parseBytes(new Uint8Array(bytes), { path: process.argv[1] });
  const ms = performance.now() - t;
  if (i === 0) cold = ms; else times.push(ms);
}
process.stdout.write(JSON.stringify({ cold, times, rss: process.resourceUsage().maxRSS / 1024 }));
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasTime = existsSync('/usr/bin/time');
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

console.log('| file | xxgk warm median (min) | cold | peak RSS | pdftotext -layout median | its peak RSS | ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const file of files) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, file], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.log(`| ${path.basename(file)} | failed: ${child.stderr.trim().split('\n').at(-1)} |`);
    continue;
  }
  const { cold, times, rss } = JSON.parse(child.stdout);
  let tool = '–';
  let toolRss = '–';
  let ratio = '–';
  if (hasPdftotext) {
    const toolTimes = [];
    let peak = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const run = hasTime ? spawnSync('/usr/bin/time', ['-f', '%M', 'pdftotext', '-layout', file, '-'], { encoding: 'utf8' }) : spawnSync('pdftotext', ['-layout', file, '-']);
      toolTimes.push(performance.now() - t);
      if (hasTime) peak = Math.max(peak, Number(run.stderr.trim().split('\n').at(-1)) / 1024);
    }
    tool = `${median(toolTimes).toFixed(0)} ms`;
    toolRss = hasTime ? `${peak.toFixed(0)} MB` : '–';
    ratio = (median(times) / median(toolTimes)).toFixed(1);
  }
  console.log(`| ${path.basename(file)} | ${median(times).toFixed(0)} (${Math.min(...times).toFixed(0)}) ms | ${cold.toFixed(0)} ms | ${rss.toFixed(0)} MB | ${tool} | ${toolRss} | ${ratio}× |`);
}
