import { defineRule } from '../../src/engine/rule.js';
import { envDsns } from '../../src/dsn/env-dsns.js';
import { defaultPort, isLocalHost } from '../../src/dsn/knowledge.js';
import { ComposeUnit, composeUnits, type ComposeService } from '../../src/sources/compose.js';
import type { ContainerRef, EnvValue, PodTemplate } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

const MAYBE_LOCAL = /localhost|127\.\d|::1/i;

/** `localhost:6379`, `127.0.0.1:5432` written without a scheme. */
const BARE_HOST_PORT = /^\s*(localhost|127(?:\.\d{1,3}){3}|\[::1\]):(\d{1,5})\s*$/i;

interface LocalTarget {
  host: string;
  port: number;
}

/** Where a value runs: a pod or a compose service, and whether something there listens on a port. */
interface Runtime {
  label: string;
  /** What localhost means there, for the message. */
  localhostIs: string;
  serves(port: number): boolean;
}

/** The pods an env value ends up in: its own container's pod, or the pods consuming its ConfigMap. */
function podsOf(ev: EnvValue): PodTemplate[] {
  if (ev.source === 'container') return ev.container ? [ev.container.template] : [];
  const refs: ContainerRef[] = [];
  for (const c of ev.consumers ?? []) if (!refs.includes(c) && consumesKey(c, ev)) refs.push(c);
  return [...new Set(refs.map((c) => c.template))];
}

/** Whether a container reads this ConfigMap key: all keys through envFrom, one key through configMapKeyRef. */
function consumesKey(c: ContainerRef, ev: EnvValue): boolean {
  const cm = ev.object?.name;
  const envFrom: any[] = Array.isArray(c.container.envFrom) ? c.container.envFrom : [];
  if (envFrom.some((e) => e?.configMapRef?.name === cm)) return true;
  const env: any[] = Array.isArray(c.container.env) ? c.container.env : [];
  return env.some((e) => e?.valueFrom?.configMapKeyRef?.name === cm && e.valueFrom.configMapKeyRef.key === ev.name);
}

function composeRuntime(svc: ComposeService): Runtime {
  // `network_mode: host` or `service:db` shares another network namespace: localhost may well be served.
  const shared = !!svc.networkMode && /^(host|service:|container:)/.test(svc.networkMode);
  return {
    label: `compose service ${svc.name}`,
    localhostIs: 'inside a compose service localhost is that container itself, not the host or another service',
    serves: (port) => shared || svc.containerPorts.includes(port),
  };
}

function runtimesOf(ws: Workspace, ev: EnvValue): Runtime[] {
  if (ev.source === 'compose' && ev.at.unit instanceof ComposeUnit) {
    const svc = ev.at.unit.services.find((s) => s.name === ev.path[1]);
    return svc ? [composeRuntime(svc)] : [];
  }
  if (ev.source === 'envfile') {
    // A .env file matters here when a compose service loads it with env_file.
    const path = ev.at.unit.file.path;
    return composeUnits(ws).flatMap((u) => u.services.filter((s) => s.envFiles.includes(path)).map(composeRuntime));
  }
  return podsOf(ev).map((pod) => ({
    label: `${pod.owner.kind} ${pod.owner.name}`,
    localhostIs: 'inside a pod localhost is the pod itself',
    serves: (port: number) => podServesPort(pod, port),
  }));
}

/** Does a container of the pod listen on the port: a declared containerPort, or a sidecar started with that port? */
function podServesPort(pod: PodTemplate, port: number): boolean {
  for (const c of pod.containers) {
    if (c.ports.some((p) => p.containerPort === port)) return true;
  }
  // Sidecars such as cloud-sql-proxy or pgbouncer often listen without declaring ports: accept a port in their args.
  const token = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  return pod.containers.some((c) => {
    const words = [...(Array.isArray(c.container.command) ? c.container.command : []), ...(Array.isArray(c.container.args) ? c.container.args : [])];
    return words.some((w: unknown) => typeof w === 'string' && token.test(w));
  });
}

function localTargets(ev: EnvValue, dsns: ReturnType<typeof envDsns>): LocalTarget[] {
  const out: LocalTarget[] = [];
  const bare = BARE_HOST_PORT.exec(ev.value);
  if (bare) out.push({ host: bare[1], port: Number(bare[2]) });
  for (const { dsn } of dsns) {
    for (const h of dsn.hosts) {
      if (h.host.templated || !isLocalHost(h.host.text)) continue;
      const port = h.port && /^\d+$/.test(h.port.text) ? Number(h.port.text) : h.port ? undefined : defaultPort(dsn.scheme, dsn.family);
      if (port !== undefined) out.push({ host: h.host.text, port });
    }
  }
  return out;
}

export default defineRule({
  id: 'dsn-localhost',
  family: 'dsn',
  severity: 'warning',
  title: 'Connection string points at localhost, where nothing in the pod listens',
  symptom: '`connect ECONNREFUSED 127.0.0.1:5432` / `Connection refused` as soon as the app starts in the cluster, though it worked on a laptop',
  why:
    'Inside a pod, `localhost` is the pod itself, not the node and not the database Service. A connection string copied from a ' +
    'docker-compose or laptop setup keeps pointing at 127.0.0.1, and unless a sidecar in the same pod listens on that port, every connection is refused.',
  fix: 'Point the value at the Service that runs the dependency (`postgres.db.svc.cluster.local:5432`), or, when a sidecar such as cloud-sql-proxy really serves it, declare its `containerPort` in the pod.',
  example: {
    bad: 'env:\n  - name: DATABASE_URL\n    value: postgresql://app:$(DB_PASSWORD)@localhost:5432/app',
    good: 'env:\n  - name: DATABASE_URL\n    value: postgresql://app:$(DB_PASSWORD)@postgres.db.svc.cluster.local:5432/app',
  },
  notes:
    'Only values that reach a running container are checked: container env, ConfigMaps consumed by a container, docker-compose ' +
    '`environment`, and .env files loaded by a compose service through `env_file`. A container in the pod that declares the port, ' +
    'or whose command or args mention it, counts as serving it; so does a compose service that publishes or exposes the port or ' +
    'shares another network namespace (`network_mode: host` or `service:...`).',
  check(ws, report) {
    const byValue = new Map<EnvValue, ReturnType<typeof envDsns>>();
    for (const d of envDsns(ws)) {
      const list = byValue.get(d.ev) ?? [];
      list.push(d);
      byValue.set(d.ev, list);
    }
    for (const ev of ws.envValues) {
      if (!MAYBE_LOCAL.test(ev.value)) continue;
      const runtimes = runtimesOf(ws, ev);
      if (!runtimes.length) continue;
      const targets = localTargets(ev, byValue.get(ev) ?? []);
      const seen = new Set<number>();
      for (const t of targets) {
        if (seen.has(t.port)) continue;
        seen.add(t.port);
        const lonely = runtimes.filter((r) => !r.serves(t.port));
        if (!lonely.length) continue;
        const names = lonely.map((r) => r.label).join(', ');
        const compose = lonely[0].label.startsWith('compose');
        report({
          at: ev.at,
          path: ev.path,
          message: `${ev.name} points at ${t.host}:${t.port}, but no container of ${names} ${compose ? 'publishes or exposes' : 'declares'} port ${t.port}: ${lonely[0].localhostIs}, so connections are refused. Use the ${compose ? 'service name (db:5432)' : 'Service name of the dependency'} instead`,
        });
      }
    }
  },
});
