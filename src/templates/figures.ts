// Figures stated in prose and in free-form statistics tables, as data: the sentence patterns
// and row labels that say which figure key (cell-keys.md "figures") a number is. Patterns match
// a sentence with its whitespace removed and full-width characters made half-width.

/** A number as printed: Arabic (1,234 / 1.5) or Chinese (三十五), an optional 万/亿, an optional
 *  约 before (read as the number), and 近/逾/超过 before or 余/多 after (a bound, not a figure). */
const NUMBER = '(?<approx>约)?(?<near>近|逾|超过)?(?<n>\\d[\\d,]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+)(?<mult>万|亿)?(?<bound>余|多)?';

/** Verbs and particles that may stand between a noun and its number: 共 / 为 / 达 / 计 …. */
const LINK = '(?:[共计为达总合约]|共计|合计|总计|达到|累计)*';

export interface SentencePattern {
  key: FigureKey;
  /** Must have the group `n` (from NUMBER), unless `zero` is set. */
  pattern: RegExp;
  /** The pattern states that there were none: the figure is 0. */
  zero?: true;
  /** The sentence must also match this (the topic: a 咨询 count is about disclosure only in context). */
  topic?: RegExp;
}

/** A figure key (cell-keys.md "figures"; the list is read off the schema in cell-keys.ts). */
export type FigureKey = string;

// d: the number's own position is needed to see what stands just before it.
const p = (source: string) => new RegExp(source.replaceAll('{N}', NUMBER), 'gd');
const APPLICATION_UNIT = '(?:件|个|条|份|次|宗)';
const CASE_UNIT = '(?:件|起|宗|个|次|例)';

