// Bytes → Document: sniff the real format, then hand the bytes to its parser. Each parser is
// loaded with its first file (pdf.js alone takes a worker a good part of a second to load), so a
// worker that sees only HTML never loads pdf.js, mammoth or the DOCX readers.
import { XxgkError } from '../errors.js';
import type { Document, Result } from '../model.js';
import { foldDocument } from './fold.js';
import { sniff } from './sniff.js';

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
      return (await import('./text.js')).parseText(bytes);
    case 'html':
      return (await import('./html.js')).parseHtml(bytes, options);
    case 'docx':
      return (await import('./docx.js')).parseDocx(bytes);
    case 'pdf':
      return (await import('./pdf/index.js')).parsePdf(bytes);
    case 'ole':
      // A .doc, a .wps in Word's binary format; anything else gets its own error there.
      return (await import('./doc.js')).parseDoc(bytes);
    case 'zip':
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'a zip archive that is not a Word document (no word/document.xml)');
    case 'binary':
      // Old Kingsoft WPS files (not OLE) end here too.
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'binary data that is none of DOCX, Word .doc, PDF, HTML or text; if it is a document (an old WPS .wps, say), save it as .docx');
    default:
      throw new XxgkError('E_UNSUPPORTED_FORMAT', `${format} input is not supported yet`);
  }
}
