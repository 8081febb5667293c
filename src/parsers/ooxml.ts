// An OOXML part as a light element tree, read with htmlparser2's streaming tokenizer in XML mode.
// Names are namespace-resolved the way mammoth resolves them (a known namespace URI gets its
// usual prefix, whatever prefix the writer chose; others read "{uri}local"), and
// mc:AlternateContent is replaced by its mc:Fallback, so the DOCX fast path reads the same
// tree mammoth would. Anything mammoth's XML layer (@xmldom/xmldom, which rejects on any error
// or warning) might read differently throws Decline: the caller then leaves the file to mammoth.
import { Parser } from 'htmlparser2';

export interface XElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: XNode[];
}
export interface XText {
  type: 'text';
  value: string;
}
export type XNode = XElement | XText;

/** The fast path cannot vouch for reading this part as mammoth would; use mammoth. */
export class Decline extends Error {}

// mammoth's own table (lib/docx/office-xml-reader.js): namespace URI → the prefix it reads.
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'content-types',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
};
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

// Entities other than XML's five and character references need a DTD, which OOXML never has.
const UNDECLARED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
// Characters XML 1.0 does not allow; xmldom and browsers treat them each their own way.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** A scope of namespace declarations, with the names resolved in it cached. */
class Scope {
  private readonly names = new Map<string, string>();
  constructor(
    private readonly prefixes: Map<string, string>,
    readonly depth: number,
  ) {}

  child(declarations: [string, string][], depth: number): Scope {
    const prefixes = new Map(this.prefixes);
    for (const [prefix, uri] of declarations) prefixes.set(prefix, uri);
    return new Scope(prefixes, depth);
  }

  resolve(raw: string, isAttribute: boolean): string {
    let name = this.names.get(raw);
    if (name !== undefined) return name;
    const colon = raw.indexOf(':');
    const prefix = colon < 0 ? '' : raw.slice(0, colon);
    const local = colon < 0 ? raw : raw.slice(colon + 1);
    // Unprefixed attributes are in no namespace; unprefixed elements in the default one.
    const uri = prefix === 'xml' ? XML_NS : prefix === '' && isAttribute ? undefined : this.prefixes.get(prefix);
    if (uri === undefined && prefix !== '') throw new Decline(`undeclared namespace prefix ${prefix}`);
    name = uri ? (NAMESPACES[uri] ? `${NAMESPACES[uri]}:${local}` : `{${uri}}${local}`) : local;
    this.names.set(raw, name);
    return name;
  }
}

/**
 * What a reader never looks at, so the tree need not hold it: for an element name, the child
 * names to keep (others are skipped with their subtrees), or null to skip all its children.
 */
export type Pruning = ReadonlyMap<string, ReadonlySet<string> | null>;

