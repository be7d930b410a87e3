// A namespace-aware index of Services: their ports, and the pod templates each one selects.
import type { K8sObject, PodTemplate } from './types.js';
import type { Workspace } from './workspace.js';
import { isObjectLike } from './objects.js';
import { mapSelectorMatches, type SelectorResult } from './selectors.js';

export interface ServicePortInfo {
  /** Index in `spec.ports`. */
  index: number;
  name?: string;
  port: number;
  /** Number, or a container port name. Defaults to `port` when not written. */
  targetPort: number | string;
  targetPortExplicit: boolean;
  protocol: string;
}

export interface ServiceInfo {
  object: K8sObject;
  name: string;
  namespace: string;
  type: string;
  /** The selector map; undefined when the Service has none (manual Endpoints, ExternalName). */
  selector?: Record<string, string>;
  ports: ServicePortInfo[];
  /** Pod templates of the same namespace whose labels satisfy the selector. */
  selects: PodTemplate[];
}

export interface ServiceIndex {
  services: ServiceInfo[];
  find(namespace: string, name: string): ServiceInfo | undefined;
  /** Services of that name in every namespace. */
  named(name: string): ServiceInfo[];
  inNamespace(namespace: string): ServiceInfo[];
  /** Namespaces that hold at least one Service in this scan. */
  namespacesWithServices: Set<string>;
  /** Pod templates (of every workload kind) by namespace. */
  templatesIn(namespace: string): PodTemplate[];
}

