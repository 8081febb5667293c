// HTML → Document: paragraphs and tables in document order, page furniture dropped, the
// metadata box and <meta> tags read into Document.meta. DOCX reaches here through mammoth, so
// this is the project's one table reader for markup.
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import type { Block, Document, DocumentMeta, Result, Table } from '../model.js';
import type { Format, Warning } from '../schema.js';
import { XxgkError } from '../errors.js';
import { decodeText } from './decode.js';
import { flattenDeep } from './html-depth.js';
import { buildGrid, parseSpan, type RawCell } from './html-grid.js';
import { MAX_BOX_CHARS, MetaCollector, isFurnitureLine, isMetadataText } from './html-furniture.js';

/** Larger HTML than this is not a report page. */
export const MAX_HTML_BYTES = 64 * 1024 * 1024;
/** Elements nested deeper than this are skipped (with a warning) rather than overflow the stack. */
export const MAX_DEPTH = 400;
/** Tags nested deeper than this are dropped, their text kept, before the tree is built. */
export const FLATTEN_DEPTH = MAX_DEPTH / 2;

// Minimal shape of the parse5/domhandler nodes cheerio gives; avoids typing against a
// transitive dependency.
export interface HNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
}

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'iframe', 'frame', 'frameset', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'math', 'object', 'embed', 'canvas', 'audio', 'video', 'map', 'aside', 'head', 'title', 'meta', 'link', 'base']);

// Elements that end the current run of inline text; their content forms its own block(s).
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'center', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'hr', 'fieldset', 'legend', 'details', 'summary', 'body', 'html']);

// Boxes that may be the article's metadata (索引号 / 发布机构 …).
const META_BOX = new Set(['table', 'ul', 'ol', 'dl', 'div', 'section', 'p']);

export interface HtmlToDocumentOptions {
  format?: Format;
  meta?: DocumentMeta;
  warnings?: Warning[];
  /** Called with the loaded page before reading it (DOCX drops notes and fixes merges here). */
  prepare?: ($: CheerioAPI) => void;
}

export async function parseHtml(bytes: Uint8Array, options: { contentType?: string } = {}): Promise<Result<Document>> {
  if (bytes.length > MAX_HTML_BYTES) throw new XxgkError('E_TOO_LARGE', `HTML of ${bytes.length} bytes is over the ${MAX_HTML_BYTES}-byte limit`);
  const decoded = decodeText(bytes, { html: true, contentType: options.contentType });
  return htmlToDocument(decoded.text, { format: 'html', meta: { encoding: decoded.encoding }, warnings: decoded.warnings });
}

export function htmlToDocument(html: string | CheerioAPI, options: HtmlToDocumentOptions = {}): Result<Document> {
  // Half the reader's depth: the scan does not count what it cannot see (implicit <tbody>, <td>).
  const bounded = typeof html === 'string' ? flattenDeep(html, FLATTEN_DEPTH) : undefined;
  const $ = bounded ? loadHtml(bounded.html) : (html as CheerioAPI);
  if (bounded?.flattened)
    (options.warnings ??= []).push({ code: 'W_HTML_TOO_DEEP', message: `elements nested deeper than ${FLATTEN_DEPTH} levels were read as plain text (${bounded.flattened} tags dropped)` });
  options.prepare?.($);
  const collector = new MetaCollector();
  $('meta[name]').each((_, el) => collector.offerMetaTag($(el).attr('name') ?? '', $(el).attr('content')));
  collector.offerTitleTag($('title').first().text());

  const body = ($('body').get(0) ?? $.root().get(0)) as unknown as HNode;
  return readBody(body, collector, options);
}

/** A body already parsed into nodes (the DOCX fast path builds it without HTML text). */
export function nodesToDocument(body: HNode, options: HtmlToDocumentOptions = {}): Result<Document> {
  return readBody(body, new MetaCollector(), options);
}

function readBody(body: HNode, collector: MetaCollector, options: HtmlToDocumentOptions): Result<Document> {
  const reader = new Reader(collector);
  reader.container(body);
  reader.flush();
  const meta = collector.fill({ ...(options.meta ?? {}) });
  return { value: { format: options.format ?? 'html', blocks: reader.blocks, meta }, warnings: [...(options.warnings ?? []), ...reader.warnings] };
}

/**
 * What cheerio.load(html) does (parse5 with the htmlparser2 tree adapter, scripting on), without
 * cheerio's full entry point, which loads undici for fetching pages and doubles a worker's
 * start-up cost.
 */
export function loadHtml(html: string): CheerioAPI {
  return load(parse(html, { treeAdapter: adapter, scriptingEnabled: true }) as unknown as Parameters<typeof load>[0]);
}

/** Whitespace as HTML renders it: runs collapse to one space; "\n" only from <br> and blocks. */
function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function isHidden(node: HNode): boolean {
  const a = node.attribs;
  if (!a) return false;
  return 'hidden' in a || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '');
}

const children = (node: HNode): HNode[] => node.children ?? [];

class Reader {
  readonly blocks: Block[] = [];
  readonly warnings: Warning[] = [];
  private run = '';
  private depth = 0;
  private tooDeep = false;

  constructor(private readonly meta: MetaCollector) {}

