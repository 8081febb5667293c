// --shard parsing and its split; the crash journal's suspects and strikes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CrashJournal } from '../../src/batch/journal.js';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js';

describe('--shard', () => {
  it('reads i/n, 1-based, and rejects anything else', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '-1/2']) expect(() => parseShard(bad), bad).toThrow();
  });

  it('puts every path in exactly one shard, the same one every time, about evenly', () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `archive/${i % 37}/报告-${i}.pdf`);
    const counts = [0, 0, 0, 0];
    for (const p of paths) {
      const shard = shardOf(p, 4);
      expect(shardOf(p, 4)).toBe(shard);
      expect([1, 2, 3, 4].filter((i) => inShard(p, { index: i, count: 4 }))).toEqual([shard]);
      counts[shard - 1]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(650);
    expect(shardOf('a/b.pdf', 7)).toBe(shardOf('a/b.pdf', 7));
  });
});

describe('CrashJournal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-journal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('strikes the files in flight at a crash, and only those', () => {
    let j = CrashJournal.open(dir);
    j.start('a'.repeat(64), 'a.pdf');
    j.start('b'.repeat(64), 'b.pdf');
    j.end('b'.repeat(64), 'b.pdf');
    // The process dies here: a.pdf never ended.
    j = CrashJournal.open(dir);
    expect(j.suspects.map((s) => s.path)).toEqual(['a.pdf']);
    expect(j.strikes('a'.repeat(64), 'a.pdf')).toBe(1);
    expect(j.strikes('b'.repeat(64), 'b.pdf')).toBe(0);
    j.start('a'.repeat(64), 'a.pdf');
    j = CrashJournal.open(dir);
    expect(j.strikes('a'.repeat(64), 'a.pdf')).toBe(2);
    j.clear();
    expect(CrashJournal.open(dir).suspects).toEqual([]);
  });
});
