// Generates test/fixtures/docx-features/*.docx: Word markup the DOCX fast path must read exactly
// as mammoth does (lists, headings, links, bookmarks, notes, comments, breaks inside paragraphs,
// run formatting, header rows, nested tables, images, text boxes, fields, content controls,
// tracked changes, symbols and checkboxes that it leaves to mammoth). Most are whole reports
// with the feature worked in, so the records are compared too (test/parsers/docx-fast.test.ts).
// Run: node scripts/make-docx-features.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import * as docx from 'docx';
import JSZip from 'jszip';
import { makeSpec, reportParts } from './fixtures/report.mjs';

const DIR = 'test/fixtures/docx-features';
const { Paragraph, TextRun, Table, TableRow, TableCell, HeadingLevel } = docx;

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Report tables as docx tables; `cell(text, r, c)` may return custom paragraphs for a cell. */
function table(fragment, { cell, header = 0 } = {}) {
  const $ = cheerio.load(fragment);
  return new Table({
    rows: $('tr')
      .toArray()
      .map((tr, r) =>
        new TableRow({
          tableHeader: r < header,
          children: $(tr)
            .children('td,th')
            .toArray()
            .map((td, c) => {
              const text = $(td).text();
              const custom = cell?.(text, r, c);
              return new TableCell({ children: custom ?? [new Paragraph({ children: [new TextRun(text)] })], rowSpan: Number($(td).attr('rowspan') ?? 1), columnSpan: Number($(td).attr('colspan') ?? 1) });
            }),
        }),
    ),
  });
}

/** A report's parts as docx children; `paragraph(text, i)` may return custom paragraphs. */
function report(seed, { paragraph, cell, header, extra = [] } = {}) {
  const spec = makeSpec(seed);
  const children = [];
  let previousTable = false;
  reportParts(spec).forEach((part, i) => {
    if (part.startsWith('<table')) {
      if (previousTable) children.push(new Paragraph({ children: [] }));
      children.push(table(part, { cell, header }));
      previousTable = true;
      return;
    }
    const text = cheerio.load(part).text();
    children.push(...(paragraph?.(text, i) ?? [new Paragraph({ children: [new TextRun(text)] })]));
    previousTable = false;
  });
  children.push(...extra);
  return { spec, children, title: `${spec.agency}${spec.year}年政府信息公开工作年度报告` };
}

const numbering = {
  config: [
    {
      reference: 'ordered',
      levels: [0, 1, 2].map((level) => ({ level, format: docx.LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: docx.AlignmentType.START })),
    },
  ],
};

async function write(name, { children, title = '', footnotes, comments }) {
  const doc = new docx.Document({ title, creator: '张三', numbering, footnotes, comments, sections: [{ children }] });
  const buffer = await docx.Packer.toBuffer(doc);
  writeFileSync(join(DIR, `${name}.docx`), buffer);
}

