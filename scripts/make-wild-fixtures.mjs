#!/usr/bin/env node
// Fixtures for reports as sites and tools really make them (issue 9), into test/fixtures/wild/:
// radical code points in the text (HTML, a Chromium-printed PDF whose text layer keeps them, and
// pdftotext -layout text of it), a page with a breadcrumb and a metadata box, titles wrapped
// mid-word over two and three centered lines (PDF and layout text), and a walked folder of
// files without an extension. manifest.json says what each one must give: seed and overrides
// of its spec (scripts/fixtures/report.mjs) and the meta.
// Needs Debian packages chromium, fonts-noto-cjk and poppler-utils.   node scripts/make-wild-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { makeSpec, reportParts } from './fixtures/report.mjs';

const OUT = fileURLToPath(new URL('../test/fixtures/wild/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'xxgk-wild-'));
mkdirSync(OUT, { recursive: true });
const manifest = [];

const STYLE = `<style>@page { size: 21cm 29.7cm; margin: 2cm } body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10.5pt }
table { border-collapse: collapse; width: 100% } td { border: 1px solid #000; padding: 2px; font-size: 9pt } .title { text-align: center; font-size: 18pt; margin: 0 }</style>`;
const page = (title, body) => `<!DOCTYPE html>\n<html><head><meta charset="utf-8">${STYLE}<title>${title}</title></head>\n<body>\n${body}\n</body></html>\n`;

/** The report's parts with its title paragraph replaced by `titleLines` (centered, one <p> each). */
function body(spec, titleLines) {
  const parts = reportParts(spec);
  return [...titleLines.map((line) => `<p class="title">${line}</p>`), ...parts.slice(1)].join('\n');
}

function printPdf(html, name) {
  const file = join(work, `${name}.html`);
  writeFileSync(file, html);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(OUT, name)}`, file], { stdio: 'pipe', timeout: 120_000 });
}

/**
 * pdftotext -layout text of the same page printed by LibreOffice (HTML → DOCX → PDF, as
 * make-pdf-fixtures.mjs does). Layout text of Chromium's print is not used: the column reader
 * misreads its wide column gaps (table 二 and the signature), which is a table-reader matter.
 */
function layoutText(html, name) {
  const base = name.replace(/\.txt$/, '');
  const lo = html.replace(/<p class="title">/g, '<p align="center" style="font-size:18pt">').replace(/<table border="1">/g, '<table border="1" width="100%" cellpadding="2">');
  writeFileSync(join(work, `${base}.html`), lo);
  const soffice = (args) => execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args], { stdio: 'pipe', timeout: 120_000 });
  soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(work, `${base}.html`)]);
  soffice(['--convert-to', 'pdf', '--outdir', join(work, 'lo'), join(work, `${base}.docx`)]);
  execFileSync('pdftotext', ['-layout', join(work, 'lo', `${base}.pdf`), join(OUT, name)]);
}

// ── 1. radical code points ──────────────────────────────────────────────────────────────────
// Ideograph → the look-alike code point browsers' and word processors' PDFs carry: Kangxi
// Radicals, CJK Radicals Supplement, and one CJK Compatibility Ideograph (U+F967 for 不).
const RADICALS = {
  人: '\u2f08', 工: '\u2f2f', 民: '\u2ea0', 行: '\u2f8f', 日: '\u2f47', 月: '\u2f49', 长: '\u2ed3', 门: '\u2ed4', 见: '\u2ec5',
  车: '\u2ecb', 方: '\u2f45', 文: '\u2f42', 子: '\u2f26', 大: '\u2f24', 小: '\u2f29', 力: '\u2f12', 立: '\u2f74', 用: '\u2f64',
  生: '\u2f63', 高: '\u2fbc', 金: '\u2fa6', 言: '\u2f94', 自: '\u2f83', 入: '\u2f0a', 不: '\uf967',
};
for (const [ideograph, radical] of Object.entries(RADICALS))
  if (radical.normalize('NFKC') !== ideograph && !/[\u2e80-\u2eff]/.test(radical)) throw new Error(`${radical} is not ${ideograph}`);
const radicalise = (html) => html.replace(/>[^<]*</g, (text) => [...text].map((ch) => RADICALS[ch] ?? ch).join(''));

// One cell with words in it, so that a raw text keeps the code points as printed.
const radicalOverrides = {
  agency: '示例市高新工业区人民政府',
  published: '2024-01-26',
  values: { 'activeDisclosure.penalties.decisions': '333（其中立案文书12件）' },
  expected: { 'activeDisclosure.penalties.decisions': 333 },
};
const radicalSpec = makeSpec(901, radicalOverrides);
const radicalPage = radicalise(page(`${radicalSpec.agency}${radicalSpec.year}年政府信息公开工作年度报告`, body(radicalSpec, [`${radicalSpec.agency}${radicalSpec.year}年政府信息公开工作年度报告`])));
writeFileSync(join(OUT, 'radicals.html'), radicalPage);
printPdf(radicalPage, 'radicals.pdf');
layoutText(radicalPage, 'radicals-layout.txt');
for (const file of ['radicals.html', 'radicals.pdf', 'radicals-layout.txt'])
  manifest.push({ file, seed: 901, overrides: radicalOverrides, meta: { agency: radicalSpec.agency, year: radicalSpec.year, published: radicalSpec.published } });

// ── 2. breadcrumbs ──────────────────────────────────────────────────────────────────────────
// Site furniture around the article: a breadcrumb that names 年报, a metadata box (发布机构,
// 发布日期), then the article. Three pages: with the article's heading; without it (the
// <title> names the report); without either (only the box's 发布机构 names the body).
const crumbOverrides = { agency: '示例市示例区卫生健康委员会', published: '2024-01-22' };
const crumbSpec = makeSpec(902, crumbOverrides);
const crumbTitle = `${crumbSpec.agency}${crumbSpec.year}年政府信息公开工作年度报告`;
const furniture = (agency) => [
  '<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>',
  '<div class="location">当前位置：<a href="/">首页</a> » <a href="/zwgk">政务公开</a> » 政府信息公开年报</div>',
  `<table class="meta"><tr><td>索引号：</td><td>11000000MB0000000X/2024-00012</td><td>发布机构：</td><td>${agency}</td></tr>`,
  `<tr><td>发布日期：</td><td>${crumbSpec.published}</td><td>主题分类：</td><td>政府信息公开年报</td></tr></table>`,
].join('\n');
const article = reportParts(crumbSpec).slice(1).join('\n');
// Without its heading and without the signature under it: only the page says who published it.
const unsigned = reportParts(crumbSpec).slice(1, -2).join('\n');
const crumbs = [
  { file: 'breadcrumb.html', html: page('示例区人民政府网', `${furniture(crumbSpec.agency)}\n<h1>${crumbTitle}</h1>\n${article}`), agencyFrom: 'title' },
  { file: 'breadcrumb-page-title.html', html: page(`${crumbTitle}_示例区人民政府网`, `${furniture('示例区人民政府办公室')}\n${article}`), agencyFrom: 'title' },
  { file: 'breadcrumb-page-agency.html', html: page('示例区人民政府网', `${furniture(crumbSpec.agency)}\n${unsigned}`), agencyFrom: 'page' },
];
for (const c of crumbs) {
  writeFileSync(join(OUT, c.file), c.html);
  manifest.push({ file: c.file, seed: 902, overrides: crumbOverrides, meta: { agency: crumbSpec.agency, agencyFrom: c.agencyFrom, year: crumbSpec.year, published: crumbSpec.published } });
}

// ── 3. titles wrapped mid-word ──────────────────────────────────────────────────────────────
const wrapped = [
  { name: 'wrapped-title', seed: 903, overrides: { agency: '示例市示例区自然资源和规划局', year: 2022, published: '2023-01-30' }, lines: (s) => [`${s.year}年${s.agency}政府信`, '息公开工作年度报告'] },
  { name: 'wrapped-title-about', seed: 904, overrides: { agency: '示例市示例区人民政府', year: 2020, published: '2021-01-29' }, lines: (s) => [`${s.agency}关于${s.year}年政府`, '信息公开工作的年度报告'] },
  { name: 'wrapped-title-3', seed: 905, overrides: { agency: '示例省示例市示例区自然资源和规划局', year: 2022, published: '2023-02-03' }, lines: (s) => ['示例省示例市示例区自然资源', `和规划局${s.year}年政府信息公开工`, '作年度报告'] },
];
for (const w of wrapped) {
  const spec = makeSpec(w.seed, w.overrides);
  const html = page(spec.agency, body(spec, w.lines(spec)));
  printPdf(html, `${w.name}.pdf`);
  layoutText(html, `${w.name}-layout.txt`);
  for (const file of [`${w.name}.pdf`, `${w.name}-layout.txt`])
    manifest.push({ file, seed: w.seed, overrides: w.overrides, meta: { agency: spec.agency, year: spec.year, published: spec.published } });
}

// ── 5. a walked folder of files without an extension ───────────────────────────────────────
const unnamed = join(OUT, 'unnamed');
rmSync(unnamed, { recursive: true, force: true });
mkdirSync(unnamed);
copyFileSync(join(OUT, 'wrapped-title.pdf'), join(unnamed, 'downfile'));
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082', 'hex');
writeFileSync(join(unnamed, 'logo'), png);
const zip = new JSZip();
zip.file('readme.txt', '附件');
writeFileSync(join(unnamed, 'attachments'), await zip.generateAsync({ type: 'nodebuffer' }));
writeFileSync(join(unnamed, 'common'), '(function ($) {\n  $(".nav").show();\n})(jQuery);\n');
writeFileSync(join(unnamed, 'style'), 'body { margin: 0; font-size: 14px; }\n.nav a { color: #333; }\n');
manifest.push({ file: 'unnamed/downfile', seed: 903, overrides: wrapped[0].overrides, meta: manifest.find((m) => m.file === 'wrapped-title.pdf').meta, notReports: { image: 1, archive: 1, script: 1, style: 1 } });

writeFileSync(join(OUT, 'manifest.json'), '[\n' + manifest.map((m) => JSON.stringify(m)).join(',\n') + '\n]\n');
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${manifest.length} fixtures to ${OUT}`);
