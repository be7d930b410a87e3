import { defineRule } from '../../src/engine/rule.js';
import { hostReferences, resolveServiceHost, serviceFqdn } from '../../src/workspace/dns.js';
import { serviceIndex } from '../../src/workspace/services.js';
import type { EnvValue } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/**
 * The namespace a value is used in, when that is really known. Objects without `metadata.namespace`
 * are deployed wherever `kubectl -n` or the Helm release says, so a bare name from them is not judged
 * unless the config sets a default namespace.
 */
function usedIn(ws: Workspace, v: EnvValue): string | undefined {
  if (v.namespace === undefined) return undefined;
  if (v.object && !v.object.namespaceExplicit && ws.settings.defaultNamespace === 'default') return undefined;
  return v.namespace;
}

export default defineRule({
  id: 'service-dns-cross-namespace',
  family: 'networking',
  severity: 'error',
  title: 'A service URL names a Service of another namespace without its namespace',
  symptom: '`Could not resolve host: auth-service` / `getaddrinfo ENOTFOUND` / `no such host` from the client, although the Service exists and works',
  why: 'A bare Service name (`http://auth-service:8080`) resolves only through the pod\'s own namespace search domain, so it finds Services of the same namespace and nothing else. `name.ns` resolves only in the namespace written there. When the Service lives in another namespace the lookup fails with NXDOMAIN, often only after moving a workload to its own namespace.',
  fix: 'Use the Service\'s namespace-qualified name, preferably the fully qualified `name.namespace.svc.cluster.local`, and make sure a NetworkPolicy lets the traffic cross namespaces.',
  example: {
    bad: '# in namespace shop; Service auth-service is in namespace identity\nenv:\n  - name: AUTH_URL\n    value: http://auth-service:8080',
    good: 'env:\n  - name: AUTH_URL\n    value: http://auth-service.identity.svc.cluster.local:8080',
  },
  notes: 'Values from container env, ConfigMaps, .env files, docker-compose and Helm values are read. Silent on fully qualified names that resolve, on bare names of a Service in the same namespace, on names no scanned Service has (unknown is not wrong), on external hosts, and on bare names outside Kubernetes (compose service names). `name.ns` is judged only when the scan holds Services of `ns`.',
  check(ws, report) {
    const index = serviceIndex(ws);
    if (!index.services.length) return;
    for (const v of ws.envValues) {
      if (!/[:/]/.test(v.value)) continue; // no URL and no host:port
      const from = usedIn(ws, v);
      const seen = new Set<string>();
      // An image reference (`postgres:16`) looks like host:port; only URLs count in image-ish variables.
      const imageish = /IMAGE|_TAG$|VERSION/i.test(v.name);
      for (const ref of hostReferences(v.value)) {
        if (imageish && !ref.scheme) continue;
        if (seen.has(ref.host)) continue;
        seen.add(ref.host);
        const verdict = resolveServiceHost(index, ref.host, from);
        if (verdict.kind !== 'other-namespace' && verdict.kind !== 'wrong-namespace') continue;
        const fqdns = verdict.candidates.map((s) => serviceFqdn(s, verdict.name.pod));
        const target = fqdns.length === 1 ? fqdns[0] : `one of ${fqdns.join(', ')}`;
        const namespaces = verdict.candidates.map((s) => `"${s.namespace}"`).join(', ');
        const message =
          verdict.kind === 'other-namespace'
            ? `${v.name} uses the bare host "${ref.host}", which resolves only in namespace "${from}", but Service "${verdict.name.service}" is in namespace ${namespaces}: use ${target}`
            : `${v.name} uses "${ref.host}", but namespace "${verdict.name.namespace}" has no Service "${verdict.name.service}" (it is in namespace ${namespaces}): use ${target}`;
        report({ at: v.at, path: v.path, message, fix: `replace "${ref.host}" with ${fqdns[0]}` });
      }
    }
  },
});
