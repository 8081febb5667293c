// Figures stated in the prose: every sentence is matched against the patterns of
// templates/figures.ts; each key then takes the one number its candidates agree on. Where they
// disagree and no rule settles it (a breakdown, a sub-unit, a running total, a change against
// last year), the key stays null with a warning: a figure is never guessed.
import type { Document } from '../model.js';
import type { Origin, Warning } from '../schema.js';
import {
  BREAKDOWN,
  CHANGE_BEFORE,
  CUMULATIVE_CLAUSE,
  CUMULATIVE_SENTENCE,
  SCOPE_WORDS,
  SENTENCE_PATTERNS,
  type FigureKey,
} from '../templates/figures.js';
import { compactText } from '../templates/labels.js';
import { HEADING_NUMBER, MAX_HEADING_LENGTH } from '../templates/sections.js';
import { chineseNumeral } from './values.js';

export interface FoundFigure {
  value: number;
  raw: string;
  origin: Origin;
}

export interface Candidate extends FoundFigure {
  key: FigureKey;
  /** The clause names a part of the body (各乡镇, 区直各部门) rather than the whole. */
  qualified: boolean;
  /** The number is a bound (5500余), not a figure. */
  bound: boolean;
  /** A part of a total stated earlier in the same sentence (其中 …). */
  breakdown: boolean;
  sentence: number;
}

// Sentence ends as written (full-width) and as half-width; the split runs on the text as written.
const SENTENCE_END = /[^。！？!?]+[。！？!?]?/g;
const CLAUSE_BOUNDARY = /[，。；：,;:]/;

/** 1,234 / 1.5万 / 三十五 / 2亿 → a number; null when it is no number. */
export function figureNumber(digits: string, multiplier: string | undefined): number | null {
  const base = /^\d/.test(digits) ? Number(digits.replace(/,/g, '')) : chineseNumeral(digits);
  if (base === null || !Number.isFinite(base)) return null;
  const times = multiplier === '亿' ? 1e8 : multiplier === '万' ? 1e4 : 1;
  return Math.round(base * times * 100) / 100;
}

function clausePrefix(sentence: string, at: number): string {
  let start = at;
  while (start > 0 && !CLAUSE_BOUNDARY.test(sentence[start - 1])) start--;
  return sentence.slice(start, at);
}

function isQualified(prefix: string, agency: string | null): boolean {
  let rest = prefix;
  if (agency) rest = rest.split(agency).join('');
  for (const word of SCOPE_WORDS) rest = rest.replace(word, '');
  return rest.length > 0;
}

/** Inside a bracket that opens with 其中: "共公布政府信息2599条(其中…其他信息856条)". */
function inBreakdownBrackets(sentence: string, at: number): boolean {
  const open = sentence.lastIndexOf('(', at);
  return open >= 0 && !sentence.slice(open, at).includes(')') && BREAKDOWN.test(sentence.slice(open + 1, open + 3));
}

/** Every candidate figure of one sentence. */
/** `context`: the text a pattern's topic may be in (the sentence and the one before it:
 *  "…的行政复议，…。涉及的行政诉讼数为0件。"). */
export function sentenceCandidates(sentence: string, origin: Origin, index: number, agency: string | null, raw = sentence, context = sentence): Candidate[] {
  const found: (Candidate & { at: number; end: number })[] = [];
  for (const pattern of SENTENCE_PATTERNS) {
    if (pattern.topic && !pattern.topic.test(context)) continue;
    for (const match of sentence.matchAll(pattern.pattern)) {
      const at = match.index ?? 0;
      const groups = match.groups ?? {};
      const prefix = clausePrefix(sentence, at);
      let value = 0;
      if (!pattern.zero) {
        const numberAt = match.indices?.groups?.n?.[0] ?? at;
        if (CHANGE_BEFORE.test(sentence.slice(Math.max(0, numberAt - 4), numberAt))) continue;
        const number = figureNumber(groups.n, groups.mult);
        if (number === null) continue;
        value = number;
      }
      const clause = prefix + match[0];
      if (CUMULATIVE_CLAUSE.test(clause) || (/累计/.test(clause) && CUMULATIVE_SENTENCE.test(sentence))) continue;
      found.push({
        key: pattern.key,
        value,
        raw,
        origin,
        qualified: !pattern.zero && isQualified(prefix, agency),
        bound: Boolean(groups.bound || groups.near),
        breakdown: false,
        sentence: index,
        at,
        end: at + match[0].length,
      });
    }
  }
  // Two patterns can read one phrase; keep one candidate per key and place.
  const unique = found.filter((c, i) => !found.some((d, j) => j < i && d.key === c.key && d.at < c.end && c.at < d.end));
  for (const c of unique) {
    const earlier = unique.filter((d) => d.key === c.key && d.end <= c.at);
    c.breakdown = earlier.some((d) => BREAKDOWN.test(sentence.slice(d.end, c.at))) || inBreakdownBrackets(sentence, c.at);
  }
  return unique.map(({ at: _at, end: _end, ...c }) => c);
}

