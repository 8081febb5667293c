// What a downloaded file is: its name from Content-Disposition (filename*=UTF-8''…, or a raw
// filename="…" in GBK or UTF-8 bytes, as Chinese servers send it), and the extension it is stored
// under, from the bytes first, then the name, then the Content-Type.
import iconv from 'iconv-lite';
import { isValidUtf8 } from '../parsers/decode.js';
import { sniff } from '../parsers/sniff.js';

/** The file name a Content-Disposition header gives, decoded; undefined when it gives none. */
export function dispositionFileName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    const bytes = percentBytes(extended[2].trim().replace(/^"|"$/g, ''));
    const charset = extended[1].toLowerCase();
    return charset === 'utf-8' || charset === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, iconv.encodingExists(charset) ? charset : 'gb18030');
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
  if (!plain) return undefined;
  const raw = (plain[2] ?? plain[1]).trim();
  // Header bytes arrive as latin1 characters; percent-encoded names are common too.
  const bytes = /%[0-9a-f]{2}/i.test(raw) ? percentBytes(raw) : Buffer.from(raw, 'latin1');
  return isValidUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
}

const OLE_EXTENSIONS = new Set(['doc', 'wps']);

/** The extension to store bytes under. */
export function storedExtension(bytes: Uint8Array, fileName: string | undefined, contentType: string | undefined): string {
  const named = /\.(\w{1,5})$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  switch (sniff(bytes)) {
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'html':
      return 'html';
    case 'ole':
      return named && OLE_EXTENSIONS.has(named) ? named : 'doc';
    case 'text':
      return /html/i.test(contentType ?? '') ? 'html' : 'txt';
    default:
      return named ?? 'bin';
  }
}

function percentBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(text[i], 'latin1'));
  }
  return Buffer.from(out);
}
