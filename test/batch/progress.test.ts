import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/batch/progress.js';

/** A stream that records what is written, optionally posing as a terminal. */
function capture(tty: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  }) as Writable & Record<string, unknown>;
  if (tty) Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, clearScreenDown: () => true });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progress', () => {
  it('on a terminal draws a bar with done/total, rate, ETA and failures', () => {
    const out = capture(true);
    const progress = createProgress({ tty: true, stream: out.stream });
    for (let i = 0; i < 5; i++) progress.found();
    progress.done('a.pdf', { ok: true });
    progress.done('b.pdf', { ok: false, code: 'E_CORRUPT', message: 'damaged' });
    progress.done('c.pdf', { skipped: true });
    progress.stop();
    const last = out.text().split(/\r|\n/).filter(Boolean).at(-1)!;
    expect(last).toMatch(/[░█]+ 3\/5 \| \d+\.\d\/s \| ETA \S+ \| failed 1 \| skipped 1/);
  });

  it('the total given by a background count replaces the walk so far', () => {
    const out = capture(true);
    const progress = createProgress({ tty: true, stream: out.stream });
    progress.found();
    progress.total(40);
    progress.done('a.html', { ok: true });
    progress.stop();
    expect(out.text()).toMatch(/1\/40/);
  });

  it('without a terminal writes a line per file, failures with their code', () => {
    const out = capture(false);
    const progress = createProgress({ tty: false, stream: out.stream });
    progress.done('a.pdf', { ok: true });
    progress.done('b.pdf', { ok: false, code: 'E_CORRUPT', message: 'damaged' });
    progress.done('c.pdf', { skipped: true });
    progress.stop();
    expect(out.text()).toBe('ok    a.pdf\nFAIL  b.pdf: E_CORRUPT damaged\nskip  c.pdf\n');
  });

  it('with --quiet writes a line every 100 files and one at the end', () => {
    const out = capture(false);
    const progress = createProgress({ tty: false, quiet: true, stream: out.stream });
    progress.total(250);
    for (let i = 0; i < 250; i++) progress.done(`${i}.txt`, i % 50 === 0 ? { ok: false, code: 'E_EMPTY', message: '' } : { ok: true });
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ done 100\/250, failed 2, skipped 0, \d+\.\d reports\/s$/);
    expect(lines[2]).toMatch(/done 250\/250, failed 5,/);
  });
});
