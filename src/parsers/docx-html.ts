// mammoth's document model (docx-body.ts) → the element tree a browser would build from the HTML
// mammoth writes, without writing or parsing any HTML: a port of mammoth's conversion
// (lib/document-to-html.js with its default style map and xxgk's page-break rule), its
// simplify step (empty elements out, adjacent non-fresh elements merged), then the two
// repairs the HTML parser makes to that markup (an <hr> closes a <p>) and the notes xxgk drops.
import type { DocNode } from './docx-body.js';
import type { HNode } from './html.js';
import { Decline } from './ooxml.js';

interface Tag {
  tagName: string;
  /** Names this tag merges with (mammoth's "ul|ol"). */
  tagNames: string[];
  attributes: Record<string, string | undefined>;
  fresh: boolean;
}
type Html = { type: 'element'; tag: Tag; children: Html[] } | { type: 'text'; value: string } | { type: 'forceWrite' };

const tag = (tagName: string, fresh: boolean, attributes: Record<string, string | undefined> = {}, tagNames = [tagName]): Tag => ({ tagName, tagNames, attributes, fresh });
const element = (t: Tag, children: Html[]): Html => ({ type: 'element', tag: t, children });
const FORCE: Html = { type: 'forceWrite' };
const wrap = (path: Tag[], children: Html[]): Html[] => path.reduceRight<Html[]>((inner, t) => [element(t, inner)], children);

// ── the default style map, as far as it matches paragraphs and runs ──────────────────────────

const upper = (s: string | null) => s?.toUpperCase();
const HEADING_ID = /^Heading([1-6])$/;
const HEADING_NAME = /^HEADING ([1-6])$/;
const NOTE_TEXT_NAMES = new Set(['FOOTNOTE TEXT', 'ENDNOTE TEXT', 'ANNOTATION TEXT', 'FOOTNOTE', 'ENDNOTE']);
const EMPTY_RUN_STYLES = new Set(['FOOTNOTE REFERENCE', 'ENDNOTE REFERENCE', 'ANNOTATION REFERENCE', 'FOOTNOTE ANCHOR', 'ENDNOTE ANCHOR', 'HYPERLINK']);

function listPath(level: number, ordered: boolean): Tag[] {
  const path: Tag[] = [];
  for (let i = 0; i < level; i++) path.push(tag('ul', false, {}, ['ul', 'ol']), tag('li', false));
  path.push(tag(ordered ? 'ol' : 'ul', false), tag('li', true));
  return path;
}

function paragraphPath(p: DocNode & { type: 'paragraph' }): Tag[] {
  const byId = p.styleId ? HEADING_ID.exec(p.styleId) : null;
  if (byId) return [tag(`h${byId[1]}`, true)];
  const name = upper(p.styleName);
  const byName = name ? HEADING_NAME.exec(name) : null;
  if (byName) return [tag(`h${byName[1]}`, true)];
  if (p.styleId === 'Heading' || name === 'HEADING') return [tag('h1', true)];
  if (name && NOTE_TEXT_NAMES.has(name)) return [tag('p', true)];
  const n = p.numbering;
  if (n) {
    const level = Number(n.level);
    if (Number.isInteger(level) && level >= 0 && level < 5) return listPath(level, n.isOrdered);
  }
  return [tag('p', true)];
}

// ── conversion (document-to-html.js) ────────────────────────────────────────────────────────

class Converter {
  private noteNumber = 1;

  constructor(private readonly hasNote: (type: string, id: string | undefined) => boolean) {}

  all(nodes: DocNode[], header = false): Html[] {
    return nodes.flatMap((n) => this.one(n, header));
  }

