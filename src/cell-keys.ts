// The canonical cell keys (cell-keys.md), read off the zod schema so that they are written once.
import { z } from 'zod';
import { Figures, Tables, type Cell, type TableName } from './schema.js';

function isCellSchema(schema: z.ZodType): boolean {
  return schema instanceof z.ZodObject && Object.keys(schema.shape).join() === 'value,raw,origin';
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodNullable || schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

function leaves(schema: z.ZodType, prefix: string): string[] {
  const inner = unwrap(schema);
  if (isCellSchema(inner)) return [prefix];
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape).flatMap(([key, child]) => leaves(child as z.ZodType, prefix ? `${prefix}.${key}` : key));
}

/** Keys of one table's cells, relative to the table (`denied.stateSecret.business`). */
export function tableCellKeys(table: TableName): string[] {
  return leaves(Tables.shape[table], '');
}

/** Every cell key with its table (`applications.denied.stateSecret.business`), in schema order. */
export const ALL_CELL_KEYS: string[] = (Object.keys(Tables.shape) as TableName[]).flatMap((t) =>
  tableCellKeys(t).map((k) => `${t}.${k}`),
);

/** ALL_CELL_KEYS split into paths once: every record walks them (reports.csv, compare). */
export const ALL_CELL_PATHS: readonly (readonly string[])[] = ALL_CELL_KEYS.map((key) => key.split('.'));

/** The cell at a dotted key (or the key already split) of a tables object, if the table was found. */
export function cellAt(tables: unknown, key: string | readonly string[]): Cell | undefined {
  let node: unknown = tables;
  for (const part of typeof key === 'string' ? key.split('.') : key) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as Cell | undefined;
}

/** Build a table object from flat relative keys → cells; keys not given become empty cells. */
export function buildTable(table: TableName, cells: Map<string, Cell>): Record<string, unknown> {
  return nest((TABLE_KEYS[table] ??= keyPaths(tableCellKeys(table))), cells);
}

/** The figures object from flat keys → figures; keys not given become empty figures. */
export function buildFigures(figures: Map<string, Cell>): Figures {
  return nest((figureKeys ??= keyPaths(FIGURE_KEYS)), figures) as Figures;
}

interface KeyPath {
  key: string;
  parts: readonly string[];
}

// Each table's keys, read off the schema and split once, not for every report.
const TABLE_KEYS: Partial<Record<TableName, KeyPath[]>> = {};
let figureKeys: KeyPath[] | undefined;

function keyPaths(keys: string[]): KeyPath[] {
  return keys.map((key) => ({ key, parts: key.split('.') }));
}

function nest(keys: KeyPath[], cells: Map<string, Cell>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, parts } of keys) {
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = cells.get(key) ?? { value: null, raw: null, origin: null };
  }
  return out;
}

/** Every figure key (`applications.received`), in schema order; paths under `figures`. */
export const FIGURE_KEYS: string[] = leaves(Figures, '');

/** FIGURE_KEYS split into paths once. */
export const FIGURE_PATHS: readonly (readonly string[])[] = FIGURE_KEYS.map((key) => key.split('.'));
