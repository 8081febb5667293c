// Repairs to word/document.xml for what mammoth would get wrong: w:hMerge (WPS and old Word
// merge cells horizontally this way; mammoth ignores it and shifts the grid), moved-away text
// and deleted table rows of tracked changes (not data). Run only when the XML needs it.
import { load } from 'cheerio/slim';
import type { Cheerio, CheerioAPI } from 'cheerio';

type El = Cheerio<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface XmlFix {
  xml: string;
  /** What was repaired, for warnings; empty when nothing was. */
  repairs: string[];
}

/** True when the part contains anything fixDocumentXml repairs. */
export function needsFix(xml: string): boolean {
  // The row-properties scan is bounded so that many rows cost linear time.
  return /<w:hMerge\b|<w:moveFrom\b|<w:trPr(?:\s[^>]*[^/>])?>(?:(?!<\/w:trPr>)[\s\S]){0,2000}?<w:del\b/.test(xml);
}

export function fixDocumentXml(xml: string): XmlFix {
  if (!needsFix(xml)) return { xml, repairs: [] };
  const $ = load(xml, { xml: { xmlMode: true, decodeEntities: false } });
  const repairs: string[] = [];

  const moved = $('w\\:moveFrom');
  if (moved.length) {
    moved.remove();
    repairs.push(`dropped ${moved.length} moved-away run(s) of tracked changes`);
  }
  const deletedRows = $('w\\:tr').filter((_, tr) => $(tr).children('w\\:trPr').children('w\\:del').length > 0);
  if (deletedRows.length) {
    deletedRows.remove();
    repairs.push(`dropped ${deletedRows.length} deleted table row(s) of tracked changes`);
  }
  let merged = 0;
  $('w\\:tr').each((_, tr) => {
    merged += collapseHMerge($, $(tr));
  });
  if (merged) repairs.push(`rebuilt ${merged} horizontal merge(s) from w:hMerge`);
  return { xml: $.xml(), repairs };
}

const gridSpanOf = (tc: El): number => {
  const n = Number(tc.children('w\\:tcPr').children('w\\:gridSpan').attr('w:val'));
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/** Turn hMerge restart/continue cells of one row into one cell with a gridSpan. */
function collapseHMerge($: CheerioAPI, tr: El): number {
  let restart: El | null = null;
  let span = 0;
  let merged = 0;
  const finish = () => {
    if (restart && span > gridSpanOf(restart)) setGridSpan($, restart, span);
  };
  tr.children('w\\:tc').each((_, node) => {
    const tc = $(node);
    const hMerge = tc.children('w\\:tcPr').children('w\\:hMerge');
    if (!hMerge.length) {
      finish();
      restart = null;
      return;
    }
    const val = hMerge.attr('w:val');
    hMerge.remove();
    if (val === 'restart' || !restart) {
      finish();
      restart = tc;
      span = gridSpanOf(tc);
      return;
    }
    // A continuation: its columns join the restart cell; any text it holds is kept there.
    span += gridSpanOf(tc);
    tc.children('w\\:p').each((_, p) => {
      if ($(p).text().trim()) restart!.append(p);
    });
    tc.remove();
    merged++;
  });
  finish();
  return merged;
}

function setGridSpan($: CheerioAPI, tc: El, span: number): void {
  let tcPr = tc.children('w\\:tcPr');
  if (!tcPr.length) {
    tc.prepend('<w:tcPr></w:tcPr>');
    tcPr = tc.children('w\\:tcPr');
  }
  const existing = tcPr.children('w\\:gridSpan');
  if (existing.length) existing.attr('w:val', String(span));
  else {
    // Schema order: tcW comes before gridSpan.
    const tcW = tcPr.children('w\\:tcW');
    const el = `<w:gridSpan w:val="${span}"/>`;
    if (tcW.length) tcW.after(el);
    else tcPr.prepend(el);
  }
  void $;
}
