// samples/: a handful of generated reports in every input format, for `xxgk parse samples -o out`.
// HTML comes from the fixture builder; the other formats are copies of committed fixtures made by
// scripts/make-{text,docx,doc,pdf}-fixtures.mjs, so this script needs no LibreOffice.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSpec, reportHtml } from './fixtures/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(root, 'samples');
mkdirSync(samples, { recursive: true });

writeFileSync(join(samples, 'township-2023.html'), reportHtml(makeSpec(11, { agency: '示例市示例县示例镇人民政府' })));
writeFileSync(join(samples, 'county-2020.html'), reportHtml(makeSpec(12, { agency: '示例市示例县人民政府', year: 2020, published: '2021-01-29', otherLayout: 'single', numbering: 'arabic' })));

const copies = [
  ['text/tika-chinese.txt', 'tika-flattened.txt'],
  ['text/markdown-chinese.md', 'markdown-tables.md'],
  ['text/layout-chinese.txt', 'pdftotext-layout.txt'],
  ['docx/template-full.docx', 'report.docx'],
  ['docx/single-other.docx', 'single-other-row.docx'],
  ['doc/template-full.doc', 'legacy-word-97.doc'],
  ['html/gbk-nocharset.html', 'gbk-no-charset.html'],
  ['pdf/report.pdf', 'report.pdf'],
  ['pdf/split.pdf', 'split-table.pdf'],
];
for (const [from, to] of copies) {
  const source = join(root, 'test', 'fixtures', from);
  if (existsSync(source)) copyFileSync(source, join(samples, to));
  else console.warn(`not yet generated: ${from}`);
}
console.log(`samples written to ${samples}`);
