// xxgk fetch killed (SIGKILL to its process group) in the middle of a crawl, then run again into
// the same folder: every report recorded once and right, every file in raw/ whole.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/schema.js';
import { readJsonl, runCli, startCli, wrongCells } from '../cli/batch-helpers.js';
import { FixtureServer } from './server.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec } from '../../scripts/fixtures/report.mjs';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeBulkSite } from '../../scripts/fixtures/sites.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-fetch-kill-'));
const out = join(tmp, 'out');
const server = new FixtureServer('127.0.0.3');
const { site, seeds } = makeBulkSite(40) as { site: object; seeds: number[] };

beforeAll(async () => {
  await server.start();
  server.routes = site as never;
});
afterAll(async () => {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** Files in raw/ that are not whole: a name whose bytes do not hash to it. */
function damaged(): string[] {
  const dir = join(out, 'raw');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => {
    if (name.endsWith('.part')) return false;
    return createHash('sha256').update(readFileSync(join(dir, name))).digest('hex') !== name.split('.')[0];
  });
}

describe('a killed fetch, run again', () => {
  it('records every report once, with no partial file in raw/', async () => {
    const args = ['fetch', `${server.origin}/nb/index.html`, '-o', out, '--delay', '0.05', '--jobs', '2', '-q'];
    const first = startCli(args);
    const reports = () => server.log.filter((e) => e.path.startsWith('/nb/r') && e.status === 200).length;
    // Kill once some reports are committed to the fetch ledger, well before the end.
    const committed = () => existsSync(join(out, 'fetch-state.jsonl')) && readFileSync(join(out, 'fetch-state.jsonl'), 'utf8').includes('"commit"');
    for (let i = 0; i < 800 && (reports() < 15 || !committed()) && first.child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
    expect(first.child.exitCode, 'the fetch ended before it could be killed').toBeNull();
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.done;
    expect(reports()).toBeLessThan(seeds.length);
    expect(damaged()).toEqual([]);

    const downloadedBefore = reports();
    const second = await runCli(args);
    expect(second.code, second.stderr.slice(-2000)).toBe(0);
    // Reports committed before the kill are not downloaded again.
    expect(reports()).toBeLessThan(downloadedBefore + seeds.length);
    const records = readJsonl<Report>(join(out, 'reports.jsonl'));
    const paths = records.map((r) => r.source.path);
    expect(paths.length).toBe(new Set(paths).size);
    expect(new Set(paths)).toEqual(new Set(seeds.map((s) => `${server.origin}/nb/r${s}.html`)));
    for (const record of records) {
      const seed = Number(/r(\d+)\.html$/.exec(record.source.path)![1]);
      expect(wrongCells(record, makeSpec(seed).expected), record.source.path).toEqual([]);
    }
    expect(readJsonl(join(out, 'failures.jsonl'))).toEqual([]);
    const raw = readdirSync(join(out, 'raw'));
    expect(raw.filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(raw.length).toBe(seeds.length);
    expect(damaged()).toEqual([]);
    expect(readdirSync(out).filter((n) => n.endsWith('.json')).length).toBe(seeds.length);
  }, 90_000);

  it('parses from raw/ what the fetch ledger has and the manifest lacks; downloads again a file gone from raw/', async () => {
    // The window between the two ledgers' commits: fetch-state.jsonl and raw/ without the parse outputs.
    const resumed = join(tmp, 'resumed');
    mkdirSync(join(resumed, 'raw'), { recursive: true });
    copyFileSync(join(out, 'fetch-state.jsonl'), join(resumed, 'fetch-state.jsonl'));
    for (const name of readdirSync(join(out, 'raw'))) copyFileSync(join(out, 'raw', name), join(resumed, 'raw', name));
    const gone = `${server.origin}/nb/r${seeds[7]}.html`;
    const goneEntry = readJsonl<{ url?: string; sha256?: string; ext?: string }>(join(out, 'fetch-state.jsonl')).filter((e) => e.url === gone).pop()!;
    rmSync(join(resumed, 'raw', `${goneEntry.sha256}.${goneEntry.ext}`));
    const before = server.log.length;
    const run = await runCli(['fetch', `${server.origin}/nb/index.html`, '-o', resumed, '--delay', '0.02', '--jobs', '2', '-q']);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const records = readJsonl<Report>(join(resumed, 'reports.jsonl'));
    expect(records.map((r) => r.source.path).sort()).toEqual(seeds.map((s) => `${server.origin}/nb/r${s}.html`).sort());
    const downloads = server.log.slice(before).filter((e) => e.status === 200 && e.path !== '/robots.txt');
    expect(downloads.map((e) => e.path)).toEqual([`/nb/r${seeds[7]}.html`]);
    expect(readdirSync(join(resumed, 'raw')).length).toBe(seeds.length);
  }, 90_000);
});
