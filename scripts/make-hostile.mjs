// Hostile inputs for the batch tests: ≥ 200 broken, malicious or pathological files with report
// extensions, written into a given folder in a few seconds, with hostile.json mapping each file
// name to { codes, seed?, overrides?, whole? }: the error codes it may end in, "parsed" where a
// tolerant parser may recover it; then its values must be those of makeSpec(seed, overrides),
// every one of them when whole, else every one it found (a partial read must not invent numbers).
// Not committed: generated at test time.   node scripts/make-hostile.mjs <dir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { makeSpec, reportHtml, rng } from './fixtures/report.mjs';
import { entryOf, fatOf } from './make-doc-fixtures.mjs';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const GOOD_DOCX = join(FIXTURES, 'docx/template-full.docx');
const GOOD_PDF = join(FIXTURES, 'pdf/report.pdf');
// template-full.docx (makeSpec(101)) saved as .doc by LibreOffice.
const GOOD_DOC = join(FIXTURES, 'doc/template-full.doc');
const ENCRYPTED = [join(FIXTURES, 'pdf/encrypted-user.pdf'), join(FIXTURES, 'docx/encrypted.docx')];

const CORRUPT = ['E_CORRUPT', 'E_UNSUPPORTED_FORMAT'];
// A cut PDF may still be read (pdf.js rebuilds a lost xref) or lose its text or tables.
const CUT_PDF = ['E_CORRUPT', 'E_UNSUPPORTED_FORMAT', 'E_NO_TEXT_LAYER', 'E_NOT_A_REPORT', 'parsed'];
const MISLABELLED = ['E_NOT_A_REPORT', 'E_UNSUPPORTED_FORMAT', 'E_CORRUPT', 'parsed'];
const HEAVY = ['E_TIMEOUT', 'E_TOO_LARGE', 'E_NOT_A_REPORT', 'E_CORRUPT', 'E_NO_TEXT_LAYER'];

export async function makeHostile(dir) {
  mkdirSync(dir, { recursive: true });
  const expected = {};
  const put = (name, bytes, codes, from = {}) => {
    writeFileSync(join(dir, name), bytes);
    expected[name] = { codes, ...from };
  };
  const docx = readFileSync(GOOD_DOCX);
  const pdf = readFileSync(GOOD_PDF);

  // Cut at many offsets: the first bytes, then evenly through the file, then the last bytes.
  const offsets = (length, n) => [...new Set([1, 2, 3, 4, 8, 30, 100, ...Array.from({ length: n }, (_, i) => Math.floor((length * (i + 1)) / (n + 1))), length - 22, length - 2, length - 1])];
  // A few bytes of "PK" read as (non-report) text.
  for (const at of offsets(docx.length, 80)) put(`cut-docx-${at}.docx`, docx.subarray(0, at), at < 4 ? [...CORRUPT, 'E_NOT_A_REPORT'] : CORRUPT);
  // report.pdf is makeSpec(1) (test/fixtures/pdf/fixtures.json); without its trailer it is whole.
  for (const at of offsets(pdf.length, 60)) put(`cut-pdf-${at}.pdf`, pdf.subarray(0, at), CUT_PDF, { seed: 1, whole: at >= pdf.length - 22 });

  // A .doc cut anywhere: its sectors end early (E_CORRUPT) or, cut in unused space, it still reads.
  const doc = readFileSync(GOOD_DOC);
  for (const at of offsets(doc.length, 30)) put(`cut-doc-${at}.doc`, doc.subarray(0, at), at < 8 ? [...CORRUPT, 'E_NOT_A_REPORT', 'E_EMPTY'] : ['E_CORRUPT', 'parsed'], { seed: 101, whole: false });
  for (const [name, bytes, codes] of damagedDocs(doc)) put(name, bytes, codes, { seed: 101, whole: false });

  for (const ext of ['pdf', 'docx', 'doc', 'html', 'txt', 'md']) put(`empty.${ext}`, Buffer.alloc(0), ['E_EMPTY']);

  const random = rng(7);
  for (let i = 0; i < 30; i++) {
    const bytes = Buffer.alloc(64 + Math.floor(random() * 20000));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    put(`random-${i}.${['pdf', 'docx', 'doc', 'html', 'txt'][i % 5]}`, bytes, CORRUPT);
  }

  put('zip-bomb.docx', zipBomb(), ['E_TOO_LARGE']);
  put('entity-bomb.docx', await replacePart(docx, 'word/document.xml', ENTITY_BOMB), ['E_CORRUPT']);
  put('tables-10000.docx', await replacePart(docx, 'word/document.xml', manyTables(10_000)), HEAVY);
  for (const file of ENCRYPTED) put(`encrypted-${file.split('/').pop()}`, readFileSync(file), ['E_ENCRYPTED']);

  // A report in one encoding, labelled as another: decoding may repair it or give up.
  const html = reportHtml(makeSpec(11));
  const relabel = (charset) => html.replace('<meta charset="utf-8">', `<meta charset="${charset}">`);
  const from11 = { seed: 11, whole: false };
  put('mislabelled-gbk-as-utf8.html', iconv.encode(html, 'gbk'), MISLABELLED, from11);
  put('mislabelled-utf8-as-gbk.html', Buffer.from(relabel('gbk')), MISLABELLED, from11);
  put('mislabelled-big5-as-gbk.html', iconv.encode(relabel('gbk'), 'big5'), MISLABELLED, from11);
  put('mislabelled-utf16-as-utf8.html', iconv.encode(html, 'utf16le'), MISLABELLED, from11);
  put('mislabelled-gb18030-as-latin1.html', iconv.encode(relabel('iso-8859-1'), 'gb18030'), MISLABELLED, from11);
  put('mislabelled-shiftjis-as-utf8.html', iconv.encode(html, 'shift_jis'), MISLABELLED, from11);

  // 100,000 nested elements: tags below the reader's depth are dropped before the tree is built
  // (parse5 is quadratic in depth), so these end in well under a second: the first has no report
  // in it, the second is a whole report whose tables end up as run-together text.
  put('nested-100k.html', Buffer.from(`<html><body>${'<div>'.repeat(100_000)}政府信息公开${'</div>'.repeat(100_000)}</body></html>`), ['E_NOT_A_REPORT']);
  const deep = reportHtml(makeSpec(12));
  const body = deep.slice(deep.indexOf('<body>') + 6, deep.indexOf('</body>'));
  put('nested-100k-report.html', Buffer.from(deep.replace(body, '<div>'.repeat(100_000) + body + '</div>'.repeat(100_000))), ['parsed'], { seed: 12, whole: false });
  put('pages-500.pdf', manyPagesPdf(500), HEAVY);
  put('endless-stream.pdf', endlessStreamPdf(), HEAVY);
  put('huge-stream.pdf', hugeStreamPdf(), HEAVY);

  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(expected, null, 1));
  return expected;
}

