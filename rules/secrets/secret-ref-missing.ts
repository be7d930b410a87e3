import { defineRule } from '../../src/engine/rule.js';
import { closest, collectRefs, keysOf, providerName, providersIn } from '../../src/secrets/refs.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { kustomizationsOf } from '../reliability/kustomize.js';
import { boundRole, policyRules } from '../security/rbac.js';
import { bindingsFor, serviceAccountOf } from '../security/service-accounts.js';

const KUSTOMIZATION_FILES = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** Names of the ConfigMaps and Secrets that the kustomizations building `file` generate. */
function generatedNames(ws: Workspace, file: string): Set<string> {
  const dirs = new Set(kustomizationsOf(ws, file).map((k) => k.dir));
  const names = new Set<string>();
  for (const doc of ws.yamlDocs) {
    if (!KUSTOMIZATION_FILES.test(doc.file.path)) continue;
    const dir = doc.file.path.includes('/') ? doc.file.path.slice(0, doc.file.path.lastIndexOf('/')) : '';
    if (!dirs.has(dir)) continue;
    const v = doc.value as Record<string, unknown> | null;
    for (const field of ['configMapGenerator', 'secretGenerator']) {
      const list = v && Array.isArray(v[field]) ? (v[field] as unknown[]) : [];
      for (const g of list) if (g && typeof (g as { name?: unknown }).name === 'string') names.add((g as { name: string }).name);
    }
  }
  return names;
}

/**
 * Secrets (or ConfigMaps) that workloads of a namespace may create themselves: their service account
 * is bound to a role allowing `create` on them there (certificate and password init Jobs, istiod's
 * root-certificate ConfigMap). '*' means any name.
 */
function creatable(ws: Workspace, resource: 'secrets' | 'configmaps', namespace: string): Set<string> {
  return ws.memo(`secret-ref-missing:creatable:${resource}:${namespace}`, () => {
    const names = new Set<string>();
    for (const account of accountsByNamespace(ws).get(namespace) ?? []) {
      for (const binding of bindingsFor(ws, namespace, account)) {
        if (binding.kind === 'RoleBinding' && binding.namespace !== namespace) continue;
        const role = boundRole(ws, binding);
        for (const rule of role ? policyRules(role) : []) {
          // Named explicitly: a controller allowed everything (Argo CD, Flux) does not say it makes this object.
          const onResource = rule.resources.includes(resource);
          const creates = rule.verbs.includes('create') || rule.verbs.includes('*');
          const core = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
          if (!onResource || !creates || !core) continue;
          if (rule.resourceNames.length === 0) names.add('*');
          else for (const n of rule.resourceNames) names.add(n);
        }
      }
    }
    return names;
  });
}

/** The service accounts pod templates run as, by namespace (each account once). */
function accountsByNamespace(ws: Workspace): Map<string, Set<string>> {
  return ws.memo('secret-ref-missing:accounts', () => {
    const byNamespace = new Map<string, Set<string>>();
    for (const t of ws.podTemplates) {
      const set = byNamespace.get(t.owner.namespace) ?? new Set<string>();
      set.add(serviceAccountOf(t).name);
      byNamespace.set(t.owner.namespace, set);
    }
    return byNamespace;
  });
}

const SYMPTOM_ENV = 'CreateContainerConfigError';
const SYMPTOM_VOLUME = 'ContainerCreating forever (MountVolume.SetUp failed)';

export default defineRule({
  id: 'secret-ref-missing',
  family: 'secrets',
  severity: 'warning',
  title: 'Pod references a Secret or ConfigMap (or a key of one) that the scan does not define',
  symptom: 'Pod stuck in CreateContainerConfigError (`secret "db" not found`, `couldn\'t find key password in Secret prod/db`) or in ContainerCreating with `MountVolume.SetUp failed ... not found`',
  why:
    'Kubernetes resolves secretKeyRef, configMapKeyRef, envFrom and secret/configMap volumes when the pod starts. A ' +
    'misspelled name or key, or an object living in another namespace, is only discovered when the pod fails to start.',
  fix: 'Fix the name or key, create the Secret/ConfigMap (or its SealedSecret/ExternalSecret) in the same namespace as the pod, or mark the reference `optional: true` if the pod can run without it.',
  example: {
    bad: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: pasword }\n---\nkind: Secret\nmetadata: { name: db }\nstringData: { password: ... }\n',
    good: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: password }\n',
  },
  notes:
    'Only references into a namespace where the scan holds at least one object of the same family (a Secret, ' +
    'SealedSecret or ExternalSecret for Secret references; a ConfigMap for ConfigMap references) are checked: a scan ' +
    'of manifests whose Secrets are created out of band (by hand, by a CI step, by another repository) stays quiet. ' +
    'An absent object is a warning (it may still come from elsewhere); a present object without the key is an ' +
    'error. `optional: true` references are skipped. ExternalSecrets with dataFrom or a template have unknown keys ' +
    'and are not checked for keys. SealedSecret and ExternalSecret provide the Secret they are named after (or ' +
    'spec.target.name / spec.template.metadata.name). imagePullSecrets are not checked. A missing Secret or ConfigMap ' +
    'that a workload of the same namespace may create itself (its service account is bound to a role allowing ' +
    '`create` on secrets or configmaps there, as the certificate and password init Jobs of ingress-nginx and Argo CD ' +
    "and Istio's istiod are) is made at runtime and not reported, nor is one that a kustomization building the " +
    'manifest generates (configMapGenerator, secretGenerator).',
  check(ws, report) {
    for (const ref of collectRefs(ws)) {
      if (ref.optional) continue;
      const family = providersIn(ws, ref.kind, ref.namespace);
      if (family.length === 0) continue;
      const providers = family.filter((p) => providerName(p) === ref.name);
      const symptom = ref.usedBy.startsWith('container') ? SYMPTOM_ENV : SYMPTOM_VOLUME;
      if (providers.length === 0) {
        const made = creatable(ws, ref.kind === 'Secret' ? 'secrets' : 'configmaps', ref.namespace);
        if (made.has('*') || made.has(ref.name)) continue;
        if (generatedNames(ws, ref.at.unit.file.path).has(ref.name)) continue;
        const guess = closest(ref.name, family.map(providerName));
        report({
          at: ref.at,
          path: ref.namePath,
          message:
            `${ref.kind} "${ref.name}" used by ${ref.usedBy} is not defined in namespace "${ref.namespace}" of this scan` +
            `${guess ? ` (did you mean "${guess}"?)` : ''}; the pod will hang in ${symptom} unless it is created elsewhere`,
        });
        continue;
      }
      const keys = keysOf(providers);
      if (!keys) continue;
      for (const need of ref.keys) {
        if (keys.has(need.key)) continue;
        const guess = closest(need.key, keys);
        const have = [...keys].sort().slice(0, 8).join(', ');
        report({
          at: ref.at,
          path: need.path,
          severity: 'error',
          message:
            `${ref.kind} "${ref.name}"${providers[0].kind !== ref.kind ? ` (from ${providers[0].kind} "${providers[0].name}")` : ''} has no key "${need.key}"` +
            `${guess ? ` (did you mean "${guess}"?)` : ''}: it has ${have || 'no keys'}, so ${ref.usedBy} fails with ${symptom}`,
        });
      }
    }
  },
});
