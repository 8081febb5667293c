// Generates the committed fixtures of the HTML and DOCX parsers:
//   test/fixtures/html/*.html and test/fixtures/docx/*.docx (the same report in both formats),
//   malformed and hostile files, and a manifest.json in each folder saying what each file is.
// Run: node scripts/make-docx-fixtures.mjs   (LibreOffice, when installed, adds two cases.)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import * as cheerio from 'cheerio';
import * as docx from 'docx';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { makeSpec, reportParts, applicationsTable, reviewsTable, activeDisclosureTable, heading, esc } from './fixtures/report.mjs';

const HTML_DIR = 'test/fixtures/html';
const DOCX_DIR = 'test/fixtures/docx';

const page = (title, body, head = '<meta charset="utf-8">') => `<!DOCTYPE html>\n<html><head>${head}<title>${esc(title)}</title></head>\n<body>\n${body}\n</body></html>\n`;
const titleOf = (spec) => `${spec.agency}${spec.year}年政府信息公开工作年度报告`;

// ── HTML fragments → docx objects ─────────────────────────────────────────────────────────────

/** Rows of a <table> fragment: cells with text ("\n" for <br>/<p>), spans and the tr's attributes. */
function readTable(fragment) {
  const $ = cheerio.load(fragment);
  return $('tr').toArray().map((tr) => ({
    pageBreakBefore: /page-break-before/.test($(tr).attr('style') ?? ''),
    header: $(tr).parent().is('thead'),
    cells: $(tr).children('td,th').toArray().map((td) => {
      const ps = $(td).children('p');
      const text = ps.length ? ps.toArray().map((p) => $(p).html().replace(/<br\s*\/?>/g, '\n')).join('\n') : ($(td).html() ?? '').replace(/<br\s*\/?>/g, '\n');
      return { text: cheerio.load(text.replace(/\n/g, '&#10;')).text(), rowSpan: Number($(td).attr('rowspan') ?? 1), colSpan: Number($(td).attr('colspan') ?? 1) };
    }),
  }));
}

/**
 * A docx Table from an HTML table fragment. `lines`: 'paragraphs' puts each "\n"-line of a cell in
 * its own paragraph, 'breaks' uses line breaks. `runs(cellText)` may replace a cell's runs.
 */
function docxTable(fragment, { lines = 'breaks', runs } = {}) {
  const rows = readTable(fragment);
  return new docx.Table({
    rows: rows.map((row) =>
      new docx.TableRow({
        tableHeader: row.header,
        children: row.cells.map((cell, i) => {
          const parts = cell.text.split('\n');
          const custom = runs?.(cell.text);
          const paragraphs = custom
            ? [new docx.Paragraph({ children: custom })]
            : lines === 'paragraphs'
              ? parts.map((t) => new docx.Paragraph({ children: [new docx.TextRun(t)], pageBreakBefore: row.pageBreakBefore && i === 0 }))
              : [new docx.Paragraph({ pageBreakBefore: row.pageBreakBefore && i === 0, children: parts.map((t, k) => new docx.TextRun({ text: t, break: k > 0 ? 1 : 0 })) })];
          return new docx.TableCell({ children: paragraphs, rowSpan: cell.rowSpan, columnSpan: cell.colSpan });
        }),
      }),
    ),
  });
}

/** A docx buffer from HTML fragments (<p> and <table>) in reading order. */
export async function docxFromParts(parts, options = {}) {
  const children = [];
  let previousTable = false;
  for (const part of parts) {
    if (part.startsWith('<table')) {
      // Word needs a paragraph between two tables, or it joins them.
      if (previousTable) children.push(new docx.Paragraph({ children: [] }));
      children.push(docxTable(part, options));
      previousTable = true;
    } else {
      const text = cheerio.load(part).text();
      children.push(new docx.Paragraph({ children: [new docx.TextRun(text)], heading: options.headings?.has(text) ? docx.HeadingLevel.HEADING_2 : undefined }));
      previousTable = false;
    }
  }
  const doc = new docx.Document({ title: options.title ?? '', creator: '张三', sections: [{ children }] });
  return docx.Packer.toBuffer(doc);
}

