import { defineRule } from '../../src/engine/rule.js';

/** Sysctls the kubelet allows by default ("safe"), with the Kubernetes minor version that added each. */
const SAFE_SINCE: Record<string, number> = {
  'kernel.shm_rmid_forced': 0,
  'net.ipv4.ip_local_port_range': 0,
  'net.ipv4.tcp_syncookies': 0,
  'net.ipv4.ping_group_range': 18,
  'net.ipv4.ip_unprivileged_port_start': 22,
  'net.ipv4.ip_local_reserved_ports': 27,
  'net.ipv4.tcp_keepalive_time': 29,
  'net.ipv4.tcp_fin_timeout': 29,
  'net.ipv4.tcp_keepalive_intvl': 29,
  'net.ipv4.tcp_keepalive_probes': 29,
  'net.ipv4.tcp_rmem': 32,
  'net.ipv4.tcp_wmem': 32,
};

function minorOf(version: string): number {
  const m = /^v?1\.(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : 30;
}

/** Sysctl names may use / as the separator (kernel/shm_rmid_forced). */
export function normaliseSysctl(name: string): string {
  return name.trim().replace(/\//g, '.');
}

export default defineRule({
  id: 'unsafe-sysctls',
  family: 'security',
  severity: 'warning',
  securitySeverity: 5.5,
  title: 'A pod sets an unsafe sysctl',
  symptom: 'the pod is rejected by the kubelet with "SysctlForbidden" and stays failed, or, on nodes that allow it, the setting changes kernel behaviour for other pods of the node',
  why: 'Only a short list of namespaced sysctls is "safe" and allowed by default. Any other one must be allowed node by node (`--allowed-unsafe-sysctls`); those that are not namespaced affect the whole node and can starve or break neighbours.',
  fix: 'Remove the sysctl, or use a safe one. If the workload really needs it, allow it on a dedicated node pool and schedule the pod there with a nodeSelector and taints.',
  example: {
    bad: 'securityContext:\n  sysctls:\n    - { name: net.core.somaxconn, value: "4096" }',
    good: 'securityContext:\n  sysctls:\n    - { name: net.ipv4.ip_local_port_range, value: "1024 65000" }',
  },
  peers: {
    kubeLinter: ['unsafe-sysctls'],
  },
  notes: 'The safe list follows the kubelet of `kubernetesVersion`: ping_group_range from 1.18, ip_unprivileged_port_start from 1.22, ip_local_reserved_ports from 1.27, tcp_keepalive_* and tcp_fin_timeout from 1.29, tcp_rmem/tcp_wmem from 1.32.',
  check(ws, report) {
    const minor = minorOf(ws.settings.kubernetesVersion);
    for (const t of ws.podTemplates) {
      const sysctls = t.spec.securityContext?.sysctls;
      if (!Array.isArray(sysctls)) continue;
      sysctls.forEach((s: any, i: number) => {
        if (typeof s?.name !== 'string') return;
        const name = normaliseSysctl(s.name);
        const since = SAFE_SINCE[name];
        if (since !== undefined && since <= minor) return;
        const later = since !== undefined ? ` (safe only from Kubernetes 1.${since}; kubernetesVersion is ${ws.settings.kubernetesVersion})` : '';
        report({
          at: t,
          path: ['securityContext', 'sysctls', i, 'name'],
          message: `${t.owner.kind} "${t.owner.name}" sets the unsafe sysctl ${name}${later}: the kubelet rejects the pod unless the node allows it`,
        });
      });
    }
  },
});
