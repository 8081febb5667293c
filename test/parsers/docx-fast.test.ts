// The DOCX fast path must give exactly what mammoth gives: every DOCX fixture, the samples, the
// feature fixtures (scripts/make-docx-features.mjs), LibreOffice-written reports (made where
// soffice is installed) and the blank national template are parsed both ways and compared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/parsers/docx.js';
import { readPackage } from '../../src/parsers/docx-zip.js';
import { readDocxBody } from '../../src/parsers/docx-fast.js';
import { Decline, readXml } from '../../src/parsers/ooxml.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TEMPLATE = join(ROOT, '../shared/corpus/template/政务公开年报模版.docx');
const NO_CORPUS = 'skipped: no ../shared corpus';
const docxIn = (dir: string) => (existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.docx')).map((f) => join(ROOT, dir, f)) : []);

// The report maker is plain JS without types; a computed specifier keeps tsc out of it.
const office = (await import(new URL('../../scripts/fixtures/office.mjs', import.meta.url).href)) as {
  has(command: string): boolean;
  officeReports(n: number): { docx: { name: string; bytes: Buffer }[] };
};

/** Left to mammoth on purpose (each says why in its Decline). */
const DECLINED = new Set(['bookmark-row.docx', 'declined-symbol.docx', 'declined-checkbox.docx']);

async function bothWays(bytes: Uint8Array) {
  const outcome = async (engine: 'auto' | 'mammoth') => {
    try {
      return await parseDocx(bytes, { engine });
    } catch (error) {
      return { error: (error as { code?: string }).code ?? String(error) };
    }
  };
  return { fast: await outcome('auto'), mammoth: await outcome('mammoth') };
}

/** Whether the fast path reads the file itself (rather than declining to mammoth). */
async function fastReads(bytes: Uint8Array): Promise<boolean> {
  try {
    const pkg = await readPackage(bytes);
    readDocxBody(pkg, 'word/document.xml', pkg.parts.get('word/document.xml')!.toString('utf8'));
    return true;
  } catch (error) {
    if (error instanceof Decline) return false;
    throw error;
  }
}

describe('DOCX fast path against mammoth', () => {
  const files = [...docxIn('test/fixtures/docx'), ...docxIn('test/fixtures/docx-features'), ...docxIn('samples')];

  it.each(files.map((f) => [f.slice(ROOT.length), f]))('%s: the same document and warnings both ways', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const { fast, mammoth } = await bothWays(bytes);
    expect(fast).toStrictEqual(mammoth);
    const name = file.split('/').pop()!;
    if ('value' in mammoth) expect(await fastReads(bytes)).toBe(!DECLINED.has(name));
  });

  it('covers what it claims: the feature fixtures exercise lists, headings, notes and breaks', async () => {
    // mammoth's own HTML of the fixtures holds the constructs the port must get right.
    const { default: mammoth } = await import('mammoth');
    const html = async (name: string) => (await mammoth.convertToHtml({ buffer: readFileSync(join(ROOT, 'test/fixtures/docx-features', name)) }, { styleMap: ["br[type='page'] => hr"] })).value;
    expect(await html('headings-lists.docx')).toMatch(/<h2>.*<ol><li>.*<ol><li>.*<ul><li>/s);
    expect(await html('links-notes.docx')).toMatch(/<a id="start"><\/a>.*<a href="https:.*footnote-ref-1/s);
    expect(await html('breaks.docx')).toMatch(/<p>索引号.*<hr \/><s>/);
    expect(await html('word-markup.docx')).toContain('文本框中的文字');
  });

  it.skipIf(!existsSync(TEMPLATE))(`the blank national template (${existsSync(TEMPLATE) ? 'Word-written' : NO_CORPUS})`, async () => {
    const bytes = new Uint8Array(readFileSync(TEMPLATE));
    const { fast, mammoth } = await bothWays(bytes);
    expect(fast).toStrictEqual(mammoth);
    expect(await fastReads(bytes)).toBe(true);
  });

  const hasSoffice = office.has('soffice');
  it.skipIf(!hasSoffice)(`LibreOffice-written reports (${hasSoffice ? 'generated' : 'skipped: soffice not installed'})`, async () => {
    const reports = office.officeReports(8).docx;
    expect(reports.length).toBe(8);
    for (const { bytes } of reports) {
      const { fast, mammoth } = await bothWays(new Uint8Array(bytes));
      expect(fast).toStrictEqual(mammoth);
      expect(await fastReads(new Uint8Array(bytes))).toBe(true);
    }
  });
});

describe('readXml', () => {
  it('reads names by namespace, whatever the prefix', () => {
    const root = readXml('<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:o="urn:other"><x:body><x:p x:rsid="1"><o:thing/></x:p></x:body></x:document>');
    expect(root.name).toBe('w:document');
    const p = (root.children[0] as { children: unknown[] }).children[0] as { name: string; attributes: Record<string, string>; children: { name: string }[] };
    expect(p).toMatchObject({ name: 'w:p', attributes: { 'w:rsid': '1' } });
    expect(p.children[0].name).toBe('{urn:other}thing');
  });

  it('replaces mc:AlternateContent by its fallback, as mammoth does', () => {
    const root = readXml('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice><w:a/></mc:Choice><mc:Fallback><w:b/></mc:Fallback></mc:AlternateContent></w:r>');
    expect(root.children.map((c) => (c as { name: string }).name)).toEqual(['w:b']);
  });

  it.each([
    ['an unclosed element', '<w:p xmlns:w="u"><w:r></w:p>'],
    ['an element left open at the end', '<w:p xmlns:w="u"><w:r/>'],
    ['an undeclared prefix', '<q:p/>'],
    ['a CDATA section', '<w:t xmlns:w="u"><![CDATA[x]]></w:t>'],
    ['an HTML entity', '<w:t xmlns:w="u">&nbsp;</w:t>'],
    ['an unquoted attribute', '<w:t xmlns:w="u" a=b/>'],
  ])('declines %s', (_, xml) => {
    expect(() => readXml(xml)).toThrow(Decline);
  });
});
