// Plain text → Document. Every non-table line is a paragraph; tables flattened by other
// converters (Apache Tika, markdown pipes, pdftotext -layout columns) are rebuilt as grids.
import type { Block, Document, Result } from '../model.js';
import type { Warning } from '../schema.js';
import { decodeText } from './decode.js';
import { readColumns } from './text-columns.js';
import { readCrawlHeader } from './text-crawl.js';
import { cleanText, isFurniture, type TableReader } from './text-lines.js';
import { readMarkdown } from './text-markdown.js';
import { readTika } from './text-tika.js';

// Tried in this order at each line; each reader checks its own first line cheaply.
const READERS: TableReader[] = [readTika, readMarkdown, readColumns];

/** Split decoded text into lines, whatever the line endings were. */
export function textLines(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Markdown heading marks are syntax, not text: "## 表二：…" is the paragraph "表二：…".
function paragraphText(line: string): string {
  return cleanText(line.replace(/^\s*#{1,6}\s+/, ''));
}

/** Blocks of already decoded text. */
export function blocksOfText(text: string, warnings: Warning[] = []): Block[] {
  return blocksOfLines(textLines(text), warnings);
}

function blocksOfLines(lines: string[], warnings: Warning[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  outer: while (i < lines.length) {
    const line = lines[i];
    if (isFurniture(line)) {
      i++;
      continue;
    }
    for (const read of READERS) {
      const run = read(lines, i);
      if (run) {
        if (run.table.grid.length > 0) blocks.push(run.table);
        if (run.warnings) warnings.push(...run.warnings);
        i = Math.max(run.next, i + 1);
        continue outer;
      }
    }
    const paragraph = paragraphText(line);
    if (paragraph !== '') blocks.push({ kind: 'paragraph', text: paragraph, origin: { line: i + 1 } });
    i++;
  }
  return blocks;
}

export async function parseText(bytes: Uint8Array): Promise<Result<Document>> {
  const decoded = decodeText(bytes);
  const warnings = [...decoded.warnings];
  const lines = textLines(decoded.text);
  const header = readCrawlHeader(lines);
  // The header's lines become blank ones, so that body lines keep their numbers in origins.
  if (header) lines.fill('', 0, header.next);
  const blocks = blocksOfLines(lines, warnings);
  return { value: { format: 'text', blocks, meta: { ...header?.meta, encoding: decoded.encoding } }, warnings };
}
