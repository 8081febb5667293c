import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderLockedError, LOCK, lockFolder } from '../../src/output/lock.js';
import { runCli, writeGoodReports } from '../cli/batch-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}
const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, started: '2026-01-01T00:00:00.000Z' }) + '\n';

describe('output folder lock', () => {
  it('is held by one process at a time and released', () => {
    const dir = join(tmp, 'one');
    const release = lockFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    release();
    expect(existsSync(join(dir, LOCK))).toBe(false);
    lockFolder(dir)();
  });

  it('refuses a folder that a running process holds, naming it', () => {
    const dir = join(tmp, 'held');
    lockFolder(dir)(); // creates the folder
    writeFileSync(join(dir, LOCK), holder(process.ppid)); // a live process other than this one
    expect(() => lockFolder(dir)).toThrow(FolderLockedError);
    expect(() => lockFolder(dir)).toThrow(new RegExp(`pid ${process.ppid} on ${hostname()}`));
    // On another machine (a shared folder) it cannot be checked: held.
    writeFileSync(join(dir, LOCK), holder(deadPid(), 'elsewhere'));
    expect(() => lockFolder(dir)).toThrow(/on elsewhere/);
  });

  it('takes over the lock of a run that was killed, and old garbage', () => {
    const dir = join(tmp, 'stale');
    lockFolder(dir)();
    writeFileSync(join(dir, LOCK), holder(deadPid()));
    lockFolder(dir)();
    writeFileSync(join(dir, LOCK), '{"pid":');
    expect(() => lockFolder(dir)).toThrow(FolderLockedError); // maybe being written this instant
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK), old, old);
    lockFolder(dir)();
  });

  it('refuses an output "folder" that is a file, as a usage error', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => lockFolder(file)).toThrow(/cannot use .*a-file as the output folder/);
    const run = await runCli(['parse', join(tmp, 'none'), '-o', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot use .*a-file as the output folder/);
  }, 60_000);

  it('makes a second xxgk parse into the same folder exit 2, and the first unaffected', async () => {
    const input = join(tmp, 'in');
    writeGoodReports(input, [31]);
    const out = join(tmp, 'out');
    mkdirSync(out);
    writeFileSync(join(out, LOCK), holder(process.pid)); // this test process holds it, as another run would
    const second = await runCli(['parse', input, '-o', out, '--jobs', '1']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another xxgk run \(pid \d+ .*\) is writing/);
    expect(existsSync(join(out, 'reports.jsonl'))).toBe(false);
    rmSync(join(out, LOCK)); // that run ended
    const after = await runCli(['parse', input, '-o', out, '--jobs', '1']);
    expect(after.code, after.stderr).toBe(0);
    expect(existsSync(join(out, LOCK))).toBe(false);
  }, 60_000);
});
