// `npm run schema`: writes graph/schema.json from the definitions in src/core/schema.ts.
import { writeFileSync } from 'node:fs';
import { graphJsonSchema } from '../core/schema';

export const SCHEMA_PATH = 'graph/schema.json';

/** The schema file's exact text. */
export function schemaText(): string {
  return JSON.stringify(graphJsonSchema(), null, 2) + '\n';
}

if (process.argv[1]?.endsWith('schema.ts')) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
