import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from './kustomize.js';
import { mapSelectorMatches } from '../../src/workspace/selectors.js';

export default defineRule({
  id: 'statefulset-service-missing',
  family: 'reliability',
  severity: 'warning',
  title: 'A StatefulSet has no matching headless Service',
  symptom: 'the stable pod DNS names (`db-0.db.shop.svc.cluster.local`) do not resolve: cluster members cannot find each other, replication and leader election fail with "could not resolve host"',
  why: 'A StatefulSet gives its pods stable network identities only through the headless Service named in `spec.serviceName`. That Service must exist in the same namespace, have `clusterIP: None`, and select the StatefulSet\'s pods.',
  fix: 'Create a Service with `clusterIP: None` whose name is the StatefulSet\'s `serviceName` and whose selector matches its pod labels; set `serviceName` if it is missing.',
  example: {
    bad: 'kind: StatefulSet\nspec:\n  serviceName: db\n---\nkind: Service\nmetadata: { name: db }\nspec:\n  selector: { app: db }\n  ports: [{ port: 5432 }]',
    good: 'kind: StatefulSet\nspec:\n  serviceName: db\n---\nkind: Service\nmetadata: { name: db }\nspec:\n  clusterIP: None\n  selector: { app: db }\n  ports: [{ port: 5432 }]',
  },
  peers: {
    kubeScore: ['statefulset-has-servicename'],
  },
  notes: 'Fires when serviceName is unset; when the named Service is absent while the scan holds Services of that namespace; and when it exists but is not headless or its selector does not select the StatefulSet\'s pods.',
  check(ws, report) {
    const withServices = ws.namespacesWith('Service');
    for (const t of ws.podTemplates) {
      const sts = t.owner;
      if (sts.kind !== 'StatefulSet') continue;
      const name = sts.obj.spec?.serviceName;
      const label = `StatefulSet "${sts.name}"`;
      if (typeof name !== 'string' || name.trim() === '') {
        if (isPartialObject(ws, sts)) continue;
        report({ at: sts, path: ['spec'], target: 'key', message: `${label} does not set spec.serviceName: its pods get no stable DNS names` });
        continue;
      }
      const svc = ws.find('Service', sts.namespace, name);
      if (!svc) {
        if (!withServices.has(sts.namespace)) continue;
        report({ at: sts, path: ['spec', 'serviceName'], message: `${label} names Service "${name}", which is not in namespace "${sts.namespace}": its pods get no stable DNS names` });
        continue;
      }
      if (svc.obj.spec?.clusterIP !== 'None') {
        report({ at: sts, path: ['spec', 'serviceName'], message: `${label} names Service "${name}", which is not headless (clusterIP: None): per-pod DNS names such as ${sts.name}-0.${name} do not resolve` });
        continue;
      }
      const selector = svc.obj.spec?.selector;
      if (selector && typeof selector === 'object' && Object.keys(selector).length && !mapSelectorMatches(selector, t.labels).matches) {
        report({ at: sts, path: ['spec', 'serviceName'], message: `${label} names Service "${name}", whose selector does not select the StatefulSet's pods: they get no DNS records` });
      }
    }
  },
});
