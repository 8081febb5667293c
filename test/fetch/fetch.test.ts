// xxgk fetch against two local fixture hosts (a TRS-style GBK column with two pages and every kind
// of trouble, a Hanweb column with its XML endpoint and a gkmlpt column with its JSON API): each
// report parsed right once, the refused and failed ones recorded with their codes, politeness
// read from the servers' request logs, and reruns that download nothing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchEntry } from '../../src/output/fetch-state.js';
import type { Failure, Report } from '../../src/schema.js';
import { readJsonl, runCli, wrongCells } from '../cli/batch-helpers.js';
import { FIXTURES } from '../helpers.js';
import { FixtureServer, type Logged } from './server.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec } from '../../scripts/fixtures/report.mjs';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSites } from '../../scripts/fixtures/sites.mjs';

interface Expected {
  seed: number;
  finalUrl: string;
  fileName?: string;
  page?: { url: string; published: string; publisher: string; indexNumber: string };
}

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-fetch-'));
const out = join(tmp, 'out');
const sitesFile = join(tmp, 'sites.json');
const a = new FixtureServer('127.0.0.1');
const b = new FixtureServer('127.0.0.2');
const files = { pdf: readFileSync(join(FIXTURES, 'pdf', 'report.pdf')), docx: readFileSync(join(FIXTURES, 'docx', 'template-full.docx')) };
let sites: { hosts: { a: object; b: object }; starts: object[]; expected: Record<string, Expected>; failures: Record<string, string> };
const DELAY_MS = 50;
const ARGS = ['--sites', sitesFile, '-o', out, '--delay', String(DELAY_MS / 1000), '--http-timeout', '0.5', '--max-size', '1', '--jobs', '2', '--contact', 'ops@example.org'];

beforeAll(async () => {
  await a.start();
  await b.start();
  sites = makeSites({ a: a.origin, b: b.origin }, files);
  a.routes = sites.hosts.a as never;
  b.routes = sites.hosts.b as never;
  writeFileSync(sitesFile, JSON.stringify(sites.starts));
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  rmSync(tmp, { recursive: true, force: true });
});

const reports = () => readJsonl<Report>(join(out, 'reports.jsonl'));
const failures = () => readJsonl<Failure>(join(out, 'failures.jsonl'));
const state = () => {
  const latest = new Map<string, FetchEntry>();
  for (const line of readJsonl<FetchEntry & { commit?: object }>(join(out, 'fetch-state.jsonl'))) if (!line.commit) latest.set(line.url, line);
  return latest;
};
const logSince = (marks: [number, number]) => [...a.log.slice(marks[0]), ...b.log.slice(marks[1])];
const marks = (): [number, number] => [a.log.length, b.log.length];

