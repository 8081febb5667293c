// Opening a DOCX package safely: the central directory is checked against the caps before
// anything is inflated, and every part we (or mammoth) read is inflated under a byte budget,
// so a zip bomb costs milliseconds, not memory.
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import { XxgkError } from '../errors.js';

/** More entries than this is no Word document (a report has 10–30). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Sum of the declared uncompressed sizes of all entries. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Actual inflated size of any one XML part, word/document.xml included. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export interface DocxPackage {
  /** Every entry name in the package. */
  names: string[];
  /** Inflated XML parts (.xml and .rels), by entry name. */
  parts: Map<string, Buffer>;
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

function corrupt(detail: string): XxgkError {
  return new XxgkError('E_CORRUPT', `the DOCX file is damaged or not a zip package (${detail})`);
}

/** Read the directory and the XML parts. Throws E_TOO_LARGE, E_CORRUPT or E_ENCRYPTED. */
export async function readPackage(bytes: Uint8Array): Promise<DocxPackage> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw corrupt((error as Error).message);
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw new XxgkError('E_TOO_LARGE', `the DOCX package has ${zip.entryCount} entries, over the limit of ${MAX_ZIP_ENTRIES}`);
    const entries = await listEntries(zip);
    const parts = new Map<string, Buffer>();
    let budget = MAX_ZIP_UNCOMPRESSED_BYTES;
    for (const entry of entries) {
      if (!isXmlPart(entry.fileName) || entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw new XxgkError('E_ENCRYPTED', `the DOCX package is encrypted (${entry.fileName})`);
      const limit = Math.min(MAX_PART_BYTES, budget);
      const data = await inflate(zip, entry, limit);
      budget -= data.length;
      parts.set(entry.fileName, data);
    }
    return { names: entries.map((e) => e.fileName), parts };
  } finally {
    zip.close();
  }
}

/** All entries, failing as soon as their count or declared sizes pass the caps. */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (entries.length >= MAX_ZIP_ENTRIES) return reject(new XxgkError('E_TOO_LARGE', `the DOCX package has more than ${MAX_ZIP_ENTRIES} entries`));
      if (declared > MAX_ZIP_UNCOMPRESSED_BYTES || entry.uncompressedSize > MAX_ZIP_UNCOMPRESSED_BYTES)
        return reject(new XxgkError('E_TOO_LARGE', `the DOCX package would inflate to over ${MAX_ZIP_UNCOMPRESSED_BYTES} bytes (entry ${entry.fileName})`));
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(error instanceof XxgkError ? error : corrupt(error.message)));
    zip.readEntry();
  });
}

/** Inflate one entry, stopping at `limit` bytes; yauzl also rejects sizes that lie. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw new XxgkError('E_TOO_LARGE', `${entry.fileName} would inflate to ${entry.uncompressedSize} bytes, over the limit of ${limit}`);
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw corrupt(`${entry.fileName}: ${(error as Error).message}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        stream.destroy();
        throw new XxgkError('E_TOO_LARGE', `${entry.fileName} inflates to over ${limit} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof XxgkError) throw error;
    throw corrupt(`${entry.fileName}: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks);
}
