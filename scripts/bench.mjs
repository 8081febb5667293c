// npm run bench [-- --files N] [-- --flat] [-- --no-compare]
// Generates a mixed corpus (HTML, DOCX, PDF, text; every file distinct bytes) in a temp folder,
// runs the built CLI over it and prints: reports/s, median worker ms per format, peak RSS of the
// process tree (sampled from /proc), 1 worker against 2, and the same files through text-only
// tools (pdftotext -layout, pandoc -t plain) where installed. --flat runs 1,000 and 10,000 files
// and compares their peak RSS. Run `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSpec, reportHtml } from './fixtures/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'xxgk.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FILES = option('--files', 600);
const FLAT = args.includes('--flat');
const COMPARE = !args.includes('--no-compare');
const JOBS = option('--jobs', availableParallelism());

// Shares of the corpus by format; bases are committed fixtures made from known seeds.
const MIX = [
  ['html', 0.3],
  ['docx', 0.25],
  ['pdf', 0.25],
  ['text', 0.2],
];
const fixtures = (folder, names) => names.map((n) => join(FIXTURES, folder, n)).filter(existsSync).map((p) => readFileSync(p));
const BASES = {
  docx: fixtures('docx', ['template-full.docx', 'page-break-header.docx', 'multi-paragraph-cells.docx', 'single-other.docx', 'libreoffice.docx']),
  pdf: fixtures('pdf', ['report.pdf', 'split.pdf', 'split-thead.pdf', 'cjk-font.pdf']),
  text: fixtures('text', ['tika-chinese.txt', 'tika-arabic.txt', 'markdown-chinese.md', 'layout-chinese.txt', 'tika-values.txt']),
};

/** The n-th file of a format, with bytes of its own (so no two inputs are deduplicated). */
function makeFile(format, n) {
  if (format === 'html') return ['html', Buffer.from(reportHtml(makeSpec(10_000 + n)))];
  const base = BASES[format][n % BASES[format].length];
  const tag = Buffer.from(`bench-${n}`.padEnd(16));
  if (format === 'pdf') return ['pdf', Buffer.concat([base, Buffer.from(`\n%${tag}\n`)])];
  if (format === 'text') return ['txt', Buffer.concat([base, Buffer.from(`\n编号：${tag}\n`)])];
  // DOCX: a zip comment in the end-of-central-directory record (its length field is the last 2 bytes).
  const docx = Buffer.from(base);
  docx.writeUInt16LE(tag.length, docx.length - 2);
  return ['docx', Buffer.concat([docx, tag])];
}

function makeCorpus(dir, files) {
  mkdirSync(dir, { recursive: true });
  const byFormat = {};
  let i = 0;
  for (const [format, share] of MIX) {
    const count = format === 'text' ? files - i : Math.round(files * share);
    byFormat[format] = [];
    for (let k = 0; k < count; k++, i++) {
      const [ext, bytes] = makeFile(format, i);
      const path = join(dir, `${String(i).padStart(6, '0')}.${ext}`);
      writeFileSync(path, bytes);
      byFormat[format].push(path);
    }
  }
  return byFormat;
}

// ── memory: the process tree's resident set, sampled ─────────────────────────────────────────

function children(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}
function rssKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
function treeRssKb(root) {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += rssKb(pid);
    stack.push(...children(pid));
  }
  return total;
}

