// npm run bench [-- --files N] [-- --flat] [-- --no-compare] [-- --office] [-- --root DIR …] [-- --node-flag F …] [-- --keep DIR]
// Generates a mixed corpus (HTML, DOCX, PDF, text; every file distinct bytes) in a temp folder,
// runs the built CLI over it and prints: reports/s, median worker ms per format, peak RSS of the
// process tree (sampled from /proc), 1 worker against 2, and the same files through text-only
// tools (pdftotext -layout, pandoc -t plain) where installed. --flat runs 1,000 and 10,000 files
// and compares their peak RSS. Run `npm run build` first.
// --office: the DOCX and PDF are made as sites make them (scripts/fixtures/office.mjs):
// LibreOffice-written DOCX and PDF and Chromium-printed PDF (skipped with a note where soffice or
// chromium is missing), and the text-only tools run over the whole corpus two at a time, so the
// ratio is wall to wall, cold. --root DIR (repeatable) benches another built checkout on the same
// corpus in the same run (A/B).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSpec, reportHtml } from './fixtures/report.mjs';
import { officeReports } from './fixtures/office.mjs';

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
const OFFICE = args.includes('--office');
const ROOTS = args.flatMap((a, i) => (a === '--root' ? [args[i + 1]] : []));
const BINS = [join(ROOT, 'bin', 'xxgk.js'), ...ROOTS.map((r) => join(r, 'bin', 'xxgk.js'))];
// --node-flag F (repeatable): a Node or V8 flag for the CLI's processes (they all inherit it), for experiments.
const NODE_FLAGS = args.flatMap((a, i) => (a === '--node-flag' ? [args[i + 1]] : []));
// --keep DIR: write the corpus there and leave it (for profiling the same files afterwards).
const KEEP = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : null;

// Shares of the corpus by format; bases are committed fixtures made from known seeds.
const MIX = OFFICE
  ? [
      ['html', 0.25],
      ['docx', 0.25],
      ['pdf', 0.25],
      ['text', 0.25],
    ]
  : [
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

if (OFFICE) {
  const office = officeReports(8);
  for (const note of office.notes) console.log(`note: ${note}`);
  // PDF: LibreOffice and Chromium by turns; a kind that could not be made keeps the fixtures.
  const pdf = Array.from({ length: 8 }, (_, i) => [office.pdfLibreOffice[i], office.pdfChromium[i]]).flat().filter(Boolean);
  if (office.docx.length) BASES.docx = office.docx.map((r) => r.bytes);
  if (pdf.length) BASES.pdf = pdf.map((r) => r.bytes);
  BASES.html = office.html.map((r) => r.bytes);
}

/** The n-th file of a format, with bytes of its own (so no two inputs are deduplicated). */
function makeFile(format, n) {
  if (format === 'html' && BASES.html) return ['html', Buffer.concat([BASES.html[n % BASES.html.length], Buffer.from(`<!-- bench-${n} -->\n`)])];
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
function memoryKb(pid) {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    // PSS: each shared page (the node binary, mapped by every process) split among its users.
    const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? rss);
    return { rss, pss };
  } catch {
    return { rss: 0, pss: 0 };
  }
}
/** The process tree's resident memory: RSS summed per process (counts shared pages once per
 *  process), and PSS summed (counts each page once). */
function treeKb(root) {
  const total = { rss: 0, pss: 0 };
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    const m = memoryKb(pid);
    total.rss += m.rss;
    total.pss += m.pss;
    stack.push(...children(pid));
  }
  return total;
}