async function patch(name, edit) {
  const zip = await JSZip.loadAsync(await import('node:fs').then((fs) => fs.readFileSync(join(DIR, `${name}.docx`))));
  zip.file('word/document.xml', edit(await zip.file('word/document.xml').async('string')));
  writeFileSync(join(DIR, `${name}.docx`), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

mkdirSync(DIR, { recursive: true });

// Headings in Word's styles, lists (ordered, bullets, nested) around the section titles.
await write('headings-lists', {
  ...report(401, {
    paragraph: (text, i) => {
      if (/^[一二三四五六]、/.test(text)) return [new Paragraph({ text, heading: i % 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 })];
      if (i === 3) return [new Paragraph({ text, numbering: { reference: 'ordered', level: 0 } }), new Paragraph({ text: '第一项', numbering: { reference: 'ordered', level: 1 } }), new Paragraph({ text: '第二项', numbering: { reference: 'ordered', level: 2 } }), new Paragraph({ text: '要点', bullet: { level: 0 } }), new Paragraph({ text: '细节', bullet: { level: 1 } })];
      return undefined;
    },
  }),
});

// Run formatting the HTML keeps (strong, em, s, sup, sub), in labels and values, and line breaks.
await write('run-formatting', {
  ...report(402, {
    cell: (text, r, c) =>
      c === 0 && text.length > 2
        ? [new Paragraph({ children: [new TextRun({ text: text.slice(0, 2), bold: true }), new TextRun({ text: text.slice(2, 3), strike: true }), new TextRun({ text: text.slice(3), italics: true, strike: true })] })]
        : r === 1 && c > 0
          ? [new Paragraph({ children: [new TextRun({ text, superScript: c % 2 === 0, subScript: c % 2 === 1 })] })]
          : undefined,
    paragraph: (text, i) => (i === 3 ? [new Paragraph({ children: [new TextRun({ text: text.slice(0, 4), strike: true }), new TextRun({ text: text.slice(4), strike: true, bold: true }), new TextRun({ text: '第二行', break: 1 })] })] : undefined),
  }),
});

// Hyperlinks (external, internal), bookmarks, a footnote and a comment in the prose and a cell.
{
  const r = report(403, {
    paragraph: (text, i) =>
      i === 1
        ? [
            new Paragraph({
              children: [
                new docx.Bookmark({ id: 'start', children: [new TextRun(text.slice(0, 5))] }),
                new docx.ExternalHyperlink({ link: 'https://www.example.gov.cn/xxgk', children: [new TextRun({ text: text.slice(5, 9), style: 'Hyperlink' })] }),
                new docx.ExternalHyperlink({ link: 'https://www.example.gov.cn/xxgk', children: [new TextRun({ text: text.slice(9, 12), strike: true })] }),
                new docx.InternalHyperlink({ anchor: 'start', children: [new TextRun(text.slice(12))] }),
                new docx.FootnoteReferenceRun(1),
                new docx.CommentRangeStart(0),
                new TextRun('（见附注）'),
                new docx.CommentRangeEnd(0),
                new TextRun({ children: [new docx.CommentReference(0)] }),
              ],
            }),
          ]
        : undefined,
    cell: (text, r, c) => (r === 0 && c === 0 ? [new Paragraph({ children: [new TextRun(text), new docx.FootnoteReferenceRun(2)] })] : undefined),
  });
  await write('links-notes', {
    ...r,
    footnotes: { 1: { children: [new Paragraph('注：本报告数据截至12月31日。')] }, 2: { children: [new Paragraph('表注')] } },
    comments: { children: [{ id: 0, author: '李四', date: new Date('2024-01-10T08:00:00Z'), children: [new Paragraph('请核对')] }] },
  });
}

// Page and column breaks inside paragraphs and cells (the HTML parser splits <p> at <hr>).
await write('breaks', {
  ...report(404, {
    paragraph: (text, i) =>
      i === 1
        ? [new Paragraph({ children: [new TextRun('索引号：11320812MB1234567X/2024-00012 发布机构：示例区人民政府办公室'), new docx.PageBreak(), new TextRun({ text: '发文日期：2024-01-18', strike: true })] }), new Paragraph({ children: [new TextRun({ text: '发布机构：示例区政府办', strike: true }), new TextRun({ text: ' 发布日期：2024-01-19', strike: true, children: [new docx.PageBreak(), text] })] })]
        : i === 2
        ? [new Paragraph({ children: [new TextRun(text.slice(0, 6)), new docx.PageBreak(), new TextRun({ text: text.slice(6), bold: true })] })]
        : i === 4
          ? [new Paragraph({ children: [new TextRun({ text: text.slice(0, 3), strike: true }), new TextRun({ text: text.slice(3), strike: true, children: [new docx.PageBreak(), '续'] })] }), new Paragraph({ children: [new docx.PageBreak()] })]
          : i === 6
            ? [new Paragraph({ children: [new docx.ColumnBreak(), new TextRun({ text, superScript: true })] })]
            : undefined,
    cell: (text, r, c) => (r === 2 && c === 1 ? [new Paragraph({ children: [new TextRun('甲'), new docx.PageBreak(), new TextRun(text)] })] : undefined),
  }),
});

// Header rows (w:tblHeader), a nested table in a cell, an image and tabs.
await write('tables-images', {
  ...report(405, {
    header: 2,
    cell: (text, r, c) =>
      r === 0 && c === 0
        ? [new Paragraph({ children: [new TextRun(text), new docx.ImageRun({ type: 'png', data: PNG, transformation: { width: 8, height: 8 } })] })]
        : r === 1 && c === 0
          ? [new Paragraph({ children: [new TextRun({ children: [text, new docx.Tab(), '注'] })] })]
          : undefined,
    extra: [new Paragraph('附表'), new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('外'), new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('内1')] }), new TableCell({ children: [new Paragraph('内2')] })] })] })] }), new TableCell({ children: [new Paragraph('右')] })] })] })],
  }),
});

// Tracked changes in prose and cells, a simple field, a content control, smart tags and a text
// box (VML fallback inside mc:AlternateContent), patched into the XML as Word writes them.
await write('word-markup', {
  ...report(406, {
    paragraph: (text, i) => (i === 1 ? [new Paragraph({ children: [new docx.InsertedTextRun({ id: 1, author: '李四', date: '2024-01-10T08:00:00Z', text }), new docx.DeletedTextRun({ id: 2, author: '李四', date: '2024-01-10T08:00:00Z', text: '删去的文字' })] })] : undefined),
  }),
});
await patch('word-markup', (xml) => {
  let n = 0;
  return xml
    .replace(/<w:p>/, () => '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>内容控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p>')
    .replace(/<w:p>/g, (m) => (n++ === 5 ? '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>示例路</w:t></w:r></w:smartTag><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.gov.cn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>字段链接</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' + '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框中的文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>' : m))
    .replace(/<w:document (?![^>]*xmlns:v=)/, '<w:document xmlns:v="urn:schemas-microsoft-com:vml" ');
});

// A deleted paragraph mark (its text joins the next paragraph) and a row with a bookmark
// between its cells (which mammoth reads with merges off: left to mammoth).
await write('deleted-mark', { ...report(407) });
await patch('deleted-mark', (xml) => {
  let n = 0;
  return xml.replace(/<w:p>(<w:r>)/g, (m, r) => (n++ === 3 ? `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="李四" w:date="2024-01-10T08:00:00Z"/></w:rPr></w:pPr>${r}` : m));
});

// Left to mammoth: a symbol (w:sym) and a checkbox content control.
await write('declined-symbol', { children: [new Paragraph({ children: [new TextRun('勾选：'), new docx.SymbolRun({ char: 'F0FC', symbolfont: 'Wingdings' })] })] });
await write('declined-checkbox', { children: [new Paragraph({ children: [new docx.CheckBox({ checked: true }), new TextRun('已公开')] })] });
await write('bookmark-row', { ...report(408) });
await patch('bookmark-row', (xml) => xml.replace('<w:tr>', '<w:tr><w:bookmarkStart w:id="7" w:name="row"/>'));

console.log(`wrote ${DIR}`);
