// `.Capabilities`: the Kubernetes version given to the scan and the API versions a cluster of
// that version serves (built-in groups only; Helm's default set comes from its client library).
import { GoStruct } from '../template/values.js';

/** group/version -> kinds, with the minor version that removed it (if any) and the one that added it. */
const APIS: [string, string[], number?, number?][] = [
  ['v1', ['Binding', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount']],
  ['admissionregistration.k8s.io/v1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], 22],
  ['apiextensions.k8s.io/v1', ['CustomResourceDefinition']],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], 22],
  ['apiregistration.k8s.io/v1', ['APIService']],
  ['apps/v1', ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']],
  ['authentication.k8s.io/v1', ['TokenReview', 'SelfSubjectReview']],
  ['authorization.k8s.io/v1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview']],
  ['autoscaling/v1', ['HorizontalPodAutoscaler']],
  ['autoscaling/v2', ['HorizontalPodAutoscaler'], undefined, 23],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], 25],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], 26],
  ['batch/v1', ['CronJob', 'Job']],
  ['batch/v1beta1', ['CronJob'], 25],
  ['certificates.k8s.io/v1', ['CertificateSigningRequest']],
  ['coordination.k8s.io/v1', ['Lease']],
  ['discovery.k8s.io/v1', ['EndpointSlice'], undefined, 21],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], 25],
  ['events.k8s.io/v1', ['Event']],
  ['extensions/v1beta1', ['Ingress'], 22],
  ['flowcontrol.apiserver.k8s.io/v1', ['FlowSchema', 'PriorityLevelConfiguration'], undefined, 29],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], 32, 26],
  ['networking.k8s.io/v1', ['Ingress', 'IngressClass', 'NetworkPolicy']],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], 22],
  ['node.k8s.io/v1', ['RuntimeClass']],
  ['policy/v1', ['Eviction', 'PodDisruptionBudget'], undefined, 21],
  ['policy/v1beta1', ['PodDisruptionBudget', 'PodSecurityPolicy'], 25],
  ['rbac.authorization.k8s.io/v1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 22],
  ['scheduling.k8s.io/v1', ['PriorityClass']],
  ['storage.k8s.io/v1', ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment']],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], 27],
];

export const DEFAULT_KUBE_VERSION = 'v1.31.0';

export function parseKubeVersion(v: string | undefined): { major: string; minor: string; version: string } {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$/.exec((v ?? DEFAULT_KUBE_VERSION).trim());
  if (!m) return parseKubeVersion(DEFAULT_KUBE_VERSION);
  const [, major, minor = '0', patch = '0', rest] = m;
  return { major, minor, version: `v${major}.${minor}.${patch}${rest}` };
}

export function apiVersionsFor(minor: number): string[] {
  const out: string[] = [];
  for (const [gv, kinds, removedIn, addedIn] of APIS) {
    if (removedIn !== undefined && minor >= removedIn) continue;
    if (addedIn !== undefined && minor < addedIn) continue;
    out.push(gv, ...kinds.map((k) => `${gv}/${k}`));
  }
  return out;
}

export function capabilitiesObject(kubeVersion: string | undefined, extraApis: string[] = []): GoStruct {
  const kv = parseKubeVersion(kubeVersion);
  const versions = [...apiVersionsFor(Number(kv.minor)), ...extraApis];
  const set = new Set(versions);
  const apiVersions = Object.assign(versions.slice(), {});
  const kube = new GoStruct('chartutil.KubeVersion', { Version: kv.version, Major: kv.major, Minor: kv.minor }, {
    String: () => kv.version,
    GitVersion: () => kv.version,
  }, () => kv.version);
  const apis = new GoStruct('chartutil.VersionSet', {}, { Has: (v: unknown) => set.has(String(v)) }, () => `[${versions.join(' ')}]`);
  (apis as any).list = apiVersions;
  return new GoStruct('*chartutil.Capabilities', {
    KubeVersion: kube,
    APIVersions: apis,
    HelmVersion: new GoStruct('version.BuildInfo', { Version: 'v3.16.0', GitCommit: '', GitTreeState: 'clean', GoVersion: 'go1.22.0' }),
  });
}
