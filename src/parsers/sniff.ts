// The real format from the bytes, never from the file name.
import type { Format } from '../schema.js';

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

export type Sniffed = Format | 'zip' | 'ole' | 'binary' | 'empty';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // DOCX is a zip whose directory names word/document.xml; the name is stored in clear text.
    return Buffer.from(bytes).includes('word/document.xml', 0, 'latin1') ? 'docx' : 'zip';
  }
  // Some writers put junk before %PDF; pdf.js accepts it within the first KB.
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-', 0, 'latin1')) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[\s>]|<\?xml[^>]*>\s*<html)/.test(head) || /<(table|p|div|br)[\s>/]/.test(head.slice(0, 1024)) && /<\/(p|td|div|table)>/.test(head)) return 'html';
  if (looksBinary(bytes)) return 'binary';
  return 'text';
}

// Text in any of the encodings we read has no NUL and few C0 controls.
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return !(startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]));
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return controls > sample.length * 0.05;
}

/** Files a folder walk meets that are surely no report: saved page assets and archives. */
export type NonReport = 'image' | 'archive' | 'script' | 'style';

const IMAGE_SIGNATURES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x42, 0x4d], // BMP
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x00, 0x00, 0x01, 0x00], // ICO
];
const ARCHIVE_SIGNATURES: number[][] = [
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58], // xz
];
const SCRIPT = /^(?:#!|["']use strict["']|(?:var|let|const|function|import|export|async|define|require|window|document|jQuery|\$)\b|\(function|!function|\$\()/;
const STYLE = /^(?:@charset|@import|@media|@font-face|@keyframes|[*a-zA-Z.#:\[][^{};<>]{0,200}\{[^{}<>]*:[^{}<>]*[;}])/;

/**
 * What a file is when it is surely no report, from its first bytes (and, for a zip, whether
 * the tail's central directory names word/document.xml); null when it may be one.
 */
export function nonReportKind(head: Uint8Array, zipNamesDocx: () => boolean): NonReport | null {
  if (head.length === 0) return null;
  if (IMAGE_SIGNATURES.some((s) => startsWith(head, s)) || (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && Buffer.from(head.subarray(8, 12)).toString('latin1') === 'WEBP'))
    return 'image';
  if (ARCHIVE_SIGNATURES.some((s) => startsWith(head, s))) return 'archive';
  if (startsWith(head, [0x50, 0x4b])) return zipNamesDocx() ? null : 'archive';
  const format = sniff(head);
  if (format !== 'text') return null;
  const text = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '').replace(/^(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*/, '');
  if (text.startsWith('<svg') || /^<\?xml[^>]*>\s*<svg/.test(text)) return 'image';
  if (SCRIPT.test(text)) return 'script';
  if (STYLE.test(text)) return 'style';
  return null;
}
