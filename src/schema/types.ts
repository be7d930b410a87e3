// Shapes shared by the schema modules.
import type { KeyPath } from '../model.js';

/** The subset of an ajv error we read (standalone validators are built with `messages: false`). */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, any>;
}

/** A compiled validator, as ajv builds it (precompiled for built-in kinds, at run time for CRDs). */
export type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** A JSON Schema node (Kubernetes definitions, or a CRD's openAPIV3Schema after conversion). */
export type JsonSchema = Record<string, any>;

/** Resolves `$ref` strings for the schema walker. */
export type RefResolver = (ref: string) => JsonSchema | undefined;

/** One schema violation, ready to report against an object. */
export interface SchemaProblem {
  /** Key path relative to the object. */
  path: KeyPath;
  /** Unknown fields point at their key; everything else at the value (or the parent key for required). */
  target: 'key' | 'value';
  message: string;
  /** For a missing required field: its name (path is then the parent). */
  requiredField?: string;
}
