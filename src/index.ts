// The library's public API.
export { parseBytes, parseFile } from './pipeline.js';
export { parseDocument } from './parsers/index.js';
export { normalize } from './normalize/report.js';
export { XxgkError } from './errors.js';
export { ALL_CELL_KEYS, FIGURE_KEYS } from './cell-keys.js';
export * from './schema.js';
export type { Document, Block, Table, TableCell, Paragraph } from './model.js';
export { resolveAgency, parseAgencyOverrides } from './normalize/agency/index.js';
export type { AgencyIdentity, AgencyOverrides, ResolveOptions } from './normalize/agency/index.js';
