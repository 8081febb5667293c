// Table 二 from the row stream: sub-table headers name the columns, rows are found by label,
// and values are mapped to the header's columns in order (never by grid position, which
// differs between a sub-table's header and its rows in real reports).
import type { Cell, TemplateVersion, Warning } from '../../schema.js';
import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, ACTIVE_DISCLOSURE_MARKERS, type DisclosureTemplate } from '../../templates/active-disclosure.js';
import { canonicalLabel } from '../../templates/labels.js';
import { readCell } from '../cells.js';
import type { Row, RowCell } from '../rows.js';

const TEMPLATES = [ACTIVE_DISCLOSURE_2021, ACTIVE_DISCLOSURE_2019];

export interface DisclosureFound {
  table: DisclosureTemplate['table'];
  version: TemplateVersion;
  cells: Map<string, Cell>;
  firstRow: Row;
}

interface Found {
  label: string;
  values: RowCell[];
  header: Row | null;
  row: Row;
}

function headerColumns(row: Row, template: DisclosureTemplate): string[] {
  const columns: string[] = [];
  for (const cell of row.labels) {
    const text = canonicalLabel(cell.text);
    const hits = template.columns
      .map((column) => ({ key: column.key, at: text.search(column.pattern) }))
      .filter((hit) => hit.at >= 0)
      .sort((a, b) => a.at - b.at);
    columns.push(...hits.map((hit) => hit.key));
  }
  return columns;
}

function rowLabel(row: Row): string | null {
  for (let i = row.labels.length - 1; i >= 0; i--) {
    const label = canonicalLabel(row.labels[i].text);
    if (TEMPLATES.some((t) => t.rows.some((r) => r.pattern.test(label)))) return label;
  }
  return null;
}

export function readActiveDisclosure(rows: Row[], end: number, year: number | null, warnings: Warning[]): DisclosureFound | null {
  const found: Found[] = [];
  let headerRow: Row | null = null;
  const votes = new Map<TemplateVersion, number>([['2021', 0], ['2019', 0]]);
  for (const row of rows.slice(0, end)) {
    const numbers = row.values.filter((v) => v.text.trim() !== '').length;
    if (numbers === 0 && ACTIVE_DISCLOSURE_MARKERS.some((m) => m.test(canonicalLabel(row.text)))) {
      headerRow = row;
      for (const t of TEMPLATES) if (t.markers.some((m) => m.test(canonicalLabel(row.text)))) votes.set(t.version, votes.get(t.version)! + 1);
      continue;
    }
    const label = rowLabel(row);
    if (!label || row.values.length === 0) continue;
    found.push({ label, values: row.values, header: headerRow, row });
  }
  if (found.length === 0) return null;

  const version: TemplateVersion =
    votes.get('2019')! > votes.get('2021')! ? '2019' : votes.get('2021')! > 0 ? '2021' : year !== null && year < 2021 ? '2019' : '2021';
  const template = version === '2021' ? ACTIVE_DISCLOSURE_2021 : ACTIVE_DISCLOSURE_2019;
  const cells = new Map<string, Cell>();
  for (const f of found) {
    const row = template.rows.find((r) => r.pattern.test(f.label));
    if (!row) continue;
    if (cells.has(`${row.key}.${row.columns[0]}`)) continue;
    const header = f.header ? headerColumns(f.header, template) : [];
    const columns = header.length === f.values.length && header.every((h) => row.columns.includes(h)) ? header : row.columns;
    const values = f.values.length > columns.length && f.values.slice(columns.length).every((v) => v.text.trim() === '') ? f.values.slice(0, columns.length) : f.values;
    if (values.length !== columns.length) {
      warnings.push({
        code: 'W_ROW_SHAPE',
        message: `table 二 row ${row.key} has ${values.length} values where the template has ${columns.length}: left out`,
        origin: values[0]?.origin,
      });
      continue;
    }
    columns.forEach((column, c) => cells.set(`${row.key}.${column}`, readCell(values[c], `${template.table}.${row.key}.${column}`, warnings)));
  }
  for (const row of template.rows)
    for (const column of row.columns)
      if (!cells.has(`${row.key}.${column}`))
        warnings.push({ code: 'W_CELL_MISSING', message: `table 二 has no cell ${row.key}.${column}: null`, cell: `${template.table}.${row.key}.${column}` });
  return { table: template.table, version, cells, firstRow: found[0].row };
}