/** A port number from YAML: a number or a numeric string. */
export function portNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** A port reference that may be a number or a name (`targetPort`, Ingress `servicePort`). */
export function portRef(v: unknown): number | string | undefined {
  const n = portNumber(v);
  if (n !== undefined) return n;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function servicePorts(spec: any): ServicePortInfo[] {
  if (!Array.isArray(spec?.ports)) return [];
  const out: ServicePortInfo[] = [];
  spec.ports.forEach((p: unknown, index: number) => {
    if (!isObjectLike(p)) return;
    const port = portNumber(p.port);
    if (port === undefined) return;
    const written = portRef(p.targetPort);
    out.push({
      index,
      name: p.name != null ? String(p.name) : undefined,
      port,
      targetPort: written ?? port,
      targetPortExplicit: written !== undefined,
      protocol: p.protocol != null ? String(p.protocol) : 'TCP',
    });
  });
  return out;
}

function selectorOf(spec: any): Record<string, string> | undefined {
  if (!isObjectLike(spec?.selector)) return undefined;
  const entries = Object.entries(spec.selector).filter(([, v]) => v != null && typeof v !== 'object');
  if (!entries.length) return undefined; // `selector: {}` selects nothing: endpoints are managed by hand
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

/**
 * Labels that controllers add to the pods they create, which pod templates never show:
 * `statefulset.kubernetes.io/pod-name` (per-pod Services of a StatefulSet), `pod-template-hash`, `job-name`...
 * Each label maps to a test of the values the controller can give it.
 */
type ControllerLabels = Record<string, (v: string) => boolean>;

function controllerLabels(t: PodTemplate): ControllerLabels {
  const owner = t.owner;
  switch (owner.kind) {
    case 'StatefulSet': {
      const prefix = `${owner.name}-`;
      return {
        'statefulset.kubernetes.io/pod-name': (v) => v.startsWith(prefix) && /^\d+$/.test(v.slice(prefix.length)),
        'apps.kubernetes.io/pod-index': (v) => /^\d+$/.test(v),
        'controller-revision-hash': () => true,
      };
    }
    case 'Deployment':
      return { 'pod-template-hash': () => true };
    case 'DaemonSet':
      return { 'controller-revision-hash': () => true, 'pod-template-generation': () => true };
    case 'Job':
      return {
        'job-name': (v) => v === owner.name,
        'batch.kubernetes.io/job-name': (v) => v === owner.name,
        'controller-uid': () => true,
        'batch.kubernetes.io/controller-uid': () => true,
      };
    case 'CronJob':
      return {
        'job-name': (v) => v.startsWith(`${owner.name}-`),
        'batch.kubernetes.io/job-name': (v) => v.startsWith(`${owner.name}-`),
        'controller-uid': () => true,
        'batch.kubernetes.io/controller-uid': () => true,
      };
    default:
      return {};
  }
}

/** Every label key some controller adds to the pods it creates. */
const CONTROLLER_KEYS = new Set(
  ['StatefulSet', 'Deployment', 'DaemonSet', 'Job', 'CronJob'].flatMap((kind) => Object.keys(controllerLabels({ owner: { kind, name: '' } } as PodTemplate))),
);

/** A Service selector against a pod template, counting the labels the workload's controller adds. */
export function selectsTemplate(selector: Record<string, string>, t: PodTemplate): SelectorResult {
  const plain = mapSelectorMatches(selector, t.labels);
  if (plain.matches) return plain;
  const added = controllerLabels(t);
  const failures = plain.failures.filter((f) => !addedByController(added, t, f.key, f.expected));
  return { ...plain, failures, satisfied: plain.total - failures.length, matches: failures.length === 0 };
}

/** selectsTemplate(...).matches without building the report: the service index asks it for every pair. */
export function selectsPods(selector: Record<string, string>, t: PodTemplate): boolean {
  let added: ControllerLabels | undefined;
  for (const key of Object.keys(selector)) {
    const expected = String(selector[key]);
    if (t.labels[key] === expected) continue;
    added ??= controllerLabels(t);
    if (!addedByController(added, t, key, expected)) return false;
  }
  return true;
}

/** A label the template does not set but its controller adds to every pod, with a fitting value. */
function addedByController(added: ControllerLabels, t: PodTemplate, key: string, expected: string): boolean {
  return !(key in t.labels) && Object.hasOwn(added, key) && added[key](expected);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Same folder, or one directly inside the other (`k8s/ingress.yaml` and `k8s/services/web.yaml`). */
function relatedFolders(a: string, b: string): boolean {
  const da = dirOf(a);
  const db = dirOf(b);
  return da === db || dirOf(da) === db && da !== '' || dirOf(db) === da && db !== '';
}

/**
 * Whether `other` tells something about the namespace `obj` is deployed to. Manifests without
 * `metadata.namespace` go wherever `kubectl -n`, kustomize or Helm put them, so two such manifests in
 * unrelated folders may well end up in different namespaces; near each other they are taken to be together.
 */
export function sharesNamespace(ws: Workspace, obj: K8sObject, other: K8sObject): boolean {
  if (obj.namespace !== other.namespace) return false;
  if (obj.namespaceExplicit && other.namespaceExplicit) return true;
  if (ws.settings.defaultNamespace !== 'default') return true; // the config says where they go
  return relatedFolders(obj.unit.file.path, other.unit.file.path);
}

export function serviceIndex(ws: Workspace): ServiceIndex {
  return ws.memo('services:index', () => {
    const templatesByNs = new Map<string, PodTemplate[]>();
    // Templates by namespace and label, so a selector is tried only on templates that carry one of its labels.
    const byLabel = new Map<string, PodTemplate[]>();
    for (const t of ws.podTemplates) {
      push(templatesByNs, t.owner.namespace, t);
      for (const [k, v] of Object.entries(t.labels)) push(byLabel, `${t.owner.namespace}\u0000${k}\u0000${v}`, t);
    }
    const candidates = (namespace: string, selector: Record<string, string>): PodTemplate[] => {
      // A label no controller adds must be on the template itself.
      const key = Object.keys(selector).find((k) => !CONTROLLER_KEYS.has(k));
      if (key === undefined) return templatesByNs.get(namespace) ?? [];
      return byLabel.get(`${namespace}\u0000${key}\u0000${String(selector[key])}`) ?? [];
    };
    const services: ServiceInfo[] = ws.ofKind('Service').map((object) => {
      const spec = isObjectLike(object.obj.spec) ? object.obj.spec : {};
      const selector = spec.type === 'ExternalName' ? undefined : selectorOf(spec);
      const selects = selector ? candidates(object.namespace, selector).filter((t) => selectsPods(selector, t)) : [];
      return {
        object,
        name: object.name,
        namespace: object.namespace,
        type: typeof spec.type === 'string' ? spec.type : 'ClusterIP',
        selector,
        ports: servicePorts(spec),
        selects,
      };
    });
    const byName = new Map<string, ServiceInfo[]>();
    const byNs = new Map<string, ServiceInfo[]>();
    for (const s of services) {
      push(byName, s.name, s);
      push(byNs, s.namespace, s);
    }
    return {
      services,
      find: (namespace, name) => byName.get(name)?.find((s) => s.namespace === namespace),
      named: (name) => byName.get(name) ?? [],
      inNamespace: (namespace) => byNs.get(namespace) ?? [],
      namespacesWithServices: new Set(byNs.keys()),
      templatesIn: (namespace) => templatesByNs.get(namespace) ?? [],
    } satisfies ServiceIndex;
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
