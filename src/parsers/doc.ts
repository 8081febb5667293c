// Word 97–2003 binary (.doc, and .wps files that are Word binary) → Document. word-extractor
// reads the text (piece table, tracked deletions); doc-props.ts reads which paragraphs are table
// cells and row ends and each row's cell layout; doc-body.ts writes both as HTML paragraphs and
// tables for the HTML reader, so .doc, DOCX and HTML share one table reader.
import { createRequire } from 'node:module';
import type { Document, Result } from '../model.js';
import { XxgkError } from '../errors.js';
import { htmlToDocument } from './html.js';
import { checkCompound, classifyOle, readOleStream, rejectOle } from './ole.js';
import { readPapx, type PapxRun } from './doc-props.js';
import { bodyHtml } from './doc-body.js';
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

interface Extractor extends OleExtractor {
  papx: PapxRun[];
}

const require = createRequire(import.meta.url);
let loaded: { Extractor: new (data: Buffer | undefined) => Extractor; BufferReader: new (buffer: Buffer) => Reader } | undefined;

/** word-extractor, loaded on the first .doc: a worker that never sees one does not pay for it. */
function wordExtractor(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as new () => OleExtractor;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => Reader;

  /** Keeps the paragraph runs instead of word-extractor's own row-end marking, which misreads
   *  the properties of wide rows (it takes sprmTDefTable's two-byte size for one byte). */
  class TableExtractor extends WordOleExtractor implements Extractor {
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
  loaded = { Extractor: TableExtractor, BufferReader };
  return loaded;
}

export async function parseDoc(bytes: Uint8Array): Promise<Result<Document>> {
  if (bytes.length > MAX_DOC_BYTES) throw new XxgkError('E_TOO_LARGE', `a .doc of ${bytes.length} bytes is over the ${MAX_DOC_BYTES}-byte limit`);
  const ole = classifyOle(bytes);
  if (ole.kind !== 'doc') rejectOle(ole);
  checkCompound(bytes, ['WordDocument', '0Table', '1Table', 'Data']);
  const { Extractor, BufferReader } = wordExtractor();
  const extractor = new Extractor(readOleStream(bytes, 'Data'));
  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    await extractor.extract(reader);
  } catch (error) {
    if (error instanceof XxgkError) throw error;
    throw new XxgkError('E_CORRUPT', `the .doc file could not be read: ${(error as Error).message}`);
  }
  const { text, fcAt } = mainText(extractor._pieces, extractor._boundaries.ccpText);
  const html = bodyHtml(text, fcAt, extractor.papx);
  const title = summaryTitle(optionalStream(bytes, '\u0005SummaryInformation'));
  return htmlToDocument(html, { format: 'doc', meta: title ? { title } : {} });
}

/** A stream the text does not need: unreadable is the same as absent. */
function optionalStream(bytes: Uint8Array, name: string): Buffer | undefined {
  try {
    return readOleStream(bytes, name);
  } catch {
    return undefined;
  }
}

/** The main text (character positions 0 … ccpText) and the file offset of each of its characters. */
function mainText(pieces: Piece[], ccpText: number): { text: string; fcAt: (cp: number) => number } {
  const used = pieces.filter((p) => p.startCp < ccpText);
  const text = used.map((p) => p.text).join('').slice(0, ccpText);
  const fcAt = (cp: number) => {
    let lo = 0;
    let hi = used.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (used[mid].startCp <= cp) lo = mid;
      else hi = mid - 1;
    }
    const piece = used[lo];
    return piece.startFilePos + (cp - piece.startCp) * piece.bpc;
  };
  return { text, fcAt };
}
