// The DOCX fast path: the parts docx-zip.ts has already inflated and checked, read with a
// streaming XML parser into the tree mammoth would have made (docx-body.ts, docx-html.ts), so
// no second unzip, no DOM, no HTML written and parsed again. It reads what mammoth reads
// (relationships, styles, numbering, notes, comments, in mammoth's order of lookup) and
// declines (Decline) whatever it does not port; docx.ts then runs mammoth itself, which stays
// the reference: a test parses every DOCX fixture both ways and compares the records.
import type { DocxPackage } from './docx-zip.js';
import { BodyReader, type Numbering, type PackageContext } from './docx-body.js';
import { docToBody } from './docx-html.js';
import type { HNode } from './html.js';
import { childrenNamed, Decline, first, firstOrEmpty, readXml, type Pruning, type XElement } from './ooxml.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

// What docx-body.ts and the styles and numbering readers below look at inside property
// elements; the rest (fonts, sizes, spacing, borders, …) is most of a Word part's XML.
const PRUNING: Pruning = new Map<string, ReadonlySet<string> | null>([
  ['w:rPr', new Set(['w:b', 'w:i', 'w:strike', 'w:vertAlign', 'w:rStyle', 'w:del'])],
  ['w:pPr', new Set(['w:pStyle', 'w:numPr', 'w:rPr'])],
  ['w:tcPr', new Set(['w:gridSpan', 'w:vMerge'])],
  ['w:trPr', new Set(['w:del', 'w:tblHeader'])],
  ['w:sdtPr', new Set(['wordml:checkbox'])],
  ['w:tblPr', null],
  ['w:tblGrid', null],
  ['w:sectPr', null],
  ['w:del', null],
  ['w:moveFrom', null],
]);

interface Relationships {
  byId: Map<string, string | undefined>;
  byType: Map<string, string[]>;
}

const splitPath = (path: string) => {
  const i = path.lastIndexOf('/');
  return i < 0 ? { dirname: '', basename: path } : { dirname: path.slice(0, i), basename: path.slice(i + 1) };
};
/** mammoth's zipfile.joinPath: an absolute part restarts the path. */
function joinPath(...parts: string[]): string {
  let relevant: string[] = [];
  for (const part of parts.filter(Boolean)) relevant = part.startsWith('/') ? [part] : [...relevant, part];
  return relevant.join('/');
}
const relsPath = (path: string) => {
  const { dirname, basename } = splitPath(path);
  return joinPath(dirname, '_rels', `${basename}.rels`);
};

/** Keys in the order a JS object lists them (mammoth keeps these tables in objects): integer
 *  keys ascending, then the rest as inserted. */
function objectOrder<V>(map: Map<string, V>): V[] {
  const isIndex = (k: string) => /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
  const keys = [...map.keys()];
  const ordered = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
  return ordered.map((k) => map.get(k)!);
}

class Package {
  private readonly names: Set<string>;
  constructor(private readonly pkg: DocxPackage) {
    this.names = new Set(pkg.names);
  }

  exists(name: string): boolean {
    return this.names.has(name);
  }

  /** A part mammoth would read as XML, or null where it does not exist. */
  xml(name: string): XElement | null {
    if (!this.exists(name)) return null;
    const data = this.pkg.parts.get(name);
    if (!data) throw new Decline(`${name} is not an XML part docx-zip.ts inflated`);
    return readXml(data.toString('utf8'), PRUNING);
  }

  relationships(name: string): Relationships {
    const rels: Relationships = { byId: new Map(), byType: new Map() };
    const root = this.xml(name);
    for (const child of root?.children ?? []) {
      if (child.type !== 'element' || child.name !== 'relationships:Relationship') continue;
      const { Id, Target, Type } = child.attributes;
      rels.byId.set(Id, Target);
      rels.byType.set(Type, [...(rels.byType.get(Type) ?? []), Target]);
    }
    return rels;
  }