export const SENTENCE_PATTERNS: SentencePattern[] = [
  // 其他应主动公开政府信息 N 条 is the category "other" of a breakdown, not the total.
  { key: 'activeDisclosure.items', pattern: p(`(?<!其[他它]应?)主动(?:公开|发布)(?:了)?(?:各类|各项)?(?:政府)?信息(?:数|数量|总数|条数)?${LINK}{N}条`) },
  // 行政公文和政策解读信息 N 条 counts two kinds together: not interpretations alone.
  { key: 'activeDisclosure.interpretations', pattern: p(`(?<![和及与、](?:政策)?)解读(?:类)?(?:信息|材料|稿件|文章|文件)?(?:发布)?${LINK}{N}(?:篇|条|件|个)`) },
  { key: 'activeDisclosure.interpretations', pattern: p(`(?:发布|制作|开展)(?:政策)?解读(?:类)?(?:信息|材料|稿件|文章)?${LINK}{N}(?:篇|条|件|个)`) },

  { key: 'applications.received', pattern: p(`(?:新收|受理|收到|接收|接到)[^，。；,;\\d]{0,14}?信息公开申请(?:数|数量|总数)?${LINK}{N}${APPLICATION_UNIT}`) },
  { key: 'applications.received', pattern: p(`(?:新收|受理|收到|接收|接到)[^，。；,;\\d]{0,14}?公开政府信息(?:的)?申请${LINK}{N}${APPLICATION_UNIT}`) },
  { key: 'applications.received', zero: true, pattern: /(?:未|没有)(?:收到|受理|接到|发生)[^，。；,;]{0,20}?(?:公开政府信息|政府信息公开|信息公开)(?:的)?申请/g },

  { key: 'applications.granted', pattern: p(`(?<!部分|不|不予)(?:予以公开|同意公开)(?![及和与、]部分)(?:的)?(?:答复)?${LINK}{N}${APPLICATION_UNIT}`) },
  { key: 'applications.partlyGranted', pattern: p(`(?<!不予|及|和|与|、)部分公开(?:的)?(?:答复)?${LINK}{N}${APPLICATION_UNIT}`) },
  { key: 'applications.denied', pattern: p(`(?:不予公开|不予以公开|不同意公开)(?:的)?(?:答复)?${LINK}{N}${APPLICATION_UNIT}`) },
  { key: 'applications.denied', zero: true, pattern: /(?:无|没有|未发生|未出现)不予公开(?:政府信息)?(?:的)?(?:情况|情形|申请)/g },

  ...(
    [
      ['inPerson', '(?:当面|现场)'],
      ['online', '(?:网上|网络|在线|互联网)'],
      ['letter', '(?:信函|邮寄)'],
      ['fax', '传真'],
      ['other', '其[他它](?:形式|方式)'],
    ] as const
  ).map(([channel, words]) => ({
    key: `applications.byChannel.${channel}`,
    pattern: p(`${words}(?:提交|提出)?(?:的)?(?:申请)?${LINK}{N}${APPLICATION_UNIT}`),
    topic: /申请/,
  })),

  // 咨询活动 / 咨询会 / 咨询热线 count events and lines, not people.
  { key: 'consultations', pattern: p(`咨询(?!活动|会|热线|电话号码|台|窗口|点)[^，。；,;\\d]{0,10}?${LINK}{N}(?:人次|次|人)`), topic: /咨询/ },
  { key: 'consultations', pattern: p(`{N}(?:人次|次)[^，。；,;\\d]{0,20}?咨询`), topic: /咨询/ },

  // 行政事业性收费 is the agency's own fee revenue (table 二), not what applicants paid.
  { key: 'fees.amount', pattern: p(`收取(?![^，。；,;]{0,24}?行政事业性)[^，。；,;\\d]{0,24}?费(?:用)?${LINK}{N}元`) },
  { key: 'fees.amount', pattern: p(`收费(?:金额|总额)?${LINK}{N}元`), topic: /信息公开|申请/ },
  { key: 'fees.amount', zero: true, pattern: /(?:未|没有|不|均未|从未)(?:向[^，。；,;]{0,24}?)?收取[^，。；,;\d]{0,12}?费/g },

  { key: 'reviews.count', pattern: p(`行政复议(?:申请|案件)?(?:数|数量)?(?:的)?${LINK}{N}${CASE_UNIT}`), topic: /公开/ },
  { key: 'reviews.count', pattern: p(`(?<![\\d.])${'{N}'}${CASE_UNIT}(?:涉及|关于|有关)[^，。；,;\\d]{0,16}?行政复议`), topic: /公开/ },
  { key: 'reviews.count', zero: true, pattern: /(?:未|没有)(?:收到|发生|被申请|出现)[^，。；,;]{0,30}?行政复议(?![^，。；,;]{0,12}?(?:纠错|纠正|败诉|撤销|确认违法))/g, topic: /公开/ },
  { key: 'lawsuits.count', pattern: p(`诉讼(?:案件)?(?:数|数量)?(?:的)?${LINK}{N}${CASE_UNIT}`), topic: /公开/ },
  { key: 'lawsuits.count', zero: true, pattern: /(?:未|没有)(?:收到|发生|被提起|出现)[^，。；,;]{0,40}?行政诉讼(?![^，。；,;]{0,12}?(?:纠错|纠正|败诉|撤销|确认违法))/g, topic: /公开/ },
];

/** Just before the number: a change against another year, not the year's figure. */
export const CHANGE_BEFORE = /(?:增加|减少|增长|下降|上升|提高|降低|回落|多出|少了|增加了|减少了|增长了|下降了)$/;

/** In the clause before the pattern: a count since some date, not the year's number. */
export const CUMULATIVE_CLAUSE = /历年|以来|至今/;
/** In the sentence, with 累计 in the clause: 截至 … 累计 is a running total. */
export const CUMULATIVE_SENTENCE = /截至|截止/;

/** Clause-opening words that name the whole body or the year, not a part of it. */
export const SCOPE_WORDS = [
  /\d{4}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:至\d{1,2}月\d{1,2}日)?(?:期间)?/g,
  /全年|本年度|本年|今年|年内|年度/g,
  /其中|另外|此外|同时/g,
  /[共计]|共计|累计|合计|总计|新增|新/g,
  /全(?:国|省|市|区|县|镇|乡|局|委|办|院|系统)/g,
  /(?:我|本)(?:省|市|区|县|镇|乡|街道|局|委|办|厅|署|院|中心|机关|单位|部门|公司)/g,
  /在?(?:政府)?(?:门户)?网站(?:平台)?上?/g,
  /[，,、]/g,
];

