// xxgk fetch's command line: usage errors (exit 2), --dry-run (prints, writes nothing), a URL list
// file, a host whose robots.txt answers 5xx (skipped this run), Crawl-delay honoured up to its cap.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/schema.js';
import { BIN, readJsonl, runCli } from '../cli/batch-helpers.js';
import { ROOT } from '../helpers.js';
import { FixtureServer, type Logged } from './server.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeBulkSite } from '../../scripts/fixtures/sites.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-fetch-cli-'));
const bulk = new FixtureServer('127.0.0.4');
const broken = new FixtureServer('127.0.0.5');
const slow = new FixtureServer('127.0.0.6');
const sluggish = new FixtureServer('127.0.0.7');
const paged = new FixtureServer('127.0.0.9');

beforeAll(async () => {
  await Promise.all([bulk.start(), broken.start(), slow.start(), sluggish.start(), paged.start()]);
  const twoPages = makeBulkSite(4, 740, 2).site as Record<string, { sequence?: object[] }>;
  twoPages['/nb/index_1.html'].sequence = [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }];
  paged.routes = twoPages as never;
  const site = makeBulkSite(3, 730).site as Record<string, { delayMs?: number }>;
  for (const [path, route] of Object.entries(site)) if (path.startsWith('/nb/r')) route.delayMs = 150;
  sluggish.routes = site as never;
  bulk.routes = makeBulkSite(3, 700).site;
  broken.routes = { ...makeBulkSite(2, 710).site, '/robots.txt': { body: 'oops', status: 500, validators: 'none' } };
  slow.routes = { ...makeBulkSite(3, 720).site, '/robots.txt': { body: 'User-agent: *\nCrawl-delay: 100\n', type: 'text/plain', validators: 'none' } };
});
afterAll(async () => {
  await Promise.all([bulk.stop(), broken.stop(), slow.stop(), sluggish.stop(), paged.stop()]);
  rmSync(tmp, { recursive: true, force: true });
});

