// Radical code points → the ideographs they look like. PDFs printed by browsers and some word
// processors (and text copied out of them) carry Kangxi Radicals (⼈ U+2F08 for 人), CJK Radicals
// Supplement (⺠ U+2EA0 for 民) and CJK Compatibility Ideographs where the text means the
// ordinary ideograph. Every document is folded here, once, as it leaves its parser, so that no
// later stage (labels, headings, meta) has to know; a table cell or paragraph that changed keeps
// the text as printed in `printed`, and cells report that as their raw text.
import type { Block, Document, DocumentMeta } from '../model.js';

/**
 * CJK Radicals Supplement → unified ideograph, after Unicode's EquivalentUnifiedIdeograph.txt.
 * NFKC does not map this block; radicals with no ideograph of their own are left out.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺂': '乛', '⺃': '乚', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺉': '刂', '⺊': '卜', '⺋': '㔾',
  '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺕': '彐',
  '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母',
  '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭',
  '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糹', '⺰': '纟', '⺱': '罓',
  '⺲': '罒', '⺶': '羊', '⺹': '耂', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹',
  '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻊': '足',
  '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '镸', '⻒': '長', '⻓': '长',
  '⻔': '门', '⻕': '阜', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞',
  '⻝': '食', '⻟': '飠', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
  '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜',
  '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

// Kangxi Radicals and CJK Compatibility Ideographs have NFKC mappings; the supplement has the table.
const FOLDABLE = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/g;

/** The text with radical and compatibility code points replaced by their ideographs. */
export function foldRadicals(text: string): string {
  return text.replace(FOLDABLE, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

/** Whether the text holds a code point that foldRadicals would change. */
export function hasRadicals(text: string): boolean {
  return foldRadicals(text) !== text;
}

function foldBlock(block: Block): Block {
  if (block.kind === 'paragraph') {
    const text = foldRadicals(block.text);
    return text === block.text ? block : { ...block, text, printed: block.printed ?? block.text };
  }
  // A merged cell is one object at several grid positions: fold each object once, keep sharing.
  const folded = new Map<object, (typeof block.grid)[number][number]>();
  const grid = block.grid.map((row) =>
    row.map((cell) => {
      let out = folded.get(cell);
      if (!out) {
        const text = foldRadicals(cell.text);
        out = text === cell.text ? cell : { ...cell, text, printed: cell.printed ?? cell.text };
        folded.set(cell, out);
      }
      return out;
    }),
  );
  return { ...block, grid };
}

export function foldDocument(document: Document): Document {
  const meta: DocumentMeta = { ...document.meta };
  for (const key of ['title', 'agency', 'published'] as const) if (meta[key] !== undefined) meta[key] = foldRadicals(meta[key]!);
  return { ...document, blocks: document.blocks.map(foldBlock), meta };
}
