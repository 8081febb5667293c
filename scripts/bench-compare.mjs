// npm run bench:compare [-- --records N] [-- --years Y] [-- --keep DIR]
// Generates N records (default 10,000: N/Y agencies × Y years, 2% of agency-years published twice
// with one figure changed) as one reports.jsonl from reports the fixture generator makes and the
// built parser reads, then runs `compare` over it in a fresh process and prints the wall time, the
// time per stage and the peak resident memory (getrusage maxrss). Run `npm run build` first.
// --keep DIR writes the records and the outputs into DIR and leaves them there (to compare runs).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSpec, reportHtml } from './fixtures/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback, as = Number) => {
  const i = args.indexOf(name);
  return i >= 0 ? as(args[i + 1]) : fallback;
};
const KEEP = option('--keep', undefined, String);
const RECORDS = option('--records', 10_000);
const YEARS = option('--years', 5);
const { parseBytes } = await import(join(ROOT, 'dist', 'pipeline.js'));

const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'xxgk-bench-compare-'));
if (KEEP) mkdirSync(KEEP, { recursive: true });
try {
  // A few real parses as bases; every record is one of them under another agency and year.
  const bases = [];
  for (let seed = 0; seed < 8; seed++) {
    const year = 2019 + (seed % YEARS);
    const spec = makeSpec(900 + seed, { year, published: `${year + 1}-02-01`, ...(year < 2021 ? { template: '2019', otherLayout: 'single' } : {}) });
    bases.push(await parseBytes(Buffer.from(reportHtml(spec)), { path: `base-${seed}.html` }));
  }
  const jsonl = join(dir, 'reports.jsonl');
  const out = createWriteStream(jsonl);
  const agencies = Math.ceil(RECORDS / YEARS);
  let written = 0;
  let duplicates = 0;
  let used = 0;
  const write = async (record) => {
    if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
    written++;
  };
  for (let a = 0; a < agencies && written < RECORDS; a++) {
    used++;
    for (let y = 0; y < YEARS && written < RECORDS; y++) {
      const base = bases[(a + y) % bases.length];
      const year = 2019 + y;
      const record = structuredClone(base);
      const name = `示例${a}区人民政府`;
      Object.assign(record.meta, { agency: name, agencyId: `${String(900000 + a)}/人民政府`, regionCode: String(900000 + a), regionName: `示例${a}区`, year, published: `${year + 1}-0${1 + (a % 5)}-15`, templateVersion: year < 2021 ? '2019' : '2021' });
      record.source.path = `https://example.gov.cn/${a}/${year}.html`;
      record.source.sha256 = (a * 100 + y).toString(16).padStart(64, '0');
      record.tables.applications.newReceived.total.value = 10 + ((a * 7 + y * 13) % 500);
      await write(record);
      if (a % 50 === 0 && written < RECORDS) {
        const again = structuredClone(record);
        again.source.path += '?republished';
        again.source.sha256 = (a * 100 + y).toString(16).padStart(63, '0') + 'f';
        again.tables.applications.granted.naturalPerson.value = (again.tables.applications.granted.naturalPerson.value ?? 0) + 1;
        await write(again);
        duplicates++;
      }
    }
  }
  out.end();
  await once(out, 'finish');
  console.log(`${written} records (${used} agencies × up to ${YEARS} years, ${duplicates} agency-years published twice) in ${jsonl}`);

  const script = `
    const { runCompare } = await import(${JSON.stringify(join(ROOT, 'dist', 'compare', 'run.js'))});
    const t = performance.now();
    const r = await runCompare([${JSON.stringify(jsonl)}], { out: ${JSON.stringify(join(dir, 'out'))}, timings: true });
    console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: r.rows, pages: r.pages.length, stages: r.timings }));`;
  const runner = join(dir, 'run.mjs');
  writeFileSync(runner, script);
  const run = spawnSync(process.execPath, [runner], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`compare failed (exit ${run.status})`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop());
  console.log(`compare: ${result.seconds.toFixed(1)} s, peak RSS ${result.maxRssMb.toFixed(0)} MB`);
  console.log(`  stages (s): ${Object.entries(result.stages).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  console.log(`  panel ${result.rows.panel} rows, changes ${result.rows.changes}, continuity ${result.rows.continuity}, conflicts ${result.rows.conflicts}; ${result.pages} HTML files`);
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