/** Run the CLI; wall seconds and the peak summed RSS of its process tree (parent, batch child with its worker threads). */
async function runXxgk(inputArgs, out, jobs, stdin = '') {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'parse', ...inputArgs, '-o', out, '--jobs', String(jobs), '--quiet'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(stdin);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid))), 100);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0 && code !== 1) throw new Error(`xxgk exited ${code}:\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, stderr };
}

function manifestStats(out) {
  const byFormat = {};
  let failed = 0;
  for (const line of readFileSync(join(out, 'manifest.jsonl'), 'utf8').split('\n')) {
    if (!line.includes('"path"')) continue;
    const e = JSON.parse(line);
    if (e.status !== 'ok') failed++;
    else (byFormat[e.format] ??= []).push(e.ms);
  }
  return { byFormat, failed };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** Median wall ms per file of a command-line tool over up to 60 files, or null when not installed. */
function toolMedian(command, argsFor, files) {
  if (spawnSync(command, ['--version'], { stdio: 'ignore' }).error) return null;
  const times = [];
  for (const file of files.slice(0, 60)) {
    const t = performance.now();
    const r = spawnSync(command, argsFor(file), { stdio: 'ignore' });
    if (r.status === 0) times.push(performance.now() - t);
  }
  return median(times);
}

async function bench(files) {
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    const corpus = join(tmp, 'corpus');
    const byFormat = makeCorpus(corpus, files);
    console.log(`corpus: ${files} files (${Object.entries(byFormat).map(([f, l]) => `${f} ${l.length}`).join(', ')}) in ${corpus}`);

    const run = await runXxgk([corpus], join(tmp, `out-${JOBS}`), JOBS);
    const stats = manifestStats(join(tmp, `out-${JOBS}`));
    const rate = files / run.seconds;
    console.log(`\n${JOBS} workers: ${run.seconds.toFixed(1)} s wall (startup included), ${rate.toFixed(1)} reports/s, peak RSS ${run.peakMb.toFixed(0)} MB (process tree), ${stats.failed} failed`);
    const medians = Object.fromEntries(Object.entries(stats.byFormat).map(([f, ms]) => [f, median(ms)]));
    console.log(`median worker ms per file: ${Object.entries(medians).map(([f, m]) => `${f} ${m}`).join(', ')}`);
    const result = { files, seconds: run.seconds, rate, peakMb: run.peakMb, medians };

    if (COMPARE && JOBS > 1) {
      const one = await runXxgk([corpus], join(tmp, 'out-1'), 1);
      result.speedup = one.seconds / run.seconds;
      console.log(`1 worker: ${one.seconds.toFixed(1)} s, ${(files / one.seconds).toFixed(1)} reports/s, peak RSS ${one.peakMb.toFixed(0)} MB → ${JOBS} workers are ${result.speedup.toFixed(2)}× one`);
    }
    if (COMPARE) {
      const tools = [
        ['pdf', 'pdftotext', (f) => ['-layout', f, '-'], byFormat.pdf],
        ['docx', 'pandoc', (f) => ['-t', 'plain', f], byFormat.docx],
        ['html', 'pandoc', (f) => ['-f', 'html', '-t', 'plain', f], byFormat.html],
      ];
      for (const [format, command, argsFor, list] of tools) {
        const m = toolMedian(command, argsFor, list);
        if (m === null) console.log(`${command}: not installed, skipped`);
        else console.log(`${format}: ${command} median ${m.toFixed(0)} ms per file (process included) vs xxgk ${medians[format]} ms → xxgk/${command} = ${(medians[format] / m).toFixed(2)}`);
      }
    }
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function flat() {
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-flat-'));
  try {
    const corpus = join(tmp, 'corpus');
    makeCorpus(corpus, 10_000);
    const all = readdirSync(corpus).sort().map((n) => join(corpus, n));
    // 1,000 files spread over the same mix: every tenth file, given as a list on stdin.
    const small = await runXxgk(['-'], join(tmp, 'out-1k'), JOBS, all.filter((_, i) => i % 10 === 0).join('\n') + '\n');
    console.log(`1,000 files: ${small.seconds.toFixed(0)} s, ${(1000 / small.seconds).toFixed(1)} reports/s, peak RSS ${small.peakMb.toFixed(0)} MB`);
    const large = await runXxgk([corpus], join(tmp, 'out-10k'), JOBS);
    console.log(`10,000 files: ${large.seconds.toFixed(0)} s, ${(10_000 / large.seconds).toFixed(1)} reports/s, peak RSS ${large.peakMb.toFixed(0)} MB`);
    console.log(`peak RSS 10k/1k: ${(large.peakMb / small.peakMb).toFixed(2)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('run npm run build first');
  process.exit(2);
}
if (FLAT) await flat();
else await bench(FILES);
