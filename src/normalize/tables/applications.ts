// Table 三 from the row stream: rows found by their labels; rows whose labels the source lost
// (broken conversions print a value row away from its label) are placed by template order, only
// where the gap between two labelled rows has exactly as many value rows as template rows.
import type { Cell, TemplateVersion, Warning } from '../../schema.js';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, APPLICATIONS_MARKERS, ROWS_2021_ONLY, SINGLE_OTHER_ROW } from '../../templates/applications.js';
import { REVIEWS_MARKERS } from '../../templates/reviews-and-lawsuits.js';
import { canonicalLabel } from '../../templates/labels.js';
import { readCell } from '../cells.js';
import { joinLabels, labelOnly, type Row, type RowCell } from '../rows.js';

const WIDTH = APPLICANT_COLUMNS.length;

export interface ApplicationsFound {
  cells: Map<string, Cell>;
  layout: TemplateVersion | null;
  firstRow: Row | null;
  /** Index in the stream just past the table. */
  end: number;
  start: number;
}

/** The row a canonical label names; 'single:other.other' for the 2019 layout's one 其他处理 row. */
export function applicationRowKey(label: string): string | null {
  for (const candidate of APPLICATION_ROWS) if (candidate.pattern.test(label)) return candidate.key;
  return SINGLE_OTHER_ROW.pattern.test(label) ? 'single:other.other' : null;
}

function matchLabel(text: string): string | null {
  return applicationRowKey(canonicalLabel(text));
}

function matchRow(row: Row): string | null {
  for (let i = row.labels.length - 1; i >= 0; i--) {
    const key = matchLabel(row.labels[i].text);
    if (key) return key;
  }
  return null;
}

/** The row named by a row's most specific (right-most) label cell alone. */
const ownKey = (row: Row): string | null => (row.labels.length > 0 ? matchLabel(row.labels[row.labels.length - 1].text) : null);

/** The seven value cells of a row, or null when the row does not hold seven. */
function rowValues(row: Row): RowCell[] | null {
  if (row.values.length < WIDTH) return null;
  const extra = row.values.slice(WIDTH);
  // Trailing empty cells come from ragged markdown; anything else means the row is not ours.
  if (extra.every((c) => c.text.trim() === '')) return row.values.slice(0, WIDTH);
  return row.values.slice(-WIDTH);
}

function isReviewsHeader(row: Row): boolean {
  return row.labels.some((l) => REVIEWS_MARKERS.review.test(l.text)) && row.values.length < WIDTH;
}

