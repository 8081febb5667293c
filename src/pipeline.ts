// One report in, a verified record out: parse → normalize → validate. The library's entry point.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { XxgkError } from './errors.js';
import type { AgencyOverrides } from './normalize/agency/index.js';
import { normalize } from './normalize/report.js';
import { parseDocument, type ParseOptions } from './parsers/index.js';
import { Report, SCHEMA_VERSION } from './schema.js';
import { TOOL_VERSION } from './version.js';

export interface ParseBytesOptions extends ParseOptions {
  /** The input path or URL as the user gave it; recorded in source.path. */
  path: string;
  /** A user's agency mapping (xxgk parse --agencies): names → agencyId. */
  agencies?: AgencyOverrides;
  /** Where fetched bytes came from: source.finalUrl, fetchedAt and page. */
  fetched?: Fetched;
}

/** The provenance xxgk fetch adds to a record's source. */
export type Fetched = Pick<Report['source'], 'finalUrl' | 'fetchedAt' | 'page'>;

export async function parseBytes(bytes: Uint8Array, options: ParseBytesOptions): Promise<Report> {
  const document = await parseDocument(bytes, options);
  const content = normalize(document.value, { agencies: options.agencies });
  const record = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'xxgk', version: TOOL_VERSION },
    source: {
      path: options.path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: document.value.format,
      bytes: bytes.length,
      pages: document.value.meta.pages ?? null,
      encoding: document.value.meta.encoding ?? null,
      finalUrl: options.fetched?.finalUrl ?? null,
      fetchedAt: options.fetched?.fetchedAt ?? null,
      page: options.fetched?.page ?? null,
    },
    ...content.value,
    warnings: [...document.warnings, ...content.warnings],
  };
  const parsed = Report.safeParse(record);
  if (!parsed.success) throw new XxgkError('E_INTERNAL', `the record failed its own schema: ${parsed.error.message}`);
  return parsed.data;
}

export async function parseFile(path: string, options: Omit<ParseBytesOptions, 'path'> = {}): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new XxgkError('E_READ', `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseBytes(bytes, { ...options, path });
}
