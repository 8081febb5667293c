// placeholder, filled in below
import type { TableRun } from './text-lines.js';
export function readColumns(_lines: string[], _start: number): TableRun | undefined {
  return undefined;
}
