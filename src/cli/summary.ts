// Counters of a run and the summary printed at its end; no per-report state.

export class Summary {
  private readonly started = Date.now();
  reports = 0;
  failures = 0;
  skipped = 0;
  skippedFailures = 0;
  checksFailed = 0;
  private readonly notReports = new Map<string, number>();
  private readonly failuresByCode = new Map<string, number>();
  private readonly warningsByCode = new Map<string, number>();

  parsed(record: { warnings: string[]; checksFailed: number }): void {
    this.reports++;
    this.checksFailed += record.checksFailed;
    for (const code of record.warnings) this.warningsByCode.set(code, (this.warningsByCode.get(code) ?? 0) + 1);
  }

  failed(code: string): void {
    this.failures++;
    this.failuresByCode.set(code, (this.failuresByCode.get(code) ?? 0) + 1);
  }

  /** An input that an earlier run into the same folder already recorded (as a failure?). */
  skip(failed: boolean): void {
    this.skipped++;
    if (failed) this.skippedFailures++;
  }

  /** A file without an extension that a folder walk left out: an image, archive, script or style. */
  notReport(kind: string): void {
    this.notReports.set(kind, (this.notReports.get(kind) ?? 0) + 1);
  }

  /** Failures by code, most frequent first: "E_HTTP 2, E_ROBOTS 1", or "none". */
  failuresByCodeText(): string {
    return byCount(this.failuresByCode);
  }

  text(): string {
    const seconds = (Date.now() - this.started) / 1000;
    const list = byCount;
    const rate = seconds > 0 ? ` (${((this.reports + this.failures) / seconds).toFixed(1)} inputs/s)` : '';
    return [
      `parsed ${this.reports}, failed ${this.failures}, skipped ${this.skipped} already done (${this.skippedFailures} of them failed; --retry-failed parses those again), in ${seconds.toFixed(1)} s${rate}`,
      `  failures by code: ${list(this.failuresByCode)}`,
      `  warnings by code: ${list(this.warningsByCode)}`,
      `  checks failed: ${this.checksFailed}`,
      ...(this.notReports.size > 0 ? [`  skipped, not reports (files without an extension): ${list(this.notReports)}`] : []),
      '',
    ].join('\n');
  }
}

const byCount = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';
