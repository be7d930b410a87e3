// Host references in configuration values (URLs, `host:port`), and how cluster DNS resolves them
// against the scanned Services: bare `name`, `name.ns`, `pod.name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local`.
import type { ServiceIndex, ServiceInfo } from './services.js';

export interface HostReference {
  host: string;
  port?: number;
  /** Offsets of the host inside the value. */
  start: number;
  end: number;
  /** URL scheme when the host came from a URL. */
  scheme?: string;
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
// scheme://authority — the authority ends at the path, query, fragment or whitespace.
const URL_RE = /\b([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^\s/?#"'<>]*)/g;
// host:port outside URLs. Hosts are lowercase and start with a letter, as Service names do.
const HOST_PORT_RE = /(?<![\w.\-/:%])([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*):(\d{1,5})(?![\w.:-])/g;
const COLON_DIGIT = /:\d/;
// `image: redis:7`, `IMAGE=postgres:16` in embedded manifests or scripts: an image tag, not a port.
const IMAGE_BEFORE = /image["']?\s*[:=]\s*["']?$/i;

/** Every URL host and `host:port` a value mentions. Multi-host URLs (`mongodb://a:1,b:2/db`) give each host. */
export function hostReferences(value: string): HostReference[] {
  const out: HostReference[] = [];
  const consumed: [number, number][] = [];
  // Both expressions try every letter of the value as a start; most values have neither `://`
  // nor `:<digit>`, which a literal search rules out at once.
  if (!value.includes(':')) return out;
  for (const m of value.includes('://') ? value.matchAll(URL_RE) : []) {
    const scheme = m[1].toLowerCase();
    const authorityStart = m.index + m[1].length + 3;
    const authority = m[2];
    consumed.push([m.index, authorityStart + authority.length]);
    const at = authority.lastIndexOf('@');
    let offset = authorityStart + at + 1;
    const hosts = authority.slice(at + 1);
    for (const part of hosts.split(',')) {
      const ref = hostAndPort(part, offset);
      if (ref) out.push({ ...ref, scheme });
      offset += part.length + 1;
    }
  }
  for (const m of COLON_DIGIT.test(value) ? value.matchAll(HOST_PORT_RE) : []) {
    if (consumed.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const lineStart = value.lastIndexOf('\n', m.index) + 1;
    if (IMAGE_BEFORE.test(value.slice(lineStart, m.index))) continue;
    const port = Number(m[2]);
    if (port > 65535) continue;
    out.push({ host: m[1], port, start: m.index, end: m.index + m[1].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

function hostAndPort(part: string, offset: number): Omit<HostReference, 'scheme'> | undefined {
  if (part === '' || part.startsWith('[')) return undefined; // empty (`PLAINTEXT://:9092`) or IPv6 literal
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(part);
  if (!m) return undefined;
  return { host: m[1], port: m[2] !== undefined ? Number(m[2]) : undefined, start: offset, end: offset + m[1].length };
}

/** How a host name addresses a Service through cluster DNS. */
export interface ServiceDnsName {
  service: string;
  /** Namespace written in the name; undefined for a bare name. */
  namespace?: string;
  /** `bare`: `name`; `ns`: `name.ns` (or `pod.name.ns`); `svc`: `name.ns.svc`; `fqdn`: `name.ns.svc.<cluster domain>`. */
  form: 'bare' | 'ns' | 'svc' | 'fqdn';
  /** Pod host name before the Service (`kafka-0` in `kafka-0.kafka.data.svc`). */
  pod?: string;
}

/** Parse a host as a possible Service DNS name; undefined for IPs and names that cannot be one. */
export function parseServiceHost(rawHost: string): ServiceDnsName | undefined {
  const host = rawHost.replace(/\.$/, '');
  if (host === '' || /^[\d.]+$/.test(host)) return undefined;
  const labels = host.split('.');
  if (!labels.every((l) => DNS_LABEL.test(l))) return undefined;
  const svc = labels.indexOf('svc');
  if (svc >= 2) {
    const after = labels.slice(svc + 1);
    return {
      service: labels[svc - 1 - 1],
      namespace: labels[svc - 1],
      form: after.length ? 'fqdn' : 'svc',
      ...(svc > 2 ? { pod: labels.slice(0, svc - 2).join('.') } : {}),
    };
  }
  if (labels.length === 1) return { service: labels[0], form: 'bare' };
  if (labels.length === 2) return { service: labels[0], namespace: labels[1], form: 'ns' };
  // `pod.service.ns`: StatefulSet pod names resolve through the `svc.cluster.local` search domain.
  if (labels.length === 3) return { pod: labels[0], service: labels[1], namespace: labels[2], form: 'ns' };
  return undefined;
}

export function serviceFqdn(s: Pick<ServiceInfo, 'name' | 'namespace'>, pod?: string): string {
  return `${pod ? `${pod}.` : ''}${s.name}.${s.namespace}.svc.cluster.local`;
}

export type DnsVerdict =
  /** The name resolves to a scanned Service. */
  | { kind: 'resolves'; service: ServiceInfo }
  /** No scanned Service has that name, the namespace is unknown, or the host is external: say nothing. */
  | { kind: 'unknown' }
  /** A bare name used in `fromNamespace`, while the Service lives only in other namespaces. */
  | { kind: 'other-namespace'; name: ServiceDnsName; candidates: ServiceInfo[] }
  /** `name.ns` (or longer) where `ns` holds Services but not this one, which exists elsewhere. */
  | { kind: 'wrong-namespace'; name: ServiceDnsName; candidates: ServiceInfo[] };

/**
 * Resolve a host as cluster DNS would, from a pod in `fromNamespace` (undefined when the value is not used
 * in Kubernetes: bare names are then left alone, since they may be compose services or hosts on a network).
 */
export function resolveServiceHost(index: ServiceIndex, host: string, fromNamespace: string | undefined): DnsVerdict {
  const name = parseServiceHost(host.toLowerCase());
  if (!name) return { kind: 'unknown' };
  const candidates = index.named(name.service);
  if (!candidates.length) return { kind: 'unknown' };
  if (name.namespace === undefined) {
    if (fromNamespace === undefined) return { kind: 'unknown' };
    const local = candidates.find((s) => s.namespace === fromNamespace);
    if (local) return { kind: 'resolves', service: local };
    return { kind: 'other-namespace', name, candidates };
  }
  const exact = candidates.find((s) => s.namespace === name.namespace);
  if (exact) return { kind: 'resolves', service: exact };
  // Only claim the Service is absent when the scan holds that namespace's Services (a partial scan is not wrong).
  if (!index.namespacesWithServices.has(name.namespace)) return { kind: 'unknown' };
  return { kind: 'wrong-namespace', name, candidates };
}
