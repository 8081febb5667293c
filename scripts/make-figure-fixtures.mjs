#!/usr/bin/env node
// Generates the fixtures of figures in test/fixtures/figures/ (committed; tests never run this):
// each free-form style of fixtures/freeform.mjs, and template reports whose prose states their
// totals in words (makeSpec's statedTotals), as HTML, and DOCX and PDF converted from it with
// LibreOffice (HTML → DOCX → PDF, as make-pdf-fixtures.mjs does), and each DOCX saved as Word
// 97–2003 .doc (as make-doc-fixtures.mjs does; LibreOffice writes the same bytes every run).
// manifest.json holds each fixture's expected figures. Needs Debian packages:
// libreoffice-writer-nogui, fonts-noto-cjk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeformHtml, freeformSpecs } from './fixtures/freeform.mjs';
import { makeSpec, reportHtml } from './fixtures/report.mjs';
import { soffice } from './make-doc-fixtures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/figures');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-figure-fixtures-'));
fs.mkdirSync(outDir, { recursive: true });

/** Figures a template report's prose states (reportParts with statedTotals), from its spec. */
function statedFigures(spec) {
  const v = (k) => Number(spec.values[k]);
  return {
    'activeDisclosure.items': v('activeDisclosure.licensing.decisions'),
    'applications.received': v('applications.newReceived.total'),
    'reviews.count': v('reviewsAndLawsuits.review.total'),
    'lawsuits.count': v('reviewsAndLawsuits.lawsuitDirect.total') + v('reviewsAndLawsuits.lawsuitAfterReview.total'),
    'fees.amount': 0,
  };
}

const templates = [
  { base: 'stated-2021', seed: 301, overrides: { statedTotals: true } },
  { base: 'stated-2019', seed: 302, overrides: { statedTotals: true, year: 2020, published: '2021-01-20', otherLayout: 'single', numbering: 'arabic' } },
];

const fixtures = [
  ...freeformSpecs().map((spec) => ({
    html: freeformHtml(spec),
    entry: { base: `freeform-${spec.style}`, kind: 'freeform', style: spec.style, agency: spec.agency, year: spec.year, sections: spec.sections, expected: spec.expected },
  })),
  ...templates.map(({ base, seed, overrides }) => {
    const spec = makeSpec(seed, overrides);
    return { html: reportHtml(spec), entry: { base, kind: 'template', seed, overrides, agency: spec.agency, year: spec.year, sections: 6, expected: statedFigures(spec) } };
  }),
];

const manifest = [];
try {
  for (const { html: text, entry } of fixtures) {
    const { base } = entry;
    const html = path.join(work, `${base}.html`);
    fs.writeFileSync(html, text);
    fs.copyFileSync(html, path.join(outDir, `${base}.html`));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html]);
    fs.copyFileSync(path.join(work, `${base}.docx`), path.join(outDir, `${base}.docx`));
    soffice(['--convert-to', 'pdf', '--outdir', path.join(work, 'pdf'), path.join(work, `${base}.docx`)]);
    fs.copyFileSync(path.join(work, 'pdf', `${base}.pdf`), path.join(outDir, `${base}.pdf`));
    manifest.push(entry);
  }
  const docx = manifest.map(({ base }) => path.join(work, `${base}.docx`));
  soffice(['--convert-to', 'doc:MS Word 97', '--outdir', path.join(work, 'doc'), ...docx]);
  for (const { base } of manifest) fs.copyFileSync(path.join(work, 'doc', `${base}.doc`), path.join(outDir, `${base}.doc`));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${manifest.length * 4} fixtures to ${path.relative(root, outDir)}`);
