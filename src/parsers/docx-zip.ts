// Opening a DOCX package safely: the central directory is checked against the caps before
// anything is inflated, and every part we (or mammoth) read is inflated under a byte budget,
// so a zip bomb costs milliseconds, not memory.
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
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
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
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
      const data = inflate(entry, limit, buffer);
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

/**
 * Inflate one entry in one synchronous call (a stream per part cost more than the inflating),
 * stopping at `limit` bytes, and rejecting sizes that lie as yauzl's checks did.
 */
function inflate(entry: yauzl.Entry, limit: number, bytes: Buffer): Buffer {
  if (entry.uncompressedSize > limit) throw new XxgkError('E_TOO_LARGE', `${entry.fileName} would inflate to ${entry.uncompressedSize} bytes, over the limit of ${limit}`);
  const data = compressedData(entry, bytes);
  let out: Buffer;
  if (entry.compressionMethod === 0) out = data;
  else if (entry.compressionMethod === 8) {
    try {
      // One byte past the declared size is enough to tell that the size lies.
      out = inflateRawSync(data, { maxOutputLength: Math.min(limit, entry.uncompressedSize) + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        if (entry.uncompressedSize >= limit) throw new XxgkError('E_TOO_LARGE', `${entry.fileName} inflates to over ${limit} bytes`);
        throw corrupt(`${entry.fileName}: too many bytes in the stream. expected ${entry.uncompressedSize}. got more`);
      }
      throw corrupt(`${entry.fileName}: ${(error as Error).message}`);
    }
  } else throw corrupt(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`);
  if (out.length > entry.uncompressedSize) throw corrupt(`${entry.fileName}: too many bytes in the stream. expected ${entry.uncompressedSize}. got more`);
  if (out.length < entry.uncompressedSize) throw corrupt(`${entry.fileName}: not enough bytes in the stream. expected ${entry.uncompressedSize}. got only ${out.length}`);
  return out;
}

/** The entry's compressed bytes, found through its local file header. */
function compressedData(entry: yauzl.Entry, bytes: Buffer): Buffer {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw corrupt(`${entry.fileName}: invalid local file header signature`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`${entry.fileName}: the compressed data runs past the end of the file`);
  return bytes.subarray(start, end);
}
