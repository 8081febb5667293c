import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { htmlToDocument, parseHtml } from '../../src/parsers/html.js';
import type { Block, Document, Table } from '../../src/model.js';

const SHARED = '../shared/corpus';
const hasShared = existsSync(SHARED);

const tables = (doc: Document): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table');
const paragraphs = (doc: Document): string[] => doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
const texts = (t: Table): string[][] => t.grid.map((row) => row.map((c) => c.text));
const fromHtml = (html: string) => htmlToDocument(html).value;

describe('htmlToDocument: paragraphs', () => {
  it('emits paragraphs in order with <br> as newline, &nbsp; as space and whitespace collapsed', () => {
    const doc = fromHtml('<div>lead text<p>第一段&nbsp;&nbsp;文字\n  继续<br/>第二行</p>tail<h2> 标题 </h2><ul><li>甲</li><li>乙</li></ul></div>');
    expect(paragraphs(doc)).toEqual(['lead text', '第一段 文字 继续\n第二行', 'tail', '标题', '甲', '乙']);
    expect(doc.blocks.map((b) => b.origin.element)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('drops scripts, styles, nav, header, footer, forms and hidden elements', () => {
    const doc = fromHtml(
      '<header>站点</header><nav>首页 | 政务公开</nav><script>var x = 1;</script><style>p{}</style><p>正文</p><div style="display:none">隐藏</div><form><p>搜索</p></form><footer>版权所有</footer>',
    );
    expect(paragraphs(doc)).toEqual(['正文']);
  });
});

describe('htmlToDocument: hostile markup', () => {
  it('survives very deep nesting with a warning, keeping the deep text', () => {
    const depth = 20_000;
    const r = htmlToDocument(`<p>开头</p>${'<div><span>'.repeat(depth)}深处${'</span></div>'.repeat(depth)}<p>结尾</p>`);
    expect(r.value.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['开头', '深处', '结尾']);
    expect(r.warnings.map((w) => w.code)).toEqual(['W_HTML_TOO_DEEP']);
  });
});

describe('htmlToDocument: tables', () => {
  it('expands rowspan and colspan into one shared cell object per merge', () => {
    const doc = fromHtml('<table><tr><td rowspan="2" colspan="2">A</td><td>B</td></tr><tr><td>C</td></tr><tr><td>D</td><td>E</td><td>F</td></tr></table>');
    const [t] = tables(doc);
    expect(texts(t)).toEqual([['A', 'A', 'B'], ['A', 'A', 'C'], ['D', 'E', 'F']]);
    const a = t.grid[0][0];
    expect(t.grid[1][1]).toBe(a);
    expect(a).toMatchObject({ row: 0, col: 0, rowSpan: 2, colSpan: 2 });
    expect(t.grid[1][2]).toMatchObject({ text: 'C', row: 1, col: 2, origin: { element: 0, row: 1, col: 2 } });
  });

  it('joins multi-paragraph cells and <br> with newlines', () => {
    const [t] = tables(fromHtml('<table><tr><td><p>商业</p><p>企业</p></td><td>结果<br>维持</td><td><p>&nbsp;</p></td></tr></table>'));
    expect(texts(t)).toEqual([['商业\n企业', '结果\n维持', '']]);
  });

  it('clamps absurd spans', () => {
    const [t] = tables(fromHtml('<table><tr><td rowspan="9999">A</td><td colspan="9999">B</td></tr><tr><td>C</td><td>C2</td></tr><tr><td>D</td><td>E</td></tr></table>'));
    expect(t.grid.length).toBe(3);
    expect(t.grid[0][0].rowSpan).toBe(3);
    expect(t.grid.every((row) => row.length === 3)).toBe(true);
    expect(t.grid[0][1]).toMatchObject({ text: 'B', colSpan: 2 });
  });

  it('reads a caption as the paragraph before its table', () => {
    const doc = fromHtml('<table><caption>表1 收到和处理政府信息公开申请情况</caption><tr><td>a</td></tr><tr><td>b</td></tr></table>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(paragraphs(doc)).toEqual(['表1 收到和处理政府信息公开申请情况']);
    expect(doc.blocks[1].origin).toEqual({ element: 1 });
  });

  it('pads short rows and drops empty rows', () => {
    const [t] = tables(fromHtml('<table><tr><td>A</td><td>B</td><td>C</td></tr><tr></tr><tr><td>D</td></tr></table>'));
    expect(texts(t)).toEqual([['A', 'B', 'C'], ['D', '', '']]);
    expect(t.grid[1][2]).toMatchObject({ row: 1, col: 2, rowSpan: 1, colSpan: 1 });
  });

  it('reads nested layout tables as their inner blocks', () => {
    const html = `<table width="100%"><tr><td><p>报告标题</p>
      <table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table><p>结尾</p></td></tr></table>
      <table><tr><td><p>只有一格的包裹表</p></td></tr></table>`;
    const doc = fromHtml(html);
    expect(doc.blocks.map((b: Block) => b.kind)).toEqual(['paragraph', 'table', 'paragraph', 'paragraph']);
    expect(texts(tables(doc)[0])).toEqual([['x', 'y'], ['1', '2']]);
    expect(tables(doc)[0].origin).toEqual({ element: 1 });
  });
});

describe('htmlToDocument: furniture', () => {
  it('reads the metadata table into meta and not into blocks', () => {
    const html = `<html><head><title>某区2023年政府信息公开工作年度报告_某区人民政府</title>
      <meta name="ArticleTitle" content="某区人民政府2023年政府信息公开工作年度报告"><meta name="PubDate" content="2024-01-20 09:00"><meta name="ContentSource" content="某区政府办"></head>
      <body><nav><a href="/">首页</a></nav>
      <table class="xxgk"><tr><td>索引号：</td><td>11320000-2024-00001</td><td>主题分类：</td><td>综合政务</td></tr>
      <tr><td>发布机构：</td><td>某区人民政府办公室</td><td>发文日期：</td><td>2024-01-18</td></tr></table>
      <p>正文第一段</p><footer>主办单位</footer></body></html>`;
    const doc = fromHtml(html);
    expect(doc.blocks).toHaveLength(1);
    expect(doc.meta).toMatchObject({ title: '某区人民政府2023年政府信息公开工作年度报告', agency: '某区人民政府办公室', published: '2024-01-18' });
  });

  it('reads a metadata list with labels and values in one line', () => {
    const doc = fromHtml('<ul class="info"><li>索引号：0001</li><li>发布机构：某局</li><li>成文日期：2024年1月5日</li></ul><p>正文</p>');
    expect(paragraphs(doc)).toEqual(['正文']);
    expect(doc.meta).toMatchObject({ agency: '某局', published: '2024年1月5日' });
  });

  it('falls back to <meta> tags and <title>', () => {
    const doc = fromHtml('<html><head><title>标题甲</title><meta name="pubdate" content="2024-02-01"></head><body><p>x</p></body></html>');
    expect(doc.meta).toMatchObject({ title: '标题甲', published: '2024-02-01' });
    expect(doc.meta.agency).toBeUndefined();
  });
});

describe('parseHtml: encodings', () => {
  const page = (meta: string) => `<html><head>${meta}<title>许昌市建安区</title></head><body><p>许昌市建安区小召乡人民政府政府信息公开工作年度报告</p><table><tr><td>自然人</td><td>总计</td></tr><tr><td>３</td><td>3</td></tr></table></body></html>`;

  it('decodes GBK declared as gb2312', async () => {
    const r = await parseHtml(iconv.encode(page('<meta charset="gb2312">'), 'gbk'));
    expect(paragraphs(r.value)[0]).toBe('许昌市建安区小召乡人民政府政府信息公开工作年度报告');
    expect(r.value.meta.encoding).toBe('gb18030');
    expect(texts(tables(r.value)[0])).toEqual([['自然人', '总计'], ['３', '3']]);
  });

  it('detects GBK without any charset', async () => {
    const r = await parseHtml(iconv.encode(page(''), 'gbk'));
    expect(paragraphs(r.value)[0]).toBe('许昌市建安区小召乡人民政府政府信息公开工作年度报告');
    expect(r.warnings.map((w) => w.code)).toContain('W_ENCODING_GUESSED');
  });

  it('detects GBK mislabelled utf-8 (meta and HTTP header)', async () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">'), 'gbk');
    for (const r of [await parseHtml(bytes), await parseHtml(bytes, { contentType: 'text/html; charset=UTF-8' })]) {
      expect(paragraphs(r.value)[0]).toBe('许昌市建安区小召乡人民政府政府信息公开工作年度报告');
      expect(r.warnings.map((w) => w.code)).toContain('W_ENCODING_MISMATCH');
    }
  });
});

if (!hasShared) it.skip('skipped: no ../shared corpus', () => {});
describe.skipIf(!hasShared)('real page: 上海市人民政府办公厅 2019 (HTML fragment)', () => {
  it.skipIf(!hasShared)('gives three faithful tables between the section headings', async () => {
    const bytes = readFileSync(`${SHARED}/real/2019年上海市人民政府办公厅政府信息公开工作年度报告.html`);
    const { value: doc } = await parseHtml(bytes);
    expect(doc.meta.published).toBe('2020-01-31');
    const ts = tables(doc);
    expect(ts.map((t) => [t.grid.length, t.grid[0].length])).toEqual([[18, 5], [26, 10], [4, 15]]);
    // Table 二: header spans (1,2,1) and data rows (2,1,1) after the label column.
    const t2 = ts[0];
    expect(t2.grid[5].map((c) => c.colSpan)).toEqual([1, 1, 2, 2, 1]);
    expect(t2.grid[6].map((c) => c.colSpan)).toEqual([1, 2, 2, 1, 1]);
    expect(t2.grid[6][0].text).toBe('行政许可');
    expect(t2.grid[1][1].text).toBe('本年新\n制作数量');
    expect(t2.grid[17][3].text).toBe('251000元');
    // Table 三: 三、本年度办理结果 spans 20 rows (2019 template), values in place.
    const t3 = ts[1];
    expect(t3.grid[5][0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 20, col: 0 });
    expect(t3.grid[3].slice(3).map((c) => c.text)).toEqual(['821', '35', '', '', '2', '1', '859']);
    expect(t3.grid[25].slice(3).map((c) => c.text)).toEqual(['72', '', '', '', '', '', '72']);
    const t4 = ts[2];
    expect(t4.grid[3].map((c) => c.text)).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
    const ti = doc.blocks.indexOf(t3);
    expect(doc.blocks[ti - 1]).toMatchObject({ kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' });
    expect(t3.origin.element).toBe(ti);
  });
});

describe('HTML-only fixtures', () => {
  const DIR = new URL('../fixtures/html/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as {
    cases: { name: string; file: string; encoding: string; meta?: Record<string, string> }[];
  };
  const TITLE = '示例市示例区示例镇人民政府2023年政府信息公开工作年度报告';

  for (const name of ['gbk-meta', 'gbk-nocharset', 'gbk-mislabelled']) {
    it(`${name}: decodes GBK and reads the three tables`, async () => {
      const c = manifest.cases.find((x) => x.name === name)!;
      const { value: doc } = await parseHtml(readFileSync(new URL(c.file, DIR)));
      expect(doc.meta.encoding).toBe(c.encoding);
      expect(doc.meta.title).toBe(TITLE);
      expect(paragraphs(doc)[0]).toBe(TITLE);
      expect(tables(doc).map((t) => [t.grid.length, t.grid[0].length])).toEqual([[14, 4], [28, 10], [4, 15]]);
      expect(tables(doc)[1].grid[9][2].text).toBe('3.危及“三安全一稳定”');
    });
  }

  it('furniture: metadata box into meta, no furniture blocks', async () => {
    const c = manifest.cases.find((x) => x.name === 'furniture')!;
    const { value: doc } = await parseHtml(readFileSync(new URL(c.file, DIR)));
    expect(doc.meta).toMatchObject(c.meta!);
    expect(tables(doc).map((t) => [t.grid.length, t.grid[0].length])).toEqual([[14, 4], [28, 10], [4, 15]]);
    const ps = paragraphs(doc);
    expect(ps[0]).toBe(c.meta!.title);
    expect(ps.at(-1)).toBe('2024年1月26日');
    for (const junk of ['索引号', '首页', '搜索', '主办单位', '_hmt', '分享到', '网站标识码', 'text-indent']) expect(ps.some((p) => p.includes(junk))).toBe(false);
  });
});
