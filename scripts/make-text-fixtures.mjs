// Writes the text parser's fixtures into test/fixtures/text/: synthetic reports (from
// scripts/fixtures/report.mjs) flattened the way other converters flatten them — Apache Tika
// from DOCX, markdown pipe tables, and pdftotext -layout of a LibreOffice PDF or of a page printed
// by Chromium — plus a few odd inputs. A manifest.json records each fixture's seed and overrides so tests can recompute the
// spec. Needs soffice, chromium (with fonts-noto-cjk) and pdftotext (poppler-utils) for the layout
// fixtures; run from the repo:
//   node scripts/make-text-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { makeSpec, printedApplications, reportHtml, reportParts, withColumnWidths, zeroRow } from './fixtures/report.mjs';

const OUT = fileURLToPath(new URL('../test/fixtures/text/', import.meta.url));

// ── the report as a list of paragraphs and span-carrying tables ──────────────────────────────

const unescape = (s) => s.replace(/<br\/>/g, '\n').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

/** Parse one fragment of reportParts(): a <p> or a <table> as rows of { text, colspan, rowspan }. */
function parsePart(html) {
  if (html.startsWith('<p>')) return { kind: 'p', text: unescape(html.slice(3, -4)) };
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, tr]) =>
    [...tr.matchAll(/<td([^>]*)>(.*?)<\/td>/g)].map(([, attrs, text]) => ({
      text: unescape(text),
      colspan: Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
      rowspan: Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
    })),
  );
  return { kind: 'table', rows };
}

/** Expand spans: grid[r][c] = { cell, top, left } where top/left say the cell starts there. */
function expand(rows) {
  const grid = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) (grid[r + dr] ??= [])[c + dc] = { cell, top: dr === 0, left: dc === 0 };
      c += cell.colspan;
    }
  });
  return grid;
}

// ── renderers ────────────────────────────────────────────────────────────────────────────────

/**
 * Tika from DOCX, as in ../shared/seed: each cell "\t" + text, its line breaks continuing on
 * lines without a tab; a vertically merged (covered) cell as a bare tab; a horizontally merged
 * cell once; each row followed by an empty line; an extra empty line after the table.
 */
function tikaTable(rows) {
  const out = [];
  for (const row of expand(rows)) {
    for (const slot of row) if (slot?.left) out.push(slot.top ? `\t${slot.cell.text}` : '\t');
    out.push('');
  }
  out.push('');
  return out;
}

/** Markdown pipe table over the expanded grid, covered positions empty, line breaks as <br>. */
function markdownTable(rows) {
  const grid = expand(rows);
  const width = Math.max(...grid.map((r) => r.length));
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const out = grid.map((row) => line(Array.from({ length: width }, (_, c) => (row[c]?.top && row[c]?.left ? row[c].cell.text.replace(/\n/g, '<br>') : ''))));
  out.splice(1, 0, line(Array.from({ length: width }, () => '---')));
  return out;
}

function renderText(spec, style) {
  const lines = [];
  let headings = 0;
  for (const part of reportParts(spec).map(parsePart)) {
    if (part.kind === 'p') {
      const isHeading = /总体情况|主动公开政府信息情况|收到和处理|行政复议、行政诉讼情况|存在的主要问题|其他需要报告/.test(part.text.replace(/ /g, '')) && part.text.length < 40;
      if (style === 'markdown' && isHeading) lines.push(`## ${part.text}`, '');
      else lines.push(part.text);
      if (isHeading) headings++;
      // An indented prose line, as Tika writes a paragraph with a leading tab: not a table.
      if (style === 'tika' && isHeading && headings === 1) lines.push('\t本机关持续推进政务公开工作，现将有关情况报告如下。');
      // Page furniture that PDF-to-markdown steps leave behind.
      if (style === 'markdown' && isHeading && headings === 3) lines.push('— 2 —');
    } else if (style === 'tika') lines.push(...tikaTable(part.rows));
    else lines.push('', ...markdownTable(part.rows), '');
  }
  return lines.join('\n') + '\n';
}

// ── value variants ───────────────────────────────────────────────────────────────────────────

const FULL_DIGITS = '０１２３４５６７８９';
const fullWidth = (s) => s.replace(/\d/g, (d) => FULL_DIGITS[Number(d)]);

/**
 * Overrides that print the same numbers in other ways (dashes, 无, full-width digits,
 * thousands separators, an annotation) and leave one cell blank, chosen from the spec's own
 * values so the report stays consistent wherever a value is still readable.
 */
