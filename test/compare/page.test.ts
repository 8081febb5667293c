// compare.html in a real browser: Debian's chromium driven by playwright-core (never a downloaded
// browser). Loads from a file with no console error and no network request, the charts print the
// panel's values, the cross-agency table sorts, and at 390 px nothing scrolls sideways.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompare } from '../../src/compare/run.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec } from '../../scripts/fixtures/report.mjs';
import { readCsv } from './csv-read.js';
import { recordOf, writeSeries } from './series.js';

const CHROMIUM = process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const NO_CHROMIUM = `skipped: no chromium at ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)`;
if (!HAS_CHROMIUM) console.log(NO_CHROMIUM);

const pct = (v: string) => `${(Number(v) * 100).toFixed(1)}%`;

describe.skipIf(!HAS_CHROMIUM)(`compare.html in chromium (${HAS_CHROMIUM ? CHROMIUM : NO_CHROMIUM})`, () => {
  let browser: Browser;
  let page: Page;
  let out: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-page-'));
    const series = await writeSeries(join(dir, 'in'));
    // Three more agencies with a 2023 report, one of them too small to rank.
    const lines: string[] = [];
    for (const [i, name] of ['甲市乙区人民政府', '甲市丙县人民政府', '甲市教育局'].entries()) {
      const values = i === 2 ? { 'applications.totalProcessed.total': '12' } : {};
      const spec = makeSpec(300 + i, { agency: name, year: 2023, published: '2024-01-15', ...(i === 2 ? { values } : {}) });
      const id = `99020${i}/${name}`;
      lines.push(JSON.stringify(await recordOf(spec, `https://example.gov.cn/${i}/2023.html`, { agencyId: id, regionCode: `99020${i}`, regionName: name.slice(0, 4) })));
    }
    const more = join(dir, 'more.jsonl');
    writeFileSync(more, lines.join('\n') + '\n');
    out = join(dir, 'out');
    await runCompare([series.jsonl, more], { out });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(pathToFileURL(join(out, 'compare.html')).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from a file with no console error and no network request', async () => {
    expect(await page.title()).toBe('xxgk compare');
    expect(await page.locator('section[data-agency]').count()).toBe(4);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('the charts print the values of panel.csv', async () => {
    const panel = readCsv(join(out, 'panel.csv')).rows.filter((r) => r.agencyId === '990101/人民政府');
    const section = page.locator('section[data-agency="990101/人民政府"]');
    const texts = async (chart: string) => section.locator(`figure[data-chart="${chart}"] svg text`).allTextContents();
    const applications = await texts('applications');
    const rates = await texts('rates');
    const outcomes = await texts('outcomes');
    for (const row of panel) {
      expect(applications).toContain(row['indicator.received']);
      expect(applications).toContain(row['indicator.processed']);
      expect(rates).toContain(pct(row['indicator.disclosureRate']));
      expect(rates).toContain(pct(row['indicator.refusalRate']));
      expect(outcomes).toContain(row['applications.granted.total']);
      expect(applications).toContain(row.year); // the axis
    }
    // The lines are drawn (a path per series), not only labelled.
    expect(await section.locator('figure[data-chart="rates"] svg path').count()).toBeGreaterThan(3);
  });

  it('sorts the cross-agency table by a column, both ways, and ranks only where 30 or more were processed', async () => {
    const table = page.locator('table.sortable');
    const column = (await table.locator('th').allTextContents()).indexOf('实质公开率');
    const values = async () => (await table.locator(`tbody tr td:nth-child(${column + 1})`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-v')))).map(Number);
    await table.locator('th').nth(column).locator('button').click();
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await table.locator('th').nth(column).locator('button').click();
    const descending = await values();
    expect(descending).toEqual([...ascending].reverse());
    const ranks = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('td')!.textContent, tr.lastElementChild!.textContent]));
    expect(ranks.find(([name]) => name === '甲市教育局')![1]).toBe('—');
    expect(ranks.filter(([, rank]) => rank !== '—').map(([, rank]) => rank).sort()).toEqual(['1', '2', '3']);
  });

  it('at 390 px wide nothing scrolls sideways (screenshot for the reviewer)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const shot = join(tmpdir(), `xxgk-compare-390-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: false });
    await page.locator('section[data-agency="990101/人民政府"] figure').first().evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: shot.replace('.png', '-agency.png') });
    console.log(`screenshots: ${shot} and ${shot.replace('.png', '-agency.png')}`);
  });
});
