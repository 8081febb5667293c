// The fetch building blocks on their own: host patterns and schemes, Content-Disposition names,
// Retry-After, page reading (links, report pages, pagination of each CMS, list endpoints, page
// meta, anti-bot walls), and the fetch ledger across a torn write and --retry-failed.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { dispositionFileName, storedExtension } from '../../src/fetch/content.js';
import { attachmentLinks, readGkmlptJson, readHanwebXml, readPage, reportLinks } from '../../src/fetch/discover.js';
import { retryAfterMs } from '../../src/fetch/fetcher.js';
import { HostPolicy, hostMatches, webUrl } from '../../src/fetch/policy.js';
import { loadSites, SitesError } from '../../src/fetch/sites.js';
import { FetchState, FETCH_STATE, type FetchEntry } from '../../src/output/fetch-state.js';
import { FIXTURES } from '../helpers.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec, reportHtml } from '../../scripts/fixtures/report.mjs';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { hanwebXml } from '../../scripts/fixtures/sites.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-fetch-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('URL policy', () => {
  it('takes http and https only, without fragments', () => {
    expect(webUrl('ftp://a.gov.cn/x')).toBeUndefined();
    expect(webUrl('javascript:void(0)', 'http://a.gov.cn/')).toBeUndefined();
    expect(webUrl('mailto:x@a.gov.cn')).toBeUndefined();
    expect(webUrl('../b/c.html#top', 'http://a.gov.cn/x/y/index.html')?.href).toBe('http://a.gov.cn/x/b/c.html');
  });

  it('allows the start host and --allow-host patterns only', () => {
    expect(hostMatches('*.gov.cn', 'www.sz.gov.cn')).toBe(true);
    expect(hostMatches('*.gov.cn', 'gov.cn.evil.com')).toBe(false);
    expect(hostMatches('*.gov.cn', 'gov.cn')).toBe(false);
    const policy = new HostPolicy(new URL('http://www.a.gov.cn/gknb/'), ['files.b.gov.cn']);
    expect(policy.allows(new URL('https://www.a.gov.cn/x.pdf'))).toBe(true);
    expect(policy.allows(new URL('http://files.b.gov.cn/x.pdf'))).toBe(true);
    expect(policy.allows(new URL('http://c.gov.cn/x.pdf'))).toBe(false);
  });
});

