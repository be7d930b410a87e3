import type { KeyPath } from '../model.js';
import type { K8sObject, YamlDocUnit } from './types.js';

/** Kinds that live outside namespaces. */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'StorageClass', 'PriorityClass', 'IngressClass', 'RuntimeClass', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'APIService', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'PodSecurityPolicy', 'ClusterIssuer',
  'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration', 'ComponentStatus',
]);

function isObjectLike(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObjectLike(v)) return out;
  for (const [k, val] of Object.entries(v)) if (val != null) out[k] = String(val);
  return out;
}

/** Kubernetes objects of a document: the document itself, or the items of a `kind: List`. */
export function extractObjects(unit: YamlDocUnit, defaultNamespace: string): K8sObject[] {
  const value = unit.value;
  if (!isObjectLike(value)) return [];
  if (typeof value.kind === 'string' && /List$/.test(value.kind) && Array.isArray(value.items)) {
    const out: K8sObject[] = [];
    value.items.forEach((item: unknown, i: number) => {
      const o = toObject(unit, item, ['items', i], defaultNamespace);
      if (o) out.push(o);
    });
    return out;
  }
  const o = toObject(unit, value, [], defaultNamespace);
  return o ? [o] : [];
}

function toObject(unit: YamlDocUnit, obj: unknown, basePath: KeyPath, defaultNamespace: string): K8sObject | undefined {
  if (!isObjectLike(obj)) return undefined;
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
  const meta = isObjectLike(obj.metadata) ? obj.metadata : {};
  const name = meta.name != null ? String(meta.name) : meta.generateName != null ? String(meta.generateName) : '';
  const clusterScoped = CLUSTER_SCOPED_KINDS.has(obj.kind);
  const explicit = typeof meta.namespace === 'string' && meta.namespace !== '';
  const namespace = clusterScoped ? '' : explicit ? meta.namespace : defaultNamespace;
  return {
    unit,
    basePath,
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name,
    namespace,
    namespaceExplicit: explicit,
    obj,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    ref: { apiVersion: obj.apiVersion, kind: obj.kind, ...(clusterScoped ? {} : { namespace }), name },
  };
}

export { isObjectLike, stringMap };
