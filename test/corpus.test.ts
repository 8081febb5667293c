// The real reports in ../shared/corpus (never copied here): the seed's known answer, and cell
// accuracy against the hand-read answers, as `xxgk eval` measures it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CELL_KEYS, cellAt } from '../src/cell-keys.js';
import { Gold, scoreReport } from '../src/cli/eval.js';
import { parseFile } from '../src/pipeline.js';
import { HAS_CORPUS, NO_CORPUS, SHARED } from './helpers.js';

describe.skipIf(!HAS_CORPUS)(`the seed report (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  it('parses to 小召乡 2022, dated 2023-01-06, six parts, 200 zeros, every check passing', async () => {
    const report = await parseFile(join(SHARED, 'seed', 'xiaozhao-2022-flattened.txt'));
    expect(report.meta).toMatchObject({ agency: '许昌市建安区小召乡人民政府', year: 2022, published: '2023-01-06', templateVersion: '2021' });
    expect(report.sections.map((s) => s.key)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewsAndLawsuits', 'problems', 'other']);
    const keys = ALL_CELL_KEYS.filter((k) => !k.startsWith('activeDisclosure2019.'));
    expect(keys.length).toBe(200);
    expect(keys.filter((k) => cellAt(report.tables, k)?.value !== 0)).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(0);
    expect(report.checks.filter((c) => c.ok !== true)).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});

describe.skipIf(!HAS_CORPUS)(`the blank national template DOCX (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  it('parses to every cell null with warnings: no crash, no zeros invented', async () => {
    const report = await parseFile(join(SHARED, 'corpus', 'template', '政务公开年报模版.docx'));
    expect(report.source.format).toBe('docx');
    const keys = ALL_CELL_KEYS.filter((k) => !k.startsWith('activeDisclosure2019.'));
    expect(keys.filter((k) => cellAt(report.tables, k)?.value !== null)).toEqual([]);
    expect(keys.filter((k) => cellAt(report.tables, k)?.raw !== '')).toEqual([]);
    expect(report.checks.length).toBe(42);
    expect(report.checks.every((c) => c.ok === null)).toBe(true);
    expect(report.warnings.filter((w) => w.code === 'W_CELL_EMPTY').length).toBe(200);
  });
});

const golds = HAS_CORPUS
  ? readdirSync(join(SHARED, 'corpus', 'gold'))
      .filter((n) => n.endsWith('.gold.json'))
      .map((n) => Gold.parse(JSON.parse(readFileSync(join(SHARED, 'corpus', 'gold', n), 'utf8'))))
  : [];

describe.skipIf(!HAS_CORPUS)(`hand-read answers (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  for (const gold of golds) {
    it(`${gold.file}: ≥ 99.5% of answered cells, agency and year right, broken checks reported`, async () => {
      const report = await parseFile(join(SHARED, 'corpus', 'real', gold.file));
      const score = scoreReport(gold, report);
      expect(score.wrong).toEqual([]);
      expect(score.right / score.total).toBeGreaterThanOrEqual(0.995);
      expect(score.agency).toBe(true);
      expect(score.year).toBe(true);
      expect(score.templateVersion).toBe(true);
      if (gold.brokenCheck) expect(score.brokenCheck).toBe(true);
    });
  }
});

const realPdfs = HAS_CORPUS ? readdirSync(join(SHARED, 'corpus', 'real')).filter((n) => n.endsWith('.pdf')) : [];

describe.skipIf(!HAS_CORPUS)(`every real PDF (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  for (const name of realPdfs)
    it(`${name} yields agency, year and all three tables`, async () => {
      const report = await parseFile(join(SHARED, 'corpus', 'real', name));
      expect(report.meta.agency).toMatch(/人民政府$/);
      expect(report.meta.year).toBeGreaterThanOrEqual(2023);
      expect(report.tables.activeDisclosure).not.toBeNull();
      expect(report.tables.applications).not.toBeNull();
      expect(report.tables.reviewsAndLawsuits).not.toBeNull();
      expect(report.warnings.filter((w) => ['W_ROW_MISSING', 'W_TABLE_MISSING', 'W_ROW_UNPLACED'].includes(w.code))).toEqual([]);
    });
});