function variantOverrides(seed) {
  const base = makeSpec(seed).values;
  const values = {};
  const expected = {};
  const blank = 'applications.carriedOver.business';
  const zeros = Object.keys(base).filter((k) => k.startsWith('applications.') && base[k] === '0' && !k.endsWith('.total') && k !== blank);
  const positives = Object.keys(base).filter((k) => k.startsWith('applications.') && Number(base[k]) >= 10);
  ['—', '/', '无', '-'].forEach((text, i) => ((values[zeros[i * 3]] = text), (expected[zeros[i * 3]] = 0)));
  values[zeros[13]] = '';
  expected[zeros[13]] = null;
  values[blank] = '';
  expected[blank] = null;
  values[positives[0]] = fullWidth(base[positives[0]]);
  const licensing = Math.max(Number(base['activeDisclosure.licensing.decisions']), 1234);
  values['activeDisclosure.licensing.decisions'] = licensing.toLocaleString('en-US');
  expected['activeDisclosure.licensing.decisions'] = licensing;
  const issued = Number(base['activeDisclosure.normativeDocuments.issued']) + 16;
  values['activeDisclosure.normativeDocuments.issued'] = `${issued}（其中修订 16 件）`;
  expected['activeDisclosure.normativeDocuments.issued'] = issued;
  expected[positives[0]] = Number(base[positives[0]]);
  return { values, expected };
}

/** Printed totals that disagree with their parts (the checks must report, never fix, them). */
function wrongTotalOverrides(seed) {
  const base = makeSpec(seed).values;
  const key = 'applications.newReceived.total';
  const wrong = Number(base[key]) + 3;
  const review = Number(base['reviewsAndLawsuits.review.total']) + 1;
  return {
    values: { [key]: String(wrong), 'reviewsAndLawsuits.review.total': String(review) },
    expected: { [key]: wrong, 'reviewsAndLawsuits.review.total': review },
  };
}

/** Many reports fill only the 自然人 and 总计 columns: the organisation columns left blank. */
function blankOrgOverrides(seed) {
  const base = makeSpec(seed).values;
  const values = {};
  const expected = {};
  for (const k of Object.keys(base))
    if (k.startsWith('applications.') && /\.(business|research|publicInterest|legalService|otherOrg)$/.test(k) && base[k] === '0') (values[k] = ''), (expected[k] = null);
  return { values, expected };
}

// ── the fixture list ─────────────────────────────────────────────────────────────────────────

const STYLES = ['chinese', 'arabic', 'paren', 'part', 'fullwidth', 'spaced'];
const REPORTS = [
  ...STYLES.map((numbering, i) => ({ name: `tika-${numbering}`, style: 'tika', seed: 101 + i, overrides: { numbering } })),
  { name: 'tika-values', style: 'tika', seed: 201, overrides: variantOverrides(201) },
  { name: 'tika-wrong-totals', style: 'tika', seed: 202, overrides: wrongTotalOverrides(202) },
  { name: 'tika-blank-org', style: 'tika', seed: 203, overrides: blankOrgOverrides(203) },
  { name: 'tika-single-other', style: 'tika', seed: 204, overrides: { otherLayout: 'single', year: 2020, numbering: 'arabic' } },
  { name: 'tika-gbk', style: 'tika', seed: 205, overrides: {}, encoding: 'gbk' },
  { name: 'markdown-chinese', style: 'markdown', seed: 301, overrides: {} },
  { name: 'markdown-values', style: 'markdown', seed: 302, overrides: variantOverrides(302) },
  { name: 'markdown-single-other', style: 'markdown', seed: 303, overrides: { otherLayout: 'single', numbering: 'paren' } },
  { name: 'layout-chinese', style: 'layout', seed: 401, overrides: {} },
  { name: 'layout-values', style: 'layout', seed: 402, overrides: variantOverrides(402) },
  { name: 'layout-blank-org', style: 'layout', seed: 403, overrides: blankOrgOverrides(403) },
  { name: 'layout-single-other', style: 'layout', seed: 404, overrides: { otherLayout: 'single', numbering: 'part' } },
  // Narrow columns in table 三 (issue 14): labels wrap inside their cells, and numbers wrap too —
  // full-width digits break anywhere (１１０ as １１ / ０), thousands after the separator.
  ...[
    ['fullwidth', 5, { fullWidth: true }],
    ['fullwidth-dash', 412, { fullWidth: true, scale: 3, zero: '-' }],
    ['fullwidth-blank', 413, { fullWidth: true, scale: 2, blankOrg: true }],
    ['thousands', 414, { thousands: true, scale: 13 }],
    ['thousands-dash', 415, { thousands: true, scale: 17, zero: '—' }],
    ['thousands-blank', 416, { thousands: true, scale: 11, blankOrg: true }],
    // full-width thousands (`４，６１５`) break anywhere: `４，６１` / `５`
    ['fullwidth-thousands', 418, { fullWidth: true, thousands: true, scale: 13 }],
    ['fullwidth-thousands-dash', 419, { fullWidth: true, thousands: true, scale: 11, zero: '－' }],
  ].map(([name, seed, printed]) => ({ name: `layout-narrow-${name}`, style: 'layout', seed, overrides: printedApplications(seed, printed), widths: [40, 25, 70, 28] })),
  // The report of issue 14: 三（七）总计 of `３５８` printed as `３５` / values / `８`, through DOCX.
  { name: 'layout-narrow-docx', style: 'layout', seed: 5, overrides: printedApplications(5, { fullWidth: true }), widths: [40, 40, 70, 30], viaDocx: true },
  // Issue 9 item 4: a dash row whose group label wraps onto the lines below (（三 / ）不 / 予公).
  // The group label is top-aligned so that its first line shares the row's line: `（三 1.属于国家秘密 - - …`.
  { name: 'layout-dash-wrapped-label', style: 'layout', seed: 417, overrides: zeroRow(417, 'denied.stateSecret', printedApplications(417, { zero: '-' }), '-'), widths: [40, 22, 118, 40], top: true },
  // The page printed by Chromium (issue 9): no blank lines between a table's rows, nor between
  // table 二's four small tables, their captions and the headings around them.
  { name: 'layout-chromium-chinese', style: 'layout', seed: 501, overrides: {}, printer: 'chromium' },
  { name: 'layout-chromium-single-other', style: 'layout', seed: 502, overrides: { otherLayout: 'single', numbering: 'arabic' }, printer: 'chromium' },
  { name: 'layout-chromium-blank-org', style: 'layout', seed: 503, overrides: blankOrgOverrides(503), printer: 'chromium' },
  // Its full-width ３２３ wraps in the narrow 自然人 column (`３２` above the row, `３` between it
  // and the next): `partial`, the cells that piece may belong to are left empty with a warning.
  { name: 'layout-chromium-values', style: 'layout', seed: 504, overrides: variantOverrides(504), printer: 'chromium', partial: true },
];

