// Bytes → Document: sniff the real format, then hand the bytes to its parser.
import { XxgkError } from '../errors.js';
import type { Document, Result } from '../model.js';
import { parseDoc } from './doc.js';
import { parseDocx } from './docx.js';
import { foldDocument } from './fold.js';
import { parseHtml } from './html.js';
import { parsePdf } from './pdf/index.js';
import { sniff } from './sniff.js';
import { parseText } from './text.js';

export interface ParseOptions {
  /** An HTTP Content-Type header, when the bytes came from the web. */
  contentType?: string;
}

/** Bytes → Document, radical code points folded (see fold.ts) whatever the format. */
export async function parseDocument(bytes: Uint8Array, options: ParseOptions = {}): Promise<Result<Document>> {
  const result = await parseFormat(bytes, options);
  return { ...result, value: foldDocument(result.value) };
}

async function parseFormat(bytes: Uint8Array, options: ParseOptions = {}): Promise<Result<Document>> {
  const format = sniff(bytes);
  switch (format) {
    case 'empty':
      throw new XxgkError('E_EMPTY', 'the file is empty (0 bytes)');
    case 'text':
      return parseText(bytes);
    case 'html':
      return parseHtml(bytes, options);
    case 'docx':
      return parseDocx(bytes);
    case 'pdf':
      return parsePdf(bytes);
    case 'ole':
      // A .doc, a .wps in Word's binary format; anything else gets its own error there.
      return parseDoc(bytes);
    case 'zip':
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'a zip archive that is not a Word document (no word/document.xml)');
    case 'binary':
      // Old Kingsoft WPS files (not OLE) end here too.
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'binary data that is none of DOCX, Word .doc, PDF, HTML or text; if it is a document (an old WPS .wps, say), save it as .docx');
    default:
      throw new XxgkError('E_UNSUPPORTED_FORMAT', `${format} input is not supported yet`);
  }
}
