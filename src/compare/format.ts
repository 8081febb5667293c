// Numbers as the CSV files write them: integers as they are, fractions to six decimals (no
// 0.30000000000000004), null as an empty field.
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1e6) / 1e6);
}

/** A rate as a percentage for people: 0.4567 → "45.7%". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}