  /** mammoth's findPartPath: the first target of that type that exists, else the fallback. */
  partPath(rels: Relationships, type: string, base: string, fallback: string): string {
    for (const target of rels.byType.get(type) ?? []) {
      const path = joinPath(base, target).replace(/^\//, '');
      if (this.exists(path)) return path;
    }
    return fallback;
  }
}

function readStyles(root: XElement | null) {
  const sets: Record<string, Map<string, { name: string | null; numId?: string }>> = { paragraph: new Map(), character: new Map(), numbering: new Map() };
  for (const style of root ? childrenNamed(root, 'w:style') : []) {
    const type = style.attributes['w:type'];
    const id = style.attributes['w:styleId'];
    const set = sets[type];
    if (!set || set.has(id)) continue; // the first definition of an id wins
    if (type === 'numbering') set.set(id, { name: null, numId: firstOrEmpty(firstOrEmpty(firstOrEmpty(style, 'w:pPr'), 'w:numPr'), 'w:numId').attributes['w:val'] });
    else set.set(id, { name: first(style, 'w:name')?.attributes['w:val'] ?? null });
  }
  return sets;
}

function readNumbering(root: XElement | null, numberingStyles: Map<string, { numId?: string }>) {
  const abstractNums = new Map<string, { levels: Map<string, Numbering & { paragraphStyleId?: string }>; numStyleLink?: string }>();
  const nums = new Map<string, string | undefined>();
  const byStyle = new Map<string, Numbering>();
  for (const abstract of root ? childrenNamed(root, 'w:abstractNum') : []) {
    const levels = new Map<string, Numbering & { paragraphStyleId?: string }>();
    let withoutIndex: (Numbering & { paragraphStyleId?: string }) | null = null;
    for (const lvl of childrenNamed(abstract, 'w:lvl')) {
      const index = lvl.attributes['w:ilvl'];
      const level = { isOrdered: firstOrEmpty(lvl, 'w:numFmt').attributes['w:val'] !== 'bullet', level: index ?? '0', paragraphStyleId: firstOrEmpty(lvl, 'w:pStyle').attributes['w:val'] };
      if (index === undefined) withoutIndex = level;
      else levels.set(index, level);
    }
    if (withoutIndex && !levels.has('0')) levels.set('0', withoutIndex);
    abstractNums.set(abstract.attributes['w:abstractNumId'], { levels, numStyleLink: firstOrEmpty(abstract, 'w:numStyleLink').attributes['w:val'] });
  }
  for (const num of root ? childrenNamed(root, 'w:num') : []) {
    const abstractId = first(num, 'w:abstractNumId');
    if (!abstractId) throw new Decline('a w:num without its abstractNumId');
    nums.set(num.attributes['w:numId'], abstractId.attributes['w:val']);
  }
  // mammoth indexes levels by paragraph style over all abstract numberings; the last one wins.
  for (const { levels } of objectOrder(abstractNums)) for (const level of objectOrder(levels)) if (level.paragraphStyleId != null) byStyle.set(level.paragraphStyleId, level);

  const findLevel = (numId: string, level: string, seen = new Set<string>()): Numbering | null | undefined => {
    if (seen.has(numId)) return null;
    seen.add(numId);
    const abstractId = nums.get(numId);
    if (!nums.has(numId)) return null;
    const abstract = abstractNums.get(abstractId as string);
    if (!abstract) return null;
    if (abstract.numStyleLink == null) return abstract.levels.get(level);
    const style = numberingStyles.get(abstract.numStyleLink);
    if (!style) throw new Decline('a numbering style link to a missing style');
    return findLevel(style.numId as string, level, seen);
  };
  return { findLevel, byStyle };
}

/** Read the document's body as a browser would read mammoth's HTML of it; throws Decline. */
export function readDocxBody(pkg: DocxPackage, main: string, documentXml: string): HNode {
  if (pkg.names.includes('mammoth/style-map')) throw new Decline('an embedded mammoth style map');
  const files = new Package(pkg);
  const contentTypes = files.xml('[Content_Types].xml');
  for (const child of contentTypes?.children ?? []) if (child.type === 'element' && child.name === 'content-types:Override' && child.attributes.PartName === undefined) throw new Decline('a content-type override without a part name');

  const rootRels = files.relationships('_rels/.rels');
  const mammothMain = files.partPath(rootRels, `${REL}officeDocument`, '', 'word/document.xml');
  if (mammothMain !== main) throw new Decline('mammoth would read another main part');
  const documentRels = files.relationships(relsPath(main));
  const base = splitPath(main).dirname;
  const related = (name: string) => files.partPath(documentRels, `${REL}${name}`, base, `word/${name}.xml`);

  const styles = readStyles(files.xml(related('styles')));
  const numbering = readNumbering(files.xml(related('numbering')), styles.numbering);
  const contextFor = (rels: Relationships): PackageContext => ({
    relationship: (id) => rels.byId.get(id),
    paragraphStyleName: (id) => styles.paragraph.get(id)?.name,
    characterStyleName: (id) => styles.character.get(id)?.name,
    findLevel: (numId, level) => numbering.findLevel(numId, level),
    findLevelByParagraphStyleId: (id) => numbering.byStyle.get(id) ?? null,
  });

  // Notes and comments never reach the record, but mammoth reads them all, and a part it
  // cannot read fails the file: read them the same way (and learn which notes exist).
  const notes = new Set<string>();
  for (const [name, element] of [['footnotes', 'w:footnote'], ['endnotes', 'w:endnote'], ['comments', 'w:comment']]) {
    const path = related(name);
    const rels = files.relationships(relsPath(path));
    const root = files.xml(path);
    for (const note of root ? childrenNamed(root, element) : []) {
      const type = note.attributes['w:type'];
      if (name !== 'comments' && (type === 'continuationSeparator' || type === 'separator')) continue;
      new BodyReader(contextFor(rels)).readAll(note.children);
      if (name !== 'comments') notes.add(`${element.slice(2)}-${note.attributes['w:id']}`);
    }
  }

  const root = readXml(documentXml, PRUNING);
  const body = first(root, 'w:body');
  if (!body) throw new Decline('no w:body');
  const blocks = new BodyReader(contextFor(documentRels)).readAll(body.children);
  return docToBody(blocks, (type, id) => notes.has(`${type}-${id}`));
}
