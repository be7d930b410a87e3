// Probes of a container, normalised: which handler, which port, where in the object.
import type { KeyPath } from '../model.js';
import type { ContainerRef } from './types.js';

export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface ProbeInfo {
  kind: ProbeKind;
  probe: any;
  handler: 'httpGet' | 'tcpSocket' | 'grpc' | 'exec' | undefined;
  /** Port as written (number, numeric string or name), for network handlers. */
  port?: number | string;
  /** Path of the port value relative to the container. */
  portPath?: KeyPath;
}

export function probesOf(c: ContainerRef): ProbeInfo[] {
  const out: ProbeInfo[] = [];
  for (const kind of PROBE_KINDS) {
    const probe = c.container[kind];
    if (!probe || typeof probe !== 'object') continue;
    const handler = (['httpGet', 'tcpSocket', 'grpc', 'exec'] as const).find((h) => probe[h] && typeof probe[h] === 'object');
    const info: ProbeInfo = { kind, probe, handler };
    if (handler && handler !== 'exec' && probe[handler].port !== undefined) {
      const raw = probe[handler].port;
      info.port = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
      info.portPath = [kind, handler, 'port'];
    }
    out.push(info);
  }
  return out;
}