describe('downloads', () => {
  it('reads Content-Disposition names in UTF-8 (RFC 5987), raw GBK and raw UTF-8 bytes, and percent-encoding', () => {
    const name = '示例县2023年政府信息公开工作年度报告.pdf';
    expect(dispositionFileName(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`)).toBe(name);
    expect(dispositionFileName(`attachment; filename="${iconv.encode(name, 'gbk').toString('latin1')}"`)).toBe(name);
    expect(dispositionFileName(`attachment; filename="${Buffer.from(name).toString('latin1')}"`)).toBe(name);
    expect(dispositionFileName(`attachment; filename=${encodeURIComponent(name)}`)).toBe(name);
    expect(dispositionFileName('inline')).toBeUndefined();
  });

  it('stores bytes under the extension their content shows', () => {
    const pdf = readFileSync(join(FIXTURES, 'pdf', 'report.pdf'));
    expect(storedExtension(pdf, 'a.doc', 'application/octet-stream')).toBe('pdf');
    expect(storedExtension(readFileSync(join(FIXTURES, 'docx', 'template-full.docx')), undefined, undefined)).toBe('docx');
    expect(storedExtension(readFileSync(join(FIXTURES, 'docx', 'legacy.doc')), '年报.wps', undefined)).toBe('wps');
    expect(storedExtension(Buffer.from(reportHtml(makeSpec(1))), undefined, 'text/html')).toBe('html');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    const date = retryAfterMs(new Date(Date.now() + 10_000).toUTCString())!;
    expect(date).toBeGreaterThan(8000);
    expect(date).toBeLessThanOrEqual(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('reading pages', () => {
  const base = new URL('http://www.a.gov.cn/zfxxgk/gknb/index.html');

  it('finds report links by their title and a report page by its tables', () => {
    const page = readPage(
      '<ul><li><a href="t1.html" title="示例县2023年政府信息公开工作年度报告">示例县2023年政府信息公开工作年度…</a></li><li><a href="t2.html">示例县政务公开年报（2022年）</a></li><li><a href="t3.html">关于开展政务公开培训的通知</a></li></ul>',
      base,
    );
    expect(reportLinks(page).map((l) => l.url)).toEqual(['http://www.a.gov.cn/zfxxgk/gknb/t1.html', 'http://www.a.gov.cn/zfxxgk/gknb/t2.html']);
    expect(reportLinks(page, /通知/).map((l) => l.url)).toEqual(['http://www.a.gov.cn/zfxxgk/gknb/t3.html']);
    expect(page.isReport).toBe(false);
    expect(readPage(reportHtml(makeSpec(3)), base).isReport).toBe(true);
  });

  it('follows TRS createPageHTML to the next index_N page and stops at the last', () => {
    expect(readPage('<script>createPageHTML(3, 0, "index", "shtml");</script>', base).next).toEqual(['http://www.a.gov.cn/zfxxgk/gknb/index_1.shtml']);
    expect(readPage('<script>createPageHTML(3, 1, "index", "shtml");</script>', base).next).toEqual(['http://www.a.gov.cn/zfxxgk/gknb/index_2.shtml']);
    expect(readPage('<script>createPageHTML(3, 2, "index", "shtml");</script>', base).next).toEqual([]);
    expect(readPage('<script>var countPage = 2; var currentPage = 0;</script>', base).next).toEqual(['http://www.a.gov.cn/zfxxgk/gknb/index_1.html']);
  });

  it('follows 下一页 links and ?page=N', () => {
    expect(readPage('<a href="list?page=2">下一页</a><a href="list?page=9">尾页</a>', base).next).toEqual(['http://www.a.gov.cn/zfxxgk/gknb/list?page=2']);
    const paged = new URL('http://www.a.gov.cn/list.jsp?cat_id=7&cur_page=2');
    expect(readPage('<a href="list.jsp?cat_id=7&cur_page=1">1</a><a href="list.jsp?cat_id=7&cur_page=3">3</a>', paged).next).toEqual(['http://www.a.gov.cn/list.jsp?cat_id=7&cur_page=3']);
  });

  it('reads a Hanweb column: embedded records, the dataproxy endpoint after them, its XML pages', () => {
    const records = [1, 2, 3, 4, 5].map((i) => ({ href: `/art/2024/1/${i}/art_9_${i}.html`, title: `示例市第${i}局2023年政府信息公开工作年度报告`, date: '2024-01-01' }));
    const column = new URL('http://www.b.gov.cn/col/col9/index.html');
    const html = `<div id="1"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=2&path=/&columnid=9&unitid=88&webname=x&permissiontype=0"></a>]]></nextgroup><recordset>${hanwebXml(records, 1, 2).match(/<record>[\s\S]*?<\/record>/g).join('')}</recordset><totalrecord>5</totalrecord></datastore></script><script>perpage:1</script></div>`;
    const page = readPage(html, column);
    expect(reportLinks(page).map((l) => new URL(l.url).pathname)).toEqual(['/art/2024/1/1/art_9_1.html', '/art/2024/1/2/art_9_2.html']);
    const endpoint = new URL(page.next[0]);
    expect(endpoint.pathname).toBe('/module/web/jpage/dataproxy.jsp');
    expect(Object.fromEntries(['startrecord', 'endrecord', 'perpage', 'columnid', 'unitid', 'webid', 'appid'].map((k) => [k, endpoint.searchParams.get(k)]))).toEqual({
      startrecord: '3', endrecord: '5', perpage: '1', columnid: '9', unitid: '88', webid: '2', appid: '1',
    });
    const first = readHanwebXml(hanwebXml(records, 3, 5), endpoint);
    expect(first.links.map((l) => new URL(l.url).pathname)).toEqual(['/art/2024/1/3/art_9_3.html', '/art/2024/1/4/art_9_4.html', '/art/2024/1/5/art_9_5.html']);
    expect(first.next).toEqual([]);
    const longer = readHanwebXml(hanwebXml([...records, ...records, ...records], 3, 5), endpoint);
    expect(new URL(longer.next[0]).searchParams.get('startrecord')).toBe('6');
  });

  it('reads a gkmlpt column: the API from window._CONFIG and the column in the fragment, JSON pages', () => {
    const page = readPage("<script>window._CONFIG = { SID: 'abc' };</script>", new URL('http://www.c.gov.cn/gkmlpt/index'), '#963');
    expect(page.next).toEqual(['http://www.c.gov.cn/gkmlpt/api/all/963?page=1&sid=abc']);
    const api = new URL(page.next[0]);
    const read = readGkmlptJson(JSON.stringify({ articles: [{ title: '示例区2023年政府信息公开工作年度报告', url: 'http://www.c.gov.cn/gkmlpt/content/0/1/post_1.html' }], total: 2 }), api);
    expect(read.links).toEqual([{ url: 'http://www.c.gov.cn/gkmlpt/content/0/1/post_1.html', title: '示例区2023年政府信息公开工作年度报告' }]);
    expect(read.next).toEqual(['http://www.c.gov.cn/gkmlpt/api/all/963?page=2&sid=abc']);
    expect(readGkmlptJson('{"articles":[],"total":2}', api).next).toEqual([]);
  });

  it('reads a detail page: its attachments and 发布日期 / 发布机构 / 索引号', () => {
    const page = readPage(
      '<title>示例</title><table><tr><td>索引号：</td><td>11440300/2024-00012</td><td>发布机构：</td><td>示例区统计局</td></tr><tr><td>发布日期：</td><td>2024年1月9日</td></tr></table>' +
        '<div id="zoom"><a href="/attach/0/P0202401.pdf">示例区统计局2023年政府信息公开工作年度报告.pdf</a><a href="/module/download/downfile.jsp?filename=x.doc">附件2</a><a href="/">首页</a></div>',
      base,
    );
    expect(attachmentLinks(page).map((l) => new URL(l.url).pathname)).toEqual(['/attach/0/P0202401.pdf', '/module/download/downfile.jsp']);
    expect(page.meta).toEqual({ title: '示例', published: '2024-01-09', publisher: '示例区统计局', indexNumber: '11440300/2024-00012' });
  });

  it('knows a captcha or JavaScript challenge page, and not a short column page', () => {
    expect(readPage('<p>请输入验证码</p><img src="/captcha.jpg">', base).blocked).toMatch(/anti-bot/);
    expect(readPage('<script>var $_ts=window["$_ts"];</script><script>document.cookie="x";location.reload()</script>', base).blocked).toMatch(/anti-bot/);
    expect(readPage('<a href="t.html">示例县2023年政府信息公开工作年度报告</a><a href="/yzm">验证码登录</a>', base).blocked).toBeUndefined();
  });
});

describe('sites', () => {
  it('reads URLs, a list file and a sites file, and refuses what it cannot use', async () => {
    const list = join(tmp, 'list.txt');
    const sitesFile = join(tmp, 'sites.json');
    appendFileSync(list, 'http://a.gov.cn/gknb/\n# a comment\n\nhttps://b.gov.cn/col/col1/index.html\n');
    appendFileSync(sitesFile, JSON.stringify([{ url: 'http://c.gov.cn/gkmlpt/index#5', kind: 'gkmlpt', allowHosts: ['*.c.gov.cn'], delay: 3 }]));
    const sites = await loadSites(['http://d.gov.cn/x.pdf'], { list, sites: sitesFile });
    expect(sites.map((s) => [s.url, s.kind, s.delay])).toEqual([
      ['http://d.gov.cn/x.pdf', 'auto', undefined],
      ['http://a.gov.cn/gknb/', 'auto', undefined],
      ['https://b.gov.cn/col/col1/index.html', 'auto', undefined],
      ['http://c.gov.cn/gkmlpt/index#5', 'gkmlpt', 3],
    ]);
    await expect(loadSites(['ftp://a.gov.cn/'], {})).rejects.toThrow(SitesError);
    await expect(loadSites([], { sites: list })).rejects.toThrow(SitesError);
    await expect(loadSites([], { list: join(tmp, 'missing.txt') })).rejects.toThrow(SitesError);
  });
});

describe('the fetch ledger', () => {
  const entry = (url: string, status: 'ok' | 'failed'): FetchEntry => ({ url, role: 'page', status, firstSeen: 't', lastSeen: 't', ...(status === 'failed' ? { code: 'E_HTTP' as const, message: 'HTTP 404' } : { sha256: 'a'.repeat(64), ext: 'html' }) });

  it('keeps committed entries, drops a torn tail, forgets failures with --retry-failed', async () => {
    const dir = join(tmp, 'ledger');
    mkdirSync(dir, { recursive: true });
    let state = await FetchState.open(dir);
    state.set(entry('http://a/1', 'ok'));
    state.set(entry('http://a/2', 'failed'));
    await state.commit();
    state.set(entry('http://a/3', 'ok')); // never committed
    await state.close();
    appendFileSync(join(dir, FETCH_STATE), '{"url":"http://a/4","ro');
    state = await FetchState.open(dir);
    expect([...state.all()].map((e) => [e.url, e.status])).toEqual([
      ['http://a/1', 'ok'],
      ['http://a/2', 'failed'],
    ]);
    await state.close();
    expect(readFileSync(join(dir, FETCH_STATE), 'utf8').endsWith('}}\n')).toBe(true);
    state = await FetchState.open(dir, { retryFailed: true });
    expect([...state.all()].map((e) => e.url)).toEqual(['http://a/1']);
    await state.close();
  });
});

describe('records written before fetch', () => {
  it('read with source.finalUrl, fetchedAt and page as null', async () => {
    const { parseBytes } = await import('../../src/pipeline.js');
    const { Report } = await import('../../src/schema.js');
    const record = JSON.parse(JSON.stringify(await parseBytes(Buffer.from(reportHtml(makeSpec(5))), { path: 'old.html' })));
    for (const key of ['finalUrl', 'fetchedAt', 'page']) delete record.source[key];
    const read = Report.parse(record);
    expect([read.source.finalUrl, read.source.fetchedAt, read.source.page]).toEqual([null, null, null]);
  });
});
