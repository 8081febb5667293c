// Ruling lines from a page's operator list: stroked axis-aligned segments and thin filled
// rectangles, mapped through the current transform into top-left page coordinates.
import { apply, concat, toMatrix, type Matrix } from './geometry.js';
import type { PdfOperatorList } from './load.js';

/** A horizontal (y fixed) or vertical (x fixed) segment: `at` is the fixed coordinate. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Rules {
  horizontal: Rule[];
  vertical: Rule[];
  /** True when the page had more drawing than the guard allows and the rest was ignored. */
  truncated: boolean;
}

/** A filled rectangle thinner than this is a border, not a shaded cell. */
const THIN = 3;
/** Endpoints closer than this along the other axis count as axis-aligned. */
const SKEW = 0.8;
export const MAX_OPS = 2_000_000;
export const MAX_RULES = 20_000;

interface State {
  ctm: Matrix;
  strokeVisible: boolean;
  fillVisible: boolean;
}

// pdf.js 5 gives colours as "#rrggbb"; white on white paper draws nothing we can see.
function visible(args: unknown): boolean {
  const v = Array.isArray(args) ? args[0] : args;
  if (typeof v === 'string') return !/^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(v);
  if (Array.isArray(args) && args.length >= 3 && args.every((n) => typeof n === 'number')) return !(args as number[]).slice(0, 3).every((n) => n >= 240);
  return true;
}

export function extractRules(ops: PdfOperatorList, OPS: Record<string, number>, view: Matrix): Rules {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  let state: State = { ctm: view, strokeVisible: true, fillVisible: true };
  const stack: State[] = [];
  let truncated = false;
  // Path built by the pre-pdf.js-5 separate operators (moveTo, lineTo, rectangle), if any.
  let pending: number[] = [];

  const addSegment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) <= SKEW && Math.abs(x1 - x0) > 0.5) horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= SKEW && Math.abs(y1 - y0) > 0.5) vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  };

  /** Walk flat path data (0 moveTo, 1 lineTo, 2 curveTo, 3 closePath), reporting subpaths. */
  const subpaths = (path: ArrayLike<number>): { points: [number, number][]; closed: boolean; curved: boolean }[] => {
    const out: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
    let cur: { points: [number, number][]; closed: boolean; curved: boolean } | undefined;
    for (let i = 0; i < path.length; ) {
      const code = path[i++];
      if (code === 0) {
        cur = { points: [apply(state.ctm, path[i], path[i + 1])], closed: false, curved: false };
        out.push(cur);
        i += 2;
      } else if (code === 1) {
        const p = apply(state.ctm, path[i], path[i + 1]);
        if (cur) cur.points.push(p);
        else out.push((cur = { points: [p], closed: false, curved: false }));
        i += 2;
      } else if (code === 2) {
        const p = apply(state.ctm, path[i + 4], path[i + 5]);
        if (cur) (cur.curved = true), cur.points.push(p);
        i += 6;
      } else if (code === 3) {
        if (cur) cur.closed = true;
        // a closePath leaves the current point at the subpath start
        if (cur && cur.points.length) cur = { points: [cur.points[0]], closed: false, curved: false };
        if (cur) out.push(cur);
      } else break; // unknown code: stop rather than misread the rest
    }
    return out;
  };

  const stroke = (path: ArrayLike<number>) => {
    for (const sp of subpaths(path)) {
      const pts = sp.points;
      for (let k = 1; k < pts.length; k++) addSegment(pts[k - 1][0], pts[k - 1][1], pts[k][0], pts[k][1]);
      if (sp.closed && pts.length > 2) addSegment(pts[pts.length - 1][0], pts[pts.length - 1][1], pts[0][0], pts[0][1]);
    }
  };

  const fill = (path: ArrayLike<number>) => {
    for (const sp of subpaths(path)) {
      if (sp.curved || sp.points.length < 4 || sp.points.length > 5) continue;
      const xs = sp.points.map((p) => p[0]);
      const ys = sp.points.map((p) => p[1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      // only axis-aligned rectangles: every point on the box corners
      if (!sp.points.every(([x, y]) => (Math.abs(x - x0) < SKEW || Math.abs(x - x1) < SKEW) && (Math.abs(y - y0) < SKEW || Math.abs(y - y1) < SKEW))) continue;
      const w = x1 - x0, h = y1 - y0;
      if (h <= THIN && w > h) addSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      else if (w <= THIN && h > w) addSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
    }
  };

  const paint = (op: number, path: ArrayLike<number>) => {
    if (op === OPS.stroke || op === OPS.closeStroke) {
      if (state.strokeVisible) stroke(path);
    } else if (op === OPS.fill || op === OPS.eoFill) {
      if (state.fillVisible) fill(path);
    } else if (op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke) {
      if (state.strokeVisible) stroke(path);
      if (state.fillVisible) fill(path);
    }
  };

  const n = Math.min(ops.fnArray.length, MAX_OPS);
  if (ops.fnArray.length > MAX_OPS) truncated = true;
  for (let i = 0; i < n; i++) {
    if (horizontal.length + vertical.length > MAX_RULES) {
      truncated = true;
      break;
    }
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform: {
        const m = toMatrix(args as number[]);
        if (m) state = { ...state, ctm: concat(state.ctm, m) };
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push(state);
        const m = toMatrix(args?.[0] as number[] | undefined);
        state = { ...state, ctm: m ? concat(state.ctm, m) : state.ctm };
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setStrokeRGBColor:
        state.strokeVisible = visible(args);
        break;
      case OPS.setFillRGBColor:
        state.fillVisible = visible(args);
        break;
      case OPS.setStrokeTransparent:
        state.strokeVisible = false;
        break;
      case OPS.setFillTransparent:
        state.fillVisible = false;
        break;
      case OPS.constructPath: {
        // pdf.js 5: [paintOp, [pathData], minMax]
        const op = args?.[0];
        const data = args?.[1] as unknown[] | undefined;
        const path = Array.isArray(data) ? data[0] : undefined;
        if (typeof op === 'number' && path && typeof (path as ArrayLike<number>).length === 'number') paint(op, path as ArrayLike<number>);
        break;
      }
      // Older operator lists: separate path operators, then a paint operator.
      case OPS.moveTo:
        pending.push(0, Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.lineTo:
        pending.push(1, Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.closePath:
        pending.push(3);
        break;
      case OPS.rectangle: {
        const [x, y, w, h] = (args ?? []).map(Number);
        pending.push(0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 3);
        break;
      }
      case OPS.stroke:
      case OPS.closeStroke:
      case OPS.fill:
      case OPS.eoFill:
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        if (pending.length) paint(fn, pending);
        pending = [];
        break;
      case OPS.endPath:
        pending = [];
        break;
    }
  }
  return { horizontal, vertical, truncated };
}
