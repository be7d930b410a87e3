// ajv and its plugins are CommonJS: resolve their constructors the same way under any interop.
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** Compile a JSON Schema (draft-07, or draft-04 for SARIF) with formats, as the tests need it. */
export function compileSchema(schema: object, draft04 = false): ValidateFunction {
  const Ajv = draft04 ? require('ajv-draft-04') : require('ajv').default;
  const ajv = new Ajv({ strict: false, allErrors: true });
  require('ajv-formats')(ajv);
  return ajv.compile(schema);
}
