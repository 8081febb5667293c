// What crosses the thread boundary between the parent of a batch and its parse workers.
// Plain data only: errors do not survive structured cloning with their codes, so a failure is
// a value too.
import type { MessagePort } from 'node:worker_threads';
import type { Fetched } from '../pipeline.js';
import type { ErrorCode, Format } from '../schema.js';

export interface ParseTask {
  /** The input path as the user gave it; recorded in source.path. */
  path: string;
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: Uint8Array;
  /** The worker posts one message here as it begins, which starts the file's clock. */
  started: MessagePort;
  /** Fetched bytes: where they came from, for the record's source. */
  fetched?: Fetched;
  /** The HTTP Content-Type of fetched bytes (a charset for HTML). */
  contentType?: string;
}

export interface ParsedOutcome {
  ok: true;
  format: Format;
  /** The record pretty-printed, for DIR/<name>.json, as UTF-8 (moved, not copied, out of the
   *  worker: the parent thread then holds no large strings, and its heap stays small). */
  json: Uint8Array;
  /** The record on one line, for reports.jsonl (newline included), as UTF-8. */
  line: Uint8Array;
  /** The record's row of reports.csv (line end included). */
  csv: string;
  warnings: string[];
  checksFailed: number;
  /** Milliseconds the worker spent parsing. */
  ms: number;
}

export interface FailedOutcome {
  ok: false;
  code: ErrorCode;
  message: string;
  ms?: number;
}

export type ParseOutcome = ParsedOutcome | FailedOutcome;
