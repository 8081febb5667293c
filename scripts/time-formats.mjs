// Warm median ms per format in one process (parseBytes: parse, normalize, validate), and the cold
// start of `xxgk parse` on one HTML file, beside pdftotext -layout / pandoc -t plain on the same
// files in the same run. Reports are made as sites make them (scripts/fixtures/office.mjs):
// LibreOffice-written DOCX and PDF, Chromium-printed PDF, HTML pages; text is the bench's.
// Run after a build: node scripts/time-formats.mjs [--rounds N] [--cold N] [--root DIR ...]
// Each --root is another built checkout (its dist/ and bin/) timed in the same run, for A/B.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officeReports } from './fixtures/office.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ROUNDS = option('--rounds', 5);
const COLD = option('--cold', 7);
const roots = args.flatMap((a, i) => (a === '--root' ? [args[i + 1]] : []));
if (!roots.length) roots.push(ROOT);

const office = officeReports(8);
for (const note of office.notes) console.log(`note: ${note}`);
const FIX = join(ROOT, 'test', 'fixtures');
const text = ['tika-chinese.txt', 'tika-arabic.txt', 'markdown-chinese.md', 'layout-chinese.txt', 'tika-values.txt'].map((n) => join(FIX, 'text', n));

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-time-'));
const put = (list, kind) =>
  list.map(({ name, bytes }) => {
    const file = join(tmp, `${kind}-${name}`);
    writeFileSync(file, bytes);
    return file;
  });
const kinds = {
  'docx (LibreOffice)': put(office.docx, 'd'),
  'pdf (LibreOffice)': put(office.pdfLibreOffice, 'p'),
  'pdf (Chromium)': put(office.pdfChromium, 'c'),
  html: put(office.html, 'h'),
  text,
};

// In a child per root: every file once cold, then ROUNDS warm rounds; median per kind.
const CHILD = `
import { readFileSync } from 'node:fs';
const { parseBytes } = await import(process.argv[1] + '/dist/pipeline.js');
const kinds = JSON.parse(process.argv[2]);
const rounds = Number(process.argv[3]);
const out = {};
for (const [kind, files] of Object.entries(kinds)) {
  const bytes = files.map((f) => readFileSync(f));
  const times = [];
  let cpu = 0;
  for (let r = 0; r <= rounds; r++) for (const [i, b] of bytes.entries()) {
    const t = performance.now();
    const c = process.cpuUsage();
    await parseBytes(new Uint8Array(b), { path: files[i] });
    if (r > 0) {
      times.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu += (d.user + d.system) / 1000;
    }
  }
  times.sort((a, b) => a - b);
  out[kind] = times[Math.floor(times.length / 2)];
  out[kind + ' cpu'] = cpu / times.length;
}
out.rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(out));
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function toolMs(command, argsFor, files) {
  if (spawnSync(command, ['--version'], { stdio: 'ignore' }).error) return null;
  const times = [];
  for (let r = 0; r < 3; r++)
    for (const f of files) {
      const t = performance.now();
      spawnSync(command, argsFor(f), { stdio: 'ignore' });
      times.push(performance.now() - t);
    }
  return median(times);
}

function coldStart(root) {
  const out = join(tmp, 'cold-out');
  const times = [];
  const cpus = [];
  const time = existsSync('/usr/bin/time');
  for (let i = 0; i < COLD; i++) {
    rmSync(out, { recursive: true, force: true });
    const argv = [process.execPath, join(root, 'bin', 'xxgk.js'), 'parse', kinds.html[0], '-o', out, '--quiet'];
    const t = performance.now();
    const r = time ? spawnSync('/usr/bin/time', ['-f', 'cpu-seconds %U %S', ...argv], { encoding: 'utf8' }) : spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`xxgk parse exited ${r.status}`);
    const m = time ? /cpu-seconds ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) : null;
    if (m) cpus.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return { wall: median(times), cpu: cpus.length ? median(cpus) : NaN };
}

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const results = roots.map((root) => {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, root, JSON.stringify(kinds), String(ROUNDS)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(child.stderr);
  return { root, warm: JSON.parse(child.stdout), cold: coldStart(root) };
});
const tools = {
  'docx (LibreOffice)': toolMs('pandoc', (f) => ['-t', 'plain', f], kinds['docx (LibreOffice)']),
  'pdf (LibreOffice)': toolMs('pdftotext', (f) => ['-layout', f, '-'], kinds['pdf (LibreOffice)']),
  'pdf (Chromium)': toolMs('pdftotext', (f) => ['-layout', f, '-'], kinds['pdf (Chromium)']),
  html: toolMs('pandoc', (f) => ['-f', 'html', '-t', 'plain', f], kinds.html),
};
console.log(`\n| warm, one process: median ms wall (mean ms CPU) | ${results.map((r) => r.root).join(' | ')} | text-only tool, median ms wall (process included) |`);
console.log(`|---|${results.map(() => '---|').join('')}---|`);
for (const kind of Object.keys(kinds)) {
  const tool = tools[kind];
  console.log(`| ${kind} (${kinds[kind].length} files) | ${results.map((r) => `${(r.warm[kind] ?? NaN).toFixed(1)} (${(r.warm[kind + ' cpu'] ?? NaN).toFixed(1)})`).join(' | ')} | ${tool == null ? '–' : `${tool.toFixed(0)} (${kind.startsWith('pdf') ? 'pdftotext -layout' : 'pandoc -t plain'})`} |`);
}
console.log(`| peak RSS of that process, MB | ${results.map((r) => r.warm.rssMb.toFixed(0)).join(' | ')} | |`);
console.log(`| cold start: xxgk parse of one HTML file, median of ${COLD}: ms wall (ms CPU, all processes) | ${results.map((r) => `${r.cold.wall.toFixed(0)} (${r.cold.cpu.toFixed(0)})`).join(' | ')} | |`);
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
rmSync(tmp, { recursive: true, force: true });