function runWithStdout(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const gaps = (log: Logged[]) => log.slice(1).map((e, i) => e.at - log[i].at);

describe('xxgk fetch command line', () => {
  it('exits 2 on usage errors', async () => {
    const out = join(tmp, 'usage');
    expect((await runCli(['fetch', '-o', out])).code).toBe(2);
    expect((await runCli(['fetch', 'ftp://a.gov.cn/x', '-o', out])).code).toBe(2);
    writeFileSync(join(tmp, 'bad.json'), '{"sites": [{"kind": "trs"}]}');
    const bad = await runCli(['fetch', '--sites', join(tmp, 'bad.json'), '-o', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/url/);
    expect((await runCli(['fetch', `${bulk.origin}/nb/index.html`, '-o', out, '--delay', '0'])).code).toBe(2);
    // A folder another live run holds (an overlapping cron job).
    const locked = join(tmp, 'locked');
    mkdirSync(locked, { recursive: true });
    writeFileSync(join(locked, '.xxgk.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
    const held = await runCli(['fetch', `${bulk.origin}/nb/index.html`, '-o', locked]);
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/another xxgk run/);
  });

  it('--dry-run prints the reports it would download and writes nothing', async () => {
    const out = join(tmp, 'dry');
    const before = bulk.log.length;
    const run = await runWithStdout(['fetch', `${bulk.origin}/nb/index.html`, '-o', out, '--dry-run', '--delay', '0.02']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([700, 701, 702].map((s) => `${bulk.origin}/nb/r${s}.html`));
    expect(run.stderr).toMatch(/fetch --dry-run: 2 requests; would download 3; failed 0/);
    expect(bulk.log.slice(before).map((e) => e.path)).toEqual(['/robots.txt', '/nb/index.html']);
    expect(existsSync(out)).toBe(false);
  });

  it('reads a --list file; skips a host whose robots.txt answers 5xx, and exits 1 for it', async () => {
    const out = join(tmp, 'list');
    const list = join(tmp, 'urls.txt');
    writeFileSync(list, `${bulk.origin}/nb/index.html\n${broken.origin}/nb/index.html\n`);
    const run = await runCli(['fetch', '--list', list, '-o', out, '--delay', '0.02', '--jobs', '1']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`cannot read ${broken.origin}/nb/index.html: E_ROBOTS`));
    expect(readJsonl<Report>(join(out, 'reports.jsonl')).map((r) => r.source.path).sort()).toEqual([700, 701, 702].map((s) => `${bulk.origin}/nb/r${s}.html`));
    // robots.txt answered 500 (and its retries); nothing else was asked of that host.
    expect(new Set(broken.log.map((e) => e.path))).toEqual(new Set(['/robots.txt']));
  });

  it('honours a robots.txt Crawl-delay up to --max-crawl-delay', async () => {
    const out = join(tmp, 'crawl-delay');
    const run = await runCli(['fetch', `${slow.origin}/nb/index.html`, '-o', out, '--delay', '0.02', '--max-crawl-delay', '0.3', '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
    const after = gaps(slow.log.filter((e) => e.path !== '/robots.txt'));
    expect(after.length).toBe(3);
    for (const gap of after) {
      expect(gap).toBeGreaterThanOrEqual(240);
      expect(gap).toBeLessThan(2000);
    }
  });

  it('slows down for a slow server: twice its last response time after the response', async () => {
    const out = join(tmp, 'sluggish');
    const run = await runCli(['fetch', `${sluggish.origin}/nb/index.html`, '-o', out, '--delay', '0.02', '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
    const reports = sluggish.log.filter((e) => e.path.startsWith('/nb/r'));
    expect(reports.length).toBe(3);
    // Each report takes 150 ms to answer, so the next request waits 2 × 150 ms after it.
    for (const gap of gaps(reports)) expect(gap).toBeGreaterThanOrEqual(150 + 300 - 10);
  });

  it('reads again next run a column page that failed, though the page before it brings nothing new', async () => {
    const out = join(tmp, 'paged');
    const args = ['fetch', `${paged.origin}/nb/index.html`, '-o', out, '--delay', '0.02', '--jobs', '1'];
    const first = await runCli(args);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/cannot read .*index_1\.html: E_HTTP/);
    expect(readJsonl<Report>(join(out, 'reports.jsonl')).length).toBe(2);
    const second = await runCli(args);
    expect(second.code, second.stderr).toBe(0);
    expect(readJsonl<Report>(join(out, 'reports.jsonl')).map((r) => r.source.path).sort()).toEqual([740, 741, 742, 743].map((s) => `${paged.origin}/nb/r${s}.html`));
  });

  it('follows links to other hosts only with --allow-host', async () => {
    const home = new FixtureServer('127.0.0.10');
    const files = new FixtureServer('127.0.0.11');
    await Promise.all([home.start(), files.start()]);
    try {
      const reports = makeBulkSite(1, 750).site as Record<string, object>;
      files.routes = reports as never;
      home.routes = {
        '/robots.txt': reports['/robots.txt'],
        '/nb/index.html': { body: `<a href="${files.origin}/nb/r750.html">示例县2023年政府信息公开工作年度报告</a>`, type: 'text/html; charset=utf-8', validators: 'etag' },
      } as never;
      const alone = await runCli(['fetch', `${home.origin}/nb/index.html`, '-o', join(tmp, 'alone'), '--delay', '0.02', '--jobs', '1']);
      expect(alone.code, alone.stderr).toBe(0);
      expect(files.log).toEqual([]);
      const widened = await runCli(['fetch', `${home.origin}/nb/index.html`, '-o', join(tmp, 'widened'), '--delay', '0.02', '--jobs', '1', '--allow-host', '127.0.0.11']);
      expect(widened.code, widened.stderr).toBe(0);
      expect(readJsonl<Report>(join(tmp, 'widened', 'reports.jsonl')).map((r) => r.source.path)).toEqual([`${files.origin}/nb/r750.html`]);
    } finally {
      await Promise.all([home.stop(), files.stop()]);
    }
  });

  it('gives a site of --sites its own delay', async () => {
    const sites = join(tmp, 'delay.json');
    writeFileSync(sites, JSON.stringify([{ url: `${bulk.origin}/nb/index.html`, delay: 0.3 }]));
    const before = bulk.log.length;
    const run = await runCli(['fetch', '--sites', sites, '-o', join(tmp, 'site-delay'), '--delay', '0.02', '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
    const log = bulk.log.slice(before);
    expect(log.length).toBe(5); // robots.txt, the column, three reports
    for (const gap of gaps(log)) expect(gap).toBeGreaterThanOrEqual(300 * 0.8);
  });
});
