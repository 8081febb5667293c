// The body of a Word document (the element tree of ooxml.ts) as mammoth's document model: a port
// of mammoth 1.x's body reader (lib/docx/body-reader.js) for what it turns into HTML, so that
// the fast path gives the very tree mammoth would. What it does not port (symbols, checkboxes,
// odd tables) throws Decline and leaves the file to mammoth.
import { childrenNamed, Decline, first, firstOrEmpty, textOf, type XElement, type XNode } from './ooxml.js';

export interface Numbering {
  isOrdered: boolean;
  level: string;
}

export type DocNode =
  | { type: 'paragraph'; children: DocNode[]; styleId: string | null; styleName: string | null; numbering: Numbering | null }
  | { type: 'run'; children: DocNode[]; styleName: string | null; isBold: boolean; isItalic: boolean; isStrikethrough: boolean; verticalAlignment: string | undefined }
  | { type: 'text'; value: string }
  | { type: 'tab' }
  | { type: 'break'; breakType: 'line' | 'page' | 'column' }
  | { type: 'hyperlink'; children: DocNode[]; href?: string; anchor?: string; targetFrame?: string | null }
  | { type: 'bookmarkStart'; name: string | undefined }
  | { type: 'noteReference'; noteType: 'footnote' | 'endnote'; noteId: string | undefined }
  | { type: 'image'; altText: string | undefined }
  | { type: 'table'; children: DocNode[] }
  | { type: 'tableRow'; children: DocNode[]; isHeader: boolean }
  | { type: 'tableCell'; children: DocNode[]; colSpan: number; rowSpan: number; vMerge?: boolean | null };

/** What the body reader needs from the rest of the package. */
export interface PackageContext {
  /** Target of a relationship of the part being read, by id. */
  relationship(id: string): string | undefined;
  paragraphStyleName(styleId: string): string | null | undefined;
  characterStyleName(styleId: string): string | null | undefined;
  findLevel(numId: string, level: string): Numbering | null | undefined;
  findLevelByParagraphStyleId(styleId: string): Numbering | null;
}

type Field = { type: 'begin'; fldChar: XElement } | { type: 'hyperlink'; options: { href?: string; anchor?: string } } | { type: 'unknown' };

const CHILDREN = new Set(['w:customXml', 'w:ins', 'w:moveFromRangeEnd', 'w:moveFromRangeStart', 'w:moveTo', 'w:moveToRangeEnd', 'w:moveToRangeStart', 'w:object', 'w:smartTag', 'w:drawing', 'v:roundrect', 'v:shape', 'v:textbox', 'w:txbxContent', 'v:group', 'v:rect']);

const isOn = (element: XElement | undefined): boolean => {
  if (!element) return false;
  const value = element.attributes['w:val'];
  return value !== 'false' && value !== '0';
};

/** One reader per part read, as mammoth makes one BodyReader per readXmlElements call. */
export class BodyReader {
  private fields: Field[] = [];
  private instrText: string[] = [];
  private deletedParagraphContents: XNode[] = [];
  /** Where w:pict content goes: after the paragraph being read (mammoth's "extra"). */
  private extra: DocNode[] | null = null;

  constructor(private readonly context: PackageContext) {}

  readAll(nodes: XNode[]): DocNode[] {
    const out: DocNode[] = [];
    for (const node of nodes) if (node.type === 'element') this.read(node, out);
    return out;
  }

  private read(element: XElement, out: DocNode[]): void {
    switch (element.name) {
      case 'w:p':
        return this.paragraph(element, out);
      case 'w:r':
        return this.run(element, out);
      case 'w:fldChar':
        return this.fldChar(element, out);
      case 'w:instrText':
        this.instrText.push(textOf(element));
        return;
      case 'w:t':
        out.push({ type: 'text', value: textOf(element) });
        return;
      case 'w:tab':
        out.push({ type: 'tab' });
        return;
      case 'w:noBreakHyphen':
        out.push({ type: 'text', value: '\u2011' });
        return;
      case 'w:softHyphen':
        out.push({ type: 'text', value: '\u00AD' });
        return;
      case 'w:sym':
        throw new Decline('a w:sym symbol (mammoth maps dingbat fonts)');
      case 'w:hyperlink':
        return this.hyperlink(element, out);
      case 'w:tbl':
        return this.table(element, out);
      case 'w:tr':
        return this.row(element, out);
      case 'w:tc':
        return this.cell(element, out);
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        out.push({ type: 'noteReference', noteType: element.name === 'w:footnoteReference' ? 'footnote' : 'endnote', noteId: element.attributes['w:id'] });
        return;
      case 'w:commentReference':
        return; // mammoth ignores comment references unless a style map asks for them
      case 'w:br':
        return this.br(element, out);
      case 'w:bookmarkStart':
        if (element.attributes['w:name'] !== '_GoBack') out.push({ type: 'bookmarkStart', name: element.attributes['w:name'] });
        return;
      case 'mc:AlternateContent':
        out.push(...this.readAll(firstOrEmpty(element, 'mc:Fallback').children));
        return;
      case 'w:sdt':
        if (first(firstOrEmpty(element, 'w:sdtPr'), 'wordml:checkbox')) throw new Decline('a checkbox content control');
        out.push(...this.readAll(firstOrEmpty(element, 'w:sdtContent').children));
        return;
      case 'w:pict': {
        const content = this.readAll(element.children);
        this.extra?.push(...content);
        return;
      }
      case 'wp:inline':
      case 'wp:anchor':
        return this.drawing(element, out);
      case 'v:imagedata':
        // mammoth reads the title as "o:title", a name its namespace table never produces.
        if (element.attributes['r:id']) out.push(this.image(element.attributes['r:id'], undefined));
        return;
      default:
        if (CHILDREN.has(element.name)) out.push(...this.readAll(element.children));
      // Anything else mammoth ignores, children and all (some silently, the rest with a warning,
      // which docx.ts does not keep: only mammoth's errors become W_DOCX_CONVERT).
    }
  }

