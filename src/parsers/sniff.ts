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
