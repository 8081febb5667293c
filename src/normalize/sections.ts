// The six parts, found by their titles whatever the numbering (一、 1、 （一） 第一部分 １．
// or none) and even when the number is wrong, as in reports that number their tables anew.
import type { Document } from '../model.js';
import type { Section, SectionKey, Warning } from '../schema.js';
import { canonicalLabel } from '../templates/labels.js';
import { HEADING_NUMBER, MAX_HEADING_LENGTH, SECTION_TITLES, numberValue, type SectionTitle } from '../templates/sections.js';

export interface Heading {
  block: number;
  number: number;
  key: SectionKey;
  text: string;
  score: number;
}

function scoreHeading(text: string, block: number, titles: SectionTitle[]): Heading[] {
  const label = canonicalLabel(text);
  if (label.length === 0 || label.length > MAX_HEADING_LENGTH) return [];
  const numbering = HEADING_NUMBER.exec(label);
  const title = numbering ? label.slice(numbering[0].length) : label;
  const printed = numbering ? numberValue(numbering[1] ?? numbering[2] ?? numbering[3] ?? numbering[4]) : null;
  return titles.flatMap((s) => {
    const base = s.exact.test(title) ? 3 : s.variants.some((v) => v.test(title)) ? 2 : 0;
    if (base === 0) return [];
    const score = base + (numbering ? 1 : 0) + (printed === s.number ? 1 : 0);
    return [{ block, number: s.number, key: s.key, text: text.trim(), score }];
  });
}

/** The best heading for each part, in document order; free-form reports pass their own titles. */
export function findHeadings(document: Document, titles: SectionTitle[] = SECTION_TITLES): Heading[] {
  const best = new Map<SectionKey, Heading>();
  document.blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph') return;
    for (const heading of scoreHeading(block.text, index, titles)) {
      const current = best.get(heading.key);
      if (!current || heading.score > current.score) best.set(heading.key, heading);
    }
  });
  return [...best.values()].sort((a, b) => a.block - b.block);
}

export function readSections(document: Document, headings: Heading[], warnings: Warning[], titles: SectionTitle[] = SECTION_TITLES): Section[] {
  const sections: Section[] = headings.map((heading, i) => {
    const end = headings[i + 1]?.block ?? document.blocks.length;
    const text = document.blocks
      .slice(heading.block + 1, end)
      .flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim()] : []))
      .filter((t) => t !== '')
      .join('\n');
    return { number: heading.number, key: heading.key, heading: heading.text, text, origin: { ...document.blocks[heading.block].origin, block: heading.block } };
  });
  for (const title of titles)
    if (!headings.some((h) => h.key === title.key))
      warnings.push({ code: 'W_SECTION_MISSING', message: `no heading found for part ${title.number} (${title.key})` });
  return sections.sort((a, b) => a.number - b.number);
}
