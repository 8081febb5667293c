// Median time of parseDoc on every committed .doc fixture against parseDocx on the DOCX it was
// saved from, warm, in one process, and how much of it is word-extractor's own text extraction.
// Run after a build: npm run build && node scripts/time-doc.mjs [rounds]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseDoc } from '../dist/parsers/doc.js';
import { parseDocx } from '../dist/parsers/docx.js';

const rounds = Number(process.argv[2] ?? 30);
const require = createRequire(import.meta.url);
const WordExtractor = require('word-extractor');
const dir = new URL('../test/fixtures/doc/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

async function median(fn) {
  await fn(); // warm
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const rows = [];
for (const c of cases) {
  const doc = readFileSync(new URL(c.doc, dir));
  const docx = readFileSync(new URL(c.docx, dir));
  rows.push({
    fixture: c.doc,
    KB: Math.round(doc.length / 1024),
    'parseDoc ms': (await median(() => parseDoc(doc))).toFixed(2),
    'word-extractor alone ms': (await median(() => new WordExtractor().extract(doc))).toFixed(2),
    'parseDocx ms (its DOCX)': (await median(() => parseDocx(docx))).toFixed(2),
  });
}
console.table(rows);
console.log(`warm medians over ${rounds} rounds; peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
