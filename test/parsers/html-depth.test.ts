import { describe, expect, it } from 'vitest';
import { flattenDeep } from '../../src/parsers/html-depth.js';
import { FLATTEN_DEPTH } from '../../src/parsers/html.js';
import { parseBytes } from '../../src/pipeline.js';
import { cellAt } from '../helpers.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { makeSpec, reportHtml } from '../../scripts/fixtures/report.mjs';

describe('flattenDeep', () => {
  it('leaves ordinary pages alone, void and implicitly closed tags adding no depth', () => {
    const html = `<html><body>${'<div>'.repeat(50)}<p>a<p>b<br><img src=x><table><tr><td>1<td>2</table>${'</div>'.repeat(50)}</body></html>`;
    expect(flattenDeep(html, 60)).toEqual({ html, flattened: 0 });
  });
  it('drops the tags below the limit and keeps their text', () => {
    const { html, flattened } = flattenDeep(`${'<div>'.repeat(10)}<b>深</b>${'</div>'.repeat(10)}<p>后`, 4);
    expect(flattened).toBe(7);
    expect(html).toBe('<div><div><div><div>深</div></div></div></div><p>后');
  });
  it('skips comments and the contents of scripts and styles', () => {
    const html = `<div><!-- <div><div> --><script>var s = "<div><div><div>";</script><style>a>b{}</style></div>`;
    expect(flattenDeep(html, 1).flattened).toBe(0);
  });
});

describe('a report nested 100,000 elements deep', () => {
  it('is read, its tables as run-together text, without one invented number', async () => {
    const spec = makeSpec(12);
    const page = reportHtml(spec);
    const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
    const bytes = Buffer.from(page.replace(body, '<div>'.repeat(100_000) + body + '</div>'.repeat(100_000)));
    const report = await parseBytes(bytes, { path: 'deep.html' });
    expect(report.warnings.find((w) => w.code === 'W_HTML_TOO_DEEP')?.message).toContain(`${FLATTEN_DEPTH} levels`);
    expect(report.meta).toMatchObject({ agency: spec.agency, year: spec.year });
    const entries = Object.entries(spec.expected as Record<string, number | null>);
    const read = entries.filter(([key]) => (cellAt(report.tables, key)?.value ?? null) !== null);
    expect(read.filter(([key, value]) => cellAt(report.tables, key)?.value !== value)).toEqual([]);
    expect(read.length).toBeGreaterThan(entries.length * 0.9);
  });
});