  private paragraph(element: XElement, out: DocNode[]): void {
    const properties = firstOrEmpty(element, 'w:pPr');
    // A deleted paragraph mark joins the paragraph's content to the next paragraph.
    if (first(firstOrEmpty(properties, 'w:rPr'), 'w:del')) {
      this.deletedParagraphContents.push(...element.children);
      return;
    }
    let children = element.children;
    if (this.deletedParagraphContents.length) {
      children = [...this.deletedParagraphContents, ...children];
      this.deletedParagraphContents = [];
    }
    const styleId = firstOrEmpty(properties, 'w:pStyle').attributes['w:val'] || null;
    const styleName = styleId ? (this.context.paragraphStyleName(styleId) ?? null) : null;
    const numbering = this.numbering(styleId, firstOrEmpty(properties, 'w:numPr'));
    const outer = this.extra;
    const extra: DocNode[] = [];
    this.extra = extra;
    const content = this.readAll(children);
    this.extra = outer;
    out.push({ type: 'paragraph', children: content, styleId, styleName, numbering: numbering || null }, ...extra);
  }

  private numbering(styleId: string | null, numPr: XElement): Numbering | null | undefined {
    const level = firstOrEmpty(numPr, 'w:ilvl').attributes['w:val'];
    const numId = firstOrEmpty(numPr, 'w:numId').attributes['w:val'];
    if (level !== undefined && numId !== undefined) return this.context.findLevel(numId, level);
    if (styleId != null) {
      const byStyle = this.context.findLevelByParagraphStyleId(styleId);
      if (byStyle != null) return byStyle;
    }
    if (numId !== undefined) return this.context.findLevel(numId, '0');
    return null;
  }

  private run(element: XElement, out: DocNode[]): void {
    const properties = firstOrEmpty(element, 'w:rPr');
    const styleId = firstOrEmpty(properties, 'w:rStyle').attributes['w:val'];
    const styleName = styleId ? (this.context.characterStyleName(styleId) ?? null) : null;
    let children = this.readAll(element.children);
    const link = this.currentHyperlink();
    if (link) children = [{ type: 'hyperlink', children, ...link }];
    out.push({
      type: 'run',
      children,
      styleName,
      isBold: isOn(first(properties, 'w:b')),
      isItalic: isOn(first(properties, 'w:i')),
      isStrikethrough: isOn(first(properties, 'w:strike')),
      verticalAlignment: firstOrEmpty(properties, 'w:vertAlign').attributes['w:val'],
    });
  }

  private fldChar(element: XElement, out: DocNode[]): void {
    const type = element.attributes['w:fldCharType'];
    if (type === 'begin') {
      this.fields.push({ type: 'begin', fldChar: element });
      this.instrText = [];
    } else if (type === 'end') {
      const field = this.fields.pop();
      if (field?.type === 'begin') this.parseInstrText();
    } else if (type === 'separate') {
      if (!this.fields.length) return;
      this.fields.pop();
      this.fields.push(this.parseInstrText());
    }
    void out;
  }

  private parseInstrText(): Field {
    const instrText = this.instrText.join('');
    const link = /^\s*HYPERLINK\s+(\\l\s+)?(?:"(.*)"|([^\\]\S*))/.exec(instrText);
    if (link) {
      const location = link[2] === undefined ? link[3] : link[2];
      return { type: 'hyperlink', options: link[1] === undefined ? { href: location } : { anchor: location } };
    }
    if (/\s*FORMCHECKBOX\s*/.test(instrText)) throw new Decline('a checkbox form field');
    return { type: 'unknown' };
  }

