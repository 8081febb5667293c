// Figures in the generated fixtures: free-form reports (before 2019) in three styles, and template
// reports that state their totals in words, each in four formats (the .doc saved from the DOCX),
// every figure checked against the spec it was made from (scripts/make-figure-fixtures.mjs);
// test/parsers/doc.test.ts checks each .doc against its DOCX. And the prose figures of every
// other template-era fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, cellAt } from '../src/cell-keys.js';
import { CSV_COLUMNS, csvRow } from '../src/output/csv.js';
import { parseFile } from '../src/pipeline.js';
import { Report } from '../src/schema.js';
import { toHalfWidth } from '../src/templates/labels.js';
import { FIXTURES, specOf } from './helpers.js';

interface Entry {
  base: string;
  kind: 'freeform' | 'template';
  style: string;
  agency: string;
  year: number;
  sections: number;
  expected: Record<string, number>;
}
const all: Entry[] = JSON.parse(readFileSync(join(FIXTURES, 'figures', 'manifest.json'), 'utf8'));
const entries = all.filter((e) => e.kind === 'freeform');

const SEVEN = ['overview', 'activeDisclosure', 'applications', 'fees', 'reviewsAndLawsuits', 'problems', 'other'];

describe('free-form fixtures', () => {
  it('cover the three styles', () => expect(entries.map((e) => e.style).sort()).toEqual(['2008', 'prose', 'statistics']));

  for (const entry of entries)
    for (const format of ['html', 'docx', 'pdf', 'doc'] as const)
      it(`${entry.base}.${format}: template version freeform, its parts, every figure as its spec says`, async () => {
        const report = await parseFile(join(FIXTURES, 'figures', `${entry.base}.${format}`));
        expect(report.source.format).toBe(format);
        expect(report.meta).toMatchObject({ templateVersion: 'freeform', year: entry.year, agency: entry.agency });
        expect(report.sections.map((s) => s.key)).toEqual(SEVEN.slice(0, entry.sections));
        expect(report.sections.map((s) => s.number)).toEqual(SEVEN.slice(0, entry.sections).map((_, i) => i + 1));
        expect(report.tables).toEqual({ activeDisclosure: null, activeDisclosure2019: null, applications: null, reviewsAndLawsuits: null });
        const read = Object.fromEntries(FIGURE_KEYS.map((k) => [k, cellAt(report.figures, k)?.value ?? null]));
        const expected = Object.fromEntries(FIGURE_KEYS.map((k) => [k, entry.expected[k] ?? null]));
        expect(read).toEqual(expected);
        // A table's figures have the cell as origin; a sentence's the paragraph.
        const received = report.figures.applications.received;
        if (entry.style === 'statistics') expect(received.origin).toMatchObject({ row: expect.any(Number), col: 2 });
        else expect(received.origin?.row).toBeUndefined();
        expect(received.raw).toMatch(/申请/);
        const codes = report.warnings.map((w) => w.code);
        expect(codes).not.toContain('W_TABLE_MISSING');
        expect(codes).not.toContain('W_FIGURE_AMBIGUOUS');
        expect(codes).not.toContain('W_FIGURE_MISMATCH');
        expect(Report.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
        // reports.csv carries the figures in their own columns.
        const row = csvRow(report).trimEnd().split(',');
        expect(row.length).toBe(CSV_COLUMNS.length);
        expect(row[CSV_COLUMNS.indexOf('figures.applications.received')]).toBe(String(expected['applications.received']));
      });
});

describe('template reports that state their totals in words', () => {
  for (const entry of all.filter((e) => e.kind === 'template'))
    for (const format of ['html', 'docx', 'pdf', 'doc'] as const)
      it(`${entry.base}.${format}: the stated figures, each agreeing with its table`, async () => {
        const report = await parseFile(join(FIXTURES, 'figures', `${entry.base}.${format}`));
        expect(report.meta.templateVersion).not.toBe('freeform');
        const read = Object.fromEntries(FIGURE_KEYS.map((k) => [k, cellAt(report.figures, k)?.value ?? null]));
        expect(read).toEqual(Object.fromEntries(FIGURE_KEYS.map((k) => [k, entry.expected[k] ?? null])));
        const soft = report.checks.filter((c) => c.soft);
        expect(soft.map((c) => c.id).sort()).toEqual(['figures.applications.received', 'figures.lawsuits.count', 'figures.reviews.count']);
        expect(soft.every((c) => c.ok === true)).toBe(true);
        expect(report.checks.filter((c) => c.ok !== true)).toEqual([]);
        expect(report.warnings.filter((w) => /FIGURE|CHECK/.test(w.code))).toEqual([]);
      });
});

describe('records written before figures existed', () => {
  it('still read: figures all null, checks not soft', async () => {
    const report = await parseFile(join(FIXTURES, 'figures', `${entries[0].base}.html`));
    const old = JSON.parse(JSON.stringify(report));
    delete old.figures;
    old.checks = [{ id: 'x', rule: 'r', ok: true, expected: 1, actual: 1, cells: [] }];
    const parsed = Report.parse(old);
    expect(FIGURE_KEYS.every((k) => cellAt(parsed.figures, k)?.value === null && cellAt(parsed.figures, k)?.raw === null)).toBe(true);
    expect(parsed.checks[0].soft).toBe(false);
  });
});

// Every template-era fixture states 主动公开 N 条 (N: the spec's licensing.decisions) and 未收取信息处理费.
function templateFixtures(): { path: string; seed: number; overrides: Record<string, unknown> }[] {
  const read = (folder: string, name: string) => JSON.parse(readFileSync(join(FIXTURES, folder, name), 'utf8'));
  const docx = read('docx', 'manifest.json').cases as { docx: string; html: string; seed: number; overrides?: Record<string, unknown> }[];
  const html = read('html', 'manifest.json').cases as { file: string; seed: number; overrides?: Record<string, unknown> }[];
  const text = read('text', 'manifest.json') as { file: string; seed?: number; overrides?: Record<string, unknown> }[];
  const pdf = read('pdf', 'fixtures.json') as Record<string, { seed: number; overrides?: Record<string, unknown> }>;
  return [
    ...docx.flatMap((c) => [
      { path: join('docx', c.docx), seed: c.seed, overrides: c.overrides ?? {} },
      { path: join('docx', c.html), seed: c.seed, overrides: c.overrides ?? {} },
    ]),
    ...html.map((c) => ({ path: join('html', c.file), seed: c.seed, overrides: c.overrides ?? {} })),
    ...text.flatMap((c) => (c.seed === undefined ? [] : [{ path: join('text', c.file), seed: c.seed, overrides: c.overrides ?? {} }])),
    ...Object.entries(pdf)
      .filter(([name]) => !name.startsWith('encrypted'))
      .map(([name, c]) => ({ path: join('pdf', name), seed: c.seed, overrides: c.overrides ?? {} })),
  ];
}

describe('template-era fixtures', () => {
  for (const fixture of templateFixtures())
    it(`${fixture.path}: the prose figures`, async () => {
      const report = await parseFile(join(FIXTURES, fixture.path));
      const spec = specOf({ file: fixture.path, seed: fixture.seed, overrides: fixture.overrides });
      // Printed as the table prints it: 2,214 and full-width digits are numbers, a dash is none.
      const items = toHalfWidth(spec.values['activeDisclosure.licensing.decisions']).replace(/,/g, '');
      const read = Object.fromEntries(FIGURE_KEYS.flatMap((k) => (cellAt(report.figures, k)?.value ?? null) === null ? [] : [[k, cellAt(report.figures, k)?.value]]));
      expect(read).toEqual({ ...(/^\d+$/.test(items) ? { 'activeDisclosure.items': Number(items) } : {}), 'fees.amount': 0 });
      expect(report.checks.filter((c) => c.soft)).toEqual([]);
      expect(report.warnings.filter((w) => /FIGURE/.test(w.code))).toEqual([]);
    });
});