/** Parse one part; throws Decline where the text is not plain well-formed OOXML. */
export function readXml(xml: string, pruning?: Pruning): XElement {
  if (UNDECLARED_ENTITY.test(xml)) throw new Decline('an entity reference XML does not define');
  if (NOT_XML_CHAR.test(xml)) throw new Decline('a character XML does not allow');
  const root: XElement = { type: 'element', name: '#document', attributes: {}, children: [] };
  const stack: XElement[] = [root];
  const scopes: Scope[] = [new Scope(new Map(), 0)];
  let attributes: [string, string][] = [];
  // Depth inside a pruned subtree (0: not in one); well-formedness is still checked there.
  let skipping = 0;
  let seenRoot = false;
  let ending = false;
  // Text between two tags is one node, as xmldom makes it; a comment splits it.
  let text: XText | null = null;

  const parser = new Parser(
    {
      onattribute(name, value, quote) {
        if (quote !== '"' && quote !== "'") throw new Decline('an unquoted attribute');
        attributes.push([name, value]);
      },
      onopentag(raw) {
        text = null;
        if (stack.length === 1) {
          if (seenRoot) throw new Decline('a second root element');
          seenRoot = true;
        }
        const declarations: [string, string][] = [];
        const plain: [string, string][] = [];
        const seen = new Set<string>();
        for (const [name, value] of attributes) {
          if (seen.has(name)) throw new Decline('a repeated attribute');
          seen.add(name);
          if (name === 'xmlns') declarations.push(['', value]);
          else if (name.startsWith('xmlns:')) declarations.push([name.slice(6), value]);
          else plain.push([name, value]);
        }
        attributes = [];
        let scope = scopes[scopes.length - 1];
        if (declarations.length) {
          scope = scope.child(declarations, stack.length + skipping);
          scopes.push(scope);
        }
        const name = scope.resolve(raw, false);
        if (!skipping && pruning) {
          const keep = pruning.get(stack[stack.length - 1].name);
          if (keep === null || (keep && !keep.has(name))) skipping = 1;
        } else if (skipping) skipping++;
        if (skipping) return;
        const resolved: Record<string, string> = {};
        for (const [key, value] of plain) resolved[scope.resolve(key, true)] = value;
        const element: XElement = { type: 'element', name, attributes: resolved, children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      onclosetag(_raw, isImplied) {
        // htmlparser2 calls a self-closing tag's close "implied" too; any other implied close
        // (a mismatched end tag, the end of the text) means the XML is not well formed.
        if (isImplied && (ending || xml.charCodeAt(parser.endIndex - 1) !== 0x2f)) throw new Decline('an element not closed');
        text = null;
        if (skipping) {
          skipping--;
          if (scopes[scopes.length - 1].depth === stack.length + skipping) scopes.pop();
          return;
        }
        const element = stack.pop()!;
        const scope = scopes[scopes.length - 1];
        if (scope.depth === stack.length) scopes.pop();
        if (element.name === 'mc:AlternateContent') {
          // mammoth reads the fallback only (office-xml-reader.js collapseAlternateContent).
          const parent = stack[stack.length - 1];
          parent.children.pop();
          const fallback = element.children.find((c): c is XElement => c.type === 'element' && c.name === 'mc:Fallback');
          if (fallback) parent.children.push(...fallback.children);
        }
      },
      ontext(data) {
        if (skipping) return;
        if (stack.length === 1) {
          if (data.trim()) throw new Decline('text outside the root element');
          return;
        }
        if (text) text.value += data;
        else {
          text = { type: 'text', value: data };
          stack[stack.length - 1].children.push(text);
        }
      },
      oncomment() {
        text = null;
      },
      oncdatastart() {
        throw new Decline('a CDATA section');
      },
      onprocessinginstruction(name) {
        if (name.toLowerCase() !== '?xml' || stack.length > 1) throw new Decline('a processing instruction');
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  ending = true;
  parser.end();
  if (stack.length !== 1) throw new Decline('an element not closed');
  const documentElement = root.children.find((c): c is XElement => c.type === 'element');
  if (!documentElement) throw new Decline('no root element');
  return documentElement;
}

// ── the few element helpers mammoth's readers use (lib/xml/nodes.js) ─────────────────────────

export const EMPTY: XElement = { type: 'element', name: '', attributes: {}, children: [] };

export function first(element: XElement, name: string): XElement | undefined {
  for (const child of element.children) if (child.type === 'element' && child.name === name) return child;
  return undefined;
}

export const firstOrEmpty = (element: XElement, name: string): XElement => first(element, name) ?? EMPTY;

/** Direct children of that name (mammoth's getElementsByTagName does not descend). */
export function childrenNamed(element: XElement, name: string): XElement[] {
  return element.children.filter((c): c is XElement => c.type === 'element' && c.name === name);
}

/** mammoth's Element.text(): the one text child; it throws on anything else. */
export function textOf(element: XElement): string {
  if (element.children.length === 0) return '';
  const only = element.children[0];
  if (element.children.length !== 1 || only.type !== 'text') throw new Decline('text split by markup, which mammoth refuses');
  return only.value;
}