  private one(node: DocNode, header: boolean): Html[] {
    switch (node.type) {
      case 'paragraph':
        return wrap(paragraphPath(node), this.all(node.children));
      case 'run':
        return this.run(node);
      case 'text':
        return [{ type: 'text', value: node.value }];
      case 'tab':
        return [{ type: 'text', value: '\t' }];
      case 'break':
        // xxgk's style map: page and column breaks => hr (a non-fresh element); a line break is a fresh <br>.
        return node.breakType === 'line' ? [element(tag('br', true), [])] : [element(tag('hr', false), [])];
      case 'hyperlink': {
        const attributes: Record<string, string | undefined> = { href: node.anchor ? `#${node.anchor}` : node.href };
        if (node.targetFrame != null) attributes.target = node.targetFrame;
        return [element(tag('a', false, attributes), this.all(node.children))];
      }
      case 'bookmarkStart':
        return [element(tag('a', true, { id: String(node.name) }), [FORCE])];
      case 'noteReference': {
        if (!this.hasNote(node.noteType, node.noteId)) throw new Decline('a reference to a missing note');
        const id = `${node.noteType}-${node.noteId}`;
        const link = element(tag('a', true, { href: `#${id}`, id: `${node.noteType}-ref-${node.noteId}` }), [{ type: 'text', value: `[${this.noteNumber++}]` }]);
        return [element(tag('sup', true, { 'data-xxgk-note': '' }), [link])];
      }
      case 'image':
        return [element(tag('img', true, node.altText ? { alt: node.altText, src: '' } : { src: '' }), [])];
      case 'table':
        return this.table(node);
      case 'tableRow':
        return [element(tag('tr', true), [FORCE, ...this.all(node.children, header)])];
      case 'tableCell': {
        const attributes: Record<string, string> = {};
        if (node.colSpan !== 1) attributes.colspan = String(node.colSpan);
        if (node.rowSpan !== 1) attributes.rowspan = String(node.rowSpan);
        return [element(tag(header ? 'th' : 'td', true, attributes), [FORCE, ...this.all(node.children)])];
      }
    }
  }

  private run(run: DocNode & { type: 'run' }): Html[] {
    const path: Tag[] = [];
    // Outermost first: the run style's path, bold, italic, sup, sub, strike (mammoth wraps in the reverse order).
    if (upper(run.styleName) === 'STRONG') path.push(tag('strong', false));
    else if (run.styleName && EMPTY_RUN_STYLES.has(upper(run.styleName)!)) {
      // mapped to nothing: the content stays, unwrapped
    }
    if (run.isBold) path.push(tag('strong', false));
    if (run.isItalic) path.push(tag('em', false));
    if (run.verticalAlignment === 'superscript') path.push(tag('sup', false));
    if (run.verticalAlignment === 'subscript') path.push(tag('sub', false));
    if (run.isStrikethrough) path.push(tag('s', false));
    return wrap(path, this.all(run.children));
  }

  private table(table: DocNode & { type: 'table' }): Html[] {
    // Leading header rows (w:tblHeader) go in <thead>, the rest in <tbody>.
    let body = table.children.findIndex((row) => !(row.type === 'tableRow' && row.isHeader));
    if (body === -1) body = table.children.length;
    const children =
      body === 0
        ? this.all(table.children)
        : [element(tag('thead', true), this.all(table.children.slice(0, body), true)), element(tag('tbody', true), this.all(table.children.slice(body)))];
    return [element(tag('table', true), [FORCE, ...children])];
  }
}

// ── simplify (lib/html/simplify.js) ─────────────────────────────────────────────────────────

const VOID = new Set(['br', 'hr', 'img', 'input']);

function removeEmpty(nodes: Html[]): Html[] {
  return nodes.flatMap((node): Html[] => {
    if (node.type === 'text') return node.value.length ? [node] : [];
    if (node.type === 'forceWrite') return [node];
    const children = removeEmpty(node.children);
    return children.length === 0 && !VOID.has(node.tag.tagName) ? [] : [{ ...node, children }];
  });
}

