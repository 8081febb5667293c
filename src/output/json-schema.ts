// The JSON Schema of the record, generated from the zod schema, never written by hand.
import { z } from 'zod';
import { Report } from '../schema.js';

export function reportJsonSchema(): object {
  return z.toJSONSchema(Report, { target: 'draft-2020-12', reused: 'ref' });
}
