// Free-form reports (before 2019): the generated fixtures in three styles and three formats, each
// figure checked against the spec it was made from (scripts/fixtures/freeform.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, cellAt } from '../src/cell-keys.js';
import { CSV_COLUMNS, csvRow } from '../src/output/csv.js';
import { parseFile } from '../src/pipeline.js';
import { Report } from '../src/schema.js';
import { FIXTURES } from './helpers.js';

interface Entry {
  base: string;
  style: string;
  agency: string;
  year: number;
  sections: number;
  expected: Record<string, number>;
}
const entries: Entry[] = JSON.parse(readFileSync(join(FIXTURES, 'freeform', 'manifest.json'), 'utf8'));

const SEVEN = ['overview', 'activeDisclosure', 'applications', 'fees', 'reviewsAndLawsuits', 'problems', 'other'];

describe('free-form fixtures', () => {
  it('cover the three styles', () => expect(entries.map((e) => e.style).sort()).toEqual(['2008', 'prose', 'statistics']));

  for (const entry of entries)
    for (const format of ['html', 'docx', 'pdf'] as const)
      it(`${entry.base}.${format}: template version freeform, its parts, every figure as its spec says`, async () => {
        const report = await parseFile(join(FIXTURES, 'freeform', `${entry.base}.${format}`));
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

describe('records written before figures existed', () => {
  it('still read: figures all null, checks not soft', async () => {
    const report = await parseFile(join(FIXTURES, 'freeform', `${entries[0].base}.html`));
    const old = JSON.parse(JSON.stringify(report));
    delete old.figures;
    old.checks = [{ id: 'x', rule: 'r', ok: true, expected: 1, actual: 1, cells: [] }];
    const parsed = Report.parse(old);
    expect(FIGURE_KEYS.every((k) => cellAt(parsed.figures, k)?.value === null && cellAt(parsed.figures, k)?.raw === null)).toBe(true);
    expect(parsed.checks[0].soft).toBe(false);
  });
});
