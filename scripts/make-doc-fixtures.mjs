// Generates the committed fixtures of the .doc parser, test/fixtures/doc/: every paired DOCX
// fixture (test/fixtures/docx/manifest.json) saved as Word 97–2003 .doc by LibreOffice, a .wps
// (WPS Office saves .wps in the same Word binary format; LibreOffice cannot write one, so it is
// a copy of a .doc), and damaged or unreadable files made from a real .doc, with a manifest.json.
// Needs LibreOffice (soffice); run: node scripts/make-doc-fixtures.mjs
// fatOf and entryOf are shared with scripts/make-hostile.mjs, which damages a .doc in more ways;
// soffice with scripts/make-figure-fixtures.mjs, which saves its DOCX fixtures as .doc too.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeSpec, reportParts } from './fixtures/report.mjs';

const DOCX_DIR = 'test/fixtures/docx';
const DIR = 'test/fixtures/doc';
const SECTOR = 512;

/** One soffice run with its own profile, so that runs never share (or lock) a user profile. */
export function soffice(args) {
  const profile = mkdtempSync(join(tmpdir(), 'xxgk-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { stdio: 'ignore', timeout: 300_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// ── just enough of the compound file format to patch a stream in place ─────────────────────

/** FAT of a version-3 compound file whose FAT sectors are all listed in the header. */
export function fatOf(bytes) {
  const count = bytes.readUInt32LE(0x2c);
  if (count > 109) throw new Error('FAT sectors in the DIFAT chain: not handled by this generator');
  const fat = [];
  for (let i = 0; i < count; i++) {
    const at = (bytes.readUInt32LE(0x4c + 4 * i) + 1) * SECTOR;
    for (let k = 0; k < SECTOR / 4; k++) fat.push({ at: at + 4 * k, next: bytes.readUInt32LE(at + 4 * k) });
  }
  return fat;
}

/** The directory entry of a stream: its offset in the file, start sector and size. */
export function entryOf(bytes, name) {
  const fat = fatOf(bytes);
  for (let s = bytes.readUInt32LE(0x30); s < 0xfffffffe; s = fat[s].next) {
    for (let e = 0; e < SECTOR / 128; e++) {
      const at = (s + 1) * SECTOR + e * 128;
      const length = bytes.readUInt16LE(at + 0x40);
      if (length >= 2 && bytes.toString('utf16le', at, at + length - 2) === name) return { at, start: bytes.readUInt32LE(at + 0x74), size: bytes.readUInt32LE(at + 0x78) };
    }
  }
  throw new Error(`no stream ${name}`);
}

function main() {
  const manifest = JSON.parse(readFileSync(join(DOCX_DIR, 'manifest.json'), 'utf8'));
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'xxgk-doc-'));
  try {
    for (const c of manifest.cases) copyFileSync(join(DOCX_DIR, c.docx), join(work, c.docx));
    soffice(['--convert-to', 'doc:MS Word 97', '--outdir', work, ...manifest.cases.map((c) => join(work, c.docx))]);
    const cases = manifest.cases.map((c) => {
      copyFileSync(join(work, `${c.name}.doc`), join(DIR, `${c.name}.doc`));
      // LibreOffice's .doc export keeps tracked text changes but writes a tracked row deletion
      // as an ordinary row: the .doc has that row, printed, where the DOCX has none.
      const writerKeeps = c.name === 'tracked-changes' ? { writerKeepsDeletedRow: { table: 2 } } : {};
      return { name: c.name, doc: `${c.name}.doc`, docx: `../docx/${c.docx}`, seed: c.seed, overrides: c.overrides, ...writerKeeps, description: `${c.name}.docx saved as .doc by LibreOffice: ${c.description}` };
    });
    {
      // Field codes: hyperlinks (\x13 HYPERLINK "…" \x14 text \x15) in part 一 and part 六. One HTML
      // page saved by LibreOffice as DOCX and as .doc, so that both come from the same writer.
      const spec = makeSpec(110);
      const link = (text) => `<a href="http://www.example.gov.cn/xxgk/">${text}</a>`;
      const parts = reportParts(spec).map((part, i) =>
        i === 3 ? part.replace('全年主动公开', `通过${link('政府信息公开专栏')}全年主动公开`) : part.includes('本年度未收取') ? part.replace('信息处理费', `信息处理费，详见${link('收费说明')}`) : part,
      );
      writeFileSync(join(work, 'fields.html'), `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${spec.agency}${spec.year}年政府信息公开工作年度报告</title></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`);
      soffice(['--convert-to', 'doc:MS Word 97', '--outdir', work, join(work, 'fields.html')]);
      soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(work, 'fields.html')]);
      if (!readFileSync(join(work, 'fields.doc')).includes(Buffer.from(' HYPERLINK', 'utf16le'))) throw new Error('fields.doc has no HYPERLINK field');
      copyFileSync(join(work, 'fields.doc'), join(DIR, 'fields.doc'));
      copyFileSync(join(work, 'fields.docx'), join(DIR, 'fields.docx'));
      cases.push({ name: 'fields', doc: 'fields.doc', docx: 'fields.docx', seed: 110, overrides: {}, description: 'a report with hyperlink fields in parts 一 and 六, saved by LibreOffice from one HTML page as .doc and as DOCX' });
    }
    // The national template's merged cells: 三、本年度办理结果 and the group labels of table 三
    // merged down, labels merged across; template-full is that layout.
    copyFileSync(join(DIR, 'template-full.doc'), join(DIR, 'template-full.wps'));
    cases.push({ name: 'template-full-wps', doc: 'template-full.wps', docx: '../docx/template-full.docx', seed: 101, overrides: {}, description: 'a .wps in the Word binary format (as WPS Office saves it): template-full.doc under a .wps name' });

    const good = readFileSync(join(DIR, 'template-full.doc'));
    const word = entryOf(good, 'WordDocument');
    const fibAt = (word.start + 1) * SECTOR;
    if (good.readUInt16LE(fibAt) !== 0xa5ec) throw new Error('the WordDocument stream does not start with a FIB');
    const errors = [];
    const put = (file, bytes, code, description, message) => {
      writeFileSync(join(DIR, file), bytes);
      errors.push({ file, code, ...(message ? { message } : {}), description });
    };
    {
      const bytes = Buffer.from(good);
      bytes.writeUInt16LE(bytes.readUInt16LE(fibAt + 10) | 0x0100, fibAt + 10);
      put('encrypted.doc', bytes, 'E_ENCRYPTED', 'template-full.doc with the FIB flag fEncrypted set, as a password-protected .doc has');
    }
    put('truncated.doc', good.subarray(0, Math.floor(good.length * 0.6)), 'E_CORRUPT', 'template-full.doc cut at 60% of its bytes');
    {
      // The stream renamed: a compound file with no Word document in it, as an old WPS or Works file.
      const bytes = Buffer.from(good);
      bytes.fill(0, word.at, word.at + 64);
      const name = Buffer.from('CONTENTS\0', 'utf16le');
      name.copy(bytes, word.at);
      bytes.writeUInt16LE(name.length, word.at + 0x40);
      put('not-word.wps', bytes, 'E_UNSUPPORTED_FORMAT', 'a compound file whose only document stream is CONTENTS (not Word binary)', 'save it as .docx');
    }
    {
      const bytes = Buffer.from(good);
      bytes.writeUInt16LE(104, fibAt + 2);
      put('word95.doc', bytes, 'E_UNSUPPORTED_FORMAT', 'template-full.doc with nFib 104 (Word 95), whose FIB word-extractor cannot read', 'Word 6.0/95');
    }
    {
      // The third sector of the WordDocument chain points back to its first: a loop.
      const bytes = Buffer.from(good);
      const fat = fatOf(bytes);
      const third = fat[fat[word.start].next].next;
      bytes.writeUInt32LE(word.start, fat[third].at);
      put('chain-loop.doc', bytes, 'E_CORRUPT', 'the WordDocument sector chain loops back to its start (word-extractor would follow it forever)');
    }
    writeFileSync(join(DIR, 'manifest.json'), `${JSON.stringify({ generator: 'scripts/make-doc-fixtures.mjs', cases, errors }, null, 1)}\n`);
    console.log(`${cases.length} .doc/.wps cases, ${errors.length} error files`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
