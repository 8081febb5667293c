// xxgk schema: the record's JSON Schema, generated.
import { reportJsonSchema } from '../output/json-schema.js';

export function schemaCommand(): number {
  process.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
  return 0;
}
