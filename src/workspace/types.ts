import type { KeyPath, Locatable, ResourceRef, SourceFile, Unit } from '../model.js';

/** A YAML (or JSON) document of a scanned file. */
export interface YamlDocUnit extends Unit {
  readonly kind: 'yaml';
  /** Index of the document in its file (0-based). */
  readonly index: number;
  /** Plain JS value of the document (null for an empty document). */
  readonly value: unknown;
  /** Template path from a Helm `# Source: chart/templates/x.yaml` comment, when present. */
  readonly helmSource?: string;
}

/** A Kubernetes object (a document, or an item of a `kind: List`). */
export interface K8sObject extends Locatable {
  unit: YamlDocUnit;
  apiVersion: string;
  kind: string;
  name: string;
  /** Effective namespace: explicit, else config default, else 'default'. Empty for cluster-scoped kinds. */
  namespace: string;
  namespaceExplicit: boolean;
  /** The object itself (plain data). */
  obj: any;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ref: ResourceRef;
}

/** The pod template of a workload (or the Pod itself). */
export interface PodTemplate extends Locatable {
  owner: K8sObject;
  /** Path of the PodSpec inside the object, e.g. ['spec','template','spec']. */
  specPath: KeyPath;
  spec: any;
  /** Labels of the pod template (or of the Pod). */
  labels: Record<string, string>;
  labelsPath: KeyPath;
  annotations: Record<string, string>;
  containers: ContainerRef[];
  /** Jobs and CronJobs run to completion; probes do not apply. */
  runsToCompletion: boolean;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: string;
  index: number;
}

export interface ContainerRef extends Locatable {
  template: PodTemplate;
  container: any;
  name: string;
  image: string;
  kind: 'container' | 'init' | 'ephemeral';
  /** Sidecars: init containers with restartPolicy Always are long-running. */
  longRunning: boolean;
  ports: ContainerPort[];
  /** Absolute path of this container in its object. */
  path: KeyPath;
}

export type EnvSourceKind = 'container' | 'configmap' | 'envfile' | 'compose' | 'helm-values' | 'dockerfile' | 'secret';

/** An environment value found anywhere, pointing at its exact location. */
export interface EnvValue {
  name: string;
  value: string;
  source: EnvSourceKind;
  /** Report against `at` with `path` to point at the value. */
  at: Locatable;
  path: KeyPath;
  /** The object holding it (container's workload, the ConfigMap), when Kubernetes. */
  object?: K8sObject;
  /** The container (for `container` values, and ConfigMap values consumed by a container). */
  container?: ContainerRef;
  /** Namespace the value is used in (for DNS resolution); undefined outside Kubernetes. */
  namespace?: string;
  /** Pods that consume this value (containers referencing a ConfigMap through envFrom/configMapKeyRef). */
  consumers?: ContainerRef[];
}

export interface ScanSettings {
  kubernetesVersion: string;
  targetArchitectures: string[];
  defaultNamespace: string;
}

export type { SourceFile };
