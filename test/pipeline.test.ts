// End to end over the project's own text fixtures: every cell of the spec it was made from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/pipeline.js';
import { FIXTURES, manifest, specOf, wrongCells } from './helpers.js';

// Narrow-column layouts (`widths`) leave unclear cells empty: test/parsers/text-wrapped.test.ts;
// so does a `partial` one (test/parsers/text-chromium.test.ts).
const reports = manifest('text').filter((e) => e.seed !== undefined && !e.widths && !e.partial);

describe('text fixtures parse to their spec', () => {
  it('has fixtures to check', () => expect(reports.length).toBeGreaterThanOrEqual(15));

  for (const entry of reports) {
    it(entry.file, async () => {
      const spec = specOf(entry);
      const report = await parseFile(join(FIXTURES, 'text', entry.file));
      expect(wrongCells(report, spec)).toEqual([]);
      expect(report.meta.agency).toBe(spec.agency);
      expect(report.meta.year).toBe(spec.year);
      expect(report.meta.published).toBe(spec.published);
      expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  }
});

describe('checks report the arithmetic and never change values', () => {
  it('a report whose printed totals are wrong: checks false, values as printed', async () => {
    const report = await parseFile(join(FIXTURES, 'text', 'tika-wrong-totals.txt'));
    expect(report.tables.applications!.newReceived.total.value).toBe(381);
    expect(report.tables.reviewsAndLawsuits!.review.total.value).toBe(5);
    const failed = report.checks.filter((c) => c.ok === false).map((c) => c.id);
    expect(failed).toContain('applications.rowTotal.newReceived');
    expect(failed).toContain('applications.balance.total');
    expect(failed).toContain('reviewsAndLawsuits.review.total');
    const review = report.checks.find((c) => c.id === 'reviewsAndLawsuits.review.total')!;
    expect(review.actual).toBe(5);
    expect(review.expected).not.toBe(5);
    expect(report.warnings.filter((w) => w.code === 'W_CHECK_FAILED').length).toBe(failed.length);
  });

  it('blank cells: null values, checks null, never false', async () => {
    const report = await parseFile(join(FIXTURES, 'text', 'tika-blank-org.txt'));
    expect(report.tables.applications!.carriedOver.business.value).toBeNull();
    expect(report.tables.applications!.carriedOver.business.raw).toBe('');
    expect(report.checks.find((c) => c.id === 'applications.rowTotal.carriedOver')!.ok).toBeNull();
    expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
    expect(report.warnings.some((w) => w.code === 'W_CELL_EMPTY' && w.cell === 'applications.carriedOver.business')).toBe(true);
  });

  it('every check passes on a consistent report', async () => {
    const report = await parseFile(join(FIXTURES, 'text', 'tika-chinese.txt'));
    expect(report.checks.length).toBe(7 * 2 + 25 + 3);
    expect(report.checks.every((c) => c.ok === true)).toBe(true);
  });

  it('the 2019-style single row 三（六） maps to other.other and is checked without the 2021 rows', async () => {
    const report = await parseFile(join(FIXTURES, 'text', 'tika-single-other.txt'));
    expect(report.tableInfo.applications!.templateVersion).toBe('2019');
    expect(report.tables.applications!.other.overdueFee.total.raw).toBeNull();
    expect(report.checks.every((c) => c.ok === true)).toBe(true);
    expect(report.warnings.filter((w) => w.code === 'W_ROW_MISSING')).toEqual([]);
  });
});

describe('inputs that are not reports', () => {
  it('empty input → E_EMPTY', async () => {
    await expect(parseFile(join(FIXTURES, 'text', 'empty.txt'))).rejects.toMatchObject({ code: 'E_EMPTY' });
  });
  it('prose that is not a report → E_NOT_A_REPORT with a message saying why', async () => {
    const error = await parseFile(join(FIXTURES, 'text', 'not-a-report.txt')).catch((e) => e);
    expect(error.code).toBe('E_NOT_A_REPORT');
    expect(error.message).toMatch(/no template table/);
  });
  it('a missing file → E_READ', async () => {
    await expect(parseFile(join(FIXTURES, 'no-such-file.txt'))).rejects.toMatchObject({ code: 'E_READ' });
  });
});