// ── .doc ──────────────────────────────────────────────────────────────────────────────────────

/** Compound files with loops and lies that word-extractor alone would follow forever. */
function damagedDocs(good) {
  const word = entryOf(good, 'WordDocument');
  const patched = (patch) => {
    const bytes = Buffer.from(good);
    patch(bytes);
    return bytes;
  };
  return [
    ['doc-chain-loop.doc', patched((b) => {
      const fat = fatOf(b);
      b.writeUInt32LE(word.start, fat[fat[word.start].next].at);
    }), ['E_CORRUPT']],
    // The WordDocument entry's left sibling is itself.
    ['doc-directory-cycle.doc', patched((b) => b.writeUInt32LE((word.at % 512) / 128 + (Math.floor(word.at / 512) - 1 - b.readUInt32LE(0x30)) * 4, word.at + 0x44)), ['E_CORRUPT']],
    ['doc-fat-count.doc', patched((b) => b.writeUInt32LE(0x7fffffff, 0x2c)), ['E_CORRUPT']],
    ['doc-difat-count.doc', patched((b) => b.writeUInt32LE(0x7fffffff, 0x48)), ['E_CORRUPT']],
    // ccpText far past the text: the main text runs into the other stories, or fails.
    ['doc-ccp-text.doc', patched((b) => b.writeUInt32LE(0x7fffffff, (word.start + 1) * 512 + 0x4c)), ['E_CORRUPT', 'E_NOT_A_REPORT', 'parsed']],
  ];
}

// ── DOCX ─────────────────────────────────────────────────────────────────────────────────────

async function replacePart(docx, name, xml) {
  const zip = await JSZip.loadAsync(docx);
  zip.file(name, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const ENTITY_BOMB = `<?xml version="1.0"?>\n<!DOCTYPE w:document [\n<!ENTITY a "aaaaaaaaaa">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('\n')}\n]>\n<w:document ${W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`;

function manyTables(n) {
  const table = (i) => `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表${i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>${i}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${Array.from({ length: n }, (_, i) => table(i)).join('')}</w:body></w:document>`;
}

/**
 * A DOCX-looking zip whose word/document.xml inflates to 1 GB from about 1 MB: one deflated
 * megabyte of spaces, flushed so that copies of it can be concatenated into one stream.
 */
function zipBomb() {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const copies = 1024;
  const data = Buffer.concat([...Array(copies).fill(block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = zlib.crc32(chunk, crc);
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), method: 0, crc: zlib.crc32('<Types/>'), size: 8 },
    { name: 'word/document.xml', data, method: 8, crc, size: chunk.length * copies },
  ]);
}

/** A zip file from entries whose data is already stored (method 0) or deflated (method 8). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// ── PDF, by hand ─────────────────────────────────────────────────────────────────────────────

/** A PDF from object bodies (object i + 1 is bodies[i]; object 1 is the catalog), with its xref. */
function pdfFile(bodies, tail = true) {
  const parts = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  const offsets = [];
  let length = Buffer.byteLength(parts[0], 'latin1');
  bodies.forEach((body, i) => {
    offsets.push(length);
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  });
  if (tail) {
    const xref = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    parts.push(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  }
  return Buffer.from(parts.join(''), 'latin1');
}

const stream = (content) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** n pages, each with one line of text in Helvetica: a well-formed PDF that is no report. */
function manyPagesPdf(n) {
  // 1 catalog, 2 pages, 3 font, then page i at 4 + 2i and its content at 5 + 2i.
  const kids = Array.from({ length: n }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  for (let i = 0; i < n; i++) {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    bodies.push(stream(`BT /F1 12 Tf 72 770 Td (Page ${i + 1} of a long document) Tj ET`));
  }
  return pdfFile(bodies);
}

/** A page whose content stream claims a gigabyte and never reaches endstream. */
function endlessStreamPdf() {
  const head = pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'], false);
  const body = '4 0 obj\n<< /Length 1073741824 >>\nstream\n' + 'BT /F1 12 Tf 72 770 Td (no end) Tj ET\n'.repeat(20_000);
  return Buffer.concat([head, Buffer.from(body, 'latin1')]);
}

/** One page whose (honest) content stream is 40 MB of drawing operators. */
function hugeStreamPdf() {
  const content = '0 0 m 595 842 l S\n'.repeat(2_300_000);
  const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', stream(content)];
  return pdfFile(bodies);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/make-hostile.mjs <dir>\n');
    process.exit(2);
  }
  const expected = await makeHostile(dir);
  process.stderr.write(`${Object.keys(expected).length} hostile files in ${dir}\n`);
}
