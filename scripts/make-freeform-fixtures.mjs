#!/usr/bin/env node
// Generates the free-form report fixtures in test/fixtures/freeform/ (committed; tests never run
// this): each style of fixtures/freeform.mjs as HTML, and DOCX and PDF converted from it with
// LibreOffice (HTML → DOCX → PDF, as make-pdf-fixtures.mjs does). manifest.json holds each
// fixture's expected figures. Needs Debian packages: libreoffice-writer-nogui, fonts-noto-cjk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeformHtml, freeformSpecs } from './fixtures/freeform.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/freeform');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-freeform-fixtures-'));
fs.mkdirSync(outDir, { recursive: true });

function soffice(args) {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', ...args], { stdio: 'pipe', timeout: 120_000 });
}

const manifest = [];
try {
  for (const spec of freeformSpecs()) {
    const base = `freeform-${spec.style}`;
    const html = path.join(work, `${base}.html`);
    fs.writeFileSync(html, freeformHtml(spec));
    fs.copyFileSync(html, path.join(outDir, `${base}.html`));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html]);
    fs.copyFileSync(path.join(work, `${base}.docx`), path.join(outDir, `${base}.docx`));
    soffice(['--convert-to', 'pdf', '--outdir', path.join(work, 'pdf'), path.join(work, `${base}.docx`)]);
    fs.copyFileSync(path.join(work, 'pdf', `${base}.pdf`), path.join(outDir, `${base}.pdf`));
    manifest.push({ base, style: spec.style, agency: spec.agency, year: spec.year, sections: spec.sections, expected: spec.expected });
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${manifest.length * 3} fixtures to ${path.relative(root, outDir)}`);
