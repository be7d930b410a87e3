// The bundled examples show one realistic mistake per networking and stateful rule, and only that one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
const RULES = [
  'service-selector-no-match', 'service-port-mismatch', 'ingress-backend-missing', 'service-dns-cross-namespace',
  'websocket-ingress-timeout', 'exposed-to-world', 'postgres-pgdata-missing', 'kafka-cluster-id-unpinned',
  'database-without-persistence',
];

describe('examples/k8s/networking and examples/k8s/stateful', () => {
  it('show each rule once, in the file written for it, also when the whole examples folder is scanned', async () => {
    const result = await scan({ paths: [EXAMPLES], history: false, onlyRules: RULES });
    expect(result.errors).toEqual([]);
    const mine = result.findings
      .filter((f) => /^k8s\/(networking|stateful)\//.test(f.file))
      .map((f) => `${f.file} ${f.ruleId}`)
      .sort();
    expect(mine).toEqual([
      'k8s/networking/grafana.yaml exposed-to-world',
      'k8s/networking/notifications.yaml service-dns-cross-namespace',
      'k8s/networking/orders-api.yaml service-selector-no-match',
      'k8s/networking/payments-gateway.yaml service-port-mismatch',
      'k8s/networking/storefront.yaml ingress-backend-missing',
      'k8s/networking/support-chat.yaml websocket-ingress-timeout',
      'k8s/stateful/events-kafka.yaml kafka-cluster-id-unpinned',
      'k8s/stateful/orders-db.yaml postgres-pgdata-missing',
      'k8s/stateful/sessions-mysql.yaml database-without-persistence',
    ]);
  });
});
