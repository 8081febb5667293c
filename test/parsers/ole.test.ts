import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyOle, isOle, rejectOle } from '../../src/parsers/ole.js';
import { parseDocument } from '../../src/parsers/index.js';
import { XxgkError } from '../../src/errors.js';

const DIR = new URL('../fixtures/docx/', import.meta.url);
const bytesOf = (file: string) => readFileSync(new URL(file, DIR));
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as { errors: { file: string; code: string; ole?: string }[] };
const oleCases = manifest.errors.filter((e) => e.ole);

function failure(bytes: Uint8Array): XxgkError {
  try {
    rejectOle(classifyOle(bytes));
  } catch (error) {
    return error as XxgkError;
  }
  throw new Error('rejectOle returned');
}

describe('classifyOle', () => {
  it('has OLE fixtures to check', () => {
    expect(oleCases.map((e) => e.file)).toEqual(expect.arrayContaining(['encrypted.docx', 'legacy.doc', 'encrypted-legacy.doc']));
  });

  for (const e of oleCases) {
    it(`${e.file} is ${e.ole} → ${e.code}`, async () => {
      const bytes = bytesOf(e.file);
      expect(isOle(bytes)).toBe(true);
      expect(classifyOle(bytes).kind).toBe(e.ole);
      await expect(parseDocument(bytes)).rejects.toMatchObject({ code: e.code });
    });
  }

  it('walks the directory of the compound file', () => {
    expect(classifyOle(bytesOf('encrypted.docx')).names).toEqual(['Root Entry', '\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
    expect(classifyOle(bytesOf('legacy.doc')).names).toEqual(['Root Entry', 'WordDocument', '1Table']);
  });

  it('tells the user to save an encrypted .doc as .docx once the password is removed', () => {
    const error = failure(bytesOf('encrypted-legacy.doc'));
    expect(error.code).toBe('E_ENCRYPTED');
    expect(error.message).toMatch(/save it as \.docx/);
  });

  it('falls back to scanning for stream names when the header is damaged', () => {
    const bytes = Buffer.from(bytesOf('encrypted.docx'));
    bytes.writeUInt16LE(7, 0x1e); // an impossible sector size
    expect(classifyOle(bytes)).toMatchObject({ kind: 'encrypted-ooxml' });
    const doc = Buffer.from(bytesOf('legacy.doc'));
    doc.writeUInt32LE(999, 0x30); // directory past the end of the file
    expect(classifyOle(doc).kind).toBe('doc');
  });

  it('calls an unknown compound file unsupported', () => {
    const bytes = Buffer.from(bytesOf('legacy.doc'));
    // Rename the streams: neither Word nor encryption.
    bytes.set(Buffer.from('XordDocument', 'utf16le'), bytes.indexOf(Buffer.from('WordDocument', 'utf16le')));
    expect(classifyOle(bytes).kind).toBe('unknown');
    expect(failure(bytes)).toMatchObject({ code: 'E_UNSUPPORTED_FORMAT', message: expect.stringMatching(/save it as \.docx/) });
  });

  it('calls a compound file whose directory cannot be read damaged', () => {
    const bytes = Buffer.from(bytesOf('legacy.doc')).subarray(0, 1024);
    expect(classifyOle(bytes)).toMatchObject({ kind: 'unknown', damaged: true });
    expect(failure(bytes).code).toBe('E_CORRUPT');
  });
});
