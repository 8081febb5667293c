// Progress of a batch on stderr: a bar on a terminal (done/total, rate, ETA, failures), plain
// lines otherwise (one per file, or one every QUIET_EVERY files with --quiet) for cron logs.
import cliProgress from 'cli-progress';

const QUIET_EVERY = 100;

export interface Progress {
  /** An input was found; the total grows while the walk runs. */
  found(): void;
  /** The walk (or a background count) knows the total now. */
  total(n: number): void;
  done(path: string, outcome: { ok: true } | { ok: false; code: string; message: string } | { skipped: true }): void;
  stop(): void;
}

export function createProgress(options: { tty: boolean; quiet?: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  return options.tty ? new BarProgress(stream) : new LineProgress(stream, options.quiet ?? false);
}

class Counts {
  found = 0;
  known = 0;
  done = 0;
  failed = 0;
  skipped = 0;
  readonly started = Date.now();
  get total(): number {
    return Math.max(this.found, this.known);
  }
  rate(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? (this.done - this.skipped) / seconds : 0;
  }
}

class BarProgress implements Progress {
  private readonly counts = new Counts();
  private readonly bar: cliProgress.SingleBar;

  constructor(stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: '{bar} {value}/{total} | {speed}/s | ETA {eta_formatted} | failed {failed} | skipped {skipped}',
        hideCursor: true,
        etaBuffer: 200,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(0, 0, { speed: '0.0', failed: 0, skipped: 0 });
  }

  found(): void {
    this.counts.found++;
    this.bar.setTotal(this.counts.total);
  }

  total(n: number): void {
    this.counts.known = n;
    this.bar.setTotal(this.counts.total);
  }

  done(_path: string, outcome: Parameters<Progress['done']>[1]): void {
    const c = this.counts;
    c.done++;
    if ('skipped' in outcome) c.skipped++;
    else if (!outcome.ok) c.failed++;
    this.bar.update(c.done, { speed: c.rate().toFixed(1), failed: c.failed, skipped: c.skipped });
  }

  stop(): void {
    this.bar.stop();
  }
}

class LineProgress implements Progress {
  private readonly counts = new Counts();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly quiet: boolean,
  ) {}

  found(): void {
    this.counts.found++;
  }

  total(n: number): void {
    this.counts.known = n;
  }

  done(path: string, outcome: Parameters<Progress['done']>[1]): void {
    const c = this.counts;
    c.done++;
    if ('skipped' in outcome) c.skipped++;
    else if (!outcome.ok) c.failed++;
    if (!this.quiet) {
      if ('skipped' in outcome) this.stream.write(`skip  ${path}\n`);
      else if (outcome.ok) this.stream.write(`ok    ${path}\n`);
      else this.stream.write(`FAIL  ${path}: ${outcome.code} ${outcome.message}\n`);
    } else if (c.done % QUIET_EVERY === 0) this.line();
  }

  stop(): void {
    if (this.quiet && this.counts.done % QUIET_EVERY !== 0) this.line();
  }

  private line(): void {
    const c = this.counts;
    this.stream.write(`${new Date().toISOString()} done ${c.done}/${c.total}, failed ${c.failed}, skipped ${c.skipped}, ${c.rate().toFixed(1)} reports/s\n`);
  }
}
