// PDF bytes → Document: positioned text and ruling lines from pdf.js, rebuilt into paragraphs and
// table grids (from ruling lines, else from column alignment) in reading order (top to bottom per
// page, pages in order).
import type { Block, Document, Result } from '../../model.js';
import type { Warning } from '../../schema.js';
import { XxgkError } from '../../errors.js';
import { borderlessTables } from './borderless.js';
import { bboxOf, toMatrix, IDENTITY, type Matrix } from './geometry.js';
import { removeFurniture, type PageLines } from './furniture.js';
import { findTables, type PageTable } from './grid.js';
import { appendRows, sameColumns } from './join.js';
import { openPdf, pdfError, withTimeout, type PdfPage } from './load.js';
import { paragraphs, type ParagraphBox } from './paragraphs.js';
import { extractRules } from './rules.js';
import { buildLines, toPieces, type Piece } from './text.js';

export { isPageNumber } from './furniture.js';

/** Per-page pdf.js work that takes longer than this is treated as a stuck document. */
const PAGE_TIMEOUT_MS = 20_000;

type Entry = { kind: 'paragraph'; page: number; para: ParagraphBox } | { kind: 'table'; table: PageTable };

interface PageText {
  page: PdfPage;
  number: number;
  height: number;
  view: Matrix;
  pieces: Piece[];
}

export async function parsePdf(bytes: Uint8Array): Promise<Result<Document>> {
  const { doc, pdfjs, close } = await openPdf(bytes);
  try {
    const warnings: Warning[] = [];
    const pageCount = doc.numPages;
    const title = await readTitle(doc.getMetadata());

    // Pass 1: text only, so that a scan is refused before any drawing is parsed.
    const pages: PageText[] = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      const page = await withTimeout(doc.getPage(n), PAGE_TIMEOUT_MS, `reading page ${n}`);
      const viewport = page.getViewport({ scale: 1 });
      const view = toMatrix(viewport.transform) ?? IDENTITY;
      const content = (await withTimeout(page.getTextContent({ disableNormalization: false }), PAGE_TIMEOUT_MS, `reading the text of page ${n}`)) as {
        items: unknown[];
        styles?: Record<string, { ascent?: number; vertical?: boolean }>;
      };
      const pieces = toPieces(content.items, content.styles ?? {}, view);
      chars += pieces.reduce((s, p) => s + p.text.length, 0);
      pages.push({ page, number: n, height: viewport.height, view, pieces });
    }
    if (chars === 0) throw new XxgkError('E_NO_TEXT_LAYER', `the PDF has no text layer on any of its ${pageCount} pages (a scan?)`);

    // Pass 2: ruling lines → tables; the remaining text → lines.
    const tablesByPage: PageTable[][] = [];
    const pageLines: PageLines[] = [];
    for (const p of pages) {
      let tables: PageTable[] = [];
      let rest = p.pieces;
      if (p.pieces.length > 0) {
        const ops = await withTimeout(p.page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }), PAGE_TIMEOUT_MS, `reading the drawing of page ${p.number}`);
        const rules = extractRules(ops, pdfjs.OPS, p.view);
        if (rules.truncated) warnings.push({ code: 'W_PDF_DRAWING_TRUNCATED', message: `page ${p.number} draws more lines than the parser reads; some table borders may be missing`, origin: { page: p.number } });
        ({ tables, rest } = findTables(rules, p.pieces, p.number));
      } else if (pageCount > 1) {
        warnings.push({ code: 'W_PDF_PAGE_NO_TEXT', message: `page ${p.number} has no text layer (an image?)`, origin: { page: p.number } });
      }
      p.page.cleanup();
      tablesByPage.push(tables);
      pageLines.push({ page: p.number, height: p.height, lines: buildLines(rest) });
    }
    removeFurniture(pageLines);
    pageLines.forEach((pl, i) => {
      const { tables, rest, warnings: unaligned } = borderlessTables(pl.lines, pl.page);
      warnings.push(...unaligned);
      pl.lines = rest;
      tablesByPage[i].push(...tables);
    });

    // Reading order per page, then tables continued across a page break joined.
    const entries: Entry[][] = pageLines.map((pl, i) => {
      const list: Entry[] = [...paragraphs(pl.lines).map((para): Entry => ({ kind: 'paragraph', page: pl.page, para })), ...tablesByPage[i].map((table): Entry => ({ kind: 'table', table }))];
      return list.sort((a, b) => top(a) - top(b));
    });
    const blocks: Block[] = [];
    let open: PageTable | undefined; // the table that ended the page `openPage`, ready to be continued
    let openPage = 0;
    const flushOpen = () => {
      if (open) blocks.push(tableBlock(open));
      open = undefined;
    };
    entries.forEach((list, i) => {
      const pageNo = i + 1;
      list.forEach((entry, k) => {
        if (entry.kind === 'paragraph') {
          flushOpen();
          blocks.push({ kind: 'paragraph', text: entry.para.text, origin: { page: entry.page, bbox: bboxOf(entry.para) } });
          return;
        }
        if (open && k === 0 && openPage === pageNo - 1 && sameColumns(open.xs, entry.table.xs)) open = appendRows(open, entry.table);
        else {
          flushOpen();
          open = entry.table;
        }
        openPage = pageNo;
        if (k !== list.length - 1) flushOpen();
      });
    });
    flushOpen();
    if (blocks.length === 0) throw new XxgkError('E_NO_TEXT_LAYER', `the PDF has no readable text on its ${pageCount} pages beyond page numbers`);

    return { value: { format: 'pdf', blocks, meta: { pages: pageCount, ...(title ? { title } : {}) } }, warnings };
  } catch (error) {
    throw pdfError(error);
  } finally {
    await close().catch(() => undefined);
  }
}

const top = (e: Entry): number => (e.kind === 'paragraph' ? e.para.y0 : e.table.y0);

/** A table block; a joined table keeps the page and box of its first part. */
function tableBlock(t: PageTable): Block {
  return { kind: 'table', grid: t.grid, origin: { page: t.page, bbox: bboxOf(t) } };
}

async function readTitle(metadata: Promise<{ info: unknown }>): Promise<string | undefined> {
  try {
    const { info } = await withTimeout(metadata, PAGE_TIMEOUT_MS, 'reading the document information');
    const title = (info as { Title?: unknown } | null)?.Title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined; // a broken info dictionary does not make the body unreadable
  }
}
