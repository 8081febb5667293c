// Part titles inside long paragraphs. Crawlers and some converters run a whole article into
// one line ("…为全区经济社会平稳健康发展提供有力保障。 （一）… 二、主动公开政府信息情况第二十条…");
// here such a paragraph is cut before and after each numbered part title it holds, so that
// the section finder and the table readers see the titles as paragraphs of their own.
import type { Block, Document, Paragraph } from '../model.js';
import { FREEFORM_INLINE_TITLES, INLINE_TITLES, MAX_HEADING_LENGTH, inlineNumber } from '../templates/sections.js';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// Template titles need their own number. A free-form part may carry a lower one, since reports
// that leave a part out number the rest down (problems are part four of a four-part report), but
// never a higher one: part five's number before the active-disclosure title is prose, not a title.
const TITLES = [
  ...Object.entries(INLINE_TITLES).map(([n, title]) => `${inlineNumber([Number(n)])}\\s*(?:${title.source})`),
  ...Object.entries(FREEFORM_INLINE_TITLES).map(([n, title]) => `${inlineNumber(upTo(Number(n)), true)}\\s*(?:${title.source})`),
];
const INLINE = new RegExp(TITLES.map((t) => `(?:${t})`).join('|'), 'g');
const EACH = TITLES.map((t) => new RegExp(t, 'y'));

/** The title at `index`: the longest any pattern reads there, so that a free-form title is not cut
 *  short by the template title it starts with. */
function titleAt(text: string, index: number): string {
  return EACH.reduce((longest, pattern) => {
    pattern.lastIndex = index;
    const found = pattern.exec(text)?.[0] ?? '';
    return found.length > longest.length ? found : longest;
  }, '');
}

function cut(paragraph: Paragraph): Paragraph[] {
  const pieces: Paragraph[] = [];
  let at = 0;
  const push = (text: string) => {
    if (text.trim() !== '') pieces.push({ kind: 'paragraph', text: text.trim(), origin: paragraph.origin });
  };
  INLINE.lastIndex = 0;
  for (let match = INLINE.exec(paragraph.text); match; match = INLINE.exec(paragraph.text)) {
    // Titles with nothing between them are a table of contents, not the parts themselves.
    if (pieces.length > 0 && /^[\s、，。．.…·\d]*$/.test(paragraph.text.slice(at, match.index))) return [paragraph];
    const title = titleAt(paragraph.text, match.index);
    push(paragraph.text.slice(at, match.index));
    push(title);
    at = INLINE.lastIndex = match.index + title.length;
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
