// Cases the fixtures cannot hold: old API versions (api-deprecated would fire there), scan-wide
// settings (controller ConfigMaps, default namespaces), and the exact wording of messages.
import { describe, expect, it } from 'vitest';
import { findings, lineOf } from './helpers.js';

const svc = (name: string, ns: string, ports = '[{ name: http, port: 80, targetPort: 8080 }]', extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: { name: ${name}, namespace: ${ns} }\nspec:\n  selector: { app: ${name} }\n  ports: ${ports}\n${extra}`;

const deployment = (name: string, ns: string, labels: string, env = '', ports = '[{ name: http, containerPort: 8080 }]', nsLine = `namespace: ${ns}`) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  ${nsLine}
spec:
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.0.0
          ports: ${ports}
${env}`;

describe('ingress-backend-missing', () => {
  it('reads extensions/v1beta1 serviceName/servicePort backends and the old default backend', async () => {
    const ingress = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: { name: legacy, namespace: shop }
spec:
  backend:
    serviceName: fallback
    servicePort: 80
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: http
          - path: /api
            backend:
              serviceName: web
              servicePort: 8080
          - path: /old
            backend:
              serviceName: web
              servicePort: 80
`;
    const hits = await findings({ 'ingress.yaml': ingress, 'svc.yaml': svc('web', 'shop') }, ['ingress-backend-missing']);
    expect(hits.map((h) => h.line)).toEqual([lineOf(ingress, 'serviceName: fallback'), lineOf(ingress, 'servicePort: 8080')]);
    expect(hits[1].message).toContain('8080 is the targetPort');
  });

  it('relates manifests without a namespace only to those in the same or a neighbouring folder', async () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  rules:
    - http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`;
    const other = `apiVersion: v1\nkind: Service\nmetadata: { name: other }\nspec:\n  selector: { app: other }\n  ports: [{ port: 80 }]\n`;
    const rule = ['ingress-backend-missing'];
    expect(await findings({ 'apps/web/ingress.yaml': ingress, 'apps/other/svc.yaml': other }, rule)).toEqual([]);
    expect(await findings({ 'examples/a/b/ingress.yaml': ingress, 'examples/svc.yaml': other }, rule)).toEqual([]);
    expect(await findings({ 'k8s/ingress.yaml': ingress, 'k8s/services/other.yaml': other }, rule)).toHaveLength(1);
    expect(await findings({ 'apps/web/ingress.yaml': ingress, 'apps/web/other.yaml': other }, rule)).toHaveLength(1);
  });

  it('does not claim Services of kube-system are missing', async () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: dashboard, namespace: kube-system }
spec:
  rules:
    - http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: kubernetes-dashboard, port: { number: 443 } } } }
`;
    expect(await findings({ 'i.yaml': ingress, 's.yaml': svc('oauth2-proxy', 'kube-system') }, ['ingress-backend-missing'])).toEqual([]);
  });

  it('stays silent when the scan holds no Services of the Ingress namespace', async () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  rules:
    - http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`;
    expect(await findings({ 'ingress.yaml': ingress, 'svc.yaml': svc('web', 'other') }, ['ingress-backend-missing'])).toEqual([]);
  });
});

