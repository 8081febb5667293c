// Word 97–2003 binary (.doc, and .wps files that are Word binary) → Document. word-extractor
// reads the text (piece table, tracked deletions); doc-props.ts reads which paragraphs are table
// cells and row ends and each row's cell layout; the result is written as HTML paragraphs and
// tables and read by the HTML reader, so .doc, DOCX and HTML share one table reader.
import { createRequire } from 'node:module';
import type { Document, Result } from '../model.js';
import { XxgkError } from '../errors.js';
import { htmlToDocument } from './html.js';
import { checkCompound, classifyOle, readOleStream, rejectOle } from './ole.js';
import { readPapx, runAt, type PapxRun } from './doc-props.js';
import { layoutRows, type DocRow } from './doc-grid.js';
import { summaryTitle } from './doc-summary.js';

/** Larger .doc files than this are no report (the DOCX cap on a part is the same). */
export const MAX_DOC_BYTES = 64 * 1024 * 1024;
/** Word 97 writes nFib 0xC1; 0xC0 and 0xC2 occur. Word 6 and 95 (nFib 101–104) lay the FIB out differently. */
const MIN_NFIB = 0xc0;

interface Piece {
  startCp: number;
  startFilePos: number;
  bpc: number;
  text: string;
}

interface Reader {
  open(): Promise<void>;
}

/** The parts of word-extractor's OLE extractor used here (lib/word-ole-extractor.js, 1.0.x). */
interface OleExtractor {
  extract(reader: Reader): Promise<unknown>;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
  writeParagraphProperties(word: Buffer, table: Buffer): void;
  _pieces: Piece[];
  _boundaries: { ccpText: number };
}

const require = createRequire(import.meta.url);
const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as new () => OleExtractor;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => Reader;

/** Keeps the paragraph runs instead of word-extractor's own row-end marking, which misreads
 *  the properties of wide rows (it takes sprmTDefTable's two-byte size for one byte). */
class Extractor extends WordOleExtractor {
  papx: PapxRun[] = [];

  constructor(private readonly data: Buffer | undefined) {
    super();
  }

  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
    if (buffer.length < 0x200 || buffer.readUInt16LE(0) !== 0xa5ec) throw new XxgkError('E_CORRUPT', 'the WordDocument stream does not start with a Word file information block');
    if (buffer.readUInt16LE(2) < MIN_NFIB)
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'this is a Word 6.0/95 document, which is not read; open it in Word, WPS or LibreOffice and save it as .docx');
    return super.extractWordDocument(document, buffer);
  }

  writeParagraphProperties(word: Buffer, table: Buffer): void {
    this.papx = readPapx(word, table, this.data);
  }
}

export async function parseDoc(bytes: Uint8Array): Promise<Result<Document>> {
  if (bytes.length > MAX_DOC_BYTES) throw new XxgkError('E_TOO_LARGE', `a .doc of ${bytes.length} bytes is over the ${MAX_DOC_BYTES}-byte limit`);
  if (classifyOle(bytes).kind !== 'doc') rejectOle(bytes);
  checkCompound(bytes, ['WordDocument', '0Table', '1Table', 'Data']);
  const extractor = new Extractor(readOleStream(bytes, 'Data'));
  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    await extractor.extract(reader);
  } catch (error) {
    if (error instanceof XxgkError) throw error;
    throw new XxgkError('E_CORRUPT', `the .doc file could not be read: ${(error as Error).message}`);
  }
  const html = bodyHtml(extractor._pieces, extractor._boundaries.ccpText, extractor.papx);
  const title = summaryTitle(readOleStream(bytes, '\u0005SummaryInformation'));
  return htmlToDocument(html, { format: 'doc', meta: title ? { title } : {} });
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text with "\n" as <br>, the way mammoth writes a Word line break. */
const lines = (text: string) => text.split('\n').map(esc).join('<br>');

/** Characters of the main text that are marks or objects, not text: dropped. \x00 is what
 *  word-extractor leaves of tracked deletions. */
const DROPPED = new Set([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x1f]);

/** The main text as HTML: paragraphs, and tables with their spans. */
function bodyHtml(pieces: Piece[], ccpText: number, papx: PapxRun[]): string {
  const out: string[] = [];
  let text = '';
  let row: string[] = [];
  let rows: DocRow[] = [];
  // Field codes: \x13 instruction \x14 result \x15; only results are text. One entry per open
  // field: true once its result began.
  const fields: boolean[] = [];
  const endTable = () => {
    if (row.length) rows.push({ cells: row }), (row = []);
    if (rows.length) out.push(tableHtml(rows));
    rows = [];
  };
  const endParagraph = () => {
    endTable();
    if (text.trim()) out.push(`<p>${lines(text)}</p>`);
    text = '';
  };
  for (const piece of pieces) {
    if (piece.startCp >= ccpText) break;
    const length = Math.min(piece.text.length, ccpText - piece.startCp);
    for (let k = 0; k < length; k++) {
      const code = piece.text.charCodeAt(k);
      const props = () => runAt(papx, piece.startFilePos + k * piece.bpc);
      if (code === 0x13) fields.push(false);
      else if (code === 0x14) fields[fields.length - 1] = true;
      else if (code === 0x15) fields.pop();
      else if (code === 0x0d || code === 0x0c || code === 0x0e) {
        // Paragraph, page or column break: a new paragraph, or a new line inside a cell.
        if (props()?.inTable) text += '\n';
        else endParagraph();
      } else if (code === 0x07) {
        const run = props();
        if (run?.rowEnd) {
          if (text.trim()) row.push(text);
          rows.push({ cells: row, def: run.row });
          row = [];
        } else if (run && run.depth > 1) text += '\n';
        else row.push(text);
        text = '';
      } else if (fields.includes(false) || DROPPED.has(code)) continue;
      else if (code === 0x0b) text += '\n';
      else if (code === 0x1e) text += '-';
      else text += piece.text[k];
    }
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
