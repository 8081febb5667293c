// Counters of a run and the summary printed at its end; no per-report state.
import type { Report } from '../schema.js';

export class Summary {
  private readonly started = Date.now();
  reports = 0;
  failures = 0;
  checksFailed = 0;
  private readonly failuresByCode = new Map<string, number>();
  private readonly warningsByCode = new Map<string, number>();

  parsed(report: Report): void {
    this.reports++;
    this.checksFailed += report.checks.filter((c) => c.ok === false).length;
    for (const w of report.warnings) this.warningsByCode.set(w.code, (this.warningsByCode.get(w.code) ?? 0) + 1);
  }

  failed(code: string): void {
    this.failures++;
    this.failuresByCode.set(code, (this.failuresByCode.get(code) ?? 0) + 1);
  }

  text(): string {
    const seconds = (Date.now() - this.started) / 1000;
    const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    return [
      `parsed ${this.reports}, failed ${this.failures} in ${seconds.toFixed(1)} s`,
      `  failures by code: ${list(this.failuresByCode)}`,
      `  warnings by code: ${list(this.warningsByCode)}`,
      `  checks failed: ${this.checksFailed}`,
      '',
    ].join('\n');
  }
}