export function readApplications(rows: Row[], year: number | null, warnings: Warning[]): ApplicationsFound | null {
  const start = rows.findIndex(
    (row) => (matchRow(row) === 'newReceived' && rowValues(row)) || (row.values.length < WIDTH && APPLICATIONS_MARKERS.slice(0, 2).some((m) => m.test(row.text))),
  );
  if (start < 0) return null;

  type Entry = { key: string | null; row: Row; values: RowCell[] };
  const entries: Entry[] = [];
  let end = rows.length;
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    if (isReviewsHeader(row) && entries.length > 0) {
      end = i;
      break;
    }
    const values = rowValues(row);
    // A blank row (a page break through a table leaves one) is no row of the template.
    if (!values || (row.labels.length === 0 && values.every((v) => v.text.trim() === ''))) continue;
    const key = matchRow(row);
    // A label cut by a page break: the part without values joins the row it was cut from when
    // the whole label names that row (`5.属于三类` + `内部事务信息`), or names a row where the
    // part with the values named none.
    const previous = entries[entries.length - 1];
    if (previous && labelOnly(row) && !labelOnly(previous.row)) {
      const joined = joinLabels(previous.row, row);
      const whole = ownKey(joined);
      const own = ownKey(previous.row);
      if (whole !== null && (own === null ? key === null || key === whole : key === null && own === whole)) {
        previous.key = whole;
        previous.row = joined;
        continue;
      }
    }
    if (key === null && previous && previous.key === null && labelOnly(previous.row) && !labelOnly(row)) {
      const joined = joinLabels(previous.row, row);
      const whole = matchRow(joined);
      if (whole !== null) {
        entries[entries.length - 1] = { key: whole, row: joined, values };
        continue;
      }
    }
    entries.push({ key, row, values });
    if (key === 'carriedForward') {
      end = i + 1;
      break;
    }
  }
  if (!entries.some((e) => e.key)) return null;

  const single = entries.some((e) => e.key === 'single:other.other');
  const has2021 = entries.some((e) => e.key && ROWS_2021_ONLY.includes(e.key));
  const layout: TemplateVersion | null = single ? '2019' : has2021 ? '2021' : null;
  const orders = (layout ? [layout] : year !== null && year < 2021 ? ['2019', '2021'] : ['2021', '2019']).map((v) => ({
    version: v as TemplateVersion,
    keys: APPLICATION_ROWS.map((r) => r.key).filter((k) => v === '2021' || !ROWS_2021_ONLY.includes(k)),
  }));
  for (const e of entries) if (e.key === 'single:other.other') e.key = 'other.other';

  const assigned = new Map<string, Entry>();
  for (const e of entries) {
    if (!e.key) continue;
    if (assigned.has(e.key)) {
      warnings.push({ code: 'W_ROW_DUPLICATE', message: `table 三 prints the row ${e.key} twice; the first is kept`, origin: e.values[0].origin });
      e.key = null;
      continue;
    }
    assigned.set(e.key, e);
  }

  // Fill runs of unlabelled value rows between two labelled rows, by template order.
  let chosen = orders[0];
  for (const order of orders) {
    if (fillGaps(entries, order.keys, new Map(assigned), true)) {
      chosen = order;
      break;
    }
  }
  fillGaps(entries, chosen.keys, assigned, false, warnings);
  for (const e of entries)
    if (!e.key)
      warnings.push({ code: 'W_ROW_UNPLACED', message: 'a row of seven values in table 三 has no label and no place: left out', origin: e.values[0].origin });

  const cells = new Map<string, Cell>();
  for (const [key, entry] of assigned)
    APPLICANT_COLUMNS.forEach((column, c) => cells.set(`${key}.${column}`, readCell(entry.values[c], `applications.${key}.${column}`, warnings)));
  for (const key of chosen.keys)
    if (!assigned.has(key)) warnings.push({ code: 'W_ROW_MISSING', message: `table 三 has no row ${key}: its cells are null`, cell: `applications.${key}` });

  return { cells, layout: layout ?? chosen.version, firstRow: rows[start], start, end };
}

/** Returns whether every unlabelled run fitted; assigns them unless only testing. */
function fillGaps(
  entries: { key: string | null; values: RowCell[] }[],
  order: string[],
  assigned: Map<string, unknown>,
  testOnly: boolean,
  warnings?: Warning[],
): boolean {
  let fitted = true;
  let previous = -1;
  let run: typeof entries = [];
  for (const e of entries) {
    if (!e.key) {
      run.push(e);
      continue;
    }
    const at = order.indexOf(e.key);
    if (run.length > 0 && previous >= 0 && at > previous) {
      const slots = order.slice(previous + 1, at).filter((k) => !assigned.has(k));
      if (slots.length === run.length) {
        if (!testOnly)
          run.forEach((r, i) => {
            r.key = slots[i];
            assigned.set(slots[i], r);
            warnings?.push({
              code: 'W_ROW_BY_ORDER',
              message: `table 三: a row without its label was read as ${slots[i]}, the only row missing at that place`,
              origin: r.values[0].origin,
              cell: `applications.${slots[i]}`,
            });
          });
      } else fitted = false;
    } else if (run.length > 0) fitted = false;
    run = [];
    if (at >= 0) previous = at;
  }
  return fitted;
}