describe('service-selector-no-match', () => {
  it('names the differing label and the value the pods have', async () => {
    const s = `apiVersion: v1\nkind: Service\nmetadata: { name: cart, namespace: shop }\nspec:\n  selector:\n    app: cart\n    tier: backend\n  ports: [{ port: 80, targetPort: 8080 }]\n`;
    const hits = await findings({ 's.yaml': s, 'd.yaml': deployment('cart', 'shop', '{ app: cart, tier: back-end }') }, ['service-selector-no-match']);
    expect(hits).toHaveLength(1);
    expect(hits[0].line).toBe(lineOf(s, 'tier: backend'));
    expect(hits[0].message).toContain('"tier" is "backend" in the selector but "back-end" on the pods');
  });

  it('treats another version as deliberate, not as a slip to point out', async () => {
    const d = deployment('reviews-v1', 'shop', '{ app: reviews, version: v1 }');
    const s = `apiVersion: v1\nkind: Service\nmetadata: { name: reviews-v2, namespace: shop }\nspec:\n  selector:\n    app: reviews\n    version: v2\n  ports: [{ port: 80, targetPort: 8080 }]\n`;
    const [hit] = await findings({ 'd.yaml': d, 's.yaml': s }, ['service-selector-no-match']);
    // Still reported (one label differs), but without pretending it is a typo when an operator may run v2.
    expect(hit.message).toContain('"version" is "v2" in the selector but "v1" on the pods');
    const cr = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: reviews, namespace: shop }\nspec: {}\n';
    expect(await findings({ 'd.yaml': d, 's.yaml': s, 'r.yaml': cr }, ['service-selector-no-match'])).toEqual([]);
  });

  it('counts labels that controllers add to pods (per-pod Services of a StatefulSet, job-name)', async () => {
    const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: kafka, namespace: data }\nspec:\n  serviceName: kafka\n  selector: { matchLabels: { app: kafka } }\n  template:\n    metadata: { labels: { app: kafka } }\n    spec:\n      containers: [{ name: c, image: apache/kafka:3.9.0, ports: [{ containerPort: 9094 }] }]\n`;
    const perPod = `apiVersion: v1\nkind: Service\nmetadata: { name: kafka-0-external, namespace: data }\nspec:\n  selector: { statefulset.kubernetes.io/pod-name: kafka-0 }\n  ports: [{ port: 9094 }]\n`;
    const wrongPod = perPod.replace(/kafka-0/g, 'kafak-0');
    const job = `apiVersion: batch/v1\nkind: Job\nmetadata: { name: migrate, namespace: data }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: c, image: migrate:1.0.0 }]\n`;
    const jobSvc = `apiVersion: v1\nkind: Service\nmetadata: { name: migrate-debug, namespace: data }\nspec:\n  selector: { job-name: migrate }\n  ports: [{ port: 80 }]\n`;
    expect(await findings({ 'sts.yaml': sts, 'svc.yaml': perPod, 'job.yaml': job, 'jsvc.yaml': jobSvc }, ['service-selector-no-match', 'service-port-mismatch'])).toEqual([]);
    expect(await findings({ 'sts.yaml': sts, 'svc.yaml': wrongPod }, ['service-selector-no-match'])).toHaveLength(1);
  });

  it('leaves Services alone whose pods an operator may create', async () => {
    const d = deployment('api', 'data', '{ app: api }');
    const cnpg = `apiVersion: v1\nkind: Service\nmetadata: { name: orders-db-rw, namespace: data }\nspec:\n  selector:\n    cnpg.io/cluster: orders-db\n    role: primary\n  ports: [{ port: 5432 }]\n`;
    const cluster = `apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: { name: orders-db, namespace: data }\nspec:\n  instances: 3\n`;
    const plain = `apiVersion: v1\nkind: Service\nmetadata: { name: search, namespace: data }\nspec:\n  selector: { app: search }\n  ports: [{ port: 9200 }]\n`;
    const typo = `apiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: data }\nspec:\n  selector: { app: apii }\n  ports: [{ port: 80, targetPort: 8080 }]\n`;
    // An operator label prefix no scanned template uses: silent even without the custom resource.
    expect(await findings({ 'd.yaml': d, 's.yaml': cnpg }, ['service-selector-no-match'])).toEqual([]);
    // A custom resource that makes pods: unrelated selectors are silent, look-alikes of scanned pods are not.
    const hits = await findings({ 'd.yaml': d, 'c.yaml': cluster, 'p.yaml': plain, 't.yaml': typo }, ['service-selector-no-match']);
    expect(hits.map((h) => h.file)).toEqual(['t.yaml']);
    // Without it, the unrelated selector is reported.
    expect((await findings({ 'd.yaml': d, 'p.yaml': plain }, ['service-selector-no-match'])).map((h) => h.file)).toEqual(['p.yaml']);
  });

  it('does not judge a namespace-less Service by workloads of unrelated folders', async () => {
    const s = `apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  selector: { app: api }\n  ports: [{ port: 80 }]\n`;
    const d = deployment('worker', 'default', '{ app: worker }', '', undefined, '# no namespace');
    expect(await findings({ 'apps/api/svc.yaml': s, 'apps/worker/deploy.yaml': d }, ['service-selector-no-match'])).toEqual([]);
    expect(await findings({ 'apps/api/svc.yaml': s, 'apps/api/worker.yaml': d }, ['service-selector-no-match'])).toHaveLength(1);
  });

  it('matches pods of a bare Pod and of a DaemonSet', async () => {
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: { name: debug, namespace: ops, labels: { app: debug } }\nspec:\n  containers: [{ name: c, image: busybox:1.36 }]\n`;
    const ds = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent, namespace: ops }\nspec:\n  selector: { matchLabels: { app: agent } }\n  template:\n    metadata: { labels: { app: agent } }\n    spec:\n      containers: [{ name: c, image: agent:1.0.0 }]\n`;
    const services = `${svc('debug', 'ops', '[{ port: 80 }]')}---\n${svc('agent', 'ops', '[{ port: 80 }]')}`;
    expect(await findings({ 'p.yaml': pod, 'ds.yaml': ds, 's.yaml': services }, ['service-selector-no-match'])).toEqual([]);
  });
});

describe('service-port-mismatch', () => {
  it('fires for a named targetPort when the pods declare no ports at all', async () => {
    const s = svc('api', 'shop', '[{ name: http, port: 80, targetPort: http }]');
    const hits = await findings({ 's.yaml': s, 'd.yaml': deployment('api', 'shop', '{ app: api }', '', '[]') }, ['service-port-mismatch']);
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('targetPort "http", which is not a container port name')]);
  });

  it('trusts ports the pod configures itself (args, env, mounted ConfigMaps) and pods filled in by injection', async () => {
    const s = svc('collector', 'obs', '[{ name: otlp-auth, port: 5317, targetPort: 5317 }]');
    const byArgs = deployment('collector', 'obs', '{ app: collector }', '          args: [--grpc-port, "5317"]\n', '[{ containerPort: 4317 }]');
    expect(await findings({ 's.yaml': s, 'd.yaml': byArgs }, ['service-port-mismatch'])).toEqual([]);
    const byConfig = deployment('collector', 'obs', '{ app: collector }', '          volumeMounts: [{ name: conf, mountPath: /conf }]\n      volumes: [{ name: conf, configMap: { name: collector-conf } }]\n', '[{ containerPort: 4317 }]');
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: collector-conf, namespace: obs }\ndata:\n  config.yaml: |\n    receivers:\n      otlp/auth: { endpoint: "0.0.0.0:5317" }\n';
    expect(await findings({ 's.yaml': s, 'd.yaml': byConfig, 'cm.yaml': cm }, ['service-port-mismatch'])).toEqual([]);
    expect(await findings({ 's.yaml': s, 'd.yaml': byConfig }, ['service-port-mismatch'])).toHaveLength(1);
    const gateway = deployment('collector', 'obs', '{ app: collector }', '', '[{ containerPort: 15090 }]').replace('image: registry.example.com/collector:1.0.0', 'image: auto');
    expect(await findings({ 's.yaml': s, 'd.yaml': gateway }, ['service-port-mismatch'])).toEqual([]);
  });

  it('is silent when one of several selected workloads offers the port', async () => {
    const s = svc('api', 'shop', '[{ name: http, port: 80, targetPort: 9000 }]');
    const a = deployment('api', 'shop', '{ app: api }');
    const b = deployment('api-canary', 'shop', '{ app: api, track: canary }', '', '[{ containerPort: 9000 }]');
    expect(await findings({ 's.yaml': s, 'a.yaml': a, 'b.yaml': b }, ['service-port-mismatch'])).toEqual([]);
  });
});

describe('service-dns-cross-namespace', () => {
  const env = (value: string) => `          env:\n            - name: TARGET\n              value: "${value}"\n`;

  it('leaves bare names alone when the consumer has no explicit namespace', async () => {
    const d = deployment('web', 'default', '{ app: web }', env('http://auth:8080'), undefined, '# namespace set by kubectl -n');
    expect(await findings({ 'd.yaml': d, 's.yaml': svc('auth', 'identity') }, ['service-dns-cross-namespace'])).toEqual([]);
  });

  it('judges bare names when the config names the default namespace', async () => {
    const d = deployment('web', 'default', '{ app: web }', env('http://auth:8080'), undefined, '# namespace from config');
    const hits = await findings(
      { 'd.yaml': d, 's.yaml': svc('auth', 'identity'), '.kubelint.yaml': 'defaultNamespace: shop\n' },
      ['service-dns-cross-namespace'],
    );
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('use auth.identity.svc.cluster.local')]);
  });

  it('lists every namespace that has the Service when the name is ambiguous', async () => {
    const d = deployment('web', 'shop', '{ app: web }', env('auth:8080'));
    const hits = await findings({ 'd.yaml': d, 's.yaml': `${svc('auth', 'identity')}---\n${svc('auth', 'staging')}` }, ['service-dns-cross-namespace']);
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toContain('one of auth.identity.svc.cluster.local, auth.staging.svc.cluster.local');
  });

  it('keeps the pod name of StatefulSet DNS names in the suggestion', async () => {
    const d = deployment('web', 'shop', '{ app: web }', env('kafka-0.kafka.shop:9092'));
    const hits = await findings({ 'd.yaml': d, 's.yaml': `${svc('kafka', 'data')}---\n${svc('web', 'shop')}` }, ['service-dns-cross-namespace']);
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('use kafka-0.kafka.data.svc.cluster.local')]);
  });

  it('does not read image references as host:port', async () => {
    const d = deployment('web', 'shop', '{ app: web }', `          env:\n            - { name: CACHE_IMAGE, value: "redis:7" }\n            - { name: CACHE_ADDR, value: "redis:6379" }\n`);
    const hits = await findings({ 'd.yaml': d, 's.yaml': svc('redis', 'cache') }, ['service-dns-cross-namespace']);
    expect(hits.map((h) => h.message)).toEqual([expect.stringMatching(/^CACHE_ADDR uses the bare host "redis"/)]);
  });

  it('says nothing about name.ns when the scan holds no Services of ns', async () => {
    const d = deployment('web', 'shop', '{ app: web }', env('http://auth.identity:8080'));
    expect(await findings({ 'd.yaml': d, 's.yaml': svc('auth', 'staging') }, ['service-dns-cross-namespace'])).toEqual([]);
  });
});

describe('websocket-ingress-timeout', () => {
  const ingress = (annotations: string, className = 'nginx') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: chat
  namespace: support
  annotations: ${annotations}
spec:
  ingressClassName: ${className}
  rules:
    - http:
        paths:
          - { path: /ws, pathType: Prefix, backend: { service: { name: chat, port: { number: 80 } } } }
`;

  it('counts timeouts from the ingress-nginx controller ConfigMap', async () => {
    const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ingress-nginx-controller, namespace: ingress-nginx }\ndata:\n  proxy-read-timeout: "3600"\n  proxy-send-timeout: "3600"\n`;
    expect(await findings({ 'i.yaml': ingress('{}'), 'cm.yaml': cm }, ['websocket-ingress-timeout'])).toEqual([]);
  });

  it('reads NGINX Inc annotations with units, and IngressClass objects of nginx controllers', async () => {
    const ok = ingress('{ nginx.org/proxy-read-timeout: "1h", nginx.org/proxy-send-timeout: "3600s" }');
    expect(await findings({ 'i.yaml': ok }, ['websocket-ingress-timeout'])).toEqual([]);
    const cls = `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: public }\nspec:\n  controller: k8s.io/ingress-nginx\n`;
    const hits = await findings({ 'i.yaml': ingress('{}', 'public'), 'c.yaml': cls }, ['websocket-ingress-timeout']);
    expect(hits).toHaveLength(1);
    expect(await findings({ 'i.yaml': ingress('{}', 'public') }, ['websocket-ingress-timeout'])).toEqual([]);
  });
});

describe('exposed-to-world', () => {
  it('reads the source-ranges annotation, and reports web-only load balancers as info', async () => {
    const open = `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: data
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 0.0.0.0/0"
spec:
  type: LoadBalancer
  ports: [{ port: 5432 }]
---
apiVersion: v1
kind: Service
metadata: { name: site, namespace: web }
spec:
  type: LoadBalancer
  ports: [{ port: 443 }]
---
apiVersion: v1
kind: Service
metadata:
  name: vpn-only
  namespace: data
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"
spec:
  type: LoadBalancer
  ports: [{ port: 5432 }]
`;
    const hits = await findings({ 's.yaml': open }, ['exposed-to-world']);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineOf(open, 'load-balancer-source-ranges: "10.0.0.0/8, 0.0.0.0/0"'), 'warning'],
      [lineOf(open, 'ports: [{ port: 443 }]') - 1, 'info'],
    ]);
  });

  it('honours the kube-linter exposed-services ignore annotation', async () => {
    const s = `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: data
  annotations:
    ignore-check.kube-linter.io/exposed-services: "partner access, firewall outside the cluster"
spec:
  type: LoadBalancer
  ports: [{ port: 5432 }]
`;
    expect(await findings({ 's.yaml': s }, ['exposed-to-world'])).toEqual([]);
  });
});
