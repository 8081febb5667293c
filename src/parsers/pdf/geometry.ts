// Small geometry shared by the PDF modules. Coordinates are PDF points with the origin at the
// top-left of the page (the viewport space of pdf.js at scale 1).

/** An affine matrix [a, b, c, d, e, f] as PDF and pdf.js write it. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix for p → outer(inner(p)). */
export function concat(outer: Matrix, inner: ArrayLike<number>): Matrix {
  const [a, b, c, d, e, f] = outer;
  return [
    a * inner[0] + c * inner[1],
    b * inner[0] + d * inner[1],
    a * inner[2] + c * inner[3],
    b * inner[2] + d * inner[3],
    a * inner[4] + c * inner[5] + e,
    b * inner[4] + d * inner[5] + f,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function toMatrix(values: ArrayLike<number> | undefined): Matrix | undefined {
  if (!values || values.length < 6) return undefined;
  const m = Array.from({ length: 6 }, (_, i) => Number(values[i])) as Matrix;
  return m.every(Number.isFinite) ? m : undefined;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

export const round2 = (v: number): number => Math.round(v * 100) / 100;

export function bboxOf(box: Box): [number, number, number, number] {
  return [round2(box.x0), round2(box.y0), round2(box.x1), round2(box.y1)];
}

/** Index i with edges[i] <= v < edges[i + 1], or -1 outside; edges ascending. */
export function locate(edges: readonly number[], v: number): number {
  if (v < edges[0] || v > edges[edges.length - 1]) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
