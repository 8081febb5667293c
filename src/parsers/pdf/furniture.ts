// Page furniture: page numbers and running headers/footers in the top and bottom margins.
import type { Line } from './text.js';

/** Share of the page height at the top and at the bottom that counts as margin. */
const BAND = 0.085;

const PAGE_NUMBER = [
  /^[-–—－~～_·•]*\d{1,4}[-–—－~～_·•]*$/, // 3, -3-, — 3 —
  /^第\d{1,4}页([,，/／]?共\d{1,4}页)?$/, // 第 2 页, 第2页共5页
  /^共\d{1,4}页[,，/／]?第\d{1,4}页$/,
  /^\d{1,4}[/／]\d{1,4}$/, // 2/5
  /^page\d{1,4}(of\d{1,4})?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return PAGE_NUMBER.some((re) => re.test(t));
}

export interface PageLines {
  page: number;
  height: number;
  lines: Line[];
}

const inBand = (line: Line, height: number): boolean => line.y1 <= height * BAND || line.y0 >= height * (1 - BAND);
// Running text with the page number changed stays the same once digits are masked.
const key = (line: Line): string => line.text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Remove page numbers and lines repeated in the margin of most pages. Mutates `pages`. */
export function removeFurniture(pages: PageLines[]): void {
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const line of p.lines) if (inBand(line, p.height)) seen.add(key(line));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  for (const p of pages) {
    p.lines = p.lines.filter((line) => {
      if (!inBand(line, p.height)) return true;
      if (isPageNumber(line.text)) return false;
      return pages.length < 2 || (counts.get(key(line)) ?? 0) < repeatedOn;
    });
  }
}
