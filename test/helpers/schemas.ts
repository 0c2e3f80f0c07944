// The JSON Schemas in schema/, loaded together so their $id cross-references resolve.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ROOT } from './cli.js';

// ajv is CommonJS: under NodeNext the constructor is the default export's `default`.
const Ajv = AjvModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
for (const f of readdirSync(join(ROOT, 'schema')).filter((n) => n.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schema', f), 'utf8')) as object);
}

/** The validator of schema/<name> (e.g. 'pgx.schema.json'). */
export function schema(name: string): ValidateFunction {
  const v = ajv.getSchema(`https://vcfact.dev/schema/${name}`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
}
