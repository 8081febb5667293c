// Title, agency, year and publication date, from the body first, page furniture second.
import type { Document, Paragraph } from '../model.js';
import type { Report, Warning } from '../schema.js';
import { chineseNumeral } from './values.js';
import { toHalfWidth } from '../templates/labels.js';
// Breadcrumbs and navigation: never a title, never an agency.
import { NAVIGATION } from '../templates/navigation.js';
import { REPORT_NAME } from '../templates/report-title.js';
import { resolveAgency, type ResolveOptions } from './agency/index.js';

type Meta = Report['meta'];

const TITLE = REPORT_NAME;
const AGENCY_END = /(人民政府|办公厅|办公室|委员会|管理委员会|管委会|局|厅|委|办|院|署|会|街道办事处|街道|乡|镇|中心|公司|所|队|站|部)$/;
const YEAR = /((?:19|20)\d{2}|[二〇零○][〇零○一二三四五六七八九]{3})\s*年/;
const DATE = /((?:19|20)\d{2}|[二〇零○][〇零○一二三四五六七八九]{3})\s*[年\-/.]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[月\-/.]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?/;
/** How many paragraphs from either end to look at for a title or a signature. */
const HEAD = 12;
const TAIL = 10;

const clean = (t: string) => toHalfWidth(t).replace(/[\s\u00a0]+/g, '');

function number(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : chineseNumeral(text.replace(/[○]/g, '〇'));
}