  private currentHyperlink(): { href?: string; anchor?: string } | null {
    for (let i = this.fields.length - 1; i >= 0; i--) {
      const field = this.fields[i];
      if (field.type === 'hyperlink') return field.options;
    }
    return null;
  }

  private hyperlink(element: XElement, out: DocNode[]): void {
    const id = element.attributes['r:id'];
    const anchor = element.attributes['w:anchor'];
    const children = this.readAll(element.children);
    const targetFrame = element.attributes['w:tgtFrame'] || null;
    if (id) {
      let href = this.context.relationship(id);
      if (anchor) {
        if (href === undefined) throw new Decline('a hyperlink to a missing relationship');
        href = href.split('#')[0] + '#' + anchor;
      }
      out.push({ type: 'hyperlink', children, href, targetFrame });
    } else if (anchor) out.push({ type: 'hyperlink', children, anchor, targetFrame });
    else out.push(...children);
  }

  private br(element: XElement, out: DocNode[]): void {
    const type = element.attributes['w:type'];
    if (type == null || type === 'textWrapping') out.push({ type: 'break', breakType: 'line' });
    else if (type === 'page' || type === 'column') out.push({ type: 'break', breakType: type });
  }

  private drawing(element: XElement, out: DocNode[]): void {
    // The same path of direct children mammoth follows to the picture's blips.
    let level = [element];
    for (const name of ['a:graphic', 'a:graphicData', 'pic:pic', 'pic:blipFill', 'a:blip']) level = level.flatMap((e) => childrenNamed(e, name));
    const properties = firstOrEmpty(element, 'wp:docPr');
    const { descr, title } = properties.attributes;
    const altText = descr == null || /^\s*$/.test(descr) ? title : descr;
    for (const blip of level) {
      const id = blip.attributes['r:embed'] || blip.attributes['r:link'];
      if (!id) continue;
      const image = this.image(id, altText);
      const click = firstOrEmpty(properties, 'a:hlinkClick').attributes['r:id'];
      out.push(click ? { type: 'hyperlink', children: [image], href: this.context.relationship(click) } : image);
    }
  }

  /** An image; mammoth fails on one whose relationship is missing. */
  private image(id: string, altText: string | undefined): DocNode {
    if (this.context.relationship(id) === undefined) throw new Decline('an image without its relationship');
    return { type: 'image', altText };
  }

  private table(element: XElement, out: DocNode[]): void {
    const rows = this.readAll(element.children);
    // mammoth gives up merging for tables with other things between rows (and writes
    // markup that browsers rearrange): not the fast path's business.
    if (rows.some((r) => r.type !== 'tableRow')) throw new Decline('a table with something other than rows in it');
    if (rows.some((r) => r.type === 'tableRow' && r.children.some((c) => c.type !== 'tableCell'))) throw new Decline('a table row with something other than cells in it');
    // Vertical merges to row spans (body-reader.js calculateRowSpans).
    const columns = new Map<number, DocNode & { type: 'tableCell' }>();
    for (const row of rows as (DocNode & { type: 'tableRow' })[]) {
      let index = 0;
      for (const cell of row.children as (DocNode & { type: 'tableCell' })[]) {
        const above = columns.get(index);
        if (cell.vMerge && above) above.rowSpan++;
        else {
          columns.set(index, cell);
          cell.vMerge = false;
        }
        index += cell.colSpan;
      }
    }
    for (const row of rows as (DocNode & { type: 'tableRow' })[]) {
      row.children = row.children.filter((cell) => !(cell as { vMerge?: boolean }).vMerge);
      for (const cell of row.children) delete (cell as { vMerge?: boolean }).vMerge;
    }
    out.push({ type: 'table', children: rows });
  }

  private row(element: XElement, out: DocNode[]): void {
    const properties = firstOrEmpty(element, 'w:trPr');
    if (first(properties, 'w:del')) return;
    out.push({ type: 'tableRow', children: this.readAll(element.children), isHeader: !!first(properties, 'w:tblHeader') });
  }

  private cell(element: XElement, out: DocNode[]): void {
    const children = this.readAll(element.children);
    const properties = firstOrEmpty(element, 'w:tcPr');
    const gridSpan = firstOrEmpty(properties, 'w:gridSpan').attributes['w:val'];
    const vMerge = first(properties, 'w:vMerge');
    const value = vMerge?.attributes['w:val'];
    out.push({ type: 'tableCell', children, colSpan: gridSpan ? parseInt(gridSpan, 10) : 1, rowSpan: 1, vMerge: vMerge ? value === 'continue' || !value : null });
  }
}
