// pdf.js setup: the legacy build (the only one that runs on Node 20) of the pdfjs-dist copy that
// pdf-parse installs, with CMaps and standard fonts read from disk, and pdf.js errors mapped to
// XxgkError codes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XxgkError } from '../../errors.js';

/** The parts of pdf.js this parser uses, typed structurally so that nothing else leaks in. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}
export interface PdfOperatorList {
  fnArray: number[];
  argsArray: unknown[];
}
export interface PdfViewport {
  width: number;
  height: number;
  transform: number[];
}
export interface PdfPage {
  getViewport(options: { scale: number }): PdfViewport;
  getTextContent(options?: { disableNormalization?: boolean }): Promise<{ items: unknown[] }>;
  getOperatorList(options?: { annotationMode?: number }): Promise<PdfOperatorList>;
  cleanup(): boolean;
}
export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info: unknown }>;
}
interface LoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}
export interface PdfJs {
  getDocument(params: Record<string, unknown>): LoadingTask;
  OPS: Record<string, number>;
  AnnotationMode: Record<string, number>;
}

// pdf-parse's own pdfjs-dist, so that the tree holds one pdf.js.
function pdfjsRoot(): string {
  const here = createRequire(import.meta.url);
  let from: string;
  try {
    from = here.resolve('pdf-parse');
  } catch {
    from = import.meta.url;
  }
  return path.dirname(createRequire(from).resolve('pdfjs-dist/package.json'));
}

let loaded: Promise<{ pdfjs: PdfJs; root: string }> | undefined;

// The legacy build bundles core-js, which on Node 20 replaces these built-ins for the whole
// process with slower or different versions (a JavaScript Array.prototype.push made pdf.js about
// twice as slow here). pdf.js runs on the native ones; put them back once both modules are loaded.
// Additions (Promise.try, Set methods, globalThis.self, …) are left in place.
const REPLACED: [object, PropertyKey][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [globalThis, 'DOMException'],
  [globalThis, 'AbortSignal'],
  [globalThis, 'TextDecoder'],
  [globalThis, 'MessageChannel'],
];

/**
 * We never draw. With the patch (patches/README.md), pdf.js then skips loading @napi-rs/canvas
 * (a 30 MB native library, 24 MB of resident memory per process; these inert stand-ins satisfy
 * the module's load-time use of DOMMatrix, one identity matrix, without a warning), and builds no
 * drawable font program from an embedded font: the Unicode map, widths and metrics it parses
 * from the font are all that text extraction reads.
 */
function neverDraw(): void {
  const g = globalThis as Record<string, unknown>;
  g.xxgkNoCanvas = true;
  g.xxgkTextOnly = true;
  g.DOMMatrix ??= class DOMMatrix {
    a = 1; b = 0; c = 0; d = 1; e = 0; f = 0; // prettier-ignore
  };
  g.ImageData ??= class ImageData {};
  g.Path2D ??= class Path2D {};
}

export function loadPdfJs(): Promise<{ pdfjs: PdfJs; root: string }> {
  loaded ??= (async () => {
    neverDraw();
    const root = pdfjsRoot();
    const saved = REPLACED.map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)] as const);
    try {
      const pdfjs = (await import(pathToFileURL(path.join(root, 'legacy/build/pdf.mjs')).href)) as PdfJs;
      // Load the worker code now (pdf.js runs it in this thread on Node and finds it on
      // globalThis.pdfjsWorker), so that its polyfills are also undone here.
      await import(pathToFileURL(path.join(root, 'legacy/build/pdf.worker.mjs')).href);
      return { pdfjs, root };
    } finally {
      for (const [target, key, descriptor] of saved) if (descriptor) Object.defineProperty(target, key, descriptor);
    }
  })();
  return loaded;
}

/** Reject with E_TIMEOUT when a pdf.js promise does not settle in time (pdf.js work is async). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new XxgkError('E_TIMEOUT', `${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Map anything pdf.js throws to an XxgkError. */
export function pdfError(error: unknown): XxgkError {
  if (error instanceof XxgkError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new XxgkError('E_ENCRYPTED', `the PDF needs a password to open (${message})`);
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || name === 'MissingPDFException')
    return new XxgkError('E_CORRUPT', `the PDF is damaged or not a PDF (${message})`);
  return new XxgkError('E_CORRUPT', `pdf.js could not read the PDF: ${message}`);
}

export interface OpenPdf {
  doc: PdfDocument;
  pdfjs: PdfJs;
  close(): Promise<void>;
}

export const LOAD_TIMEOUT_MS = 30_000;

/**
 * Just enough of a DOM document for pdf.js's FontLoader; `xxgkNoFontFaces` (patches/) makes it
 * skip the @font-face rule it would otherwise build, a base64 copy of every embedded font.
 */
const FONTLESS_DOCUMENT = {
  xxgkNoFontFaces: true,
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const { pdfjs, root } = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    data: new Uint8Array(bytes),
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    // With font faces "disabled" (the Node default) pdf.js compiles an outline for every glyph
    // shown, for a canvas we never draw on. Enabled, it hands each font to the owner document
    // instead: a stub here, so font bytes are parsed once for their text mapping and dropped.
    disableFontFace: false,
    ownerDocument: FONTLESS_DOCUMENT,
    // Images carry no text: skip decoding every one of them (speed and memory on scans).
    maxImageSize: 0,
    useWasm: false,
    verbosity: 0,
  });
  try {
    const doc = await withTimeout(task.promise, LOAD_TIMEOUT_MS, 'opening the PDF');
    return { doc, pdfjs, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error);
  }
}
