// Figures from the statistics tables of free-form reports (指标名称 | 计量单位 | 2011年度 | 历年累计):
// a row whose label means a figure key gives that figure, from the year's column, never the
// running total. Tables come as grids, or flattened into one line of prose with the cells run
// together ("当面申请数条01"): there a number is split from its neighbour only where one split
// alone can be right (the year's count is at most the running total, no number starts with 0).
import type { Document } from '../model.js';
import type { Origin, Warning } from '../schema.js';
import { CUMULATIVE_COLUMN, LABEL_NUMBERING, STATISTICS_HEADER, TABLE_LABELS, TABLE_UNIT, type FigureKey, type TableLabel } from '../templates/figures.js';
import { canonicalLabel, compactText } from '../templates/labels.js';
import type { FoundFigure } from './figures.js';
import type { Row } from './rows.js';
import { splitsOf } from './split-runs.js';
import { parseValue } from './values.js';

function tableLabel(label: string): TableLabel | undefined {
  const bare = canonicalLabel(label).replace(LABEL_NUMBERING, '').replace(/^[.、．：:]+/, '');
  return bare === '' ? undefined : TABLE_LABELS.find((l) => l.pattern.test(bare));
}

export function labelKey(label: string): FigureKey | null {
  return tableLabel(label)?.key ?? null;
}

/** The keys a row's number stands for: its own, or both of a two-key row that prints 0. */
function rowKeys(label: TableLabel | undefined, value: number | null): FigureKey[] {
  if (!label) return [];
  if (label.key) return [label.key];
  return value === 0 ? (label.zeroFor ?? []) : [];
}

const YEAR_COLUMN = /\d{4}年|本年|年度/;
const unitTimes = (unit: string | undefined) => (unit && canonicalLabel(unit).startsWith('万') ? 1e4 : 1);

function put(figures: Map<FigureKey, FoundFigure>, key: FigureKey, figure: FoundFigure, warnings: Warning[]): void {
  const held = figures.get(key);
  if (!held) figures.set(key, figure);
  else if (held.value !== figure.value)
    warnings.push({ code: 'W_FIGURE_AMBIGUOUS', message: `figures.${key}: the table prints ${held.value} and ${figure.value}; the first is kept`, origin: figure.origin, cell: `figures.${key}` });
}

/** Grids: per table block, the header row says which cell is the year's. */
export function readGridFigures(rows: Row[], warnings: Warning[]): Map<FigureKey, FoundFigure> {
  const figures = new Map<FigureKey, FoundFigure>();
  const yearColumn = new Map<number, number>();
  for (const row of rows) {
    if (row.cells.some((c) => CUMULATIVE_COLUMN.test(c.text)) || row.cells.some((c) => STATISTICS_HEADER.test(canonicalLabel(c.text)))) {
      const at = row.cells.findIndex((c) => YEAR_COLUMN.test(c.text) && !CUMULATIVE_COLUMN.test(c.text));
      if (at >= 0) yearColumn.set(row.block, at);
      continue;
    }
    if (row.values.length === 0 || row.labels.length === 0) continue;
    const label = tableLabel(row.labels[0].text);
    if (!label) continue;
    const column = yearColumn.get(row.block);
    const cell = column !== undefined && column < row.cells.length && row.cells.indexOf(row.values[0]) <= column ? row.cells[column] : row.values[0];
    const { value } = parseValue(cell.text);
    if (value === null) continue;
    const unit = row.labels.find((l) => TABLE_UNIT.test(canonicalLabel(l.text)))?.text;
    for (const key of rowKeys(label, value)) put(figures, key, { value: value * unitTimes(unit), raw: row.text, origin: cell.origin }, warnings);
  }
  return figures;
}

const RUN_TOGETHER = /([^\d]{2,40}?)(万元|人次|条|件|元|个|次|项|份)(\d+)(?=([.、．]?))/g;

/** The year's number out of "year + running total" digits, where only one split can be right,
 *  or where the prose states one of the possible splits (then the table confirms it). */
export function splitYear(digits: string, stated?: number): number | null {
  // Every cut into two printed numbers (split-runs.ts: no leading zero) where the year's is at most the total.
  const fits = (splitsOf(digits, 2, digits.length) ?? []).filter(([year, total]) => Number(year) <= Number(total)).map(([year]) => Number(year));
  if (fits.length === 1) return fits[0];
  return stated !== undefined && fits.includes(stated) ? stated : null;
}

/** Statistics tables flattened into a paragraph: label, unit and numbers run together. */
export function readRunTogetherFigures(document: Document, prose: Map<FigureKey, FoundFigure>, warnings: Warning[]): Map<FigureKey, FoundFigure> {
  const figures = new Map<FigureKey, FoundFigure>();
  for (const [index, block] of document.blocks.entries()) {
    if (block.kind !== 'paragraph') continue;
    const text = compactText(block.text);
    const header = /指标名称(.{0,30}?)(?=主动公开|受理|其中|$)/.exec(text);
    if (!header) continue;
    const twoColumns = CUMULATIVE_COLUMN.test(header[1]) && YEAR_COLUMN.test(header[1].replace(CUMULATIVE_COLUMN, ''));
    const origin: Origin = { ...block.origin, block: index };
    for (const match of text.slice(header.index + header[0].length).matchAll(RUN_TOGETHER)) {
      const [, label, unit, printed, after] = match;
      // The next row's numbering runs into this row's numbers: "…条002.传真申请数".
      const digits = after !== '' && printed.length > 1 ? printed.slice(0, -1) : printed;
      const row = tableLabel(label);
      const keys = row?.key ? [row.key] : (row?.zeroFor ?? []);
      if (!row || keys.length === 0) continue;
      const value = twoColumns ? splitYear(digits, row.key ? prose.get(row.key)?.value : undefined) : Number(digits);
      const raw = `${label.replace(LABEL_NUMBERING, '').replace(/^[.、．：:]+/, '')}${unit}${digits}`;
      if (value === null) {
        warnings.push({ code: 'W_FIGURE_AMBIGUOUS', message: `figures.${keys.join(', figures.')}: "${raw}" runs the year's number and the running total together; they cannot be told apart`, origin, cell: `figures.${keys[0]}` });
        continue;
      }
      for (const key of rowKeys(row, value)) put(figures, key, { value: value * unitTimes(unit), raw, origin }, warnings);
    }
  }
  return figures;
}
