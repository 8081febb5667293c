// The indicators, each with its Chinese term and formula as printed in README and the page. A
// value is null where an input is null or the denominator is 0. P = applications.totalProcessed.total.
import { valueOf, type Entry } from './entry.js';

export type IndicatorKind = 'count' | 'rate' | 'flag';

export interface Indicator {
  name: string;
  /** The Chinese term journalists quote. */
  term: string;
  formula: string;
  kind: IndicatorKind;
  /** Entry of the year, and of the year before when it is in the panel. */
  compute(entry: Entry, previous: Entry | undefined): number | null;
}

const DENIED = ['stateSecret', 'prohibitedByLaw', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFiles', 'administrativeQuery'];
const UNAVAILABLE = ['notHeld', 'needsCreation', 'unclear'];
const NOT_PROCESSED = ['complaint', 'duplicate', 'publication', 'excessive', 'confirmation'];
const OTHER_2021 = ['overdueCorrection', 'overdueFee', 'other'];
const GROUPS = ['review', 'lawsuitDirect', 'lawsuitAfterReview'];

const P = 'applications.totalProcessed.total';

/** Sum of cells; null when any is null. */
export function sum(entry: Entry, keys: string[]): number | null {
  let total = 0;
  for (const key of keys) {
    const v = valueOf(entry, key);
    if (v === null) return null;
    total += v;
  }
  return total;
}

export function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}

const rows = (group: string, names: string[]) => names.map((n) => `applications.${group}.${n}.total`);
/** 三（六）: the 2019 layout prints one row (other.other), the 2021 layout three. */
export const otherRows = (entry: Entry) => (entry.applicationsLayout === '2019' ? rows('other', ['other']) : rows('other', OTHER_2021));

/** Where the applications ended up (三、本年度办理结果): the rows each outcome sums. */
export const OUTCOMES: { name: string; term: string; rows: (e: Entry) => string[] }[] = [
  { name: 'granted', term: '予以公开', rows: () => ['applications.granted.total'] },
  { name: 'partly', term: '部分公开', rows: () => ['applications.partlyGranted.total'] },
  { name: 'refused', term: '不予公开', rows: () => rows('denied', DENIED) },
  { name: 'unavailable', term: '无法提供', rows: () => rows('unavailable', UNAVAILABLE) },
  { name: 'not processed', term: '不予处理', rows: () => rows('notProcessed', NOT_PROCESSED) },
  { name: 'other', term: '其他处理', rows: otherRows },
];
const outcome = (name: string) => OUTCOMES.find((o) => o.name === name)!.rows;
const share = (keys: (e: Entry) => string[]) => (e: Entry) => ratio(sum(e, keys(e)), valueOf(e, P));
const lawsuits = (column: string) => ['lawsuitDirect', 'lawsuitAfterReview'].map((g) => `reviewsAndLawsuits.${g}.${column}`);
const allGroups = (column: string) => GROUPS.map((g) => `reviewsAndLawsuits.${g}.${column}`);

/**
 * Government reports are due by 31 March, departments' by 31 January (条例 Art. 49). A government
 * signs as 人民政府, a 管委会 or 办事处, or as the place itself (平潭综合实验区, 某某区).
 */
export const GOVERNMENT_NAME = /(政府|管理委员会|管委会|办事处|实验区|新区|[省市县区旗镇乡])$/;

export function deadline(entry: Entry): string | null {
  if (entry.year === null || entry.agency === null) return null;
  return `${entry.year + 1}-${GOVERNMENT_NAME.test(entry.agency) ? '03-31' : '01-31'}`;
}

