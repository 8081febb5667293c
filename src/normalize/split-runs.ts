// Runs of digits that stand for several cells printed without separators ("693665" for
// 69 | 3 | 665), split only where the template's arithmetic leaves exactly one way. A run is
// read when every split of all runs together that satisfies every sum rule gives it the same
// split; otherwise it stays unread. A wrong number is far worse than an empty one.

export interface DigitRun {
  /** Cell keys the run covers, in print order. */
  keys: string[];
  /** The printed digits (whitespace removed); may hold one decimal point. */
  digits: string;
}

/** Σ parts = total + Σ plus (checks.ts's rules, keys with their table prefix). */
export interface SumRule {
  total: string;
  parts: string[];
  plus?: string[];
}

/** Per run, its cells' printed numbers, or null where the arithmetic does not settle it. */
export type RunSplits = (string[] | null)[];

/** More splits of one run than this and the run is left unread without trying. */
const MAX_SPLITS = 20_000;
/** Search steps over all runs together before giving up on the joint solution. */
const MAX_STEPS = 500_000;

/** One printed number: no leading zero, at most one decimal point. */
const NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

/** Every way to cut `digits` into `count` numbers, none with a leading zero (as printed). */
export function splitsOf(digits: string, count: number, limit = MAX_SPLITS): string[][] | null {
  const out: string[][] = [];
  const parts: string[] = [];
  let over = false;
  const walk = (at: number) => {
    if (over) return;
    const left = count - parts.length;
    if (left === 0) {
      if (at === digits.length) {
        out.push([...parts]);
        if (out.length > limit) over = true;
      }
      return;
    }
    const remaining = digits.length - at;
    for (let len = 1; len <= remaining - (left - 1); len++) {
      const piece = digits.slice(at, at + len);
      if (!NUMBER.test(piece)) continue;
      parts.push(piece);
      walk(at + len);
      parts.pop();
    }
  };
  walk(0);
  return over ? null : out;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export interface Solution {
  splits: RunSplits;
  /** False where no split of all runs satisfies every usable rule (a misprinted table). */
  consistent: boolean;
  /** Runs that no split of their own can make satisfy their own rules (a misprinted row). */
  broken: boolean[];
}

export function solveRuns(runs: DigitRun[], rules: SumRule[]): Solution {
  const owner = new Map<string, [run: number, position: number]>();
  runs.forEach((run, r) => run.keys.forEach((key, p) => owner.set(key, [r, p])));
  let candidates = runs.map((run) => (/^[\d.]+$/.test(run.digits) ? splitsOf(run.digits, run.keys.length) : null));

  const withKeys = rules.map((rule) => ({ rule, keys: [rule.total, ...rule.parts, ...(rule.plus ?? [])] }));
  const usable = () => withKeys.filter(({ keys }) => keys.every((k) => owner.has(k) && candidates[owner.get(k)![0]] !== null));
  const holds = (rule: SumRule, value: (key: string) => number) =>
    round(rule.parts.reduce((a, k) => a + value(k), 0)) === round(value(rule.total) + (rule.plus ?? []).reduce((a, k) => a + value(k), 0));

  // Rules inside one run (row totals) prune that run's candidates first. A run left with none
  // is a misprinted row: its cells stay unread and no rule that touches it is used.
  const inRun = usable();
  candidates = candidates.map((list, r) => {
    if (!list) return null;
    const own = inRun.filter(({ keys }) => keys.every((k) => owner.get(k)![0] === r));
    return list.filter((split) => own.every(({ rule }) => holds(rule, (k) => Number(split[owner.get(k)![1]]))));
  });
  const broken = candidates.map((list) => list !== null && list.length === 0);
  candidates = candidates.map((list) => (list && list.length > 0 ? list : null));
  const crossRun = usable();

  // Only runs that a rule ties to another are searched together; any other run stands alone.
  const linked = crossRun.map(({ keys }) => new Set(keys.map((k) => owner.get(k)![0])));
  const order = runs.map((_, r) => r).filter((r) => candidates[r] !== null && linked.some((set) => set.size > 1 && set.has(r)));
  const rank = new Map(order.map((r, i) => [r, i]));
  const checkAt = order.map(() => [] as SumRule[]);
  crossRun.forEach(({ rule }, i) => {
    if (linked[i].size > 1) checkAt[Math.max(...[...linked[i]].map((r) => rank.get(r)!))].push(rule);
  });

  const chosen: number[] = new Array(runs.length).fill(-1);
  const used = runs.map(() => new Set<number>());
  let steps = 0;
  let solutions = 0;
  let exhausted = false;
  const value = (key: string) => {
    const [r, p] = owner.get(key)!;
    return Number(candidates[r]![chosen[r]][p]);
  };
  const search = (i: number) => {
    if (exhausted) return;
    if (i === order.length) {
      solutions++;
      order.forEach((r) => used[r].add(chosen[r]));
      return;
    }
    const r = order[i];
    for (let c = 0; c < candidates[r]!.length; c++) {
      if (++steps > MAX_STEPS) {
        exhausted = true;
        return;
      }
      chosen[r] = c;
      if (checkAt[i].every((rule) => holds(rule, value))) search(i + 1);
    }
    chosen[r] = -1;
  };
  search(0);

  if (exhausted || solutions === 0) {
    // No joint answer to lean on: read only runs that the digits alone allow one way.
    const alone = runs.map((run) => splitsOf(run.digits, run.keys.length, 2));
    return { splits: alone.map((list, r) => (list && list.length === 1 && !broken[r] ? list[0] : null)), consistent: false, broken };
  }
  const settled = (r: number) => {
    const list = candidates[r];
    if (!list) return null;
    if (!rank.has(r)) return list.length === 1 ? list[0] : null;
    return used[r].size === 1 ? list[[...used[r]][0]] : null;
  };
  return {
    splits: runs.map((_, r) => settled(r)),
    consistent: true,
    broken,
  };
}
