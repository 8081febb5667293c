// A process loads a format's parser with its first file of that format: an HTML file loads
// neither pdf.js nor mammoth, a DOCX the fast path reads loads no mammoth, and the parse
// command's supervising process loads no parser and no record schema. (How fast that starts
// is measured by scripts/time-formats.mjs, not asserted here.)
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Parse the files in a fresh process; report which heavy modules it loaded. */
function loadedAfterParsing(files: string[]): { pdfjs: boolean; mammoth: boolean } {
  const script = `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const { parseBytes } = await import(${JSON.stringify(`${ROOT}dist/pipeline.js`)});
    // Not every file is a report; what counts is what reading it loaded.
    for (const file of JSON.parse(process.argv[1])) await parseBytes(new Uint8Array(readFileSync(file)), { path: file }).catch(() => undefined);
    const cache = Object.keys(createRequire(import.meta.url).cache);
    process.stdout.write(JSON.stringify({
      pdfjs: globalThis.pdfjsWorker !== undefined,
      mammoth: cache.some((k) => k.includes('/node_modules/mammoth/')),
    }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(files.map((f) => ROOT + f))], { encoding: 'utf8' }));
}

describe('parsers load with their first file', () => {
  it('HTML and text load neither pdf.js nor mammoth', () => {
    expect(loadedAfterParsing(['samples/county-2020.html', 'samples/tika-flattened.txt'])).toMatchObject({ pdfjs: false, mammoth: false });
  });

  it('a DOCX read by the fast path loads no mammoth and no pdf.js', () => {
    expect(loadedAfterParsing(['samples/report.docx'])).toMatchObject({ pdfjs: false, mammoth: false });
  });

  it('a DOCX the fast path declines loads mammoth; a PDF loads pdf.js', () => {
    expect(loadedAfterParsing(['test/fixtures/docx-features/declined-symbol.docx', 'samples/report.pdf'])).toMatchObject({ pdfjs: true, mammoth: true });
  });

  it('the supervising process of xxgk parse loads no parser and no schema', () => {
    // Loading the CLI and the parse command as the supervisor does, without running a batch.
    // A resolve hook reports every module the process loads, ES modules included.
    const hook = `let port; export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }`;
    const script = `
      import { register } from 'node:module';
      import { MessageChannel } from 'node:worker_threads';
      const { port1, port2 } = new MessageChannel();
      const seen = [];
      port1.on('message', (url) => seen.push(url));
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] });
      await import(${JSON.stringify(`${ROOT}dist/cli/main.js`)});
      await import(${JSON.stringify(`${ROOT}dist/cli/parse.js`)});
      await new Promise((resolve) => setTimeout(resolve, 200));
      port1.close();
      const found = ['zod', 'cheerio', 'mammoth', 'piscina', 'pdfjs-dist', 'commander'].filter((m) => seen.some((u) => u.includes('/node_modules/' + m + '/')));
      process.stdout.write(JSON.stringify(found));`;
    // commander is the one package it needs (and shows that the hook sees packages at all).
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))).toEqual(['commander']);
  });
});