/** A line that a text or PDF source wrapped in mid-sentence: long, and no sentence end. */
function continues(text: string): boolean {
  if (text.length < WRAPPED_LINE || /[。！？!?；;：:]$/.test(text)) return false;
  return !(HEADING_NUMBER.test(text) && text.length <= MAX_HEADING_LENGTH);
}
const WRAPPED_LINE = 15;

/** Sentences of the document's paragraphs, each with the origin of the paragraph it starts in;
 *  a paragraph that a source wrapped in mid-sentence is read on into the next, so that the
 *  sentence stays whole. */
function* sentences(document: Document): Generator<{ text: string; raw: string; origin: Origin }> {
  let carried = '';
  let starts: { at: number; origin: Origin }[] = [];
  function* flush() {
    for (const match of carried.matchAll(SENTENCE_END)) {
      const at = match.index ?? 0;
      const raw = match[0].trim();
      if (raw !== '') yield { text: compactText(raw), raw, origin: [...starts].reverse().find((s) => s.at <= at)?.origin ?? starts[0].origin };
    }
    carried = '';
    starts = [];
  }
  for (const [index, block] of document.blocks.entries()) {
    if (block.kind !== 'paragraph') continue;
    const line = block.text.trim();
    if (line === '') continue;
    starts.push({ at: carried.length, origin: { ...block.origin, block: index } });
    carried += line;
    if (!continues(compactText(line))) yield* flush();
  }
  if (starts.length > 0) yield* flush();
}

/** The one value the candidates of a key settle on, or null with the reason. */
export function settle(candidates: Candidate[]): { figure: FoundFigure | null; problem: string | null } {
  const exact = candidates.filter((c) => !c.bound && !c.breakdown);
  const values = (list: Candidate[]) => [...new Set(list.map((c) => c.value))];
  if (exact.length === 0) {
    const bound = candidates.find((c) => c.bound);
    return { figure: null, problem: bound ? `"${bound.raw}" gives a bound (余/多), not a number` : null };
  }
  if (values(exact).length === 1) return { figure: exact[0], problem: null };
  const whole = exact.filter((c) => !c.qualified);
  if (whole.length > 0 && values(whole).length === 1) return { figure: whole[0], problem: null };
  // The total and its parts stated in separate sentences: the largest is the sum of the rest.
  const largest = exact.reduce((a, b) => (b.value > a.value ? b : a));
  const rest = exact.filter((c) => c.value !== largest.value);
  if (rest.length > 1 && Math.abs(rest.reduce((a, c) => a + c.value, 0) - largest.value) < 1e-6) return { figure: largest, problem: null };
  return { figure: null, problem: `sentences state ${values(exact).join(', ')}: ${exact.map((c) => `"${c.raw}"`).join(' / ')}` };
}

export function readProseFigures(document: Document, agency: string | null, warnings: Warning[]): Map<FigureKey, FoundFigure> {
  const candidates: Candidate[] = [];
  let index = 0;
  let previous = '';
  for (const sentence of sentences(document)) {
    candidates.push(...sentenceCandidates(sentence.text, sentence.origin, index++, agency && compactText(agency), sentence.raw, previous + sentence.text));
    previous = sentence.text;
  }
  const byKey = new Map<FigureKey, Candidate[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const figures = new Map<FigureKey, FoundFigure>();
  for (const [key, list] of byKey) {
    const { figure, problem } = settle(list);
    if (figure) figures.set(key, { value: figure.value, raw: figure.raw, origin: figure.origin });
    else if (problem) warnings.push({ code: 'W_FIGURE_AMBIGUOUS', message: `figures.${key}: no figure taken: ${problem}`, origin: list[0].origin, cell: `figures.${key}` });
  }
  return figures;
}