export const INDICATORS: Indicator[] = [
  { name: 'received', term: '本年新收申请数', formula: 'applications.newReceived.total', kind: 'count', compute: (e) => valueOf(e, 'applications.newReceived.total') },
  { name: 'processed', term: '本年办理结果总计', formula: 'P = applications.totalProcessed.total', kind: 'count', compute: (e) => valueOf(e, P) },
  {
    name: 'receivedChange',
    term: '新收申请同比增减',
    formula: '(received(y) − received(y−1)) / received(y−1), the year before present in the panel',
    kind: 'rate',
    compute: (e, prev) => {
      if (!prev || prev.year !== e.year! - 1) return null;
      const now = valueOf(e, 'applications.newReceived.total');
      const before = valueOf(prev, 'applications.newReceived.total');
      return now === null ? null : ratio(before === null ? null : now - before, before);
    },
  },
  {
    name: 'disclosureRate',
    term: '实质公开率',
    formula: '(applications.granted.total + applications.partlyGranted.total) / P',
    kind: 'rate',
    compute: share(() => ['applications.granted.total', 'applications.partlyGranted.total']),
  },
  { name: 'fullDisclosureRate', term: '全部公开率', formula: 'applications.granted.total / P', kind: 'rate', compute: share(() => ['applications.granted.total']) },
  { name: 'refusalRate', term: '不予公开率', formula: 'Σ applications.denied.*.total / P', kind: 'rate', compute: share(outcome('refused')) },
  { name: 'unavailableShare', term: '无法提供占比', formula: 'Σ applications.unavailable.*.total / P', kind: 'rate', compute: share(outcome('unavailable')) },
  { name: 'notProcessedShare', term: '不予处理占比', formula: 'Σ applications.notProcessed.*.total / P', kind: 'rate', compute: share(outcome('not processed')) },
  {
    name: 'otherShare',
    term: '其他处理占比',
    formula: 'Σ applications.other.*.total / P (the 2019 layout\'s single row 三（六） is other.other)',
    kind: 'rate',
    compute: share(outcome('other')),
  },
  {
    name: 'reviewCorrectionRate',
    term: '行政复议纠错率',
    formula: 'reviewsAndLawsuits.review.corrected / reviewsAndLawsuits.review.total',
    kind: 'rate',
    compute: (e) => ratio(valueOf(e, 'reviewsAndLawsuits.review.corrected'), valueOf(e, 'reviewsAndLawsuits.review.total')),
  },
  {
    name: 'lawsuitCorrectionRate',
    term: '行政诉讼纠错率',
    formula: '(lawsuitDirect.corrected + lawsuitAfterReview.corrected) / (lawsuitDirect.total + lawsuitAfterReview.total)',
    kind: 'rate',
    compute: (e) => ratio(sum(e, lawsuits('corrected')), sum(e, lawsuits('total'))),
  },
  {
    name: 'correctionRate',
    term: '综合纠错率（复议+诉讼）',
    formula: 'Σ corrected / Σ total over review, lawsuitDirect and lawsuitAfterReview',
    kind: 'rate',
    compute: (e) => ratio(sum(e, allGroups('corrected')), sum(e, allGroups('total'))),
  },
  {
    name: 'disputeRate',
    term: '争议转化率',
    formula: '(reviewsAndLawsuits.review.total + reviewsAndLawsuits.lawsuitDirect.total) / applications.newReceived.total',
    kind: 'rate',
    compute: (e) => ratio(sum(e, ['reviewsAndLawsuits.review.total', 'reviewsAndLawsuits.lawsuitDirect.total']), valueOf(e, 'applications.newReceived.total')),
  },
  {
    name: 'businessShare',
    term: '法人或其他组织申请占比',
    formula: '(applications.newReceived.total − applications.newReceived.naturalPerson) / applications.newReceived.total',
    kind: 'rate',
    compute: (e) => {
      const total = valueOf(e, 'applications.newReceived.total');
      const natural = valueOf(e, 'applications.newReceived.naturalPerson');
      return ratio(total === null || natural === null ? null : total - natural, total);
    },
  },
  {
    name: 'onTime',
    term: '按时公布',
    formula: '1 when published by 31 January (departments) or 31 March (governments: names ending 政府, 管委会, 办事处 or a place) of year + 1, else 0',
    kind: 'flag',
    compute: (e) => {
      const due = deadline(e);
      return due === null || e.published === null ? null : e.published <= due ? 1 : 0;
    },
  },
];

export const INDICATOR_NAMES = INDICATORS.map((i) => i.name);

/** Fewer applications processed than this: rates are not ranked and changes are flagged small-n. */
export const MIN_PROCESSED = 30;