function sameAttributes(a: Record<string, string | undefined>, b: Record<string, string | undefined>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

function append(children: Html[], child: Html): void {
  const last = children[children.length - 1];
  if (child.type === 'element' && !child.tag.fresh && last?.type === 'element' && child.tag.tagNames.includes(last.tag.tagName) && sameAttributes(child.tag.attributes, last.tag.attributes)) {
    for (const grandChild of child.children) append(last.children, grandChild);
  } else children.push(child);
}

function collapse(nodes: Html[]): Html[] {
  const children: Html[] = [];
  for (const node of nodes) append(children, node.type === 'element' ? { ...node, children: collapse(node.children) } : node);
  return children;
}

// ── the tree an HTML parser builds from that markup ─────────────────────────────────────────

// Formatting elements the HTML parser reopens after an implied close; other inline elements
// (sup, sub) it does not.
const FORMATTING = new Set(['a', 'em', 's', 'strong']);

function toNodes(nodes: Html[], insideLink = false): HNode[] {
  const out: HNode[] = [];
  for (const node of nodes) {
    if (node.type === 'forceWrite') continue;
    if (node.type === 'text') {
      const last = out[out.length - 1];
      if (last?.type === 'text') last.data += node.value;
      else out.push({ type: 'text', data: node.value });
      continue;
    }
    const name = node.tag.tagName;
    // A note reference: xxgk drops it (docx.ts dropNotes), as it drops the notes themselves.
    if (name === 'sup' && 'data-xxgk-note' in node.tag.attributes) continue;
    // A link inside a link is split apart by the HTML parser in ways not worth copying; a link
    // that looks like a note's is something dropNotes would cut.
    if (name === 'a' && insideLink) throw new Decline('a link inside a link');
    if (name === 'a' && /^#(?:footnote|endnote|comment)-/.test(node.tag.attributes.href ?? '')) throw new Decline('a link to a note anchor');
    const attribs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.tag.attributes)) attribs[k] = String(v);
    const children = toNodes(node.children, insideLink || name === 'a');
    if (name === 'p' && children.some(containsHr)) out.push(...splitParagraph(attribs, children));
    else out.push({ type: 'tag', name, attribs, children });
  }
  return out;
}

const containsHr = (node: HNode): boolean => node.type === 'tag' && (node.name === 'hr' || (node.children ?? []).some(containsHr));

/**
 * An <hr> inside a <p>: the parser closes the paragraph there, puts the <hr> after it, reads
 * what follows outside any paragraph (reopening formatting elements, not sup/sub) and turns the
 * stray </p> into an empty paragraph.
 */
function splitParagraph(attribs: Record<string, string>, children: HNode[]): HNode[] {
  const { before, after } = splitAtHr(children);
  return [{ type: 'tag', name: 'p', attribs, children: before }, { type: 'tag', name: 'hr', attribs: {}, children: [] }, ...after, { type: 'tag', name: 'p', attribs: {}, children: [] }];
}

function splitAtHr(children: HNode[]): { before: HNode[]; after: HNode[] } {
  const i = children.findIndex(containsHr);
  const child = children[i];
  if (child.type === 'tag' && child.name === 'hr') return { before: children.slice(0, i), after: children.slice(i + 1) };
  const inner = splitAtHr(child.children ?? []);
  const before = [...children.slice(0, i), { ...child, children: inner.before }];
  const rest = [...inner.after];
  const reopened = FORMATTING.has(child.name ?? '') ? (rest.length ? [{ ...child, attribs: { ...child.attribs }, children: rest }] : []) : rest;
  return { before, after: [...reopened, ...children.slice(i + 1)] };
}

/** The <body> a browser would build from mammoth's HTML for these blocks. */
export function docToBody(blocks: DocNode[], hasNote: (type: string, id: string | undefined) => boolean): HNode {
  const html = collapse(removeEmpty(new Converter(hasNote).all(blocks)));
  return { type: 'tag', name: 'body', attribs: {}, children: toNodes(html) };
}
