import type { Rule } from '../../src/engine/rule.js';
import serviceSelectorNoMatch from './service-selector-no-match.js';
import servicePortMismatch from './service-port-mismatch.js';
import ingressBackendMissing from './ingress-backend-missing.js';
import serviceDnsCrossNamespace from './service-dns-cross-namespace.js';
import websocketIngressTimeout from './websocket-ingress-timeout.js';
import exposedToWorld from './exposed-to-world.js';

export const rules: Rule[] = [
  serviceSelectorNoMatch,
  servicePortMismatch,
  ingressBackendMissing,
  serviceDnsCrossNamespace,
  websocketIngressTimeout,
  exposedToWorld,
];
