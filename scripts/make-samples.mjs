// samples/: a handful of generated reports in every input format, for `xxgk parse samples -o out`.
// HTML comes from the fixture builder; the other formats are copies of committed fixtures made by
// scripts/make-{text,docx,doc,pdf}-fixtures.mjs, so this script needs no LibreOffice.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSpec, reportHtml } from './fixtures/report.mjs';
import { COPIED_SAMPLES, SPEC_SAMPLES } from './fixtures/samples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(root, 'samples');
mkdirSync(samples, { recursive: true });

for (const { file, seed, overrides } of SPEC_SAMPLES) writeFileSync(join(samples, file), reportHtml(makeSpec(seed, overrides)));

for (const [from, to] of COPIED_SAMPLES) {
  const source = join(root, 'test', 'fixtures', from);
  if (existsSync(source)) copyFileSync(source, join(samples, to));
  else console.warn(`not yet generated: ${from}`);
}
console.log(`samples written to ${samples}`);
