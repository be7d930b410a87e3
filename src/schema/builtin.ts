// Precompiled validators of built-in kinds, loaded on first use per kind.
// src/generated/k8s/ is written by scripts/prebuild/20-k8s-validators.mjs (npm run build).
import type { JsonSchema, ValidateFn } from './types.js';
import { schemaVersionFor } from './versions.js';

interface GeneratedVersion {
  source: Record<string, string>;
  definitions: () => Promise<{ default: { kinds: Record<string, Record<string, string>>; definitions: Record<string, JsonSchema> } }>;
  kinds: Record<string, Record<string, () => Promise<{ validate: ValidateFn }>>>;
}

interface GeneratedIndex {
  schemaVersions: Record<string, GeneratedVersion>;
}

let indexPromise: Promise<GeneratedIndex> | undefined;

function loadIndex(): Promise<GeneratedIndex> {
  indexPromise ??= (async () => {
    try {
      // @ts-ignore -- generated at build time; absent from a fresh clone until `npm run build`.
      return (await import('../generated/k8s/index.js')) as GeneratedIndex;
    } catch (err) {
      indexPromise = undefined;
      throw new Error(`Kubernetes schema validators are missing (src/generated/k8s): run \`npm run build\` first (${(err as Error).message})`);
    }
  })();
  return indexPromise;
}

const validators = new Map<string, Promise<ValidateFn | undefined>>();

/** Validator of a built-in apiVersion/kind in the schema set for `kubernetesVersion`, or undefined when unknown. */
export function builtinValidator(kubernetesVersion: string, apiVersion: string, kind: string): Promise<ValidateFn | undefined> {
  const key = `${kubernetesVersion}\u0000${apiVersion}\u0000${kind}`;
  let p = validators.get(key);
  if (!p) {
    p = (async () => {
      const index = await loadIndex();
      const version = index.schemaVersions[schemaVersionFor(kubernetesVersion, Object.keys(index.schemaVersions))];
      const load = version?.kinds[apiVersion]?.[kind];
      if (!load || !Object.hasOwn(version.kinds[apiVersion], kind)) return undefined;
      return (await load()).validate;
    })();
    validators.set(key, p);
  }
  return p;
}

/** Is apiVersion/kind a built-in kind of that schema set? (Loads only the small index.) */
export async function isBuiltinKind(kubernetesVersion: string, apiVersion: string, kind: string): Promise<boolean> {
  const index = await loadIndex();
  const version = index.schemaVersions[schemaVersionFor(kubernetesVersion, Object.keys(index.schemaVersions))];
  const kinds = version?.kinds;
  return !!kinds && Object.hasOwn(kinds, apiVersion) && Object.hasOwn(kinds[apiVersion], kind);
}

/** Kinds a built-in apiVersion serves (empty when the apiVersion is not built in). */
export async function builtinKinds(kubernetesVersion: string, apiVersion: string): Promise<string[]> {
  const index = await loadIndex();
  const version = index.schemaVersions[schemaVersionFor(kubernetesVersion, Object.keys(index.schemaVersions))];
  const kinds = version?.kinds;
  return kinds && Object.hasOwn(kinds, apiVersion) ? Object.keys(kinds[apiVersion]) : [];
}

const definitionSets = new Map<string, Promise<{ kinds: Record<string, Record<string, string>>; definitions: Record<string, JsonSchema> }>>();

/** The plain JSON Schemas of a schema set: loaded only to explain errors (closest field names). */
export function builtinDefinitions(kubernetesVersion: string): Promise<{ kinds: Record<string, Record<string, string>>; definitions: Record<string, JsonSchema> }> {
  let p = definitionSets.get(kubernetesVersion);
  if (!p) {
    p = (async () => {
      const index = await loadIndex();
      const version = index.schemaVersions[schemaVersionFor(kubernetesVersion, Object.keys(index.schemaVersions))];
      return (await version.definitions()).default;
    })();
    definitionSets.set(kubernetesVersion, p);
  }
  return p;
}

/** Schema of a built-in kind plus a resolver for its `$ref`s, for the error explainer. */
export async function builtinSchema(kubernetesVersion: string, apiVersion: string, kind: string): Promise<{ root: JsonSchema; resolve: (ref: string) => JsonSchema | undefined } | undefined> {
  const { kinds, definitions } = await builtinDefinitions(kubernetesVersion);
  const id = kinds[apiVersion]?.[kind];
  if (!id) return undefined;
  const resolve = (ref: string): JsonSchema | undefined => definitions[ref.replace('#/definitions/', '')];
  return { root: definitions[id], resolve };
}
