// Page furniture of Chinese government sites: the metadata box printed above an article
// (索引号, 发布机构, 发文日期 …) and the CMS <meta> tags. These fill Document.meta, not blocks.
// The Chinese labels live here, as data, and nowhere else in the HTML parser (breadcrumb words:
// templates/navigation.ts, which the meta reader shares).
import type { DocumentMeta } from '../model.js';
import { BREADCRUMB_LINE } from '../templates/navigation.js';

type Field = 'agency' | 'published' | 'title';

interface Label {
  text: string;
  field?: Field;
  /** Lower wins when two sources offer the same field. */
  rank?: number;
  /** Strong labels alone make a box furniture; weak ones only next to another label. */
  strong: boolean;
}

const LABELS: Label[] = [
  { text: '索引号', strong: true },
  { text: '发布机构', field: 'agency', rank: 1, strong: true },
  { text: '发文机关', field: 'agency', rank: 2, strong: true },
  { text: '发文单位', field: 'agency', rank: 2, strong: true },
  { text: '发布单位', field: 'agency', rank: 2, strong: true },
  { text: '公开责任部门', field: 'agency', rank: 3, strong: true },
  { text: '信息来源', field: 'agency', rank: 4, strong: true },
  { text: '来源', field: 'agency', rank: 5, strong: false },
  { text: '所属机构', field: 'agency', rank: 5, strong: false },
  { text: '发布日期', field: 'published', rank: 1, strong: true },
  { text: '公开日期', field: 'published', rank: 1, strong: true },
  { text: '发布时间', field: 'published', rank: 2, strong: false },
  { text: '发文日期', field: 'published', rank: 3, strong: true },
  { text: '成文日期', field: 'published', rank: 4, strong: true },
  { text: '生成日期', field: 'published', rank: 5, strong: false },
  { text: '主题分类', strong: true },
  { text: '体裁分类', strong: true },
  { text: '组配分类', strong: true },
  { text: '服务对象分类', strong: true },
  { text: '发文字号', strong: true },
  { text: '文号', strong: true },
  { text: '主题词', strong: false },
  { text: '公开方式', strong: true },
  { text: '公开范围', strong: true },
  { text: '公开时限', strong: true },
  { text: '有效性', strong: true },
  { text: '信息分类', strong: false },
  { text: '标题', field: 'title', rank: 3, strong: false },
  { text: '名称', field: 'title', rank: 4, strong: false },
];

/** <meta name=…> tags that Chinese CMSs (TRS, Hanweb, gov.cn) write, lower-cased. */
const META_TAGS: Record<string, { field: Field; rank: number }> = {
  articletitle: { field: 'title', rank: 1 },
  'dc.title': { field: 'title', rank: 2 },
  pubdate: { field: 'published', rank: 6 },
  firstpublishedtime: { field: 'published', rank: 7 },
  'dc.date': { field: 'published', rank: 8 },
  contentsource: { field: 'agency', rank: 6 },
  source: { field: 'agency', rank: 7 },
  'dc.publisher': { field: 'agency', rank: 7 },
};
const TITLE_TAG_RANK = 5;

// Longest first, so that 文号 does not cut 发文字号 and 来源 does not cut 信息来源.
const ORDERED = [...LABELS].sort((a, b) => b.text.length - a.text.length);
const spaced = (text: string) => text.split('').join('[ \\t\\u3000]*');
// A label starts a segment (or follows a space or separator) and ends with a colon or the segment.
const LABEL_RE = new RegExp(`(?:^|[\\n \\t\\u3000|｜;；])(${ORDERED.map((l) => spaced(l.text)).join('|')})[ \\t\\u3000]*(?:[:：]|(?=\\n|$))`, 'g');
const BY_SQUEEZED = new Map(LABELS.map((l) => [l.text, l]));

export const MAX_BOX_CHARS = 800;

// Short lines of site chrome that survive in the article area: breadcrumbs, share and print
// links, font-size switches, visit counters.
const FURNITURE_LINES = [
  BREADCRUMB_LINE,
  /^分享到\s*[:：]?/,
  /^【?\s*(打印(本页)?|关闭(窗口|本页)?|字体|字号)\s*[】:：]?(\s*[大中小]\s*)*/,
  /^(浏览|访问|阅读)(次数|量)\s*[:：]/,
  /^扫一扫/,
];
const MAX_FURNITURE_LINE = 80;

/** Whether a short paragraph is site chrome rather than report text. */
export function isFurnitureLine(text: string): boolean {
  return text.length <= MAX_FURNITURE_LINE && FURNITURE_LINES.some((re) => re.test(text));
}
const MAX_VALUE_CHARS = 80;
const NAME = /[\u4e00-\u9fff]{2}/;

interface Found {
  label: Label;
  value: string;
}

/** Labels and their values in a box's text (segments separated by "\n"). */
export function findLabels(text: string): Found[] {
  const hits: { label: Label; start: number; end: number }[] = [];
  for (const m of text.matchAll(LABEL_RE)) {
    const label = BY_SQUEEZED.get(m[1].replace(/[ \t\u3000]/g, ''));
    if (label) hits.push({ label, start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].length });
  }
  return hits.map((hit, i) => ({
    label: hit.label,
    value: text.slice(hit.end, hits[i + 1]?.start ?? text.length).replace(/\s+/g, ' ').trim(),
  }));
}

/** Whether a box (table, list, div) whose text is `text` is the article's metadata box. */
export function isMetadataText(text: string): boolean {
  if (text.length > MAX_BOX_CHARS) return false;
  const found = findLabels(text);
  const distinct = new Set(found.map((f) => f.label.text));
  const strong = new Set(found.filter((f) => f.label.strong).map((f) => f.label.text));
  return strong.size >= 2 || (distinct.size >= 2 && text.length <= 160);
}

/** Collects meta candidates from several places and keeps the best-ranked per field. */
export class MetaCollector {
  private best = new Map<Field, { rank: number; value: string }>();

  offer(field: Field, value: string | undefined, rank: number): void {
    const v = value?.replace(/\s+/g, ' ').trim();
    if (!v || v.length > MAX_VALUE_CHARS * (field === 'title' ? 3 : 1)) return;
    // A body's name has ideographs; "发布机构: 1" is a CMS placeholder.
    if (field === 'agency' && !NAME.test(v)) return;
    const current = this.best.get(field);
    if (!current || rank < current.rank) this.best.set(field, { rank, value: v });
  }

  /** Everything a metadata box says. */
  offerBox(text: string): void {
    for (const { label, value } of findLabels(text)) if (label.field && label.rank !== undefined) this.offer(label.field, value, label.rank);
  }

  /** A lone line such as "发布日期：2020-01-31" under the title: a date, kept as a block too. */
  offerLine(text: string): void {
    if (text.length > 60) return;
    const found = findLabels(text);
    if (found.length === 1 && found[0].label.field === 'published' && /\d{4}/.test(found[0].value)) this.offer('published', found[0].value, 10);
  }

  offerMetaTag(name: string, content: string | undefined): void {
    const tag = META_TAGS[name.toLowerCase()];
    if (tag) this.offer(tag.field, content, tag.rank);
  }

  offerTitleTag(title: string | undefined): void {
    this.offer('title', title, TITLE_TAG_RANK);
  }

  fill(meta: DocumentMeta): DocumentMeta {
    for (const [field, { value }] of this.best) meta[field] = value;
    return meta;
  }
}