  /** Walk an element's children, emitting blocks for text runs and block elements. */
  container(node: HNode): void {
    if (this.depth >= MAX_DEPTH) {
      if (!this.tooDeep) this.warnings.push({ code: 'W_HTML_TOO_DEEP', message: `elements nested deeper than ${MAX_DEPTH} levels were skipped` });
      this.tooDeep = true;
      return;
    }
    this.depth++;
    for (const child of children(node)) this.node(child);
    this.depth--;
  }

  private node(node: HNode): void {
    if (node.type === 'text') {
      this.run += (node.data ?? '').replace(/\n/g, ' ');
      return;
    }
    if (node.type === 'cdata') return this.container(node);
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name?.toLowerCase() ?? '';
    if (DROPPED.has(name) || isHidden(node)) return;
    if (name === 'br') {
      this.run += '\n';
      return;
    }
    if (!BLOCK.has(name)) return this.container(node); // inline: part of the current run
    this.flush();
    if (META_BOX.has(name) && this.metadataBox(node)) return;
    if (name === 'table') return this.table(node);
    if (name === 'pre') {
      this.run += textOf(node, true);
      return this.flush();
    }
    this.container(node);
    this.flush();
  }

  /** Emit the pending run of inline text as a paragraph. */
  flush(): void {
    const text = clean(this.run);
    this.run = '';
    if (!text || isFurnitureLine(text)) return;
    this.meta.offerLine(text);
    this.blocks.push({ kind: 'paragraph', text, origin: { element: this.blocks.length } });
  }

  private metadataBox(node: HNode): boolean {
    const text = boxText(node, MAX_BOX_CHARS);
    if (text === undefined || !isMetadataText(text)) return false;
    this.meta.offerBox(text);
    return true;
  }

  private table(node: HNode): void {
    // A caption ("表1 …") reads as a paragraph before its table.
    for (const caption of children(node).filter((c) => c.type === 'tag' && c.name === 'caption')) {
      this.container(caption);
      this.flush();
    }
    const rows = tableRows(node);
    // Layout tables: cells holding tables, or one cell wrapping the article. Read their cells
    // as containers so that inner tables and paragraphs become blocks of their own.
    const cells = rows.flat();
    if (cells.some((cell) => hasDescendant(cell, 'table')) || cells.length === 1) {
      for (const cell of cells) {
        this.container(cell);
        this.flush();
      }
      return;
    }
    if (cells.length === 0) return;
    const raw: RawCell[][] = rows.map((tr) =>
      tr.map((td) => ({ text: cellText(td), rowSpan: parseSpan(td.attribs?.rowspan, true), colSpan: parseSpan(td.attribs?.colspan, false) })),
    );
    const origin = { element: this.blocks.length };
    const table: Table = { kind: 'table', grid: buildGrid(raw, origin), origin };
    if (table.grid.length > 0) this.blocks.push(table);
  }
}

/** The <tr>s of this table (not of tables nested in it), each as its <td>/<th>s. */
function tableRows(table: HNode): HNode[][] {
  const rows: HNode[][] = [];
  const visit = (node: HNode) => {
    for (const child of children(node)) {
      if (child.type !== 'tag' || isHidden(child)) continue;
      const name = child.name?.toLowerCase();
      if (name === 'tr') rows.push(children(child).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th') && !isHidden(c)));
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function hasDescendant(node: HNode, name: string): boolean {
  const stack = [...children(node)];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    if (n.name === name) return true;
    stack.push(...children(n));
  }
  return false;
}

/** A cell's paragraphs and <br> lines joined with "\n". */
function cellText(cell: HNode): string {
  const reader = new Reader(new MetaCollector());
  reader.container(cell);
  reader.flush();
  return reader.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).filter(Boolean).join('\n');
}

/** Plain text of a node; `keepNewlines` for <pre>. */
function textOf(node: HNode, keepNewlines: boolean): string {
  if (node.type === 'text') return keepNewlines ? (node.data ?? '') : (node.data ?? '').replace(/\n/g, ' ');
  if (node.type !== 'tag') return '';
  if (node.name === 'br') return '\n';
  return children(node).map((c) => textOf(c, keepNewlines)).join('');
}

// Inline formatting that never separates a label from its value.
const INLINE_JOIN = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 'font', 'sup', 'sub']);

/** A box's text with "\n" between its cells, items and spans, for label finding; undefined
 *  as soon as it grows past `limit` (an article body is no metadata box). */
function boxText(node: HNode, limit: number): string | undefined {
  const parts: string[] = [];
  let length = 0;
  let depth = 0;
  const visit = (n: HNode) => {
    if (length > limit || depth > MAX_DEPTH) return;
    if (n.type === 'text') {
      const t = (n.data ?? '').replace(/\s+/g, ' ');
      length += t.trim().length;
      return void parts.push(t);
    }
    if (n.type !== 'tag' || DROPPED.has(n.name ?? '') || isHidden(n)) return;
    const sep = !INLINE_JOIN.has(n.name ?? '');
    if (sep) parts.push('\n');
    depth++;
    children(n).forEach(visit);
    depth--;
    if (sep) parts.push('\n');
  };
  visit(node);
  if (length > limit) return undefined;
  return parts.join('').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}
