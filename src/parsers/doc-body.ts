// The main text of a .doc, with its paragraph properties, as HTML paragraphs and tables for the
// HTML reader. Marks in the text: \r ends a paragraph, \x07 ends a cell or (in a paragraph with
// the row-end property) a row, \x0b is a line break, \x0c a page or section break, \x13 … \x14
// … \x15 a field (instruction, then result).
import { runAt, type PapxRun } from './doc-props.js';
import { layoutRows, type DocRow } from './doc-grid.js';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text with "\n" as <br>, the way mammoth writes a Word line break. */
const lines = (text: string) => text.split('\n').map(esc).join('<br>');

/** Characters of the main text that are marks or objects, not text: dropped. \x00 is what
 *  word-extractor leaves of tracked deletions. */
const DROPPED = new Set([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x1f]);

/** `text` is the main text by character position; `fcAt` gives a position's file offset, by
 *  which the paragraph properties in `papx` are found. */
export function bodyHtml(text: string, fcAt: (cp: number) => number, papx: PapxRun[]): string {
  const out: string[] = [];
  let run = '';
  let row: string[] = [];
  let rows: DocRow[] = [];
  // Fields: one entry per open field, true once its result began; `hidden` counts the fields
  // still in their instruction, whose characters are not text.
  const fields: boolean[] = [];
  let hidden = 0;
  const endTable = () => {
    if (row.length) rows.push({ cells: row });
    if (rows.length) out.push(tableHtml(rows));
    row = [];
    rows = [];
  };
  const endParagraph = () => {
    endTable();
    if (run.trim()) out.push(`<p>${lines(run)}</p>`);
    run = '';
  };
  for (let cp = 0; cp < text.length; cp++) {
    const code = text.charCodeAt(cp);
    if (code === 0x13) {
      fields.push(false);
      hidden++;
    } else if (code === 0x14) {
      if (fields.length && !fields[fields.length - 1]) {
        fields[fields.length - 1] = true;
        hidden--;
      }
    } else if (code === 0x15) {
      if (fields.length && !fields.pop()) hidden--;
    } else if (code === 0x0d || code === 0x0c || code === 0x0e) {
      // Paragraph, page or column break: a new paragraph, or a new line inside a cell (where a
      // nested table's cells also end with \r).
      if (runAt(papx, fcAt(cp))?.inTable) run += '\n';
      else endParagraph();
    } else if (code === 0x07) {
      const props = runAt(papx, fcAt(cp));
      if (props?.rowEnd) {
        if (run.trim()) row.push(run);
        rows.push({ cells: row, def: props.row });
        row = [];
      } else if (props && props.depth > 1) run += '\n';
      else row.push(run);
      run = '';
    } else if (hidden > 0 || DROPPED.has(code)) continue;
    else if (code === 0x0b) run += '\n';
    else if (code === 0x1e) run += '-';
    else run += text[cp];
  }
  endParagraph();
  return `<body>${out.join('\n')}</body>`;
}

function tableHtml(rows: DocRow[]): string {
  const cell = (c: { text: string; rowSpan: number; colSpan: number }) => {
    const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
    return `<td${spans}>${c.text.split('\n').map((p) => `<p>${lines(p)}</p>`).join('')}</td>`;
  };
  return `<table>${layoutRows(rows).map((cells) => `<tr>${cells.map(cell).join('')}</tr>`).join('')}</table>`;
}
