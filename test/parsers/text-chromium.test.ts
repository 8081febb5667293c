// pdftotext -layout text of reports printed to PDF by Chromium (issue 9): no blank lines between a
// table's rows, nor between table 二's small tables, their 第二十条 captions and the part headings
// around them. Tables end at a part heading or a caption; the signature stays prose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../../src/model.js';
import { isTableBarrier } from '../../src/parsers/text-columns.js';
import { blocksOfText } from '../../src/parsers/text.js';
import { parseFile } from '../../src/pipeline.js';
import { cellAt, FIXTURES, manifest, specOf, wrongCells } from '../helpers.js';

const chromium = manifest('text').filter((e) => e.printer === 'chromium');
const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === 'table');
const grid = (t: Table) => t.grid.map((r) => r.map((c) => c.text));

describe('table bounds in layout text', () => {
  it('knows part headings and 第二十条 captions, not row labels or prose', () => {
    for (const line of ['三、收到和处理政府信息公开申请情况', '  四、政府信息公开行政复议、行政诉讼情况', '\f第二十条第（五）项', '（二）主动公开政府信息情况', '5.存在的主要问题及改进情况'])
      expect(isTableBarrier(line), line).toBe(true);
    for (const line of ['一、本年新收政府信息公开申请数量', '四、结转下年度继续办理', '主动公开政府信息情况', '三、收到和处理政府信息公开申请情况如下，全年共收到申请', '信息内容     本年制发件数', ''])
      expect(isTableBarrier(line), line).toBe(false);
  });

  it('ends a table at a heading or a caption with no blank line before it', () => {
    const text = ['第二十条第（一）项', '信息内容     本年制发件数 本年废止件数', '规章       3         0', '第二十条第（五）项', '信息内容     本年处理决定数量', '行政许可     4625', '', '三、收到和处理政府信息公开申请情况', '', '一、本年新收政府信息公开申请数量    5    1    6', '二、上年结转政府信息公开申请数量    0    0    0', ''].join('\n');
    const blocks = blocksOfText(text);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual(['第二十条第（一）项', 'table', '第二十条第（五）项', 'table', '三、收到和处理政府信息公开申请情况', 'table']);
    expect(tables(blocks).map(grid)).toEqual([
      [['信息内容', '本年制发件数', '本年废止件数'], ['规章', '3', '0']],
      [['信息内容', '本年处理决定数量'], ['行政许可', '4625']],
      [['一、本年新收政府信息公开申请数量', '5', '1', '6'], ['二、上年结转政府信息公开申请数量', '0', '0', '0']],
    ]);
  });
});

describe('Chromium-printed layout fixtures (scripts/make-text-fixtures.mjs)', () => {
  it('has whole reports, one with blank cells, and one whose numbers wrap', () => {
    expect(chromium.map((e) => e.file)).toEqual(['layout-chromium-chinese.txt', 'layout-chromium-single-other.txt', 'layout-chromium-blank-org.txt', 'layout-chromium-values.txt']);
    expect(Object.values(specOf(chromium.find((e) => e.file === 'layout-chromium-blank-org.txt')!).expected)).toContain(null);
  });

  for (const entry of chromium) {
    it(`${entry.file}: table 二 in its four tables, headings and signature as prose, ${entry.partial ? 'no number in a wrong cell, every empty cell warned' : 'every cell as the spec says'}`, async () => {
      const spec = specOf(entry);
      const text = readFileSync(join(FIXTURES, 'text', entry.file), 'utf8');
      const blocks = blocksOfText(text);
      const ts = tables(blocks);
      expect(grid(ts[0]).map((r) => r[0])).toEqual(['信息内容', '规章', '行政规范性文件']);
      expect(ts.slice(1, 4).map((t) => grid(t).map((r) => r[0]))).toEqual([['信息内容', '行政许可'], ['信息内容', '行政处罚', '行政强制'], ['信息内容', '行政事业性收费']]);
      const after = blocks.slice(blocks.indexOf(ts[ts.length - 1]) + 1);
      expect(after.every((b) => b.kind === 'paragraph')).toBe(true);
      expect(after.map((b) => (b.kind === 'paragraph' ? b.text : '')).slice(-2)).toEqual([spec.agency, `${spec.published.slice(0, 4)}年${Number(spec.published.slice(5, 7))}月${Number(spec.published.slice(8, 10))}日`]);

      const report = await parseFile(join(FIXTURES, 'text', entry.file));
      expect(report.meta.agency).toBe(spec.agency);
      expect(report.meta.year).toBe(spec.year);
      expect(report.meta.published).toBe(spec.published);
      expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
      if (!entry.partial) {
        expect(wrongCells(report, spec)).toEqual([]);
        return;
      }
      const placed = Object.entries(spec.expected).filter(([key, value]) => (cellAt(report.tables, key)?.value ?? null) !== null && cellAt(report.tables, key)?.value !== value);
      expect(placed).toEqual([]);
      const unaligned = new Set(report.warnings.filter((w) => w.code === 'W_CELL_UNALIGNED').map((w) => w.origin?.line));
      for (const [key, value] of Object.entries(spec.expected)) {
        const cell = cellAt(report.tables, key);
        if (value === null || (cell?.value ?? null) !== null) continue;
        expect(cell?.origin?.line !== undefined && unaligned.has(cell.origin.line), `${key}: ${value} read as null without a warning`).toBe(true);
      }
    });
  }

  it('leaves a cell empty, with a warning, where a wrapped piece of its number may belong to the next row', async () => {
    // `３２` above 一、本年新收…, `３` between it and 二、上年结转…: never 32.
    const report = await parseFile(join(FIXTURES, 'text', 'layout-chromium-values.txt'));
    const cell = cellAt(report.tables, 'applications.newReceived.naturalPerson')!;
    expect(cell.value).toBeNull();
    expect(report.warnings.some((w) => w.code === 'W_CELL_UNALIGNED' && w.origin?.line === cell.origin?.line && w.message.includes('３２'))).toBe(true);
    expect(cellAt(report.tables, 'applications.newReceived.total')?.value).toBe(Number(specOf(chromium[3]).values['applications.newReceived.total']));
  });
});