function checkReports(expected: Record<string, Expected>): void {
  const byPath = new Map(reports().map((r) => [r.source.path, r]));
  expect([...byPath.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [url, want] of Object.entries(expected)) {
    const report = byPath.get(url)!;
    expect(wrongCells(report, makeSpec(want.seed).expected), url).toEqual([]);
    expect(report.source.finalUrl, url).toBe(want.finalUrl);
    expect(report.source.fetchedAt, url).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    if (want.page) expect(report.source.page, url).toEqual({ ...want.page, title: expect.stringContaining('政府信息公开') });
    else expect(report.source.page, url).toBeNull();
  }
}

/** The least and the mean gap between arrivals. */
function spacing(log: Logged[]): { least: number; mean: number } {
  const times = log.map((e) => e.at).sort((x, y) => x - y);
  let least = Infinity;
  for (let i = 1; i < times.length; i++) least = Math.min(least, times[i] - times[i - 1]);
  return { least, mean: (times[times.length - 1] - times[0]) / (times.length - 1) };
}

describe('xxgk fetch', () => {
  let firstRun: Logged[] = [];

  it('parses every report once, right cell by cell, and records the refused and failed URLs with their codes', async () => {
    const before = marks();
    const run = await runCli(['fetch', ...ARGS]);
    firstRun = logSince(before);
    expect(run.code, run.stderr).toBe(1);
    checkReports(sites.expected);
    const failed = new Map(failures().map((f) => [f.path, f.code]));
    expect(Object.fromEntries(failed)).toEqual(sites.failures);
    // One summary line with the counts.
    const summary = run.stderr.split('\n').filter((l) => l.startsWith('fetch: '));
    expect(summary.length).toBe(1);
    expect(summary[0]).toMatch(/not modified 0; new files 10; parsed 10; failed 7 \(/);
    expect(summary[0]).toMatch(/E_BLOCKED 2, E_REDIRECT 2, E_ROBOTS 1, E_TIMEOUT 1, E_TOO_LARGE 1/);

    // The output folder is a parse output folder, plus raw/ and the fetch ledger.
    const csv = readFileSync(join(out, 'reports.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(csv.length).toBe(reports().length + 1);
    expect(readdirSync(out).filter((n) => n.endsWith('.json')).length).toBe(reports().length);
    expect(existsSync(join(out, 'manifest.jsonl'))).toBe(true);
    const raw = readdirSync(join(out, 'raw'));
    expect(raw.every((n) => /^[0-9a-f]{64}\.(html|pdf|docx)$/.test(n)), raw.join(' ')).toBe(true);
    expect(raw.length).toBe(10);
    const known = state();
    const pdf = known.get(`${a.origin}/module/download/downfile.jsp?classid=0&filename=a1.pdf`)!;
    const docx = known.get(`${a.origin}/download?id=7`)!;
    expect([pdf.fileName, pdf.ext, docx.fileName, docx.ext]).toEqual(['示例镇2023年政府信息公开年报.pdf', 'pdf', '示例区2023年政府信息公开工作年度报告.docx', 'docx']);
    expect(known.get(`${a.origin}/gknb/202401/t20240118_101.html`)!.from).toBe(`${a.origin}/gknb/index.html`);
    // The TRS report page is GBK without a charset anywhere: decoded from its bytes.
    expect(reports().find((r) => r.source.path.endsWith('t20240118_101.html'))!.source.encoding).toBe('gb18030');
  });

  it('asked politely: robots.txt first, nothing it disallows, a named User-Agent, nothing off-site', () => {
    for (const host of ['127.0.0.1', '127.0.0.2']) expect(firstRun.find((e) => e.host === host)?.path).toBe('/robots.txt');
    expect(firstRun.some((e) => e.path.startsWith('/private/'))).toBe(false);
    expect(firstRun.every((e) => /^xxgk\/\d+\.\d+\.\d+ \(\+ops@example\.org/.test(e.userAgent))).toBe(true);
    // The loop was cut when it came round, the redirect to another host never followed.
    expect(firstRun.filter((e) => e.path.startsWith('/gknb/loop')).length).toBe(2);
    expect(firstRun.filter((e) => e.path === '/gknb/away.html').length).toBe(1);
  });

  it('retries a 500 after a back-off, waits out a Retry-After, and does not retry a timeout or a 4xx', () => {
    const flaky = firstRun.filter((e) => e.path === '/gknb/flaky.html');
    expect(flaky.map((e) => e.status)).toEqual([500, 200]);
    expect(flaky[1].at - flaky[0].at).toBeGreaterThanOrEqual(2 * DELAY_MS);
    const busy = firstRun.filter((e) => e.path === '/gknb/busy.html');
    expect(busy.map((e) => e.status)).toEqual([429, 200]);
    expect(busy[1].at - busy[0].at).toBeGreaterThanOrEqual(1000);
    expect(firstRun.filter((e) => e.path === '/gknb/slow.html').length).toBe(1);
    expect(firstRun.filter((e) => e.path === '/gknb/huge.pdf').length).toBe(1);
    // The Hanweb endpoint was asked for the records after the three the page embeds.
    expect(firstRun.filter((e) => e.path.startsWith('/module/web/jpage/dataproxy.jsp')).map((e) => new URL(e.path, b.origin).searchParams.get('startrecord'))).toEqual(['4']);
  });

  it('keeps the per-host interval and fetches two hosts in parallel', () => {
    // Arrival times at the server carry each connection's jitter (a new connection arrives later
    // than a reused one, more so on a loaded machine): a late arrival shortens the gap after it as
    // much as it lengthens the one before. So the mean gap holds the interval, and no single gap
    // comes near the few ms that gaps are without it.
    for (const host of ['127.0.0.1', '127.0.0.2']) {
      const { least, mean } = spacing(firstRun.filter((e) => e.host === host));
      expect(mean).toBeGreaterThanOrEqual(DELAY_MS * 0.9);
      expect(least).toBeGreaterThanOrEqual(DELAY_MS * 0.5);
    }
    // While host a waited out its Retry-After, host b was being fetched.
    const onA = firstRun.filter((e) => e.host === '127.0.0.1');
    const onB = firstRun.filter((e) => e.host === '127.0.0.2');
    const overlap = onB.filter((e) => e.at > onA[0].at && e.at < onA[onA.length - 1].at);
    expect(overlap.length).toBeGreaterThanOrEqual(3);
  });

  it('a second run against unchanged sites downloads and parses nothing: only robots.txt and 304s', async () => {
    const before = marks();
    const snapshot = ['reports.jsonl', 'reports.csv', 'failures.jsonl'].map((n) => readFileSync(join(out, n), 'utf8'));
    const run = await runCli(['fetch', ...ARGS]);
    expect(run.code, run.stderr).toBe(1); // the failures of the first run still stand
    // Page 1 of the TRS column is unchanged, so its failed links (4) are skipped and page 2 is not read.
    const log = logSince(before);
    const unexpected = log.filter((e) => !(e.path === '/robots.txt' || (e.conditional && e.status === 304)));
    expect(unexpected).toEqual([]);
    expect(log.filter((e) => e.status === 304).length).toBeGreaterThanOrEqual(8);
    expect(run.stderr).toMatch(/new files 0; parsed 0; failed 0 \(none\); skipped 4 already recorded \(4 failed earlier/);
    expect(['reports.jsonl', 'reports.csv', 'failures.jsonl'].map((n) => readFileSync(join(out, n), 'utf8'))).toEqual(snapshot);
  });

  it('a site that adds one report gives exactly one new record', async () => {
    const added = makeSites({ a: a.origin, b: b.origin }, files, { added: true });
    a.routes = added.hosts.a as never;
    const before = marks();
    const count = reports().length;
    const run = await runCli(['fetch', ...ARGS]);
    expect(run.code, run.stderr).toBe(1);
    expect(reports().length).toBe(count + 1);
    checkReports(added.expected);
    const downloads = logSince(before).filter((e) => e.status === 200 && e.path !== '/robots.txt');
    expect(downloads.map((e) => e.path).sort()).toEqual(['/gknb/202402/t20240201_109.html', '/gknb/index.html']);
    expect(run.stderr).toMatch(/new files 1; parsed 1;/);
  });

  it('--retry-failed tries the failed URLs again; one that recovered is parsed, the rest fail again', async () => {
    const recovered = makeSites({ a: a.origin, b: b.origin }, files, { added: true });
    (recovered.hosts.a as Record<string, object>)['/gknb/captcha.html'] = (recovered.hosts.a as Record<string, object>)['/gknb/202402/t20240201_109.html'];
    a.routes = recovered.hosts.a as never;
    const run = await runCli(['fetch', ...ARGS, '--retry-failed']);
    expect(run.code, run.stderr).toBe(1);
    const { [`${a.origin}/gknb/captcha.html`]: blocked, ...stillFailing } = sites.failures;
    expect(blocked).toBe('E_BLOCKED');
    expect(Object.fromEntries(failures().map((f) => [f.path, f.code]))).toEqual(stillFailing);
    expect(reports().filter((r) => r.source.path === `${a.origin}/gknb/captcha.html`).length).toBe(1);
  });
});
