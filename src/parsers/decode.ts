// Bytes → string for text and HTML inputs: BOM, then a declared charset (HTTP header or
// <meta>), then detection. GBK/GB18030 pages without a charset are common on government sites.
import { createRequire } from 'node:module';
import type chardetType from 'chardet';
import iconv from 'iconv-lite';
import type { Warning } from '../schema.js';

// chardet is needed only for pages that declare no usable charset and are not UTF-8; loaded
// then (synchronously: it is CommonJS), not with every worker.
const require = createRequire(import.meta.url);
let chardetModule: typeof chardetType | undefined;
const chardet = (): typeof chardetType => (chardetModule ??= require('chardet') as typeof chardetType);

export interface Decoded {
  text: string;
  encoding: string;
  warnings: Warning[];
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function fromBom(bytes: Uint8Array): string | undefined {
  for (const [bom, encoding] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return encoding;
  return undefined;
}

/** The charset a page declares in its first few KB, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() : undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Pages label GBK text gb2312; GB18030 is a superset that decodes them all.
function widen(encoding: string): string {
  const e = encoding.toLowerCase();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312'].includes(e)) return 'gb18030';
  if (e === 'utf8' || e === 'unicode-1-1-utf-8') return 'utf-8';
  return e;
}

// Western single-byte labels on a Chinese government page are leftovers of a CMS default;
// bytes above ASCII under such a label are detected instead.
const UNRELIABLE = /^(iso-8859-\d+|latin-?1|windows-125\d|cp125\d|us-ascii|ascii)$/;

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  return encoding === 'utf-8' ? Buffer.from(bytes).toString('utf8') : iconv.decode(Buffer.from(bytes), encoding);
}

/**
 * Decode text. The HTTP charset, then the page's <meta> charset, are each trusted only when
 * the bytes agree: a page labelled utf-8 that is not valid UTF-8 (a wrong HTTP header, a
 * mislabelled save), or labelled GBK whose non-ASCII bytes are valid UTF-8 (a page re-saved as
 * UTF-8 with a stale <meta>), falls through to the next label and then to detection, with a
 * warning.
 */
export function decodeText(bytes: Uint8Array, options: { contentType?: string; html?: boolean } = {}): Decoded {
  const warnings: Warning[] = [];
  const bom = fromBom(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes), bom, { stripBOM: true }), encoding: bom, warnings };

  const high = hasHighBytes(bytes);
  const utf8 = high ? isValidUtf8(bytes) : true;
  const labels = [charsetOf(options.contentType), options.html ? declaredCharset(bytes) : undefined].filter((l): l is string => !!l);
  for (const declared of labels) {
    const encoding = widen(declared);
    if (!iconv.encodingExists(encoding)) {
      warnings.push({ code: 'W_ENCODING_MISMATCH', message: `declared charset ${declared} is unknown; ignored` });
      continue;
    }
    if (!high) return { text: decodeAs(bytes, encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding), encoding, warnings };
    if (encoding === 'utf-8') {
      if (utf8) return { text: decodeAs(bytes, 'utf-8'), encoding, warnings };
      warnings.push({ code: 'W_ENCODING_MISMATCH', message: `declared charset ${declared} does not fit the bytes (not valid UTF-8)` });
    } else if (utf8) {
      // Text in GBK or a single-byte charset is almost never valid UTF-8 by chance.
      warnings.push({ code: 'W_ENCODING_MISMATCH', message: `declared charset ${declared}, but the bytes are UTF-8` });
      return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', warnings };
    } else if (UNRELIABLE.test(encoding)) {
      warnings.push({ code: 'W_ENCODING_MISMATCH', message: `declared charset ${declared} is unlikely for this page; detected instead` });
    } else {
      return { text: decodeAs(bytes, encoding), encoding, warnings };
    }
  }
  if (utf8) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', warnings };

  const detected = chardet().detect(bytes);
  // Chinese government text that is not UTF-8 is almost always GB-family; chardet sometimes
  // names Big5 or EUC-KR for short samples, which would garble it.
  const encoding = !detected || /^(gb|big5|euc-kr|euc-jp|shift_jis|windows-125|iso-8859|utf-8)/i.test(detected) ? 'gb18030' : widen(detected);
  if (!iconv.encodingExists(encoding)) return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030', warnings };
  warnings.push({ code: 'W_ENCODING_GUESSED', message: `no usable charset declared; decoded as ${encoding} (detected ${detected ?? 'nothing'})` });
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, warnings };
}
