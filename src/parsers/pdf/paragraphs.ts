// Prose lines → paragraphs: a line that runs to the right margin continues into the next line
// when that one is not indented and does not start a numbered heading.
import { union, type Box } from './geometry.js';
import { LIST_MARKER } from '../text-lines.js';
import { isCjk, type Line } from './text.js';

export interface ParagraphBox extends Box {
  text: string;
}

// Markers that start a new paragraph even after a full line: 一、 （一） 1. 1、 第一
export const HEADING = LIST_MARKER;

export function paragraphs(lines: readonly Line[]): ParagraphBox[] {
  if (lines.length === 0) return [];
  // The right edge of the text column: the line ends that most lines reach.
  const right = quantile(lines.map((l) => l.x1), 0.9);
  const out: ParagraphBox[] = [];
  let cur: { lines: Line[]; text: string } | undefined;
  const flush = () => {
    if (cur) out.push({ text: cur.text, ...union(cur.lines) });
    cur = undefined;
  };
  for (const line of lines) {
    const prev = cur?.lines[cur.lines.length - 1];
    const continues =
      prev !== undefined &&
      Math.abs(prev.size - line.size) < 0.6 &&
      line.y0 - prev.y1 < 1.0 * line.size &&
      line.y0 > prev.y0 &&
      prev.x1 >= right - 1.5 * prev.size &&
      line.x0 <= cur!.lines[0].x0 + 0.5 * line.size &&
      line.x0 < prev.x0 + 0.5 * line.size &&
      !HEADING.test(line.text);
    if (continues && cur) {
      const a = cur.text[cur.text.length - 1];
      const b = line.text[0];
      cur.text += isCjk(a) || isCjk(b) || /\d/.test(a) && isCjk(b) ? line.text : ` ${line.text}`;
      cur.lines.push(line);
    } else {
      flush();
      cur = { lines: [line], text: line.text };
    }
  }
  flush();
  return out;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
