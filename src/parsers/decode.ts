// Bytes → string for text and HTML inputs: BOM, then a declared charset (HTTP header or
// <meta>), then detection. GBK/GB18030 pages without a charset are common on government sites.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Warning } from '../schema.js';

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

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Pages label GBK text gb2312 or even iso-8859-1; GB18030 is a superset that decodes them all.
function widen(encoding: string): string {
  const e = encoding.toLowerCase();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn'].includes(e)) return 'gb18030';
  return e;
}

/**
 * Decode text. A declared charset is trusted only when the bytes agree with it: a page
 * labelled utf-8 that is not valid UTF-8 (a wrong HTTP header, a mislabelled save) is detected
 * instead, with a warning.
 */
export function decodeText(bytes: Uint8Array, options: { contentType?: string; html?: boolean } = {}): Decoded {
  const warnings: Warning[] = [];
  const bom = fromBom(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes), bom, { stripBOM: true }), encoding: bom, warnings };

  const declared = charsetOf(options.contentType) ?? (options.html ? declaredCharset(bytes) : undefined);
  const utf8 = isValidUtf8(bytes);
  if (declared && iconv.encodingExists(widen(declared))) {
    const encoding = widen(declared);
    if (encoding === 'utf-8' || encoding === 'utf8') {
      if (utf8) return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8', warnings };
      warnings.push({ code: 'W_ENCODING_MISMATCH', message: `declared charset ${declared} does not fit the bytes; detected instead` });
    } else if (encoding === 'gb18030' || !utf8) {
      return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, warnings };
    } else {
      // A page declared latin-1 or similar whose bytes are valid UTF-8: a mislabel.
      warnings.push({ code: 'W_ENCODING_MISMATCH', message: `declared charset ${declared}, but the bytes are UTF-8` });
    }
  }
  if (utf8) return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8', warnings };

  const detected = chardet.detect(bytes);
  // Chinese government text that is not UTF-8 is almost always GB-family; chardet sometimes
  // names Big5 or EUC-KR for short samples, which would garble it.
  const encoding = detected && /^(gb|big5|euc-kr|shift_jis|windows-1252|iso-8859)/i.test(detected) ? 'gb18030' : widen(detected ?? 'gb18030');
  if (!iconv.encodingExists(encoding)) return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030', warnings };
  warnings.push({ code: 'W_ENCODING_GUESSED', message: `no charset declared; decoded as ${encoding} (detected ${detected ?? 'nothing'})` });
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, warnings };
}