export function parseDate(text: string): string | null {
  const match = DATE.exec(clean(text));
  if (!match) return null;
  const [y, m, d] = [number(match[1]), number(match[2]), number(match[3])];
  if (!y || !m || !d || m > 12 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A field label a page or crawler prints before the title ("标题：…"). */
const TITLE_LABEL = /^(?:标题|题目|文章标题|名称)[:：]/;
/** Lines a wrapped title may continue from: short, no sentence end, no navigation. */
const MAX_TITLE_PIECE = 40;
const MAX_TITLE_PIECES = 3;

/** A name that opens with a place (示例市示例区…): where a title begins, not a piece of one. */
const PLACE_START = /^[\u4e00-\u9fa5]{1,10}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|乡|镇)/;

/** Whether a title reads from its start: a year, 关于, or an agency named from its place. */
function startsTitle(title: string): boolean {
  if (/^(关于|年度|(?:19|20)\d{2}|[二〇零○][〇零○一二三四五六七八九]{3})/.test(title)) return true;
  const agency = agencyFromTitle(title);
  return agency !== null && AGENCY_END.test(agency) && PLACE_START.test(agency);
}

/** A head line that may be the upper piece of a wrapped title. */
function titlePiece(line: string): boolean {
  return line.length > 0 && line.length <= MAX_TITLE_PIECE && !/[。；！？:：，]$/.test(line) && !NAVIGATION.test(line) && !TITLE.test(line) && !/[〔〕]/.test(line) && parseDate(line) === null;
}

/**
 * A title wrapped over up to three short head lines with the break inside a word
 * ("…自然资源和规划局政府信" / "息公开工作年度报告", "…工作年度" / "报告"): the lines that name the
 * report (one, or two where the name spans the break), joined with the pieces above them until
 * the whole starts like a title; the named lines alone when no join does.
 */
function unwrapTitle(head: string[], first: number, named: string): string {
  let title = named;
  if (startsTitle(title)) return title;
  for (let j = first - 1; j >= 0 && j > first - MAX_TITLE_PIECES && titlePiece(head[j]); j--) {
    title = head[j] + title;
    if (startsTitle(title)) return title;
  }
  return named;
}

function findTitle(paragraphs: Paragraph[]): string | null {
  const head = paragraphs.slice(0, HEAD).map((p) => clean(p.text).replace(TITLE_LABEL, ''));
  for (let i = 0; i < head.length; i++) {
    const line = head[i];
    if (line.length > 60 || NAVIGATION.test(line)) continue;
    const next = head[i + 1] ?? '';
    const spans = !TITLE.test(line) && next.length <= MAX_TITLE_PIECE && !NAVIGATION.test(next) && !/[。；！？]$/.test(line) && TITLE.test(line + next);
    if (!TITLE.test(line) && !spans) continue;
    const named = spans ? line + next : line;
    const title = unwrapTitle(head, i, named);
    // "许昌市…人民政府" on its own line above "关于2022年…的年度报告".
    if (title === named && i > 0 && /^(关于|\d{4}年|年度)/.test(title) && AGENCY_END.test(head[i - 1]) && head[i - 1].length < 30) return head[i - 1] + title;
    return title;
  }
  return null;
}

function agencyFromTitle(title: string): string | null {
  // "关于报送《…2015年政府信息公开年度报告》的函": the report's own title is the quoted one.
  const quoted = /《([^》]*(?:年度报告|年报)[^》]*)》/.exec(title);
  const agency = (quoted ? quoted[1] : title)
    .replace(/^关于/, '')
    .replace(new RegExp(YEAR.source + '度?'), '')
    .replace(/(关于)?(的)?(政府信息公开|政务公开|信息公开).*$/, '')
    .replace(/[《》"“”]/g, '')
    .replace(/关于$/, '');
  return agency.length >= 2 && agency.length <= 40 ? agency : null;
}

function signature(paragraphs: Paragraph[]): { agency: string | null; date: string | null } {
  const tail = paragraphs.slice(-TAIL).map((p) => clean(p.text));
  for (let i = tail.length - 1; i >= 0; i--) {
    const date = tail[i].length <= 20 ? parseDate(tail[i]) : null;
    if (!date) continue;
    const before = tail[i - 1] ?? '';
    const agency = before.length <= 40 && AGENCY_END.test(before) ? before : null;
    return { agency, date };
  }
  return { agency: null, date: null };
}

/**
 * The fuller name of the same body where the opening prose gives one: a title may say
 * 洪泽区人民政府 while the text says 由淮安市洪泽区人民政府办公室…. Only a prefix of whole place
 * names (ending 省, 自治区, 市, 自治州, 州 or 盟) right after a function word or punctuation counts.
 */
function fullName(agency: string, paragraphs: Paragraph[]): string {
  const opening = paragraphs.slice(0, HEAD).map((p) => clean(p.text)).join('。');
  for (let at = opening.indexOf(agency); at >= 0; at = opening.indexOf(agency, at + 1))
    for (let length = 2; length <= 10 && length <= at; length++) {
      const prefix = opening.slice(at - length, at);
      const before = at - length === 0 ? '' : opening[at - length - 1];
      if (PLACES.test(prefix) && (before === '' || NAME_BOUNDARY.test(before))) return prefix + agency;
    }
  return agency;
}
const PLACES = /^(?:[\u4e00-\u9fa5]+?(?:省|自治区|市|自治州|州|盟))+$/;
const NAME_BOUNDARY = /[由与向为和及经、，。（“《：:]/;

function yearFrom(text: string): number | null {
  const match = YEAR.exec(text);
  return match ? number(match[1]) : null;
}

const PAGE_DATE = /(发布|发文|成文|印发)(日期|时间)[:：]?/;

export function readMeta(document: Document, warnings: Warning[], options: ResolveOptions = {}): Meta {
  const paragraphs = document.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
  const pageTitle = document.meta.title ? clean(document.meta.title).replace(TITLE_LABEL, '') : null;
  // The page's <title> stands in only where it names a report ("…年度报告_示例区人民政府网").
  const title = findTitle(paragraphs) ?? (pageTitle && TITLE.test(pageTitle) && !NAVIGATION.test(pageTitle) ? pageTitle : null);
  const sign = signature(paragraphs);

  const fromTitle = title ? agencyFromTitle(title) : null;
  // Title, then signature, then the page's 发布机构; a breadcrumb is never a name.
  const sources: [string | null, NonNullable<Meta['agencyFrom']>][] = [
    [fromTitle && fullName(fromTitle, paragraphs), 'title'],
    [sign.agency, 'signature'],
    [document.meta.agency ? clean(document.meta.agency) : null, 'page'],
  ];
  const [agency, agencyFrom] = sources.find(([name]) => name && !NAVIGATION.test(name)) ?? [null, null];
  if (!agency) warnings.push({ code: 'W_AGENCY_MISSING', message: 'no issuing body in the title, the signature or the page' });

  let year = title ? yearFrom(title) : null;
  if (year === null) {
    const period = paragraphs.slice(0, HEAD * 2).map((p) => clean(p.text)).join('');
    const match = /统计(?:期限|期间|周期|时限)[^。]*?((?:19|20)\d{2})年/.exec(period) ?? /((?:19|20)\d{2})年1月1日/.exec(period);
    year = match ? Number(match[1]) : null;
  }
  if (year === null) warnings.push({ code: 'W_YEAR_MISSING', message: 'the year the report covers is not in its title or its statistics period' });

  let published = sign.date;
  if (!published) {
    const line = paragraphs.slice(0, HEAD).find((p) => PAGE_DATE.test(p.text));
    published = (line && parseDate(line.text.replace(/^[^:：]*[:：]/, ''))) || (document.meta.published ? parseDate(document.meta.published) : null);
  }
  if (!published) warnings.push({ code: 'W_DATE_MISSING', message: 'no publication date in the signature or on the page' });

  const identity = resolveAgency(agency, options);
  warnings.push(...identity.warnings);
  const { regionCode, regionName, agencyId, level } = identity.value;
  const printed = place(agency);
  // The gazetteer knows the level where the name's suffix misleads (昆山市 is a county).
  return { title, agency, agencyFrom, year, published, templateVersion: null, ...printed, level: level ?? printed.level, regionCode, regionName, agencyId };
}

const MUNICIPALITIES = /^(北京市|上海市|天津市|重庆市)/;

/** Administrative level and region, where the agency's name says them. */
function place(agency: string | null): Pick<Meta, 'level' | 'region'> {
  if (!agency) return { level: null, region: null };
  if (/^(国务院|中华人民共和国|国家)/.test(agency)) return { level: 'national', region: null };
  const region = /^(.*?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|乡|镇|街道))*/.exec(agency)?.[0] || null;
  if (!region) return { level: 'department', region: null };
  const last = region.match(/(省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|乡|镇|街道)$/)?.[1];
  let level: Meta['level'] = null;
  if (last === '乡' || last === '镇' || last === '街道') level = 'township';
  else if (last === '县' || last === '自治县' || last === '旗' || (last === '区' && !/^(.*自治区)$/.test(region))) level = MUNICIPALITIES.test(region) && /^(北京市|上海市|天津市|重庆市)$/.test(region) ? 'provincial' : 'county';
  else if (last === '市' || last === '自治州' || last === '州' || last === '盟' || last === '地区') level = MUNICIPALITIES.test(region) && region.length <= 3 ? 'provincial' : 'city';
  else if (last === '省' || last === '自治区') level = 'provincial';
  return { level, region };
}
