import { defineRule } from '../../src/engine/rule.js';
import type { KeyPath } from '../../src/model.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import type { K8sObject } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

const MIN_SECONDS = 3600;
const DEFAULT_SECONDS = 60;
/** ingress-nginx (kubernetes/ingress-nginx) and NGINX Inc's controller (nginx.org) spell the same settings. */
const PREFIXES = ['nginx.ingress.kubernetes.io/', 'nginx.org/'];
const NGINX_CONTROLLERS = new Set(['k8s.io/ingress-nginx', 'nginx.org/ingress-controller']);
const WS_PATH = /\/(?:ws|websockets?)(?=$|\/|\(|\?|\*)/;

/** `3600`, `"3600"`, `3600s`, `60m`, `1h` in seconds. */
export function durationSeconds(raw: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/i.exec(raw);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  return unit === 'h' ? n * 3600 : unit === 'm' ? n * 60 : n;
}

function annotation(ing: K8sObject, setting: string): { key: string; value: string } | undefined {
  for (const prefix of PREFIXES) {
    const key = prefix + setting;
    if (ing.annotations[key] !== undefined) return { key, value: ing.annotations[key] };
  }
  return undefined;
}

function isNginx(ws: Workspace, ing: K8sObject): boolean {
  const className = typeof ing.obj.spec?.ingressClassName === 'string' ? ing.obj.spec.ingressClassName : ing.annotations['kubernetes.io/ingress.class'];
  const classes = ws.ofKind('IngressClass');
  if (className !== undefined) {
    if (/nginx/i.test(className)) return true;
    const cls = classes.find((c) => c.name === className);
    return !!cls && NGINX_CONTROLLERS.has(String(cls.obj.spec?.controller ?? ''));
  }
  if (Object.keys(ing.annotations).some((k) => PREFIXES.some((p) => k.startsWith(p)))) return true;
  // No class at all: the cluster's default IngressClass takes it, when the scan shows which one that is.
  const def = classes.find((c) => c.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true');
  return !!def && NGINX_CONTROLLERS.has(String(def.obj.spec?.controller ?? ''));
}

/** Controller-wide defaults from the ingress-nginx ConfigMap, when it is in the scan. */
function globalTimeouts(ws: Workspace): Record<string, number | undefined> {
  return ws.memo('websocket-ingress-timeout:global', () => {
    const out: Record<string, number | undefined> = {};
    for (const cm of ws.ofKind('ConfigMap')) {
      if (!/nginx/i.test(cm.name) || !isObjectLike(cm.obj.data)) continue;
      for (const setting of ['proxy-read-timeout', 'proxy-send-timeout']) {
        const raw = cm.obj.data[setting];
        if (raw != null) out[setting] = durationSeconds(String(raw));
      }
    }
    return out;
  });
}

interface Evidence {
  path: KeyPath;
  what: string;
}

function webSocketEvidence(ing: K8sObject): Evidence | undefined {
  const services = annotation(ing, 'websocket-services');
  if (services && services.value.trim() !== '') {
    return { path: ['metadata', 'annotations', services.key], what: `annotation ${services.key}` };
  }
  const rules = ing.obj.spec?.rules;
  if (!Array.isArray(rules)) return undefined;
  for (let r = 0; r < rules.length; r++) {
    const paths = rules[r]?.http?.paths;
    if (!Array.isArray(paths)) continue;
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i]?.path;
      if (typeof p === 'string' && WS_PATH.test(p)) return { path: ['spec', 'rules', r, 'http', 'paths', i, 'path'], what: `path ${p}` };
    }
  }
  return undefined;
}

export default defineRule({
  id: 'websocket-ingress-timeout',
  family: 'networking',
  severity: 'warning',
  title: 'WebSocket traffic through ingress-nginx with the default 60 s proxy timeouts',
  symptom: 'WebSocket connections close after about 60 seconds without traffic (close code 1006 in the browser, `upstream timed out` / `upstream prematurely closed connection` in the controller log), and clients reconnect in a loop',
  why: 'ingress-nginx proxies WebSocket upgrades, but it keeps its `proxy-read-timeout` and `proxy-send-timeout` (60 s by default) for the upgraded connection. A socket that is quiet for a minute (a chat, a dashboard waiting for events) is closed by nginx, not by the application.',
  fix: 'Raise both timeouts on the Ingress that carries the WebSocket path, e.g. `nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"` and `nginx.ingress.kubernetes.io/proxy-send-timeout: "3600"` (or in the controller ConfigMap), and send application-level pings more often than the timeout.',
  example: {
    bad: 'kind: Ingress\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /ws\n            pathType: Prefix\n            backend: { service: { name: chat, port: { name: http } } }',
    good: 'kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"\n    nginx.ingress.kubernetes.io/proxy-send-timeout: "3600"\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /ws\n            pathType: Prefix\n            backend: { service: { name: chat, port: { name: http } } }',
  },
  notes: 'An Ingress counts as nginx when its class (ingressClassName or the kubernetes.io/ingress.class annotation) contains "nginx" or names an IngressClass of an nginx controller, or when it carries nginx annotations. WebSocket traffic is recognised by a `websocket-services` annotation or a path ending in `/ws` (or containing `/ws/`). Timeouts set in an nginx controller ConfigMap of the scan count too.',
  check(ws, report) {
    for (const ing of ws.ofKind('Ingress')) {
      const evidence = webSocketEvidence(ing);
      if (!evidence || !isNginx(ws, ing)) continue;
      const global = globalTimeouts(ws);
      const problems: { setting: string; seconds: number; source: string; path?: KeyPath }[] = [];
      for (const setting of ['proxy-read-timeout', 'proxy-send-timeout']) {
        const own = annotation(ing, setting);
        const seconds = own ? durationSeconds(own.value) : global[setting];
        if (seconds !== undefined && seconds >= MIN_SECONDS) continue;
        problems.push({
          setting,
          seconds: seconds ?? DEFAULT_SECONDS,
          source: own ? 'set on the Ingress' : global[setting] !== undefined ? 'from the controller ConfigMap' : 'the default',
          path: own ? ['metadata', 'annotations', own.key] : undefined,
        });
      }
      if (!problems.length) continue;
      const low = problems.find((p) => p.path);
      const detail = problems.map((p) => `${p.setting} is ${p.seconds}s (${p.source})`).join(' and ');
      report({
        at: ing,
        path: low?.path ?? evidence.path,
        message: `Ingress "${ing.name}" routes WebSocket traffic (${evidence.what}) through nginx, but ${detail}: idle sockets are closed after ${Math.min(...problems.map((p) => p.seconds))} s; set both timeouts to at least ${MIN_SECONDS}`,
      });
    }
  },
});
