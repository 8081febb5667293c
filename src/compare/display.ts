// Values as people read them: counts as integers, rates as percentages, flags as yes/no.
import { percent } from './format.js';
import type { Indicator } from './indicators.js';

export function display(indicator: Indicator, value: number | null): string {
  if (value === null) return '—';
  if (indicator.kind === 'rate') return percent(value);
  if (indicator.kind === 'flag') return value ? 'yes' : 'no';
  return String(value);
}