const NOT_A_REPORT = [
  '关于做好2024年春节期间安全生产工作的通知',
  '',
  '各村（社区）、各有关单位：',
  '\t春节将至，为切实做好节日期间安全生产工作，现将有关事项通知如下。',
  '一、提高思想认识。各单位要高度重视，落实主体责任。',
  '二、加强隐患排查。重点检查人员密集场所和燃气设施。',
  '联系人：王明    电话：0374-5681009',
  '',
  '示例镇人民政府办公室',
  '2024年1月20日',
  '',
].join('\n');

function layoutTexts(reports) {
  const work = mkdtempSync(join(tmpdir(), 'xxgk-layout-'));
  try {
    for (const r of reports) {
      const narrow = (part) => (r.widths && part.includes('申请人情况') ? withColumnWidths(part, r.widths, { top: r.top }) : part);
      writeFileSync(join(work, `${r.name}.html`), reportHtml(makeSpec(r.seed, r.overrides), narrow));
    }
    // Each soffice run needs its own profile, or parallel runs lose files silently.
    const soffice = (...args) => execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args], { stdio: 'ignore' });
    const chromium = reports.filter((r) => r.printer === 'chromium');
    for (const r of chromium)
      execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(work, 'chrome')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(work, `${r.name}.pdf`)}`, `file://${join(work, `${r.name}.html`)}`], { stdio: 'ignore', timeout: 120_000 });
    const direct = reports.filter((r) => !r.viaDocx && r.printer !== 'chromium');
    const viaDocx = reports.filter((r) => r.viaDocx);
    if (direct.length) soffice('--convert-to', 'pdf', '--outdir', work, ...direct.map((r) => join(work, `${r.name}.html`)));
    // Through DOCX, as offices make them (Writer's own table layout, not the web view's).
    if (viaDocx.length) {
      soffice('--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, ...viaDocx.map((r) => join(work, `${r.name}.html`)));
      soffice('--convert-to', 'pdf', '--outdir', work, ...viaDocx.map((r) => join(work, `${r.name}.docx`)));
    }
    return Object.fromEntries(reports.map((r) => [r.name, execFileSync('pdftotext', ['-layout', join(work, `${r.name}.pdf`), '-']).toString('utf8')]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest = [];
  const layout = layoutTexts(REPORTS.filter((r) => r.style === 'layout'));
  for (const r of REPORTS) {
    const spec = makeSpec(r.seed, r.overrides);
    const text = r.style === 'layout' ? layout[r.name] : renderText(spec, r.style);
    const file = `${r.name}.${r.style === 'markdown' ? 'md' : 'txt'}`;
    writeFileSync(join(OUT, file), r.encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
    manifest.push({ file, style: r.style, seed: r.seed, overrides: r.overrides, ...(r.encoding ? { encoding: r.encoding } : {}), ...(r.widths ? { widths: r.widths } : {}), ...(r.printer ? { printer: r.printer } : {}), ...(r.partial ? { partial: true } : {}) });
  }
  writeFileSync(join(OUT, 'empty.txt'), '');
  manifest.push({ file: 'empty.txt', style: 'empty' });
  writeFileSync(join(OUT, 'not-a-report.txt'), NOT_A_REPORT);
  manifest.push({ file: 'not-a-report.txt', style: 'prose' });
  // One fixture per line keeps the manifest short and its diffs readable.
  writeFileSync(join(OUT, 'manifest.json'), `[\n${manifest.map((m) => JSON.stringify(m)).join(',\n')}\n]\n`);
  console.log(`wrote ${manifest.length} fixtures to test/fixtures/text/`);
}

main();