async function patchDocumentXml(buffer, patch) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml').async('string');
  zip.file('word/document.xml', patch(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Write every fixture and the manifests. */
async function main() {
  mkdirSync(HTML_DIR, { recursive: true });
  mkdirSync(DOCX_DIR, { recursive: true });
  // ── the paired cases: one report, an .html and a .docx ───────────────────────────────────────

  const cases = [];
  function pair(name, seed, overrides, description, html, docxBuffer, extra = {}) {
    writeFileSync(join(HTML_DIR, `${name}.html`), html);
    writeFileSync(join(DOCX_DIR, `${name}.docx`), docxBuffer);
    cases.push({ name, seed, overrides, description, html: `../html/${name}.html`, docx: `${name}.docx`, ...extra });
  }

  async function standard(name, seed, overrides, description, options = {}) {
    const spec = makeSpec(seed, overrides);
    const parts = (options.parts ?? reportParts)(spec);
    const docxBuffer = await docxFromParts(parts, { title: titleOf(spec), ...options });
    const patched = options.patch ? await patchDocumentXml(docxBuffer, options.patch) : docxBuffer;
    pair(name, seed, overrides, description, page(titleOf(spec), (options.htmlParts ?? parts).join('\n')), patched, options.extra);
    return spec;
  }

  await standard('template-full', 101, {}, 'the whole report in the national template, merged cells as gridSpan/vMerge');

  {
    // Table 三 over a page break: header rows marked to repeat (w:tblHeader), a page break before a row.
    const withHeader = (parts) =>
      parts.map((p) => {
        if (!p.includes('申请人情况')) return p;
        const rows = p.split('\n');
        return [rows[0], '<thead>', rows[1], rows[2], rows[3], '</thead><tbody>', ...rows.slice(4, 16), rows[16].replace('<tr>', '<tr style="page-break-before: always">'), ...rows.slice(17, -1), '</tbody>', rows.at(-1)].join('\n');
      });
    await standard('page-break-header', 102, {}, 'table 三 with three repeating header rows (tblHeader / thead) and a page break before a row', { parts: (spec) => withHeader(reportParts(spec)) });
  }

  await standard('multi-paragraph-cells', 103, {}, 'header cells such as 商业 / 企业 as two paragraphs each', {
    lines: 'paragraphs',
    htmlParts: reportParts(makeSpec(103)).map((p) => p.replace(/<td([^>]*)>([^<]*<br\/>[^<]*)<\/td>/g, (_, attrs, text) => `<td${attrs}>${text.split('<br/>').map((t) => `<p>${t}</p>`).join('')}</td>`)),
  });

  await standard('no-headings', 104, {}, 'the three tables one after another with no headings between them', {
    parts: (spec) => reportParts(spec).filter((p) => ![heading(2, spec.numbering), heading(3, spec.numbering)].some((h) => p === `<p>${esc(h)}</p>`)),
  });

  {
    const contact = [
      '<table border="1">',
      '<tr><td colspan="4">联系方式</td></tr>',
      '<tr><td>单位</td><td>地址</td><td>邮编</td><td>电话</td></tr>',
      '<tr><td>示例区人民政府办公室</td><td>示例路1号</td><td>223100</td><td>0517-87654321</td></tr>',
      '</table>',
    ].join('\n');
    const staff = ['<table border="1">', '<tr><td>工作人员</td><td>人数</td></tr>', '<tr><td>专职</td><td>2</td></tr>', '<tr><td>兼职</td><td>5</td></tr>', '</table>'].join('\n');
    await standard('extra-tables', 105, {}, 'two tables that are not template tables: staff counts in part 一 and contact details after part 六', {
      parts: (spec) => {
        const parts = reportParts(spec);
        parts.splice(4, 0, staff);
        parts.push('<p>联系方式如下：</p>', contact);
        return parts;
      },
      extra: { extraTables: [{ index: 0, rows: 3, cols: 2 }, { index: 4, rows: 3, cols: 4 }] },
    });
  }

  await standard('single-other', 106, { otherLayout: 'single' }, '三（六）其他处理 printed as one row (2019 layout inside a 2021 table)');

  {
    // WPS-style horizontal merges: every gridSpan cell becomes hMerge restart + continue cells.
    const toHMerge = (xml) => {
      const $ = cheerio.load(xml, { xml: { xmlMode: true, decodeEntities: false } });
      let count = 0;
      $('w\\:gridSpan').each((_, el) => {
        const span = Number($(el).attr('w:val'));
        const tcPr = $(el).parent();
        const tc = tcPr.parent();
        const vMerge = tcPr.children('w\\:vMerge').toString();
        $(el).replaceWith('<w:hMerge w:val="restart"/>');
        for (let i = 1; i < span; i++) tc.after(`<w:tc><w:tcPr><w:hMerge/>${vMerge}</w:tcPr><w:p/></w:tc>`);
        // The grid needs its columns: each continuation cell takes one.
        count++;
      });
      if (count < 10) throw new Error(`expected many gridSpans to patch, found ${count}`);
      return $.xml();
    };
    await standard('hmerge', 107, {}, 'horizontal merges written as w:hMerge restart/continue cells (WPS), which mammoth ignores', { patch: toHMerge });
  }

  {
    // Tracked changes: a deleted wrong number next to the inserted right one, and a deleted row.
    const spec = makeSpec(108);
    const right = spec.values['applications.newReceived.naturalPerson'];
    const wrong = String(Number(right) + 7);
    const feeRight = spec.values['activeDisclosure.fees.amount'];
    const change = { author: '李四', date: '2024-01-10T08:00:00Z' };
    let id = 1;
    const first = new Set();
    const runs = (text) => {
      // The first cell holding the value in table 三's first data row, and the fee cell.
      for (const [value, bad] of [[right, wrong], [feeRight, '12345.67']]) {
        if (text === value && !first.has(value)) {
          first.add(value);
          return [new docx.DeletedTextRun({ id: id++, ...change, text: bad }), new docx.InsertedTextRun({ id: id++, ...change, text: value })];
        }
      }
      return undefined;
    };
    const deleteLastRowCopy = (xml) => {
      const $ = cheerio.load(xml, { xml: { xmlMode: true, decodeEntities: false } });
      const lastTable = $('w\\:body > w\\:tbl').last();
      const valueRow = lastTable.children('w\\:tr').last();
      const copy = valueRow.clone();
      copy.find('w\\:t').each((_, t) => $(t).text('99'));
      copy.prepend(`<w:trPr><w:del w:id="${id++}" w:author="李四" w:date="2024-01-10T08:00:00Z"/></w:trPr>`);
      valueRow.after(copy);
      return $.xml();
    };
    // Only the first matching cell of table 三 carries the change: a value that appears earlier in
    // table 二 would take it instead, so check where it landed.
    const parts = reportParts(spec);
    const buffer = await docxFromParts(parts, { title: titleOf(spec), runs });
    const patched = await patchDocumentXml(buffer, deleteLastRowCopy);
    pair('tracked-changes', 108, {}, `tracked changes: ${wrong} deleted and ${right} inserted in a cell, 12345.67 deleted and ${feeRight} inserted as the fee, a deleted copy of table 四's value row`, page(titleOf(spec), parts.join('\n')), patched, {
      deletedText: [wrong, '12345.67'],
    });
  }

  // LibreOffice's own DOCX (another writer's XML), when LibreOffice is installed.
  function soffice(args, cwd) {
    const profile = mkdtempSync(join(tmpdir(), 'xxgk-lo-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { cwd, stdio: 'ignore', timeout: 120_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  const hasSoffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const work = mkdtempSync(join(tmpdir(), 'xxgk-fixtures-'));
  if (hasSoffice) {
    const spec = makeSpec(109);
    const html = reportHtml109(spec);
    writeFileSync(join(work, 'libreoffice.html'), html);
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(work, 'libreoffice.html')], work);
    pair('libreoffice', 109, {}, 'the report converted from HTML to DOCX by LibreOffice (its own table XML)', html, readFileSync(join(work, 'libreoffice.docx')));
  } else if (existsSync(join(DOCX_DIR, 'libreoffice.docx'))) {
    const old = JSON.parse(readFileSync(join(DOCX_DIR, 'manifest.json'), 'utf8')).cases.find((c) => c.name === 'libreoffice');
    if (old) cases.push(old);
    console.warn('soffice not found: kept the committed libreoffice case');
  }
  function reportHtml109(spec) {
    return page(titleOf(spec), reportParts(spec).join('\n'));
  }

  // ── HTML-only cases ──────────────────────────────────────────────────────────────────────────

  const htmlCases = [];
  {
    const spec = makeSpec(201);
    const body = reportParts(spec).join('\n');
    writeFileSync(join(HTML_DIR, 'gbk-meta.html'), iconv.encode(page(titleOf(spec), body, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'));
    writeFileSync(join(HTML_DIR, 'gbk-nocharset.html'), iconv.encode(page(titleOf(spec), body, ''), 'gbk'));
    writeFileSync(join(HTML_DIR, 'gbk-mislabelled.html'), iconv.encode(page(titleOf(spec), body, '<meta charset="utf-8">'), 'gbk'));
    htmlCases.push(
      { name: 'gbk-meta', file: 'gbk-meta.html', seed: 201, overrides: {}, encoding: 'gb18030', description: 'GBK bytes declared gb2312 in a http-equiv meta' },
      { name: 'gbk-nocharset', file: 'gbk-nocharset.html', seed: 201, overrides: {}, encoding: 'gb18030', description: 'GBK bytes with no charset anywhere' },
      { name: 'gbk-mislabelled', file: 'gbk-mislabelled.html', seed: 201, overrides: {}, encoding: 'gb18030', description: 'GBK bytes declared utf-8' },
    );
  }
  {
    const spec = makeSpec(203, { agency: '示例市示例区人民政府办公室', published: '2024-01-26' });
    const furniture = `
  <div id="top"><header><div class="logo">示例市示例区人民政府</div><nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></nav></header>
  <form action="/search"><input name="q"><button>搜索</button></form>
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div></div>
  <table width="1000" align="center"><tr><td>
  <table class="xxgk-info" border="1">
  <tr><td>索引号：</td><td>11320812MB1234567X/2024-00012</td><td>主题分类：</td><td>综合政务</td></tr>
  <tr><td>发布机构：</td><td>${esc(spec.agency)}</td><td>发文日期：</td><td>2024-01-25</td></tr>
  <tr><td>名称：</td><td colspan="3">${esc(titleOf(spec))}</td></tr>
  <tr><td>文号：</td><td></td><td>发布日期：</td><td>${spec.published}</td></tr>
  </table>
  <div class="article">
  ${reportParts(spec).join('\n')}
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  </td></tr></table>
  <footer><p>主办单位：示例市示例区人民政府办公室 地址：示例路1号</p><p>网站标识码：3208120001 苏ICP备00000000号</p></footer>
  <script>var _hmt = _hmt || []; document.write('<p>统计</p>');</script>
  <style>.article p { text-indent: 2em; }</style>`;
    const head = `<meta charset="utf-8"><meta name="SiteName" content="示例市示例区人民政府"><meta name="ColumnName" content="年度报告"><meta name="ArticleTitle" content="${esc(titleOf(spec))}"><meta name="PubDate" content="${spec.published} 10:30"><meta name="ContentSource" content="区政府办">`;
    writeFileSync(join(HTML_DIR, 'furniture.html'), page(`${titleOf(spec)}_示例市示例区人民政府`, furniture, head));
    htmlCases.push({
      name: 'furniture',
      file: 'furniture.html',
      seed: 203,
      overrides: { agency: spec.agency, published: spec.published },
      encoding: 'utf-8',
      meta: { title: titleOf(spec), agency: spec.agency, published: spec.published },
      description: 'a whole government page: header, nav, search form, the 索引号/发布机构/发文日期 box, a layout table around the article, footer, script',
    });
  }

  // ── hostile and unreadable files ─────────────────────────────────────────────────────────────

  /** A zip written by hand, so that its sizes can lie. */
  function zipFile(entries) {
    const locals = [];
    const centrals = [];
    let offset = 0;
    for (const e of entries) {
      const name = Buffer.from(e.name);
      const data = e.data;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt32LE(e.crc >>> 0, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(e.size >>> 0, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(e.method, 10);
      central.writeUInt32LE(e.crc >>> 0, 16);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(e.size >>> 0, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, data);
      centrals.push(central, name);
      offset += local.length + name.length + data.length;
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.count ?? entries.length, 8);
    eocd.writeUInt16LE(entries.count ?? entries.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, cd, eocd]);
  }
  const crc32 = (buf) => zlib.crc32(buf);
  const stored = (name, text) => ({ name, data: Buffer.from(text), size: Buffer.byteLength(text), method: 0, crc: crc32(Buffer.from(text)) });

  const errorCases = [];
  {
    // 1 MB of zeros deflates to about 1 KB; the headers claim 3 GB.
    const zeros = Buffer.alloc(1 << 20);
    const data = zlib.deflateRawSync(zeros, { level: 9 });
    writeFileSync(join(DOCX_DIR, 'zip-bomb.docx'), zipFile([stored('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', data, size: 3_000_000_000, method: 8, crc: crc32(zeros) }]));
    errorCases.push({ file: 'zip-bomb.docx', code: 'E_TOO_LARGE', description: 'word/document.xml declared as 3 GB in the central directory (deflated zeros)' });
    // Sizes that lie the other way: declared 1,000 bytes, inflates to 1 MB.
    writeFileSync(join(DOCX_DIR, 'zip-lying-size.docx'), zipFile([stored('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', data, size: 1000, method: 8, crc: crc32(zeros) }]));
    errorCases.push({ file: 'zip-lying-size.docx', code: 'E_CORRUPT', description: 'word/document.xml declared as 1,000 bytes, inflates to 1 MB' });
    const many = [stored('word/document.xml', '<w:document/>')];
    many.count = 60_000;
    writeFileSync(join(DOCX_DIR, 'zip-many-entries.docx'), zipFile(many));
    errorCases.push({ file: 'zip-many-entries.docx', code: 'E_TOO_LARGE', description: 'end-of-directory record claims 60,000 entries' });
    writeFileSync(join(DOCX_DIR, 'no-document.docx'), zipFile([stored('[Content_Types].xml', '<Types/>'), stored('xl/workbook.xml', '<workbook/>')]));
    errorCases.push({ file: 'no-document.docx', code: 'E_UNSUPPORTED_FORMAT', description: 'a zip without word/document.xml' });
  }
  {
    const spec = makeSpec(301);
    const good = await docxFromParts(reportParts(spec), { title: titleOf(spec) });
    writeFileSync(join(DOCX_DIR, 'truncated.docx'), good.subarray(0, Math.floor(good.length * 0.6)));
    errorCases.push({ file: 'truncated.docx', code: 'E_CORRUPT', description: 'a generated report cut at 60% of its bytes' });
    const lol = ['<!DOCTYPE lolz [', '<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`), ']>'].join('\n');
    const bomb = await patchDocumentXml(good, (xml) => xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}\n${lol}\n`).replace('<w:t xml:space="preserve">', '<w:t xml:space="preserve">&lol9;'));
    writeFileSync(join(DOCX_DIR, 'entity-bomb.docx'), bomb);
    errorCases.push({ file: 'entity-bomb.docx', code: 'E_CORRUPT', description: 'word/document.xml with a billion-laughs DOCTYPE' });
  }

  /** A minimal compound file (version 3, 512-byte sectors): a root and streams of 4,096 bytes. */
  function compoundFile(streams) {
    const SECTOR = 512;
    const FREE = 0xffffffff, END = 0xfffffffe, FATSECT = 0xfffffffd, NONE = 0xffffffff;
    const perStream = 4096 / SECTOR;
    const fat = new Array(SECTOR / 4).fill(FREE);
    fat[0] = FATSECT;
    fat[1] = END;
    let next = 2;
    const starts = streams.map(() => {
      const start = next;
      for (let i = 0; i < perStream; i++) fat[next + i] = i === perStream - 1 ? END : next + i + 1;
      next += perStream;
      return start;
    });
    const header = Buffer.alloc(SECTOR);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    header.writeUInt16LE(0x3e, 0x18);
    header.writeUInt16LE(3, 0x1a);
    header.writeUInt16LE(0xfffe, 0x1c);
    header.writeUInt16LE(9, 0x1e);
    header.writeUInt16LE(6, 0x20);
    header.writeUInt32LE(1, 0x2c);
    header.writeUInt32LE(1, 0x30);
    header.writeUInt32LE(4096, 0x38);
    header.writeUInt32LE(END, 0x3c);
    header.writeUInt32LE(END, 0x44);
    for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);
    const fatSector = Buffer.alloc(SECTOR);
    fat.forEach((v, i) => fatSector.writeUInt32LE(v >>> 0, i * 4));
    const dir = Buffer.alloc(SECTOR);
    const entry = (i, name, type, start, size, right, child) => {
      const base = i * 128;
      const n = Buffer.from(`${name}\0`, 'utf16le');
      n.copy(dir, base);
      dir.writeUInt16LE(n.length, base + 0x40);
      dir[base + 0x42] = type;
      dir[base + 0x43] = 1;
      dir.writeUInt32LE(NONE, base + 0x44);
      dir.writeUInt32LE(right, base + 0x48);
      dir.writeUInt32LE(child, base + 0x4c);
      dir.writeUInt32LE(start, base + 0x74);
      dir.writeUInt32LE(size, base + 0x78);
    };
    entry(0, 'Root Entry', 5, END, 0, NONE, 1);
    streams.forEach((s, i) => entry(i + 1, s.name, 2, starts[i], 4096, i + 1 < streams.length ? i + 2 : NONE, NONE));
    const data = streams.map((s) => {
      const b = Buffer.alloc(4096);
      s.data?.copy(b);
      return b;
    });
    return Buffer.concat([header, fatSector, dir, ...data]);
  }
  {
    const fib = (flags) => {
      const b = Buffer.alloc(32);
      b.writeUInt16LE(0xa5ec, 0);
      b.writeUInt16LE(0x00c1, 2);
      b.writeUInt16LE(flags, 10);
      return b;
    };
    writeFileSync(join(DOCX_DIR, 'encrypted.docx'), compoundFile([{ name: '\u0006DataSpaces' }, { name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) }, { name: 'EncryptedPackage' }]));
    errorCases.push({ file: 'encrypted.docx', code: 'E_ENCRYPTED', ole: 'encrypted-ooxml', description: 'a compound file with EncryptionInfo and EncryptedPackage streams, as Word writes a password-protected .docx' });
    // A .doc whose 1Table stream is all zeros: no piece table, so no text (real .doc files are in test/fixtures/doc/).
    writeFileSync(join(DOCX_DIR, 'legacy.doc'), compoundFile([{ name: 'WordDocument', data: fib(0x0200) }, { name: '1Table' }]));
    errorCases.push({ file: 'legacy.doc', code: 'E_CORRUPT', ole: 'doc', description: 'a compound file with a WordDocument stream (a Word 97–2003 .doc) and an empty table stream' });
    writeFileSync(join(DOCX_DIR, 'encrypted-legacy.doc'), compoundFile([{ name: 'WordDocument', data: fib(0x0300) }, { name: '1Table' }]));
    errorCases.push({ file: 'encrypted-legacy.doc', code: 'E_ENCRYPTED', ole: 'encrypted-doc', description: 'a .doc whose FIB says fEncrypted' });
  }
  rmSync(work, { recursive: true, force: true });

  writeFileSync(join(DOCX_DIR, 'manifest.json'), `${JSON.stringify({ generator: 'scripts/make-docx-fixtures.mjs', cases, errors: errorCases }, null, 1)}\n`);
  writeFileSync(join(HTML_DIR, 'manifest.json'), `${JSON.stringify({ generator: 'scripts/make-docx-fixtures.mjs', pairedWithDocx: cases.map((c) => `${c.name}.html`), cases: htmlCases }, null, 1)}\n`);
  console.log(`${cases.length} paired cases, ${htmlCases.length} HTML-only, ${errorCases.length} error files`);
  void activeDisclosureTable;
  void applicationsTable;
  void reviewsTable;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
