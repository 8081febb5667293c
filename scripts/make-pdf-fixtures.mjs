#!/usr/bin/env node
// Generates the PDF fixtures in test/fixtures/pdf/ (committed; tests never run this).
// Needs Debian packages: libreoffice-writer-nogui, fonts-noto-cjk, poppler-utils, qpdf.
// Report PDFs: report.mjs HTML → DOCX → PDF with LibreOffice (the HTML→PDF "writer_web" export
// leaves page 1 blank), then page numbers and a running header stamped on with qpdf --overlay.
// Other PDFs are written by hand below so that their bytes and geometry are known exactly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { makeSpec, printedApplications, reportParts, withColumnWidths } from './fixtures/report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/pdf');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdf-fixtures-'));
fs.mkdirSync(outDir, { recursive: true });

// ── hand-written PDFs ────────────────────────────────────────────────────────────────────────
/** Serialise objects (1-based; strings or Buffers, streams given as {dict, data}) with a real xref. */
function writePdf(objects, { rootRef = 1, info } = {}) {
  const chunks = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets = [];
  objects.forEach((obj, i) => {
    offsets.push(offset);
    let body;
    if (typeof obj === 'string') body = Buffer.from(`${i + 1} 0 obj\n${obj}\nendobj\n`, 'latin1');
    else {
      const data = Buffer.isBuffer(obj.data) ? obj.data : Buffer.from(obj.data, 'latin1');
      body = Buffer.concat([
        Buffer.from(`${i + 1} 0 obj\n<< ${obj.dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]);
    }
    chunks.push(body);
    offset += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const infoRef = info ? ` /Info ${info} 0 R` : '';
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${rootRef} 0 R${infoRef} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** UCS-2 hex string for UniGB-UCS2-H. */
const ucs2 = (s) => '<' + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';
/** A PDF text string in UTF-16BE with BOM, for the info dictionary. */
const pdfUtf16 = (s) => '<feff' + ucs2(s).slice(1);

// Non-embedded CJK font as iText writes it: the viewer must bring the CMap and a substitute font.
const STSONG = [
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [ DESC 0 R ] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor DESCR 0 R /DW 1000 /W [ 1 95 500 ] >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [ -25 -254 1000 880 ] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
];
/** Width of a string in STSong-Light as declared above (ASCII half, the rest full). */
const songWidth = (s, size) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x7f ? 0.5 : 1), 0) * size;
const HELVETICA_DIGIT = 0.556;

/** Content-stream helpers (PDF user space, origin bottom-left). */
const song = (x, y, size, s) => `BT /F1 ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${ucs2(s)} Tj ET\n`;
const helv = (x, y, size, s) => `BT /F2 ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td (${s}) Tj ET\n`;
/** One glyph per text object, as many Chinese producers write. */
const songGlyphs = (x, y, size, s) => [...s].map((c) => { const out = song(x, y, size, c); x += songWidth(c, size); return out; }).join('');

/**
 * Two pages with a non-embedded STSong-Light font, mixed fonts on one line, Latin words as
 * separate items, one table bordered by thin filled rectangles drawn under a scaling `cm`, one
 * table stroked with `re` and `m/l` segments, running header and page numbers. Geometry is
 * asserted by the tests, so keep them in step.
 */
function cjkFontPdf() {
  const header = (page) => song(72, 800, 9, '示例县人民政府信息公开年报') + helv(480, 800, 9, `Page ${page}`);
  const p1 = [
    header(1),
    song(72, 740, 16, '示例县人民政府2023年政府信息公开工作年度报告'),
    // 本机关 2023 年共收到申请 21 件。 — CJK and Helvetica digits as separate items with small gaps.
    (() => {
      let x = 72; const y = 700; let s = '';
      for (const [font, text] of [['s', '本机关'], ['h', '2023'], ['s', '年共收到申请'], ['h', '21'], ['s', '件。']]) {
        if (font === 's') (s += song(x, y, 12, text)), (x += songWidth(text, 12) + 1.5);
        else (s += helv(x, y, 12, text)), (x += text.length * HELVETICA_DIGIT * 12 + 1.5);
      }
      return s;
    })(),
    (() => { let x = 72; let s = ''; for (const w of ['Open', 'Government', 'Information']) (s += helv(x, 680, 12, w)), (x += w.length * 7 + 3.3); return s; })(),
    // Table A: 3 columns × 3 rows in a coordinate system scaled by 0.5 (so numbers below are doubled);
    // borders are 1-unit (0.5 pt) filled rectangles; row 0 merges columns 0–1.
    'q 0.5 0 0 0.5 0 0 cm 0 0 0 rg\n',
    (() => {
      const xs = [144, 544, 944, 1144]; // → 72, 272, 472, 572 pt
      const ys = [1300, 1240, 1160, 1100]; // → 650, 620, 580, 550 pt (top to bottom)
      let s = '';
      for (const y of ys) s += `${xs[0]} ${y - 0.5} ${xs[3] - xs[0]} 1 re f\n`;
      for (const [i, x] of xs.entries()) {
        // the inner border between columns 0 and 1 is missing in row 0 (a merged cell)
        const top = i === 1 ? ys[1] : ys[0];
        s += `${x - 0.5} ${ys[3]} 1 ${top - ys[3]} re f\n`;
      }
      return s;
    })(),
    'Q\n',
    songGlyphs(80, 630, 10, '信息内容（合并单元格）'), songGlyphs(480, 630, 10, '总计'),
    songGlyphs(80, 603, 10, '商业'), songGlyphs(80, 590, 10, '企业'), helv(280, 597, 10, '12'), helv(480, 597, 10, '34'),
    songGlyphs(80, 562, 10, '行政许可'), helv(280, 562, 10, '7'), /* blank cell at row 2 col 2 */
    song(290, 40, 10, '— 1 —'),
  ].join('');
  const p2 = [
    header(2),
    song(72, 740, 12, '二、主动公开政府信息情况'),
    // Table B: stroked, 2 × 2, outer box by `re`, inner lines by m/l, under a translation.
    'q 1 0 0 1 72 600 cm 0 0 0 RG 0.5 w 0 0 300 80 re S 150 0 m 150 80 l S 0 40 m 300 40 l S Q\n',
    songGlyphs(80, 660, 10, '规章'), helv(230, 660, 10, '5'),
    songGlyphs(80, 620, 10, '行政规范性文件'), helv(230, 620, 10, '0'),
    song(72, 560, 12, '本年度未收取信息处理费。'),
    song(280, 40, 10, '第 2 页'),
  ].join('');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [ 3 0 R 4 0 R ] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] /Resources << /Font << /F1 7 0 R /F2 10 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] /Resources << /Font << /F1 7 0 R /F2 10 0 R >> >> /Contents 6 0 R >>',
    { dict: '', data: p1 },
    { dict: '', data: p2 },
    STSONG[0].replace('DESC', '8'),
    STSONG[1].replace('DESCR', '9'),
    STSONG[2],
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfUtf16('非嵌入字体测试')} /Producer (xxgk make-pdf-fixtures) >>`,
  ];
  return writePdf(objs, { info: 11 });
}

/** One page per PGM image, no text at all: what a scanner produces. */
function imagePdf(pgmFiles) {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', null];
  const kids = [];
  for (const file of pgmFiles) {
    const pgm = fs.readFileSync(file);
    const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) throw new Error(`not a binary PGM: ${file}`);
    const [, w, h] = header.map(Number);
    const pixels = pgm.subarray(header[0].length);
    const base = objs.length + 1;
    kids.push(`${base} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] /Resources << /XObject << /Im1 ${base + 1} 0 R >> >> /Contents ${base + 2} 0 R >>`);
    objs.push({ dict: `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data: zlib.deflateSync(pixels, { level: 9 }) });
    objs.push({ dict: '', data: 'q 595 0 0 842 0 0 cm /Im1 Do Q\n' });
  }
  objs[1] = `<< /Type /Pages /Kids [ ${kids.join(' ')} ] /Count ${kids.length} >>`;
  return writePdf(objs);
}

/** Page furniture to overlay on LibreOffice output: running header and page numbers. */
function stampPdf(pages, style) {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', null];
  const kids = [];
  for (let n = 1; n <= pages; n++) {
    const base = objs.length + 1;
    kids.push(`${base} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595.3 841.9 ] /Resources << /Font << /F1 ${3 + pages * 2} 0 R /F2 ${6 + pages * 2} 0 R >> >> /Contents ${base + 1} 0 R >>`);
    let content = song(56, 805, 9, '示例市示例区示例镇人民政府政府信息公开工作年度报告');
    if (style === 'dash') content += helv(285, 30, 10.5, `- ${n} -`);
    else if (style === 'emdash') content += song(280, 30, 10.5, `— ${n} —`);
    else content += song(262, 30, 10.5, `第 ${n} 页 共 ${pages} 页`);
    objs.push({ dict: '', data: content });
  }
  objs[1] = `<< /Type /Pages /Kids [ ${kids.join(' ')} ] /Count ${kids.length} >>`;
  const f1 = objs.length + 1;
  objs.push(STSONG[0].replace('DESC', String(f1 + 1)), STSONG[1].replace('DESCR', String(f1 + 2)), STSONG[2]);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  return writePdf(objs);
}

// ── LibreOffice reports ──────────────────────────────────────────────────────────────────────
const FILLER = (k) => `<p>（${k}）加强政府信息公开工作。本机关持续完善信息发布机制，按照“谁制作、谁公开”的原则做好公开工作，及时回应社会关切，提升公开质量和实效。</p>`;

/** A report as HTML with layout tweaks: font, page break or filler before table 三, <thead>. */
function reportDocument(spec, { fontSize = '10.5pt', breakBeforeApplications = false, filler = 0, thead = false, borderless = false, landscape = false, widths = null }) {
  const table = borderless ? '<table border="0" cellspacing="0" width="100%" cellpadding="2">' : '<table border="1" width="100%" cellpadding="2">';
  // Narrow columns (`widths`, in pixels) for table 三: its long labels wrap inside their cells.
  const narrow = (p) => (widths && p.includes('申请人情况') ? withColumnWidths(p.replace('<table border="1">', table.replace(/ cellpadding="2"| width="100%"/g, '')), widths) : p.replace('<table border="1">', table));
  const parts = reportParts(spec).map((p) => (p.startsWith('<table') ? narrow(p).replace(/<td/g, `<td style="font-size:${fontSize}"`) : p));
  const at = parts.findIndex((p) => p.includes('申请人情况'));
  if (thead) {
    const rows = parts[at].split('\n');
    parts[at] = [rows[0], '<thead>', ...rows.slice(1, 4), '</thead><tbody>', ...rows.slice(4, -1), '</tbody>', rows.at(-1)].join('\n');
  }
  if (breakBeforeApplications) parts[at - 1] = parts[at - 1].replace('<p>', '<p style="page-break-before: always">');
  parts.splice(at - 1, 0, ...Array.from({ length: filler }, (_, k) => FILLER(k + 1)));
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>@page { size: ${landscape ? '29.7cm 21cm' : '21cm 29.7cm'}; margin: 2.5cm 2cm 2.2cm 2cm }</style><title>${spec.agency}${spec.year}年政府信息公开工作年度报告</title></head>\n<body style="font-size:10.5pt">\n${parts.join('\n')}\n</body></html>\n`;
}

function soffice(args, profile) {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, profile)}`, '--headless', ...args], { stdio: 'pipe', timeout: 120_000 });
}

const pageCount = (file) => Number(execFileSync('pdfinfo', [file]).toString().match(/Pages:\s+(\d+)/)[1]);

const REPORTS = [
  // table 三 starts at the top of a page (page break before its heading) and still runs onto the next
  { file: 'report.pdf', seed: 1, overrides: {}, layout: { fontSize: '9pt', breakBeforeApplications: true }, stamp: 'dash' },
  // table 三 starts mid-page and breaks onto the next page; 2019-style single （六） row
  { file: 'split.pdf', seed: 2, overrides: { otherLayout: 'single' }, layout: { fontSize: '9pt', filler: 6 }, stamp: 'emdash' },
  // as split, with the three header rows in <thead>: LibreOffice repeats them on the next page
  { file: 'split-thead.pdf', seed: 3, overrides: {}, layout: { fontSize: '9pt', filler: 6, thead: true }, stamp: 'of' },
  // the three tables without any ruling lines: grids from column alignment only (landscape, so
  // that no number wraps inside its cell: without borders it could not be told from a row's)
  // and blank cells mid-row, which must keep their column (in tables of several value rows: a
  // single row has no other to align with, and table 四 is refused rather than shifted)
  {
    file: 'borderless.pdf',
    seed: 4,
    overrides: {
      values: { 'applications.newReceived.research': '', 'activeDisclosure.regulations.repealed': '' },
      expected: { 'applications.newReceived.research': null, 'activeDisclosure.regulations.repealed': null },
    },
    layout: { fontSize: '9pt', borderless: true, landscape: true }, stamp: 'dash' },
  // Narrow label columns: every long label of table 三 wraps inside its cell, and the page break
  // cuts a wrapped row, its values on one page and the rest of its label on the next:
  // 三（三）5 as `5.属于三类` | `内部事务信息`, and 三（六）2 after its first line.
  { file: 'narrow.pdf', seed: 5, overrides: {}, layout: { filler: 4, widths: [40, 40, 70, 50] }, stamp: 'dash' },
  { file: 'narrow-fee.pdf', seed: 5, overrides: {}, layout: { filler: 2, widths: [40, 40, 70, 50] }, stamp: 'of' },
  // without ruling lines: labels and full-width numbers wrap onto lines of their own
  { file: 'borderless-narrow.pdf', seed: 7, overrides: printedApplications(7, { fullWidth: true, zero: '-' }), layout: { borderless: true, widths: [40, 40, 70, 30] }, stamp: 'dash' },
  // the same with the organisation columns' zeros blank and the other zeros as dashes
  { file: 'narrow-blank.pdf', seed: 6, overrides: printedApplications(6, { blankOrg: true, zero: '-' }), layout: { filler: 3, widths: [40, 40, 70, 50] }, stamp: 'emdash' },
];

// `node scripts/make-pdf-fixtures.mjs borderless.pdf …` remakes only the named report PDFs
// (the others keep their committed bytes).
const only = process.argv.slice(2);

const manifestFile = path.join(outDir, 'fixtures.json');
const manifest = only.length && fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {};
for (const [i, r] of REPORTS.entries()) {
  if (only.length && !only.includes(r.file)) continue;
  const spec = makeSpec(r.seed, r.overrides);
  const base = r.file.replace(/\.pdf$/, '');
  const html = path.join(work, `${base}.html`);
  fs.writeFileSync(html, reportDocument(spec, r.layout));
  soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html], `profile-${i}`);
  soffice(['--convert-to', 'pdf', '--outdir', path.join(work, 'pdf'), path.join(work, `${base}.docx`)], `profile-${i}`);
  const plain = path.join(work, 'pdf', `${base}.pdf`);
  const pages = pageCount(plain);
  const stamp = path.join(work, `${base}-stamp.pdf`);
  fs.writeFileSync(stamp, stampPdf(pages, r.stamp));
  execFileSync('qpdf', [plain, '--overlay', stamp, '--', path.join(outDir, r.file)]);
  manifest[r.file] = { seed: r.seed, overrides: r.overrides, pages, stamp: r.stamp };
}

if (only.length) {
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  process.exit(0);
}

// Encryption: a user password blocks reading; an owner password alone only restricts printing.
const report = path.join(outDir, 'report.pdf');
execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', report, path.join(outDir, 'encrypted-user.pdf')]);
execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--print=none', '--modify=none', '--', report, path.join(outDir, 'encrypted-owner.pdf')]);
manifest['encrypted-owner.pdf'] = { ...manifest['report.pdf'] };

// Truncated in the middle of the page objects: no trailer, no xref, half the streams.
const bytes = fs.readFileSync(report);
fs.writeFileSync(path.join(outDir, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length * 0.4)));

// No text layer: page images only (a scan).
execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '2', report, path.join(work, 'scan')]);
const pgms = fs.readdirSync(work).filter((f) => /^scan-\d+\.pgm$/.test(f)).sort().map((f) => path.join(work, f));
fs.writeFileSync(path.join(outDir, 'scanned.pdf'), imagePdf(pgms));

fs.writeFileSync(path.join(outDir, 'cjk-font.pdf'), cjkFontPdf());

fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
fs.rmSync(work, { recursive: true, force: true });
for (const f of fs.readdirSync(outDir).sort()) console.log(`${f.padEnd(22)} ${fs.statSync(path.join(outDir, f)).size} bytes`);