/** Run the CLI; wall seconds and the peak summed RSS of its process tree (parent, batch child with its worker threads). */
async function runXxgk(inputArgs, out, jobs, stdin = '', bin = BIN) {
  const started = performance.now();
  const child = spawn(...timed([process.execPath, ...NODE_FLAGS, bin, 'parse', ...inputArgs, '-o', out, '--jobs', String(jobs), '--quiet']), { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(stdin);
  let peak = 0;
  let peakPss = 0;
  const sampler = setInterval(() => {
    const m = treeKb(child.pid);
    peak = Math.max(peak, m.rss);
    peakPss = Math.max(peakPss, m.pss);
  }, 100);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0 && code !== 1) throw new Error(`xxgk exited ${code}:\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, peakPssMb: peakPss / 1024, stderr, cpu: cpuSeconds(stderr) };
}

// CPU seconds (user + system, the process and the children it waited for) through
// /usr/bin/time where installed: on a shared machine the wall clock measures the neighbours too.
const TIME = existsSync('/usr/bin/time');
const timed = (argv) => (TIME ? ['/usr/bin/time', ['-f', 'cpu-seconds %U %S', ...argv]] : [argv[0], argv.slice(1)]);
function cpuSeconds(stderr) {
  const m = /cpu-seconds ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return m ? Number(m[1]) + Number(m[2]) : null;
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

/** Wall seconds of the text-only tools over every file, JOBS at a time (cat for text), or null
 *  when pdftotext or pandoc is missing. */
function toolsWall(byFormat) {
  if (['pdftotext', 'pandoc'].some((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).error)) {
    console.log('pdftotext or pandoc not installed: tools comparison skipped');
    return null;
  }
  const commands = [
    ...byFormat.pdf.map((f) => ['pdftotext', '-layout', f, '-']),
    ...byFormat.docx.map((f) => ['pandoc', '-t', 'plain', f]),
    ...byFormat.html.map((f) => ['pandoc', '-f', 'html', '-t', 'plain', f]),
    ...byFormat.text.map((f) => ['cat', f]),
  ];
  const script = 'let i = 0; const cmds = JSON.parse(process.argv[1]); const { spawn } = require("node:child_process");' +
    'const next = () => { const c = cmds[i++]; if (!c) return; spawn(c[0], c.slice(1), { stdio: "ignore" }).on("close", next); };' +
    `for (let k = 0; k < ${JOBS}; k++) next();`;
  const started = performance.now();
  const run = spawnSync(...timed([process.execPath, '-e', script, JSON.stringify(commands)]), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return { seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(run.stderr ?? '') };
}

async function bench(files) {
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    const corpus = KEEP ?? join(tmp, 'corpus');
    const byFormat = makeCorpus(corpus, files);
    console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`corpus: ${files} files (${Object.entries(byFormat).map(([f, l]) => `${f} ${l.length}`).join(', ')}) in ${corpus}`);

    let result;
    for (const [k, bin] of BINS.entries()) {
      const label = BINS.length > 1 ? `[${k === 0 ? 'this checkout' : ROOTS[k - 1]}] ` : '';
      const run = await runXxgk([corpus], join(tmp, `out-${JOBS}-${k}`), JOBS, '', bin);
      const stats = manifestStats(join(tmp, `out-${JOBS}-${k}`));
      const rate = files / run.seconds;
      console.log(`\n${label}${JOBS} workers: ${run.seconds.toFixed(1)} s wall (startup included), ${rate.toFixed(1)} reports/s, peak RSS ${run.peakMb.toFixed(0)} MB (process tree; PSS ${run.peakPssMb.toFixed(0)} MB), ${stats.failed} failed, load average ${loadavg()[0].toFixed(1)}`);
      const medians = Object.fromEntries(Object.entries(stats.byFormat).map(([f, ms]) => [f, median(ms)]));
      console.log(`${label}median worker ms per file: ${Object.entries(medians).map(([f, m]) => `${f} ${m}`).join(', ')}`);
      if (run.cpu) console.log(`${label}CPU: ${run.cpu.toFixed(1)} s, ${(files / run.cpu).toFixed(1)} reports per CPU-second`);
      result ??= { files, seconds: run.seconds, rate, peakMb: run.peakMb, medians };
      if (OFFICE && COMPARE) {
        const tools = toolsWall(byFormat);
        if (tools) {
          console.log(`${label}text-only tools over the same ${files} files, ${JOBS} at a time: ${tools.seconds.toFixed(1)} s → xxgk/tools = ${(run.seconds / tools.seconds).toFixed(2)} (wall)`);
          if (run.cpu && tools.cpu) console.log(`${label}CPU: xxgk ${run.cpu.toFixed(1)} s (${(files / run.cpu).toFixed(1)} reports per CPU-second), tools ${tools.cpu.toFixed(1)} s → xxgk/tools = ${(run.cpu / tools.cpu).toFixed(2)} (CPU)`);
        }
      }
    }
    const { medians } = result;
    if (OFFICE) return result;

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
    for (const [k, bin] of BINS.entries()) {
      const label = BINS.length > 1 ? `[${k === 0 ? 'this checkout' : ROOTS[k - 1]}] ` : '';
      // 1,000 files spread over the same mix: every tenth file, given as a list on stdin.
      const small = await runXxgk(['-'], join(tmp, `out-1k-${k}`), JOBS, all.filter((_, i) => i % 10 === 0).join('\n') + '\n', bin);
      console.log(`${label}1,000 files: ${small.seconds.toFixed(0)} s, ${(1000 / small.seconds).toFixed(1)} reports/s, peak RSS ${small.peakMb.toFixed(0)} MB (PSS ${small.peakPssMb.toFixed(0)} MB)`);
      const large = await runXxgk([corpus], join(tmp, `out-10k-${k}`), JOBS, '', bin);
      console.log(`${label}10,000 files: ${large.seconds.toFixed(0)} s, ${(10_000 / large.seconds).toFixed(1)} reports/s, peak RSS ${large.peakMb.toFixed(0)} MB (PSS ${large.peakPssMb.toFixed(0)} MB)`);
      console.log(`${label}peak RSS 10k/1k: ${(large.peakMb / small.peakMb).toFixed(2)} (PSS ${(large.peakPssMb / small.peakPssMb).toFixed(2)})`);
      rmSync(join(tmp, `out-1k-${k}`), { recursive: true, force: true });
      rmSync(join(tmp, `out-10k-${k}`), { recursive: true, force: true });
    }
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
