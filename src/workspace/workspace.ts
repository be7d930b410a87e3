// The index every rule reads. Built once per scan from all loaded units.
import type { SourceFile, Unit } from '../model.js';
import type { ContainerRef, EnvValue, K8sObject, PodTemplate, ScanSettings, YamlDocUnit } from './types.js';
import { extractObjects } from './objects.js';
import { extractPodTemplates } from './pods.js';
import { collectEnvValues } from './env.js';

export * from './types.js';

export class Workspace {
  readonly files: SourceFile[];
  readonly units: Unit[];
  readonly settings: ScanSettings;
  readonly yamlDocs: YamlDocUnit[];
  readonly objects: K8sObject[];
  private readonly byKey = new Map<string, K8sObject[]>();
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly memoCache = new Map<string, unknown>();

  constructor(files: SourceFile[], units: Unit[], settings: ScanSettings) {
    this.files = files;
    this.units = units;
    this.settings = settings;
    this.yamlDocs = units.filter((u): u is YamlDocUnit => u.kind === 'yaml');
    this.objects = this.yamlDocs.flatMap((d) => extractObjects(d, settings.defaultNamespace));
    for (const o of this.objects) {
      push(this.byKind, o.kind, o);
      push(this.byKey, objectKey(o.kind, o.namespace, o.name), o);
    }
  }

  /** Units of one kind ('yaml', 'dockerfile', 'env', ...). */
  unitsOf<U extends Unit = Unit>(kind: string): U[] {
    return this.memo(`units:${kind}`, () => this.units.filter((u) => u.kind === kind) as U[]);
  }

  /** All objects of a kind (any apiVersion). */
  ofKind(...kinds: string[]): K8sObject[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    return kinds.flatMap((k) => this.byKind.get(k) ?? []);
  }

  /** Find an object by kind, namespace and name. Cluster-scoped kinds use namespace ''. */
  find(kind: string, namespace: string, name: string): K8sObject | undefined {
    return this.byKey.get(objectKey(kind, namespace, name))?.[0];
  }

  /** Namespaces that hold at least one object of the given kinds. */
  namespacesWith(...kinds: string[]): Set<string> {
    return new Set(this.ofKind(...kinds).map((o) => o.namespace));
  }

  get podTemplates(): PodTemplate[] {
    return this.memo('podTemplates', () => this.objects.flatMap(extractPodTemplates));
  }

  get containers(): ContainerRef[] {
    return this.memo('containers', () => this.podTemplates.flatMap((t) => t.containers));
  }

  /** Environment values from every source (containers, ConfigMaps, env files, compose, ...). */
  get envValues(): EnvValue[] {
    return this.memo('envValues', () => collectEnvValues(this));
  }

  /** Compute a derived index once per scan. Keys are namespaced by the module that owns them. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memoCache.has(key)) this.memoCache.set(key, compute());
    return this.memoCache.get(key) as T;
  }
}

function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