/** "No review was decided against us" is not "no review": zero patterns stop before these. */
// (used inside the zero patterns above as a lookahead)

/** A number inside a sentence that another sentence already gives as a total ("其中…"). */
export const BREAKDOWN = /其中/;

// ── free-form statistics tables (provincial 政府信息公开情况统计表) ──────────────────────────

export interface TableLabel {
  key: FigureKey | null;
  /** A row that counts two keys at once: where it prints 0, both are 0 (counts are never negative). */
  zeroFor?: FigureKey[];
  /** Matched against the row label with its numbering (1. / 其中：) removed. */
  pattern: RegExp;
}

/** In order: the first that matches decides; null keys are rows no figure stands for. */
export const TABLE_LABELS: TableLabel[] = [
  { key: null, pattern: /信函、传真|传真、信函/, zeroFor: ['applications.byChannel.letter', 'applications.byChannel.fax'] },
  { key: null, pattern: /网站公开|公报公开|电子邮件|申诉|举报/ },
  { key: 'applications.byChannel.inPerson', pattern: /当面申请/ },
  { key: 'applications.byChannel.online', pattern: /网上申请|网络申请/ },
  { key: 'applications.byChannel.letter', pattern: /信函申请/ },
  { key: 'applications.byChannel.fax', pattern: /传真申请/ },
  { key: 'applications.byChannel.other', pattern: /其[他它](?:形式|方式)?申请/ },
  { key: 'activeDisclosure.items', pattern: /^主动公开(?:政府)?(?:信息|文件)(?:数|条数|总数|数量)$/ },
  { key: 'applications.received', pattern: /^(?:受理|收到)?(?:政府信息)?(?:依申请公开|公开申请|申请公开|政府信息依申请公开|政府信息公开申请)(?:信息)?(?:总数|数|数量)$|^申请总数$/ },
  { key: 'applications.partlyGranted', pattern: /部分公开/ },
  { key: 'applications.granted', pattern: /^同意公开(?:答复)?(?:数)?$|^予以公开(?:答复)?(?:数)?$/ },
  { key: 'applications.denied', pattern: /^(?:不予公开|否决公开|不同意公开)(?:答复)?(?:数)?$/ },
  { key: 'consultations', pattern: /咨询/ },
  { key: 'fees.amount', pattern: /收费|收取.*费/ },
  { key: 'reviews.count', pattern: /^行政复议(?:案件)?(?:数|数量)?$/ },
  { key: 'lawsuits.count', pattern: /^行政诉讼(?:案件)?(?:数|数量)?$/ },
];

/** A statistics table's header: it names its indicator column (指标名称) or a 累计 column. */
export const STATISTICS_HEADER = /指标名称|历年累计/;
/** The column header of a running total, which is never the year's figure. */
export const CUMULATIVE_COLUMN = /累计/;
/** Units printed in a statistics table's unit column. */
export const TABLE_UNIT = /^(?:条|件|个|项|次|人次|人|元|万元|份)$/;
/** Numbering before a label: 1. 1、 (1) 其中： */
export const LABEL_NUMBERING = /^(?:其中[：:]?)?(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)])?/;

// ── where a template table holds the same number as a figure (soft checks) ────────────────

const DENIED_ROWS = ['stateSecret', 'prohibitedByLaw', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFiles', 'administrativeQuery'];

/** Figure key → the table cells (keys under `tables`) whose sum is the same number. */
export const FIGURE_TABLE_CELLS: Record<FigureKey, string[]> = {
  'applications.received': ['applications.newReceived.total'],
  'applications.granted': ['applications.granted.total'],
  'applications.partlyGranted': ['applications.partlyGranted.total'],
  'applications.denied': DENIED_ROWS.map((r) => `applications.denied.${r}.total`),
  'reviews.count': ['reviewsAndLawsuits.review.total'],
  'lawsuits.count': ['reviewsAndLawsuits.lawsuitDirect.total', 'reviewsAndLawsuits.lawsuitAfterReview.total'],
};
