// Part titles inside long paragraphs. Crawlers and some converters run a whole article into
// one line ("…为全区经济社会平稳健康发展提供有力保障。 （一）… 二、主动公开政府信息情况第二十条…");
// here such a paragraph is cut before and after each numbered part title it holds, so that
// the section finder and the table readers see the titles as paragraphs of their own.
import type { Block, Document, Paragraph } from '../model.js';
import { INLINE_TITLES, MAX_HEADING_LENGTH } from '../templates/sections.js';

const NUMERALS = '一二三四五六';

const INLINE = new RegExp(
  Object.entries(INLINE_TITLES)
    .map(([n, title]) => `(?:${NUMERALS[Number(n) - 1]}、\\s*(?:${title.source}))`)
    .join('|'),
  'g',
);

function cut(paragraph: Paragraph): Paragraph[] {
  const pieces: Paragraph[] = [];
  let at = 0;
  const push = (text: string) => {
    if (text.trim() !== '') pieces.push({ kind: 'paragraph', text: text.trim(), origin: paragraph.origin });
  };
  for (const match of paragraph.text.matchAll(INLINE)) {
    // Titles with nothing between them are a table of contents, not the parts themselves.
    if (pieces.length > 0 && /^[\s、，。．.…·\d]*$/.test(paragraph.text.slice(at, match.index))) return [paragraph];
    push(paragraph.text.slice(at, match.index));
    push(match[0]);
    at = match.index + match[0].length;
  }
  if (pieces.length === 0) return [paragraph];
  push(paragraph.text.slice(at));
  return pieces;
}

/** The document with long paragraphs cut at the part titles inside them. */
export function cutInlineParts(document: Document): Document {
  if (!document.blocks.some((b) => b.kind === 'paragraph' && b.text.length > MAX_HEADING_LENGTH)) return document;
  const blocks: Block[] = document.blocks.flatMap((b) => (b.kind === 'paragraph' && b.text.length > MAX_HEADING_LENGTH ? cut(b) : [b]));
  return blocks.length === document.blocks.length ? document : { ...document, blocks };
}
