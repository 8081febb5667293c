// Median time of parseDocx over a batch of generated reports (50 by default), warm, in one process.
// Run after a build: npx tsc -p tsconfig.build.json && node scripts/time-docx.mjs [count]
import { makeSpec, reportParts } from './fixtures/report.mjs';
import { docxFromParts } from './make-docx-fixtures.mjs';
import { parseDocx } from '../dist/parsers/docx.js';

const count = Number(process.argv[2] ?? 50);
const files = [];
for (let i = 0; i < count; i++) {
  const spec = makeSpec(1000 + i, i % 5 === 4 ? { otherLayout: 'single' } : {});
  files.push(await docxFromParts(reportParts(spec), { title: `${spec.agency}${spec.year}年政府信息公开工作年度报告`, lines: i % 2 ? 'paragraphs' : 'breaks' }));
}
// One call first: the cold start (module loading, JIT) is reported apart.
let started = performance.now();
await parseDocx(files[0]);
const cold = performance.now() - started;
const times = [];
for (const bytes of files) {
  started = performance.now();
  const { value } = await parseDocx(bytes);
  times.push(performance.now() - started);
  if (value.blocks.filter((b) => b.kind === 'table').length !== 3) throw new Error('expected three tables');
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const size = files.reduce((s, f) => s + f.length, 0) / files.length;
console.log(`parseDocx over ${count} generated reports (${Math.round(size / 1024)} KB each): median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms; first call ${cold.toFixed(0)} ms; peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
