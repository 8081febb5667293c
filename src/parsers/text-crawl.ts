// The page header that web crawlers write above an article's text: `标题:`, `发布时间:`,
// `文号:`, `发布机构:`, `栏目:`, `原文链接:` … lines, closed by a rule such as
// `==================== 正文 ====================`. Its labels are the page furniture labels
// of html-furniture.ts; what they say fills Document.meta, and the header is no paragraph.
import type { DocumentMeta } from '../model.js';
import { MetaCollector } from './html-furniture.js';

/** How far down the rule that closes the header may stand. */
const HEADER_REACH = 20;
const FIRST = /^\s*标题\s*[:：]/;
const RULE = /^\s*[=\-─—]{3,}\s*正文\s*[=\-─—]{3,}\s*$/;

/** The header's meta and the index of the first body line, or undefined when there is none. */
export function readCrawlHeader(lines: string[]): { meta: DocumentMeta; next: number } | undefined {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || !FIRST.test(lines[first])) return undefined;
  const rule = lines.slice(first, first + HEADER_REACH).findIndex((line) => RULE.test(line));
  if (rule < 0) return undefined;
  const collector = new MetaCollector();
  // One line at a time: a label with an empty value must not take the next line as its value.
  for (const line of lines.slice(first, first + rule)) collector.offerBox(line.trim());
  return { meta: collector.fill({}), next: first + rule + 1 };
}
