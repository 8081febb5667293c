// DOCX → Document: the package is checked (caps, entity declarations), repaired where mammoth
// would misread it (docx-xml.ts), and read by the HTML parser's reader, so DOCX and HTML share
// one table reader. The fast path (docx-fast.ts) reads the checked parts straight into the tree
// mammoth's HTML would give; mammoth itself converts what the fast path declines.
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';
import type { Document, DocumentMeta, Result } from '../model.js';
import type { Warning } from '../schema.js';
import { XxgkError } from '../errors.js';
import { htmlToDocument, nodesToDocument } from './html.js';
import { readDocxBody } from './docx-fast.js';
import { readPackage, type DocxPackage } from './docx-zip.js';
import { fixDocumentXml, needsFix } from './docx-xml.js';
import { isOle } from './ole.js';
import { parseDoc } from './doc.js';

export { MAX_PART_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_UNCOMPRESSED_BYTES } from './docx-zip.js';

const MAIN_PART = 'word/document.xml';

// Page breaks split paragraphs (mammoth would glue the words around them together).
const STYLE_MAP = ["br[type='page'] => hr", "br[type='column'] => hr"];

export interface DocxOptions {
  /** 'mammoth' skips the fast path (the tests compare the two). */
  engine?: 'auto' | 'mammoth';
}

export async function parseDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<Result<Document>> {
  // A password-protected .docx is an OLE2 file, as is a .doc renamed .docx.
  if (isOle(bytes)) return parseDoc(bytes);
  const pkg = await readPackage(bytes);
  const main = mainPart(pkg);
  rejectEntityDeclarations(pkg);

  const warnings: Warning[] = [];
  let xml = pkg.parts.get(main)!.toString('utf8');
  let fixed: string | undefined;
  if (needsFix(xml)) {
    const fix = fixDocumentXml(xml);
    for (const repair of fix.repairs) warnings.push({ code: 'W_DOCX_REPAIRED', message: repair });
    xml = fixed = fix.xml;
  }
  const meta: DocumentMeta = {};
  const title = coreTitle(pkg);
  if (title) meta.title = title;

  if (options.engine !== 'mammoth') {
    try {
      return nodesToDocument(readDocxBody(pkg, main, xml), { format: 'docx', meta, warnings });
    } catch {
      // Declined (or a fast-path bug): mammoth, the reference, reads it.
    }
  }
  const html = await convertWithMammoth(bytes, main, fixed, warnings);
  return htmlToDocument(html, { format: 'docx', meta, warnings, prepare: dropNotes });
}

async function convertWithMammoth(bytes: Uint8Array, main: string, fixedXml: string | undefined, warnings: Warning[]): Promise<string> {
  // Loaded on first use: the fast path reads most files without it.
  const { default: mammoth } = await import('mammoth');
  let input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (fixedXml !== undefined) input = await replacePart(input, main, fixedXml);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: input },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    for (const m of result.messages) if (m.type === 'error') warnings.push({ code: 'W_DOCX_CONVERT', message: m.message });
    return result.value;
  } catch (error) {
    throw new XxgkError('E_CORRUPT', `the DOCX file could not be read: ${(error as Error).message}`);
  }
}

/** The main document part: the officeDocument relationship of _rels/.rels, else word/document.xml. */
function mainPart(pkg: DocxPackage): string {
  const rels = pkg.parts.get('_rels/.rels')?.toString('utf8') ?? '';
  const target = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1];
  for (const name of [target, MAIN_PART]) if (name && pkg.parts.has(name)) return name;
  throw new XxgkError('E_UNSUPPORTED_FORMAT', `the zip package has no ${MAIN_PART}: not a Word document`);
}

/** A DOCTYPE or ENTITY declaration has no place in OOXML; it is how entity bombs are built. */
function rejectEntityDeclarations(pkg: DocxPackage): void {
  for (const [name, data] of pkg.parts) {
    const head = data.includes('<!DOCTYPE', 0, 'latin1') || data.includes('<!ENTITY', 0, 'latin1');
    const wide = data.includes('<!DOCTYPE', 0, 'utf16le') || data.includes('<!ENTITY', 0, 'utf16le');
    if (head || wide) throw new XxgkError('E_CORRUPT', `${name} declares a DOCTYPE or entities, which Word never writes (possible entity bomb)`);
  }
}

async function replacePart(bytes: Buffer, name: string, xml: string): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, xml);
  // Stored, not deflated: the package only goes to mammoth.
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

function coreTitle(pkg: DocxPackage): string | undefined {
  const core = pkg.parts.get('docProps/core.xml');
  if (!core) return undefined;
  // Creator and lastModifiedBy name people, not the agency; dates there are often the
  // template's, so only the title is taken.
  const $ = load(core.toString('utf8'), { xml: true });
  const title = $('dc\\:title').first().text().replace(/\s+/g, ' ').trim();
  return title || undefined;
}

/** Footnote and endnote references and bodies, as mammoth writes them, are not content. */
function dropNotes($: CheerioAPI): void {
  $('a[href^="#footnote-"], a[href^="#endnote-"], a[href^="#comment-"]').each((_, a) => {
    const parent = $(a).parent();
    if (parent.is('sup') && parent.children().length === 1 && parent.text() === $(a).text()) parent.remove();
    else $(a).remove();
  });
  $('li[id^="footnote-"], li[id^="endnote-"], dt[id^="comment-"]').each((_, li) => {
    const list = $(li).parent();
    $(li).remove();
    if (list.children().length === 0) list.remove();
  });
}
