// Across every generated input (test/fixtures of every format, and samples/): a check is false only
// where the fixture's own numbers disagree, i.e. where the same check over its spec's numbers is
// false too. A false check must never mean that the reader lost track of a row or column.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/normalize/checks.js';
import { parseFile } from '../../src/pipeline.js';
import type { Report } from '../../src/schema.js';
import { XxgkError } from '../../src/errors.js';
import { FIXTURES, ROOT, specOf, type Spec } from '../helpers.js';
// @ts-expect-error: a plain ES module script shared with the fixture generators
import { COPIED_SAMPLES, SPEC_SAMPLES } from '../../scripts/fixtures/samples.mjs';

type Source = { seed: number; overrides?: Record<string, unknown> };
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Every generated file's spec, by path relative to test/fixtures (samples as `samples/<name>`). */
function specs(): Map<string, Source> {
  const out = new Map<string, Source>();
  for (const e of json(join(FIXTURES, 'text', 'manifest.json')) as ({ file: string } & Partial<Source>)[]) if (e.seed !== undefined) out.set(`text/${e.file}`, e as Source);
  for (const [file, e] of Object.entries(json(join(FIXTURES, 'pdf', 'fixtures.json')) as Record<string, Source>)) out.set(`pdf/${file}`, e);
  for (const c of json(join(FIXTURES, 'docx', 'manifest.json')).cases as ({ docx: string; html: string } & Source)[]) {
    out.set(`docx/${c.docx}`, c);
    out.set(`html/${basename(c.html)}`, c);
  }
  for (const c of json(join(FIXTURES, 'html', 'manifest.json')).cases as ({ file: string } & Source)[]) out.set(`html/${c.file}`, c);
  for (const s of SPEC_SAMPLES as ({ file: string } & Source)[]) out.set(`samples/${s.file}`, s);
  for (const [from, to] of COPIED_SAMPLES as [string, string][]) if (out.has(from)) out.set(`samples/${to}`, out.get(from)!);
  return out;
}

/** The spec's numbers as a tables object, so that the record's checks can be run over them. */
function specTables(spec: Spec): Record<string, unknown> {
  const tables: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec.expected)) {
    const parts = key.split('.');
    let node = tables;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = { value, raw: null, origin: null };
  }
  return tables;
}

const inputs = [
  ...['text', 'pdf', 'docx', 'html'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => !/\.json$/.test(f))
      .map((f) => ({ key: `${dir}/${f}`, path: join(FIXTURES, dir, f) })),
  ),
  ...(existsSync(join(ROOT, 'samples')) ? readdirSync(join(ROOT, 'samples')).map((f) => ({ key: `samples/${f}`, path: join(ROOT, 'samples', f) })) : []),
];

describe('checks over every generated fixture and sample', () => {
  const known = specs();

  it('has the fixtures of every format and the samples', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(60);
    expect(inputs.filter((i) => known.has(i.key)).length).toBeGreaterThanOrEqual(45);
  });

  it.each(inputs.map((i) => [i.key, i.path]))('%s: no check is false unless its spec breaks it too', async (key, path) => {
    let record: Report;
    try {
      record = await parseFile(path);
    } catch (error) {
      if (error instanceof XxgkError) return; // the refused inputs (encrypted, truncated, …) have no checks
      throw error;
    }
    const failed = record.checks.filter((c) => c.ok === false);
    if (failed.length === 0) return;
    const source = known.get(key);
    expect(source, `${key} has false checks (${failed.map((c) => c.id).join(', ')}) and no spec`).toBeDefined();
    const spec = specOf({ file: key, ...source! });
    const layout = record.tableInfo.applications?.templateVersion ?? null;
    const own = new Map(runChecks(specTables(spec) as never, layout).map((c) => [c.id, c.ok]));
    expect(failed.filter((c) => own.get(c.id) !== false).map((c) => `${c.id}: expected ${c.expected}, found ${c.actual}`)).toEqual([]);
  });
});
