// The pdf.js patch's text-only mode (patches/README.md) builds no drawable font program from an
// embedded font. Every PDF at hand must read to the same document with it as without it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parsers/pdf/index.js';
import { loadPdfJs } from '../../src/parsers/pdf/load.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CORPUS = here('../../../shared/corpus/');
const pdfsUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? pdfsUnder(path) : /\.pdf$/i.test(name) ? [path] : [];
      })
    : [];
const flag = globalThis as { xxgkTextOnly?: boolean };

describe('pdf: text-only fonts read the same documents as drawable ones', async () => {
  await loadPdfJs();
  afterAll(() => {
    flag.xxgkTextOnly = true;
  });
  const own = [...pdfsUnder(here('../fixtures')), ...pdfsUnder(here('../../samples'))];
  const corpus = pdfsUnder(CORPUS);

  it('is on once pdf.js is loaded, with the patch applied', () => {
    expect(flag.xxgkTextOnly).toBe(true);
    expect(own.length).toBeGreaterThan(15);
  });

  const same = async (file: string) => {
    const bytes = new Uint8Array(readFileSync(file));
    const read = async (textOnly: boolean) => {
      flag.xxgkTextOnly = textOnly;
      try {
        return { document: (await parsePdf(bytes)).value };
      } catch (error) {
        return { error: String(error) };
      }
    };
    expect(await read(true)).toEqual(await read(false));
  };
  it.each(own.map((f) => [f.slice(f.indexOf('test/') >= 0 ? f.indexOf('test/') : f.indexOf('samples/')), f]))('%s', async (_, file) => same(file));
  it.skipIf(!corpus.length)(corpus.length ? `every PDF in ../shared/corpus (${corpus.length})` : 'skipped: no ../shared corpus', async () => {
    for (const file of corpus) await same(file);
  });
});
